import { Mapping } from "../../core/check/mapping";
import { CheckResult } from "../../core/check/run-check";
import { Finding } from "../../core/model/finding";
import { Settings } from "../../core/model/settings";
import { WritePlan } from "../../core/model/write-plan";
import { JsonReport } from "../../core/report/json-report";
import { CheckScope, computeCheck, ComputeRequest, ComputeStep } from "./compute-check";
import { WorkbookPort } from "./port";
import { CancelToken, Stage, throwIfCancelled } from "./progress";
import { readRawInput } from "./read-input-sheets";

export type { CheckScope } from "./compute-check";

export interface CheckOutcome {
  /** The check's own result; absent when the pure step ran elsewhere (options.compute). */
  readonly result?: CheckResult;
  readonly report: JsonReport;
  readonly plan: WritePlan;
}

export interface CheckOptions {
  /** Called as each stage starts; awaited, so a pane can paint before the next stretch of work. */
  readonly onStage?: (stage: Stage) => void | Promise<void>;
  /** Polled between sheets and before writing; a cancelled check writes nothing. */
  readonly cancel?: CancelToken;
  readonly scope?: CheckScope;
  /**
   * The day of this run, ISO "YYYY-MM-DD": the review trail dates findings that vanished with it.
   * Hosts pass their local today; the core never reads the clock.
   */
  readonly checkedOn?: string;
  /**
   * Findings made before the check by the caller (the merge of several files: a club id in two
   * files), reported and listed with the check's own, first.
   */
  readonly extraFindings?: readonly Finding[];
  /**
   * Where the pure step runs (picking the sheets' roles, the rules, the plan): in place by
   * default; inside Excel, a Web Worker, so that the pane stays responsive while it runs.
   */
  readonly compute?: ComputeStep;
  /**
   * A full garbage collection, where the host can ask for one (the command line: fullCollector).
   * Run where a country's register leaves the most heap dead: while and once the registers'
   * records are read and at the check's later stages (runCheckHandedOver says where), as writing
   * starts (the check's workings) and once written (the writer's buffers, before the host
   * serialises the report): V8 lets the heap grow to several times what stayed live at its last
   * full collection, and lets it stay there until the next (issue 15). Not where the pure step
   * runs elsewhere (options.compute).
   */
  readonly collect?: () => void;
  /**
   * False: the plan is made and returned but not applied, and nothing is written (the command
   * line's `check --report` without `--out`, which has no copy to write: a country's writing
   * stage and its memory were spent on a copy nobody kept).
   */
  readonly write?: boolean;
}

/**
 * The "Check club" use case over any host: read the input sheets, run the pure check, apply its
 * write plan. The same function serves the command line, the browser file mode and Excel.
 */
export async function checkWorkbook(
  port: WorkbookPort,
  settings: Settings,
  mapping: Mapping = {},
  options: CheckOptions = {},
): Promise<CheckOutcome> {
  const { cancel } = options;
  const stage = async (s: Stage) => {
    throwIfCancelled(cancel);
    await options.onStage?.(s);
    throwIfCancelled(cancel);
  };
  const computed = await readAndCompute(port, settings, mapping, options, stage);
  if (options.write === false) return computed;
  // The last point where a cancel is honoured: from here on the host writes all or nothing.
  await stage("writing");
  options.collect?.();
  await port.apply(computed.plan);
  // The new package is built: what built it (a country's deflated pieces, the check's typed
  // arrays) is dead, and in buffers V8 frees only when it collects.
  options.collect?.();
  return computed;
}

/**
 * Reading and the pure step, on their own: what was read (every input sheet, several hundred MB
 * for a country's register) is unreachable once this returns, so the garbage collector may free it
 * while the host writes. Held in checkWorkbook's frame, it would live through apply().
 */
async function readAndCompute(
  port: WorkbookPort,
  settings: Settings,
  mapping: Mapping,
  options: CheckOptions,
  stage: (s: Stage) => Promise<void>,
): Promise<CheckOutcome> {
  const { cancel } = options;
  await stage("reading");
  const { sheets, content } = await readRawInput(port, cancel);
  // Read in either scope: the report carries the review trail even when only the appendix is written.
  throwIfCancelled(cancel);
  const ours = sheets.find((s) => s.generated === "findings");
  const findings = ours === undefined ? null : await port.readSheet(ours.name);
  port.rest?.();

  await stage("checking");
  const request: ComputeRequest = {
    sheets,
    // Handed over (the check lets go of each sheet once read): this frame keeps no other hold.
    content: handOver(content),
    findings,
    settings,
    mapping,
    scope: options.scope ?? "all",
    checkedOn: options.checkedOn,
    extraFindings: options.extraFindings ?? [],
  };
  return options.compute ? await options.compute(request) : computeCheck(request, options.collect);
}

/** A map's entries, the map emptied: whoever takes them holds them alone. */
function handOver<K, V>(map: Map<K, V>): [K, V][] {
  const entries = [...map];
  map.clear();
  return entries;
}

/** The command line's exit status: 1 when any finding is an error, else 0. */
export const exitStatusOf = (report: JsonReport): 0 | 1 =>
  report.summary.findings.error > 0 ? 1 : 0;
