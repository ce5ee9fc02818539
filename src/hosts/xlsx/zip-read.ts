import { InputError } from "../../core/model/errors";
import { XlsxLimits, corrupt, tooManyEntries, wrongFormat } from "./errors";
import { fileKind, packageKind } from "./file-kind";

/**
 * A package's bytes by range: the bytes themselves, or a Package, which may read a range again from
 * where its bytes came from (PackageSource) once it let go of them. `buffer`: the memory a range
 * may be a view of; none when ranges are read afresh.
 */
export interface PackageBytes {
  subarray(begin: number, end: number): Uint8Array;
  readonly buffer?: ArrayBufferLike;
}

/** One entry of the zip's central directory, located but not inflated. */
export interface ZipEntry {
  readonly name: string;
  readonly nameBytes: Uint8Array;
  readonly flags: number;
  readonly method: number;
  readonly time: number;
  readonly date: number;
  readonly crc: number;
  readonly compressedSize: number;
  /** As declared by the central directory: checked against the inflated bytes, never trusted. */
  readonly size: number;
  readonly externalAttrs: number;
  /** Offset of the compressed data in the package. */
  readonly dataStart: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_LOCATOR64 = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

const u16 = (b: Uint8Array, p: number): number => b[p]! | (b[p + 1]! << 8);
const u32 = (b: Uint8Array, p: number): number =>
  (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;
const u64 = (b: Uint8Array, p: number): number => u32(b, p) + u32(b, p + 4) * 0x1_0000_0000;

function findEocd(b: Uint8Array): number {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let p = b.length - 22; p >= stop; p--) {
    if (b[p] === 0x50 && u32(b, p) === SIG_EOCD && p + 22 + u16(b, p + 20) <= b.length) return p;
  }
  return -1;
}

const bad = (vi: string, en: string): InputError => corrupt("zip", vi, en);

/** Reads the central directory: entry names, sizes and where each entry's data lies. */
export function readZip(bytes: Uint8Array, limits: XlsxLimits): ZipEntry[] {
  // Told by its bytes before anything is parsed. Unknown bytes with a ZIP's end record are read
  // on (a package behind some prefix); a ZIP's own kind comes from its entry names below.
  const kind = fileKind(bytes);
  const eocd = kind.kind === "zip" || kind.kind === "binary" ? findEocd(bytes) : -1;
  if (kind.kind !== "zip" && eocd < 0) throw wrongFormat(kind);
  if (eocd < 0) {
    throw bad(
      "thiếu phần kết (tệp bị cắt cụt).",
      "no end of central directory (the file is cut short).",
    );
  }
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || u32(bytes, loc) !== SIG_LOCATOR64)
      throw bad("phần định vị zip64 bị hỏng.", "bad zip64 locator.");
    const e64 = u64(bytes, loc + 8);
    if (e64 + 56 > bytes.length || u32(bytes, e64) !== SIG_EOCD64)
      throw bad("thư mục zip64 bị hỏng.", "bad zip64 directory.");
    count = u64(bytes, e64 + 32);
    cdSize = u64(bytes, e64 + 40);
    cdOffset = u64(bytes, e64 + 48);
  }
  if (count > limits.maxEntries) throw tooManyEntries(count, limits.maxEntries);
  if (cdOffset + cdSize > bytes.length)
    throw bad("thư mục ngoài phạm vi tệp.", "central directory out of range.");
  const decoder = new TextDecoder("utf-8");
  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  const localStarts: number[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== SIG_CENTRAL)
      throw bad("mục thư mục hỏng.", "bad central directory entry.");
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const next = p + 46 + nameLen + extraLen + u16(bytes, p + 32);
    if (next > bytes.length) throw bad("mục thư mục bị cắt.", "central directory entry cut short.");
    // A copy (a Buffer's slice() is a view): a view would keep the whole package alive (rest()).
    const nameBytes = new Uint8Array(bytes.subarray(p + 46, p + 46 + nameLen));
    let compressedSize = u32(bytes, p + 20);
    let size = u32(bytes, p + 24);
    let offset = u32(bytes, p + 42);
    // Zip64 extra field: the 64-bit values appear only for the fields saturated at 0xFFFFFFFF.
    for (let x = p + 46 + nameLen; x + 4 <= p + 46 + nameLen + extraLen;) {
      const id = u16(bytes, x);
      const len = u16(bytes, x + 2);
      if (id === 1) {
        let f = x + 4;
        const take = (v: number): number =>
          v === 0xffffffff && f + 8 <= x + 4 + len ? ((f += 8), u64(bytes, f - 8)) : v;
        size = take(size);
        compressedSize = take(compressedSize);
        offset = take(offset);
      }
      x += 4 + len;
    }
    if (offset + 30 > bytes.length || u32(bytes, offset) !== SIG_LOCAL)
      throw bad("phần đầu mục hỏng.", "bad local file header.");
    const dataStart = offset + 30 + u16(bytes, offset + 26) + u16(bytes, offset + 28);
    if (dataStart + compressedSize > bytes.length)
      throw bad("dữ liệu vượt quá cuối tệp.", "entry data runs past the end of the file.");
    const name = decoder.decode(nameBytes);
    const key = name.toLowerCase();
    if (seen.has(key)) throw bad(`mục "${name}" bị lặp.`, `duplicate entry "${name}".`);
    seen.add(key);
    localStarts.push(offset);
    entries.push({
      name,
      nameBytes,
      flags: u16(bytes, p + 8),
      method: u16(bytes, p + 10),
      time: u16(bytes, p + 12),
      date: u16(bytes, p + 14),
      crc: u32(bytes, p + 16),
      compressedSize,
      size,
      externalAttrs: u32(bytes, p + 38),
      dataStart,
    });
    p = next;
  }
  refuseOverlaps(entries, localStarts);
  const other = packageKind(entries.map((e) => e.name));
  if (other) throw wrongFormat(other);
  return entries;
}

/**
 * Refuses entries whose bytes overlap: no real writer produces them, and a thousand names pointing
 * at one blob would otherwise be copied a thousand times (a 1 MB file giving a 1 GB output) while
 * each part is counted against no limit once. With no overlap, every part's bytes are counted once.
 */
function refuseOverlaps(entries: readonly ZipEntry[], localStarts: readonly number[]): void {
  const order = entries.map((_, i) => i).sort((a, b) => localStarts[a]! - localStarts[b]!);
  for (let k = 1; k < order.length; k++) {
    const before = entries[order[k - 1]!]!;
    const after = entries[order[k]!]!;
    if (before.dataStart + before.compressedSize > localStarts[order[k]!]!) {
      throw bad(
        `mục "${after.name}" dùng chung dữ liệu với mục "${before.name}" (tệp bị hỏng hoặc bị làm giả).`,
        `entry "${after.name}" overlaps the data of entry "${before.name}" (the file is damaged or forged).`,
      );
    }
  }
}
