import { constants, crc32 as zlibCrc32, deflateRawSync, inflateRawSync } from "node:zlib";
import { Codec, OutputLimitError } from "../hosts/xlsx";

/** Node's native zlib for the xlsx host: about twice as fast as fflate at inflating and deflating. */
export const NODE_CODEC: Codec = {
  inflateRaw(data, maxOutput) {
    try {
      // 64 KiB output chunks (zlib's default is 16 KiB): a 160 MB sheet in a quarter of the
      // pieces to join, inflated in half the time.
      return inflateRawSync(data, {
        maxOutputLength: Math.max(1, maxOutput),
        chunkSize: 64 * 1024,
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
