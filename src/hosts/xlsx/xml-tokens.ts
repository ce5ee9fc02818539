/**
 * The xlsx host's one XML tokenizer. It reads the big parts (worksheets, shared strings) as bytes,
 * chunk by chunk as they are inflated, and the small ones as strings through codeUnits() (xml.ts):
 * the same code finds every tag, reads every name and attribute, and steps over every comment,
 * CDATA section, processing instruction and DOCTYPE, so that markup inside those is never taken
 * for a tag. Positions are indexes into the array. A function that runs into the end of the input
 * before the construct ends returns NEED_MORE: a streamed part then waits for more bytes, a whole
 * string is malformed.
 */
export const NEED_MORE = -1;
/** TagCursor.next: the tag ended instead of giving another attribute. */
export const TAG_END = -2;

export const LT = 60;
export const GT = 62;
export const SLASH = 47;
const BANG = 33;
const QMARK = 63;
const QUOT = 34;
const APOS = 39;
const EQ = 61;
const COLON = 58;
const DASH = 45;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/** What TagCursor.token read: an element's start or end tag, or markup that is not an element. */
export const OPEN = 0;
export const CLOSE = 1;
export const COMMENT = 2;
export const CDATA = 3;
export const PI = 4;
export const DOCTYPE = 5;

/**
 * The next "<" at or after `p`, or -1. Markup is dense in these parts, so a short manual scan beats
 * the call overhead of Uint8Array.indexOf; long text runs still use it.
 */
export function nextLt(b: Uint8Array, p: number): number {
  const stop = Math.min(b.length, p + 24);
  for (; p < stop; p++) if (b[p] === LT) return p;
  return p >= b.length ? -1 : b.indexOf(LT, p);
}

const isSpace = (c: number | undefined): boolean => c === 32 || c === 10 || c === 13 || c === 9;

/** End of an element or attribute name starting at `p`. */
export function nameEnd(b: Uint8Array, p: number, n: number): number {
  while (p < n) {
    const c = b[p]!;
    if (c === GT || c === SLASH || c === EQ || isSpace(c)) return p;
    p++;
  }
  return n;
}

/** Whether `seq` occurs at `at`. */
export function startsAt(b: Uint8Array, at: number, seq: Uint8Array): boolean {
  if (at + seq.length > b.length) return false;
  for (let i = 0; i < seq.length; i++) if (b[at + i] !== seq[i]) return false;
  return true;
}

/** Whether the name in [s, e) has the local part `local`, whatever its namespace prefix. */
export function localIs(b: Uint8Array, s: number, e: number, local: Uint8Array): boolean {
  const start = e - local.length;
  if (start < s || (start > s && b[start - 1] !== COLON)) return false;
  for (let i = 0; i < local.length; i++) if (b[start + i] !== local[i]) return false;
  return true;
}

/** Index just after the first occurrence of `seq` at or after `from` (before `n`), or NEED_MORE. */
function after(b: Uint8Array, seq: readonly number[], from: number, n: number): number {
  for (
    let i = b.indexOf(seq[0]!, from);
    i >= 0 && i + seq.length <= n;
    i = b.indexOf(seq[0]!, i + 1)
  ) {
    let k = 1;
    while (k < seq.length && b[i + k] === seq[k]) k++;
    if (k === seq.length) return i + k;
  }
  return NEED_MORE;
}

const COMMENT_END = [DASH, DASH, GT];
const CDATA_END = [CLOSE_BRACKET, CLOSE_BRACKET, GT];
const PI_END = [QMARK, GT];
const DOCTYPE_END = [GT];
/** "<![CDATA[" */
const CDATA_OPEN = 9;

/**
 * Reads markup one token at a time, reusing one object so that the hot loops allocate nothing.
 * After token() or find(): `kind`, `lt` and, for a tag, the name's span; then next() reads the
 * tag's attributes one by one (the attribute's name and value spans) or skip() all of them, either
 * of them setting `end` and `selfClosing` when the tag ends. Malformed markup throws `fail()`.
 */
export class TagCursor {
  /** OPEN, CLOSE, COMMENT, CDATA, PI or DOCTYPE (a plain number: each read may change it). */
  kind: number = OPEN;
  /** The "<" of the markup read; -1 when there was none before the end of the input. */
  lt = -1;
  /** The element's qualified name. */
  nameStart = 0;
  nameEnd = 0;
  /** The attribute just read by next(), and its value (undecoded). */
  attrStart = 0;
  attrEnd = 0;
  valueStart = 0;
  valueEnd = 0;
  /** Just after the markup: after a comment, CDATA section or PI at once, after a tag once it ended. */
  end = 0;
  selfClosing = false;
  /** textRun(): whether the text came without comments, PIs or CDATA sections. */
  plain = true;

  constructor(private readonly fail: () => Error) {}

  /**
   * Reads the markup at or after `p`. For a tag: returns the end of its name (where its attributes
   * begin); for a comment, CDATA section, PI or DOCTYPE: the position after it. NEED_MORE when the
   * input ends first, or has no "<" at all (then `lt` is -1).
   */
  token(b: Uint8Array, p: number, n: number): number {
    const lt = nextLt(b, p);
    this.lt = lt;
    if (lt < 0 || lt + 1 >= n) return NEED_MORE;
    const c = b[lt + 1];
    if (c === BANG || c === QMARK) {
      let end: number;
      if (c === QMARK) {
        this.kind = PI;
        end = after(b, PI_END, lt + 2, n);
      } else if (b[lt + 2] === DASH && b[lt + 3] === DASH) {
        this.kind = COMMENT;
        end = after(b, COMMENT_END, lt + 4, n);
      } else if (b[lt + 2] === OPEN_BRACKET) {
        this.kind = CDATA;
        end = after(b, CDATA_END, lt + 3, n);
      } else {
        this.kind = DOCTYPE;
        end = after(b, DOCTYPE_END, lt + 2, n);
      }
      this.end = end;
      return end;
    }
    const closing = c === SLASH;
    this.kind = closing ? CLOSE : OPEN;
    const ns = closing ? lt + 2 : lt + 1;
    this.nameStart = ns;
    const ne = nameEnd(b, ns, n);
    this.nameEnd = ne;
    return ne >= n ? NEED_MORE : ne;
  }

  /** The next start or end tag at or after `p`, stepping over everything else: as token(). */
  find(b: Uint8Array, p: number, n: number): number {
    for (;;) {
      const r = this.token(b, p, n);
      if (r === NEED_MORE || this.kind <= CLOSE) return r;
      p = r;
    }
  }

  /**
   * Reads the attribute at or after `p`. Returns the position after it, NEED_MORE, or TAG_END when
   * the tag ended instead (then `end` and `selfClosing` are set).
   */
  next(b: Uint8Array, p: number, n: number): number {
    // Fast path for ` r="A1"`: the one-letter attributes of rows and cells, as Excel writes them.
    const letter = b[p + 1]! | 0x20;
    if (b[p] === 32 && letter >= 0x61 && letter <= 0x7a && b[p + 2] === EQ && b[p + 3] === QUOT) {
      let end = p + 4;
      while (end < n && b[end] !== QUOT) end++;
      if (end < n) {
        this.attrStart = p + 1;
        this.attrEnd = p + 2;
        this.valueStart = p + 4;
        this.valueEnd = end;
        return end + 1;
      }
    }
    while (p < n && isSpace(b[p])) p++;
    if (p >= n) return NEED_MORE;
    const c = b[p];
    if (c === GT || c === SLASH) {
      const gt = c === GT ? p : p + 1;
      if (gt >= n) return NEED_MORE;
      if (b[gt] !== GT) throw this.fail();
      this.end = gt + 1;
      this.selfClosing = c === SLASH;
      return TAG_END;
    }
    this.attrStart = p;
    p = nameEnd(b, p, n);
    this.attrEnd = p;
    while (p < n && isSpace(b[p])) p++;
    if (p >= n) return NEED_MORE;
    if (b[p] !== EQ || p === this.attrStart) throw this.fail();
    p++;
    while (p < n && isSpace(b[p])) p++;
    if (p >= n) return NEED_MORE;
    const q = b[p];
    if (q !== QUOT && q !== APOS) throw this.fail();
    const end = b.indexOf(q, p + 1);
    if (end < 0 || end >= n) return NEED_MORE;
    this.valueStart = p + 1;
    this.valueEnd = end;
    return end + 1;
  }

  /** Skips all attributes: returns the position after the tag, or NEED_MORE. */
  skip(b: Uint8Array, p: number, n: number): number {
    for (;;) {
      p = this.next(b, p, n);
      if (p === NEED_MORE) return NEED_MORE;
      if (p === TAG_END) return this.end;
    }
  }

  /**
   * Skips the rest of the element whose start tag's name was just read (`p` is its end), children
   * included: returns the position after the element, or NEED_MORE.
   */
  skipElement(b: Uint8Array, p: number, n: number): number {
    p = this.skip(b, p, n);
    if (p === NEED_MORE || this.selfClosing) return p;
    for (let depth = 1; depth > 0;) {
      const ne = this.find(b, p, n);
      if (ne === NEED_MORE) return NEED_MORE;
      const closing = this.kind === CLOSE;
      p = this.skip(b, ne, n);
      if (p === NEED_MORE) return NEED_MORE;
      if (closing) depth--;
      else if (!this.selfClosing) depth++;
    }
    return p;
  }

  /**
   * The text at `p`, up to the next start or end tag: returns that tag's "<" or NEED_MORE. `plain`
   * says whether the text is all of [p, that "<"); if not, charData() gives it.
   */
  textRun(b: Uint8Array, p: number, n: number): number {
    this.plain = true;
    for (;;) {
      const lt = nextLt(b, p);
      this.lt = lt;
      if (lt < 0 || lt + 1 >= n) return NEED_MORE;
      const c = b[lt + 1];
      if (c !== BANG && c !== QMARK) return lt;
      p = this.token(b, lt, n);
      if (p === NEED_MORE) return NEED_MORE;
      this.plain = false;
    }
  }

  /**
   * Calls `piece` with each span of character data in [from, to), in order: the text between the
   * markup, and the content of CDATA sections (`cdata` true: not to be entity-decoded). Comments,
   * PIs and any tags are left out. The span must hold complete markup.
   */
  charData(
    b: Uint8Array,
    from: number,
    to: number,
    piece: (s: number, e: number, cdata: boolean) => void,
  ): void {
    for (let p = from; p < to;) {
      const lt = nextLt(b, p);
      if (lt < 0 || lt >= to) {
        piece(p, to, false);
        return;
      }
      if (lt > p) piece(p, lt, false);
      const r = this.token(b, lt, to);
      if (r === NEED_MORE) throw this.fail();
      if (this.kind === CDATA && lt + CDATA_OPEN <= r - CDATA_END.length)
        piece(lt + CDATA_OPEN, r - CDATA_END.length, true);
      p = this.kind <= CLOSE ? this.skip(b, r, to) : r;
      if (p === NEED_MORE) throw this.fail();
    }
  }
}
