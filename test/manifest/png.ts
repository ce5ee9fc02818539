/** A strict little PNG reader for the icon checks: signature, chunk CRCs, IHDR and pixel data. */
import { inflateSync } from "node:zlib";

export interface Png {
  readonly width: number;
  readonly height: number;
  readonly bitDepth: number;
  readonly colourType: number;
  /** The inflated IDAT stream: one filter byte, then the pixels, for every scanline. */
  readonly scanlines: Buffer;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE = Array.from({ length: 256 }, (_, k) => {
  let c = k;
  for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export function readPng(file: Buffer, name = "PNG"): Png {
  if (!file.subarray(0, 8).equals(SIGNATURE)) throw new Error(`${name}: not a PNG signature`);
  const chunks: { type: string; data: Buffer }[] = [];
  let offset = 8;
  while (offset < file.length) {
    if (offset + 12 > file.length) throw new Error(`${name}: truncated chunk at ${offset}`);
    const length = file.readUInt32BE(offset);
    const typeAndData = file.subarray(offset + 4, offset + 8 + length);
    const type = typeAndData.subarray(0, 4).toString("ascii");
    if (crc32(typeAndData) !== file.readUInt32BE(offset + 8 + length)) {
      throw new Error(`${name}: bad CRC in ${type}`);
    }
    chunks.push({ type, data: typeAndData.subarray(4) });
    offset += 12 + length;
  }
  const [first] = chunks;
  if (first?.type !== "IHDR" || first.data.length !== 13)
    throw new Error(`${name}: IHDR not first`);
  if (chunks[chunks.length - 1].type !== "IEND") throw new Error(`${name}: IEND not last`);
  const idat = Buffer.concat(chunks.filter((c) => c.type === "IDAT").map((c) => c.data));
  return {
    width: first.data.readUInt32BE(0),
    height: first.data.readUInt32BE(4),
    bitDepth: first.data[8],
    colourType: first.data[9],
    scanlines: inflateSync(idat),
  };
}
