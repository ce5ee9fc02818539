import { crc32, deflateRawSync, constants } from "node:zlib";

/**
 * Zip packages written entry by entry, every header field as given, for inputs no zip library
 * writes: entries that unpack to a gigabyte from a megabyte, names a library would refuse
 * ("../../x", absolute, backslashes, bytes that are not UTF-8), wrong CRCs and declared sizes,
 * several names on one entry's data. Sizes stay under 4 GiB, so no Zip64 records are needed.
 */
export interface RawEntry {
  /** A string is written as UTF-8; bytes are written as they are. */
  readonly name: string | Uint8Array;
  /** 8 (the default): `data` is deflated; 0: `data` is stored as it is. */
  readonly method?: 0 | 8;
  /** The entry's bytes as the zip holds them. */
  readonly data: Uint8Array;
  /** What the headers claim: the CRC and the size of the unpacked bytes. */
  readonly crc: number;
  readonly size: number;
}

/** More names in the central directory for the data of the entry named `of`. */
export interface Aliases {
  readonly of: string;
  readonly names: readonly string[];
}

/** A deflated entry from plain bytes. */
export const deflated = (name: string, bytes: Uint8Array): RawEntry => ({
  name,
  data: deflateRawSync(bytes, { level: 9 }),
  crc: crc32(bytes),
  size: bytes.length,
});

/**
 * `prefix`, then `total` bytes of `fill`, then `suffix`, deflated in about a thousandth of its
 * size without ever holding it: one 16 MiB chunk is deflated once, ending on a byte boundary
 * (a sync flush), and its blocks repeated (deflate blocks that refer to nothing before them can
 * be chained). `total` is rounded down to whole chunks.
 */
export function repeated(
  name: string,
  prefix: string,
  fill: number,
  total: number,
  suffix: string,
): RawEntry {
  const chunk = Buffer.alloc(16 * 2 ** 20, fill);
  const sync = { level: 9, finishFlush: constants.Z_SYNC_FLUSH };
  const head = deflateRawSync(Buffer.from(prefix), sync);
  const body = deflateRawSync(chunk, sync);
  const tail = deflateRawSync(Buffer.from(suffix), { level: 9 });
  const n = Math.max(1, Math.floor(total / chunk.length));
  let crc = crc32(prefix);
  for (let i = 0; i < n; i++) crc = crc32(chunk, crc);
  crc = crc32(suffix, crc);
  return {
    name,
    data: Buffer.concat([head, ...Array<Buffer>(n).fill(body), tail]),
    crc,
    size: Buffer.byteLength(prefix) + n * chunk.length + Buffer.byteLength(suffix),
  };
}

/**
 * The zip: local headers and data, then the central directory (with `aliases`, more records
 * pointing at one entry's local header), names flagged UTF-8.
 */
export function zipRaw(entries: readonly RawEntry[], aliases?: Aliases): Uint8Array {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  let aliased: { entry: RawEntry; offset: number } | undefined;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt16LE(e.method ?? 8, 8);
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    chunks.push(local, name, Buffer.from(e.data));
    central.push(centralRecord(e, name, offset));
    if (aliases && e.name === aliases.of) aliased = { entry: e, offset };
    offset += 30 + name.length + e.data.length;
  }
  if (aliases && !aliased) throw new Error(`no entry ${aliases.of} to alias`);
  for (const a of aliases?.names ?? [])
    central.push(centralRecord(aliased!.entry, Buffer.from(a), aliased!.offset));
  const records = entries.length + (aliases?.names.length ?? 0);
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(records & 0xffff, 8);
  end.writeUInt16LE(records & 0xffff, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...chunks, cd, end]));
}

/** The central directory's record of `e`, named `name`, its local header at `offset`. */
function centralRecord(e: RawEntry, name: Buffer, offset: number): Buffer {
  const dir = Buffer.alloc(46);
  dir.writeUInt32LE(0x02014b50, 0);
  dir.writeUInt16LE(20, 4);
  dir.writeUInt16LE(20, 6);
  dir.writeUInt16LE(0x0800, 8);
  dir.writeUInt16LE(e.method ?? 8, 10);
  dir.writeUInt32LE(e.crc >>> 0, 16);
  dir.writeUInt32LE(e.data.length, 20);
  dir.writeUInt32LE(e.size >>> 0, 24);
  dir.writeUInt16LE(name.length, 28);
  dir.writeUInt32LE(offset, 42);
  return Buffer.concat([dir, name]);
}
