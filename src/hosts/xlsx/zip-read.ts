import { InputError } from "../../core/model/errors";
import { XlsxLimits, corrupt, encrypted, notXlsx, oldXls, tooManyEntries } from "./errors";

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

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_LOCATOR64 = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

const u16 = (b: Uint8Array, p: number): number => b[p]! | (b[p + 1]! << 8);
const u32 = (b: Uint8Array, p: number): number =>
  (b[p]! | (b[p + 1]! << 8) | (b[p + 2]! << 16) | (b[p + 3]! << 24)) >>> 0;
const u64 = (b: Uint8Array, p: number): number => u32(b, p) + u32(b, p + 4) * 0x1_0000_0000;

function startsWith(b: Uint8Array, magic: readonly number[]): boolean {
  return b.length >= magic.length && magic.every((m, i) => b[i] === m);
}

/** Finds a byte pattern anywhere in `b` (used once, on OLE files, which are small). */
function containsBytes(b: Uint8Array, pattern: Uint8Array): boolean {
  for (let i = b.indexOf(pattern[0]!); i >= 0 && i + pattern.length <= b.length;) {
    let j = 1;
    while (j < pattern.length && b[i + j] === pattern[j]) j++;
    if (j === pattern.length) return true;
    i = b.indexOf(pattern[0]!, i + 1);
  }
  return false;
}

/**
 * An encrypted .xlsx is an OLE compound file holding "EncryptionInfo" and "EncryptedPackage"
 * streams; any other OLE file is most likely an Excel 97-2003 .xls.
 */
function rejectOle(bytes: Uint8Array): never {
  const name = new Uint8Array([..."EncryptionInfo"].flatMap((ch) => [ch.charCodeAt(0), 0]));
  throw containsBytes(bytes, name) ? encrypted() : oldXls();
}

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
  if (startsWith(bytes, OLE_MAGIC)) rejectOle(bytes);
  const isZip = bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b;
  const eocd = findEocd(bytes);
  if (eocd < 0) {
    if (!isZip) throw notXlsx("không phải tệp ZIP.", "it is not a ZIP package.");
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
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== SIG_CENTRAL)
      throw bad("mục thư mục hỏng.", "bad central directory entry.");
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const next = p + 46 + nameLen + extraLen + u16(bytes, p + 32);
    if (next > bytes.length) throw bad("mục thư mục bị cắt.", "central directory entry cut short.");
    const nameBytes = bytes.subarray(p + 46, p + 46 + nameLen);
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
  return entries;
}
