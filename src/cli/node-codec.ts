import {
  constants,
  createDeflateRaw,
  createInflateRaw,
  crc32 as zlibCrc32,
  deflateRawSync,
  inflateRawSync,
} from "node:zlib";
import { AsyncInflate, Codec, EngineOptions, OutputLimitError, Recompress } from "../hosts/xlsx";

/** The smallest output chunk: a part declared empty or tiny is still inflated in few steps. */
const MIN_CHUNK = 64 * 1024;

/** Node's native zlib for the xlsx host: about twice as fast as fflate at inflating and deflating. */
export const NODE_CODEC: Codec = {
  inflateRaw(data, maxOutput, sizeHint = 0) {
    try {
      // One output chunk of the declared size: zlib fills it and Node returns it as it is. In
      // 64 KiB chunks (zlib's default is 16 KiB) Node joined the pieces: a 160 MB sheet held twice
      // over and inflated in twice the time (0.9 s against 0.45). A directory that lies gets the
      // true output all the same: a smaller size gives several chunks, joined; a larger one an
      // allocation no larger than the budget lets any part fill (the hint is capped by it).
      return inflateRawSync(data, {
        maxOutputLength: Math.max(1, maxOutput),
        chunkSize: Math.max(MIN_CHUNK, sizeHint),
      });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE")
        throw new OutputLimitError();
      throw e;
    }
  },
  deflateRaw(data, level, more = false) {
    return deflateRawSync(data, {
      level,
      chunkSize: 64 * 1024,
      finishFlush: more ? constants.Z_SYNC_FLUSH : constants.Z_FINISH,
    });
  },
  crc32(data, crc) {
    return zlibCrc32(data, crc);
  },
};

/** Inflated pieces this big: a 160 MB sheet in 640 pieces for the parser. */
const PIECE = 256 * 1024;

/**
 * Node's zlib as a stream, for reading the big parts (issue 15): the whole-part inflateRaw above
 * held a country's 160 MB member sheet, and twice that while zlib joined its pieces; streamed, the
 * parser holds a piece or two. zlib works on libuv's thread pool meanwhile, so reading is no slower.
 * Writing keeps the whole-part codec (the parts it edits are edited whole).
 */
export const nodeInflate: AsyncInflate = (data, sink) =>
  new Promise<void>((resolve, reject) => {
    const z = createInflateRaw({ chunkSize: PIECE });
    let settled = false;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      z.destroy();
      reject(e);
    };
    z.on("data", (piece: Buffer) => {
      if (settled) return;
      try {
        sink(piece);
      } catch (e) {
        // A limit broken: stop inflating now, and that refusal is the answer.
        fail(e);
      }
    });
    z.on("error", fail);
    z.on("end", () => {
      if (settled) return;
      settled = true;
      resolve();
    });
    z.end(data);
  });

/** Deflated pieces this big, as NODE_CODEC.deflateRaw gives them. */
const DEFLATED_PIECE = 64 * 1024;

/**
 * The start of a big part rewritten as a stream (issue 15): inflated on zlib's thread pool straight
 * into a deflater on another of its threads, so a country's 160 MB member sheet is never held (it
 * was, whole, to write the checked copy) and the two run side by side. The inflater waits whenever
 * the deflater has a piece queued, so no more than a few pieces are in flight. Ended by a sync
 * flush, the output is byte for byte NODE_CODEC.deflateRaw's with `more` on the same bytes: zlib's
 * output does not depend on how its input is fed.
 */
export const nodeRecompress: Recompress = (data, keep, level) =>
  new Promise((resolve, reject) => {
    const inflater = createInflateRaw({ chunkSize: PIECE });
    const deflater = createDeflateRaw({
      level,
      chunkSize: DEFLATED_PIECE,
      finishFlush: constants.Z_SYNC_FLUSH,
    });
    const out: Uint8Array[] = [];
    let got = 0;
    let settled = false;
    const fail = (e: unknown) => {
      if (settled) return;
      settled = true;
      inflater.destroy();
      deflater.destroy();
      reject(e);
    };
    inflater.on("data", (piece: Buffer) => {
      if (settled || got >= keep) return;
      const kept = piece.length <= keep - got ? piece : piece.subarray(0, keep - got);
      got += kept.length;
      const more = deflater.write(kept);
      if (got === keep) {
        inflater.destroy();
        deflater.end();
      } else if (!more) {
        inflater.pause();
        deflater.once("drain", () => inflater.resume());
      }
    });
    inflater.on("end", () => {
      if (got < keep) fail(new Error(`inflated to ${got} bytes, fewer than the ${keep} to keep`));
    });
    inflater.on("error", fail);
    deflater.on("data", (piece: Buffer) => out.push(piece));
    deflater.on("error", fail);
    deflater.on("end", () => {
      if (settled) return;
      settled = true;
      resolve(out);
    });
    inflater.end(data);
  });

/**
 * How the command line opens a package: big parts read through the stream, written by the codec,
 * and a big worksheet given highlights rewritten as a stream.
 */
export const NODE_ENGINE: EngineOptions = { inflate: nodeInflate, recompress: nodeRecompress };
