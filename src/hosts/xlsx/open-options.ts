import { AsyncInflate, Recompress, StreamDeflate } from "./codec";
import { PackageSource } from "./package";
import { RunDeflater } from "./deflate-run";

/** How a package is opened besides its bytes, limits and codec. */
export interface OpenOptions {
  /** The bytes are a package this engine wrote (see openOwnXlsx). */
  readonly own?: boolean;
  /**
   * Where the same bytes can be read again (the command line's input file, kept open): the
   * package lets go of its own once the reading is done (rest), and reads what it writes from here.
   */
  readonly source?: PackageSource;
  /**
   * A full garbage collection, where applying leaves the most dead (the command line's; see
   * CheckOptions.collect): between the generated sheets and the starts kept from the input.
   */
  readonly collect?: () => void;
  /** An asynchronous native inflater for the big parts (the browser's; see nativeInflate). */
  readonly inflate?: AsyncInflate;
  /**
   * Where the big parts' runs are deflated when there is no native codec (file mode: its helper
   * Workers, every core at work); here, one after another, by default. Same bytes either way.
   */
  readonly deflate?: RunDeflater;
  /**
   * A streaming recompressor (the command line's, next to its codec; file mode's, in its helper
   * Worker): a big worksheet given highlights whose start cannot be spliced (spliceStored) is
   * streamed from its stored bytes into the new package rather than inflated whole
   * (resolveRewrites). With spliceStored false, its start streams on another thread from when
   * applying begins. Same bytes either way.
   */
  readonly recompress?: Recompress;
  /**
   * With spliceStored false, the big worksheets' starts stream from when their reading begins
   * (ReadingStart): file mode, whose helper has a core of its own while this thread reads and
   * checks. Not the command line: there its recompressor held its memory through the check, for
   * no time gained (issue 15). Spliced, nothing needs starting: the helper stays idle, and the
   * engine reads about a second faster for it in Chromium (a country's register).
   */
  readonly recompressWhileReading?: boolean;
  /**
   * False: a big worksheet given highlights is not spliced from its stored deflate stream
   * (splicedStart, the default: its stream kept up to its last block before the new tail), but
   * streamed through `recompress`, or inflated whole: a copy that may be smaller, made slower.
   */
  readonly spliceStored?: boolean;
  /**
   * Next to a codec, a new part that is one run (a generated sheet, in pieces) is deflated through
   * this, its pieces never joined; the codec's own bytes all the same.
   */
  readonly deflateStream?: StreamDeflate;
}
