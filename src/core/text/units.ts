import { cleanText, foldDiacritics, nameKey } from "./normalize";

/**
 * District-level unit names (before 1/7/2025 Hà Tĩnh had 1 city, 2 towns and 10 districts). Registers
 * write them with the full prefix ("Huyện Vũ Quang"), an abbreviation ("H. Vũ Quang", "TX Kỳ Anh",
 * "TP.Hà Tĩnh") or none ("Vũ Quang"). Two units share a name: "Huyện Kỳ Anh" and "Thị xã Kỳ Anh".
 */
export type UnitKind = "huyen" | "thixa" | "thanhpho" | "quan" | null;

export interface ParsedUnit {
  readonly kind: UnitKind;
  /** nameKey of the name without its prefix. */
  readonly base: string;
}

export interface UnitMatch {
  /** The known unit, exactly as given in `known`; null when none or ambiguous. */
  readonly match: string | null;
  /** True when the match needed more than an equal name or an equal prefix kind: report it. */
  readonly loose: boolean;
  /** The known units that fitted at the deciding step (two or more when ambiguous). */
  readonly candidates: string[];
}

interface Prefix {
  readonly kind: Exclude<UnitKind, null>;
  /** Tested on the folded text (lower-case, no marks), which is aligned char by char with the text. */
  readonly re: RegExp;
  /** A written-out prefix must be spelled right, or typed with no diacritics at all... */
  readonly word?: string;
  /** ...except "Quận": "Quan" without marks is a place-name syllable (Quan Hóa, Quan Sơn). */
  readonly noAscii?: boolean;
}

const PREFIXES: readonly Prefix[] = [
  { kind: "thixa", re: /^thi ?xa /, word: "Thị xã" },
  { kind: "thanhpho", re: /^thanh ?pho /, word: "Thành phố" },
  { kind: "huyen", re: /^huyen /, word: "Huyện" },
  { kind: "quan", re: /^quan /, word: "Quận", noAscii: true },
  // Abbreviations need a dot or a space after them: "Hương Sơn" keeps its "H".
  { kind: "thixa", re: /^t\.? ?x(?:\. ?| )/ },
  { kind: "thanhpho", re: /^t\.? ?p(?:\. ?| )/ },
  { kind: "huyen", re: /^h(?:\. ?| )/ },
  { kind: "quan", re: /^q\. ?/ },
];

/** Folds each char on its own so that a match length on the fold is a length on the text. */
function alignedFold(t: string): string {
  let out = "";
  for (const ch of t) {
    const f = ch === " " ? " " : foldDiacritics(ch);
    out += f.length === ch.length ? f : "\u0000".repeat(ch.length);
  }
  return out;
}

const compact = (s: string): string => nameKey(s).replace(/ /g, "");

function spelledRight(prefix: string, p: Prefix): boolean {
  if (p.word === undefined) return true;
  if (compact(prefix) === compact(p.word)) return true;
  return p.noAscii !== true && /^[\x20-\x7e]*$/.test(prefix);
}

/** Splits a unit name into its kind (from the prefix, if any) and the name proper. */
export function parseUnit(s: string): ParsedUnit {
  const t = cleanText(s);
  const folded = alignedFold(t);
  for (const p of PREFIXES) {
    const m = p.re.exec(folded);
    if (m === null) continue;
    const rest = t.slice(m[0].length);
    if (rest !== "" && spelledRight(t.slice(0, m[0].length), p)) {
      return { kind: p.kind, base: nameKey(rest) };
    }
  }
  return { kind: null, base: nameKey(t) };
}

/**
 * Last, loose resorts for unit names only. "Kỳ Anh" is also spelled "Kì Anh" (the i/y spelling
 * reform): a "y" after a consonant is the vowel i; after "u" ("Quy", "Thuỷ") it is not touched.
 * And a name typed with no diacritics at all ("Vu Quang") is compared without them.
 */
const iyKey = (base: string): string =>
  base
    .normalize("NFD")
    .replace(/([bcdđghklmnprstvx])y/g, "$1i")
    .normalize("NFC");
const plainKey = (base: string): string => foldDiacritics(iyKey(base));

interface Known extends ParsedUnit {
  readonly name: string;
}

/** Decides among the known units that fit: one unit (maybe spelled twice) or an ambiguity. */
function decide(hits: readonly Known[], loose: boolean): UnitMatch | null {
  if (hits.length === 0) return null;
  const names = hits.map((h) => h.name);
  const units = new Set(hits.map((h) => `${h.kind ?? ""}|${h.base}`));
  if (units.size === 1) return { match: names[0], loose, candidates: names };
  return { match: null, loose: false, candidates: names };
}

/** The keys a base is compared by, loosest last (see matchUnit); plainKey only for ASCII input. */
const BASE_KEYS = [(b: string): string => b, iyKey, plainKey] as const;

const ASCII = /^[\x20-\x7e]*$/;

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Known unit names, each parsed once when added, for matching many texts against them. Matching
 * with a list parses every known name again for each text: a roadmap of 2,000 rows, each row
 * matched against the rows above it, took 90 seconds. Here a text costs its own keys and a few
 * lookups, and the answers are matchUnit's (the lists keep the order the names were added in).
 */
export class UnitIndex {
  private readonly exact = new Map<string, string[]>();
  private readonly byBase = BASE_KEYS.map(() => new Map<string, Known[]>());

  constructor(known: Iterable<string> = []) {
    for (const name of known) this.add(name);
  }

  add(name: string): void {
    pushTo(this.exact, nameKey(name), name);
    const known: Known = { name, ...parseUnit(name) };
    BASE_KEYS.forEach((key, i) => pushTo(this.byBase[i]!, key(known.base), known));
  }

  /** `input` among the names added so far: see matchUnit. */
  match(input: string): UnitMatch {
    const none: UnitMatch = { match: null, loose: false, candidates: [] };
    const key = nameKey(input);
    if (key === "") return none;
    const exact = this.exact.get(key);
    if (exact) return { match: exact[0]!, loose: false, candidates: [...exact] };
    const u = parseUnit(input);
    const steps = ASCII.test(u.base) ? BASE_KEYS.length : BASE_KEYS.length - 1;
    for (let i = 0; i < steps; i++) {
      const hits = this.byBase[i]!.get(BASE_KEYS[i]!(u.base)) ?? [];
      const sameKind = hits.filter((k) => u.kind !== null && k.kind === u.kind);
      const found = decide(sameKind, i > 0) ?? decide(hits, true);
      if (found !== null) return found;
    }
    return none;
  }
}

/**
 * Finds `input` among `known` unit names: an equal name; else the same prefix kind and name; else,
 * loosely, the only unit with that name whatever the prefix ("Vũ Quang", "Huyện Hồng Lĩnh" for
 * "Thị xã Hồng Lĩnh"). When two units share the name ("Kỳ Anh"), nothing is guessed. The same
 * steps are then tried with the looser spellings (i/y, no diacritics), always as loose matches.
 * To match many texts against the same names, build a UnitIndex once.
 */
export function matchUnit(input: string, known: readonly string[]): UnitMatch {
  return new UnitIndex(known).match(input);
}
