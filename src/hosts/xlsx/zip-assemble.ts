import type { OutEntry } from "./zip-write";

/**
 * The zip container around the new package's entries, once each new one is deflated (zip-write.ts
 * decides how): local headers, data, the central directory.
 */

const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;
const UTF8_NAME = 0x0800;

interface Written {
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  externalAttrs: number;
  offset: number;
}

/** The fields a local header and its central directory record share, in the same order. */
const sharedFields = (w: Written): [number, number][] => [
  [2, w.flags],
  [2, w.method],
  [2, w.time],
  [2, w.date],
  [4, w.crc],
  [4, w.compressedSize],
  [4, w.size],
  [2, w.nameBytes.length],
];

function header(size: number, fields: [number, number][]): Uint8Array {
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let at = 0;
  for (const [bytes, value] of fields) {
    if (bytes === 2) view.setUint16(at, value, true);
    else view.setUint32(at, value, true);
    at += bytes;
  }
  return out;
}

/** A new entry's content, deflated. */
export interface Deflated {
  readonly data: readonly Uint8Array[];
  readonly crc: number;
  readonly size: number;
}

/**
 * The zip itself: local headers and data, then the central directory; in pieces, in order (the
 * data as deflated, never copied: joined, a country's copy would be held twice).
 */
export function assemble(
  entries: readonly OutEntry[],
  deflated: readonly (Deflated | undefined)[],
): Uint8Array[] {
  const chunks: Uint8Array[] = [];
  const written: Written[] = [];
  let offset = 0;
  const emit = (c: Uint8Array): void => {
    chunks.push(c);
    offset += c.length;
  };
  entries.forEach((e, i) => {
    let w: Written;
    let data: readonly Uint8Array[];
    if (e.kind === "copy") {
      const x = e.entry;
      data = [e.pkg.subarray(x.dataStart, x.dataStart + x.compressedSize)];
      w = { ...x, flags: x.flags & UTF8_NAME, offset };
    } else {
      const d = deflated[i]!;
      data = d.data;
      const compressedSize = d.data.reduce((n, c) => n + c.length, 0);
      const nameBytes = new TextEncoder().encode(e.name);
      const base = {
        time: e.like?.time ?? 0,
        date: e.like?.date ?? DOS_DATE_1980_01_01,
        externalAttrs: e.like?.externalAttrs ?? 0,
      };
      w = {
        ...base,
        nameBytes,
        flags: UTF8_NAME,
        method: 8,
        crc: d.crc,
        compressedSize,
        size: d.size,
        offset,
      };
    }
    if (offset > 0xffffffff || w.size > 0xffffffff || w.compressedSize > 0xffffffff)
      throw new Error("The new package would need zip64, which this writer does not produce.");
    written.push(w);
    emit(header(30, [[4, 0x04034b50], [2, 20], ...sharedFields(w), [2, 0]]));
    emit(w.nameBytes);
    data.forEach(emit);
  });
  const cdStart = offset;
  for (const w of written) {
    emit(
      header(46, [
        [4, 0x02014b50],
        [2, 20],
        [2, 20],
        ...sharedFields(w),
        [2, 0],
        [2, 0],
        [2, 0],
        [2, 0],
        [4, w.externalAttrs],
        [4, w.offset],
      ]),
    );
    emit(w.nameBytes);
  }
  if (written.length > 0xffff)
    throw new Error("The new package would need zip64 (too many entries).");
  emit(
    header(22, [
      [4, 0x06054b50],
      [2, 0],
      [2, 0],
      [2, written.length],
      [2, written.length],
      [4, offset - cdStart],
      [4, cdStart],
      [2, 0],
    ]),
  );
  return chunks;
}
