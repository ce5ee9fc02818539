import { Worker } from "node:worker_threads";
import {
  constants,
  createDeflateRaw,
  createInflateRaw,
  crc32 as zlibCrc32,
  deflateRawSync,
  inflateRawSync,
} from "node:zlib";
import {
  AsyncInflate,
  Codec,
  EngineOptions,
  OutputLimitError,
  Recompress,
  Recompressed,
  StreamDeflate,
} from "../hosts/xlsx";

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

/**
 * Inflated pieces this big: a 160 MB sheet in 2,560 pieces for the parser. Each is a new buffer,
 * freed only when V8 collects; under glibc's 128 KiB mmap threshold they come from and go back
 * to the heap the allocator reuses, where 256 KiB pieces were mapped, and unmapping one raised
 * the threshold so that later buffers piled up in memory it never gave back: a country's peak
 * was 10-15 MB higher (alternating runs).
 */
const PIECE = 64 * 1024;

/**
 * Node's zlib as a stream, for reading the big parts (issue 15): the whole-part inflateRaw above
 * held a country's 160 MB member sheet, and twice that while zlib joined its pieces; streamed, the
 * parser holds a piece or two. zlib works on libuv's thread pool meanwhile, so reading is no slower.
 * Writing keeps the whole-part codec (the parts it edits are edited whole).
 */
/**
 * A listener that holds nothing: one made inside nodeInflate would hold its scope, hence the data
 * it inflated (a country's member sheet, 24 MB, let go of by the package while the check runs).
 */
const ignoreError = (): void => undefined;

export const nodeInflate: AsyncInflate = (data, sink) =>
  new Promise<void>((resolve, reject) => {
    const z = createInflateRaw({ chunkSize: PIECE });
    let settled = false;
    // The stream outlives the promise until Node closes it: its listeners (hence the sink, and the
    // parser and all it read) are let go of once settled. An error after that is nobody's.
    const settle = () => {
      settled = true;
      z.removeAllListeners();
      z.on("error", ignoreError);
    };
    const fail = (e: unknown) => {
      if (settled) return;
      settle();
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
      settle();
      resolve();
    });
    z.end(data);
  });

/** Deflated pieces this big, as NODE_CODEC.deflateRaw gives them. */
const DEFLATED_PIECE = 64 * 1024;

/**
 * The start of a big part rewritten as a stream (issue 15), in a worker thread of its own: there,
 * zlib inflates the stored part straight into a deflater, so a country's 160 MB member sheet is
 * never held (it was, whole, to write the checked copy). A thread of its own, since the stream's
 * pieces pass through JavaScript: on the main thread they waited whenever it was busy, and it is,
 * building the generated sheets while the start is deflated (XlsxWorkbook.apply starts it first).
 * The inflater waits whenever the deflater has a piece queued. Ended by a sync flush, the
 * output is byte for byte NODE_CODEC.deflateRaw's with `more` on the same bytes: zlib's output
 * does not depend on how its input is fed.
 */
export const nodeRecompress: Recompress = (data, keep, level, signal) =>
  typeof keep !== "number"
    ? keep.known.then((known) => nodeRecompress(data, known, level, signal))
    : recompressKnown(data, keep, level, signal);

const recompressKnown = (
  data: Uint8Array,
  keep: number,
  level: number,
  signal: AbortSignal | undefined,
): Promise<Recompressed> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new Error("the recompressing was stopped"));
    // Bytes in shared memory (the command line's input: readInput) are read where they lie; any
    // others are copied, and the copy moved (a Buffer's slice() is a view: the package would go).
    const shared = data.buffer instanceof SharedArrayBuffer;
    const input = shared ? data : new Uint8Array(data);
    const worker = new Worker(RECOMPRESS_SOURCE, {
      eval: true,
      workerData: { data: input, keep, level, piece: PIECE, deflated: DEFLATED_PIECE },
      transferList: shared ? [] : [input.buffer as ArrayBuffer],
      // It holds a piece or two at a time: a small heap keeps the thread's memory small.
      resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 64 },
    });
    const stop = () => {
      void worker.terminate();
      reject(new Error("the recompressing was stopped"));
    };
    signal?.addEventListener("abort", stop, { once: true });
    const settle = () => signal?.removeEventListener("abort", stop);
    worker.once("message", (m: Uint8Array[] | { readonly error: string }) => {
      settle();
      if (Array.isArray(m)) resolve({ deflated: m, rest: new Uint8Array(0) });
      else reject(new Error(m.error));
      void worker.terminate();
    });
    worker.once("error", (e) => {
      settle();
      reject(e);
    });
    // After a message, a no-op; without one (the thread died), the failure.
    worker.once("exit", (code) => {
      settle();
      reject(new Error(`the recompressing thread exited (${code})`));
    });
  });

/**
 * The worker's code, plain JavaScript (it runs from this string, compiled or under the tests alike):
 * the stored part inflated into the deflater, the deflated start's pieces moved back to the caller.
 */
const RECOMPRESS_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const zlib = require("node:zlib");
const { data, keep, level, piece, deflated } = workerData;
const inflater = zlib.createInflateRaw({ chunkSize: piece });
const deflater = zlib.createDeflateRaw({ level, chunkSize: deflated, finishFlush: zlib.constants.Z_SYNC_FLUSH });
const out = [];
let got = 0;
let settled = false;
const fail = (e) => {
  if (settled) return;
  settled = true;
  inflater.destroy();
  deflater.destroy();
  parentPort.postMessage({ error: String(e && e.message ? e.message : e) });
};
inflater.on("data", (p) => {
  if (settled || got >= keep) return;
  const kept = p.length <= keep - got ? p : p.subarray(0, keep - got);
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
  if (got < keep) fail(new Error("inflated to " + got + " bytes, fewer than the " + keep + " to keep"));
});
inflater.on("error", fail);
deflater.on("data", (p) => out.push(p));
deflater.on("error", fail);
deflater.on("end", () => {
  if (settled) return;
  settled = true;
  // The pieces go as they are, their buffers moved rather than copied (zlib's own, each shared by
  // a few pieces at most, never Node's pool: a chunk of 64 KiB is allocated on its own).
  const buffers = [...new Set(out.map((p) => p.buffer))];
  parentPort.postMessage(out.map((p) => new Uint8Array(p.buffer, p.byteOffset, p.length)), buffers);
});
inflater.end(data);
`;

/**
 * Node's zlib as a stream for a new part in pieces (a country's 26 MB findings sheet): the pieces
 * are deflated where they lie, never joined, on zlib's thread pool while this thread builds the
 * next. The same bytes as NODE_CODEC.deflateRaw on the pieces joined: zlib's output does not
 * depend on how its input is fed.
 */
export const nodeDeflateStream: StreamDeflate = (pieces, level) =>
  new Promise((resolve, reject) => {
    const z = createDeflateRaw({ level, chunkSize: DEFLATED_PIECE });
    const out: Uint8Array[] = [];
    z.on("data", (piece: Buffer) => out.push(piece));
    z.on("error", reject);
    z.on("end", () => resolve(out));
    for (const piece of pieces) z.write(piece);
    z.end();
  });

/**
 * How the command line opens a package: big parts read through the stream, written by the codec
 * (a generated sheet's pieces through the stream), and a big worksheet given highlights rewritten
 * as a stream.
 */
export const NODE_ENGINE: EngineOptions = {
  inflate: nodeInflate,
  recompress: nodeRecompress,
  deflateStream: nodeDeflateStream,
};
