import { Codec } from "./codec";
import { concat, lengthOf } from "./concat";
import { guarded } from "./guarded";
import { XlsxLimits } from "./errors";
import { Package } from "./package";
import { readWorkbook, WorkbookInfo } from "./workbook-parts";

/** A package opened: its parts and what its workbook part says. */
export interface OpenedPackage {
  readonly pkg: Package;
  readonly wb: WorkbookInfo;
}

/**
 * The package a workbook stands for: the one it was opened from, or the one its last apply()
 * wrote, kept in the zip writer's pieces until it is used. The command line writes those pieces
 * as they are (XlsxWorkbook.toPieces): joined, a country's checked copy (27 MB) was held twice
 * over as writing ended, beside the deflated pieces it was joined from (issue 15).
 */
export class PackageState {
  private opened: OpenedPackage | undefined;
  private written:
    { readonly pieces: readonly Uint8Array[]; readonly codec: Codec | undefined } | undefined;

  constructor(
    opened: OpenedPackage,
    /** The limits the input was opened under: a package we wrote is opened within them. */
    private readonly limits: XlsxLimits,
  ) {
    this.opened = opened;
  }

  /** The package, opened now if it was written and not used yet. */
  current(): OpenedPackage {
    if (this.opened) return this.opened;
    const { pieces, codec } = this.written!;
    const pkg = guarded(() => Package.ours(concat(pieces, lengthOf(pieces)), this.limits, codec));
    this.opened = { pkg, wb: guarded(() => readWorkbook(pkg)) };
    this.written = undefined;
    return this.opened;
  }

  /** A new package, as written: whole, never a part of it (see XlsxWorkbook.apply). */
  replace(pieces: readonly Uint8Array[], codec: Codec | undefined): void {
    this.written = { pieces, codec };
    this.opened = undefined;
  }

  /** The package's bytes in order: as written when it was not used since, else its one buffer. */
  pieces(): readonly Uint8Array[] {
    return this.written?.pieces ?? [this.current().pkg.bytes];
  }
}
