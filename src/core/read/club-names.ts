import { Club } from "../model/records";
import { foldDiacritics, nameKey } from "../text/normalize";

/**
 * Finding which club a piece of text names: a sheet name ("VQ-01", "Duc Giang"), a title row
 * ("DANH SÁCH THÀNH VIÊN CLB XÃ ĐỨC GIANG") or a section row ("I. CLB liên thế hệ tự giúp nhau xã
 * Đức Giang"). Registers write the same club many ways: with or without its generic words ("CLB",
 * "Câu lạc bộ", "liên thế hệ", "tự giúp nhau", "LTHTGN"), in capitals, without accents.
 */

/** Generic words of club names, folded: they tell no club from another. Longest first. */
const GENERIC = [
  "cau lac bo lien the he tu giup nhau",
  "lien the he tu giup nhau",
  "cau lac bo",
  "lien the he",
  "tu giup nhau",
  "lth tgn",
  "lthtgn",
  "clb",
  "lth",
  "tgn",
];
const GENERIC_RE = new RegExp(`(^| )(?:${GENERIC.join("|")})(?= |$)`, "g");
/** Words for the kind of place, folded: "xã Đức Giang" and "Đức Giang" are one club's place. */
const PLACE_RE = /(^| )(?:thi tran|to dan pho|xa|thon|phuong|xom|khoi|ban|to)(?= |$)/g;

/** Club cells typed as an id remembered as typed: a country's 10,000 ids, spelt a few ways each. */
const RESOLVED_MAX = 65_536;

/** Shorter than this, what is left of a name is too little to find in other text. */
const MIN_CORE = 3;

/** Words, spaces collapsed, padded so that containment is by whole words. */
const padded = (s: string): string => ` ${s.replace(/[^\p{L}\p{M}\p{N}-]+/gu, " ").trim()} `;
const stripGeneric = (folded: string): string =>
  folded.replace(GENERIC_RE, " ").replace(/ +/g, " ").trim();
const stripPlace = (folded: string): string =>
  stripGeneric(folded).replace(PLACE_RE, " ").replace(/ +/g, " ").trim();

interface Candidate {
  readonly club: Club;
  /** Tone-exact keys (nameKey) of the id and the name, padded (see `padded`). */
  readonly exact: readonly string[];
  /** The folded id (no accents, no đ) and the name without its generic words, padded. */
  readonly folded: readonly string[];
  /** The folded name without its generic words nor the kind of place ("xã", "thôn"), padded. */
  readonly place: readonly string[];
}

/** The three ways of keying a club, each one function (ClubNames.byKey indexes by them). */
const EXACT = (c: Candidate): readonly string[] => c.exact;
const FOLDED = (c: Candidate): readonly string[] => c.folded;
const PLACE = (c: Candidate): readonly string[] => c.place;

export class ClubNames {
  private built: readonly Candidate[] | null = null;
  /** Ids as typed in the club list, lower-cased: most cells name their club exactly so. */
  private readonly ids: ReadonlyMap<string, string>;
  private readonly resolved = new Map<string, string | null>();
  private readonly indexes = new Map<(c: Candidate) => readonly string[], Map<string, Club[]>>();

  constructor(private readonly clubs: readonly Club[]) {
    this.ids = new Map(clubs.map((c) => [c.id.trim().toLowerCase(), c.id]));
  }

  /**
   * Each club's keys, padded for whole-word containment: built on the first search only (a
   * register whose cells all give ids never needs them) and once (a province has 10,000 clubs).
   */
  private get candidates(): readonly Candidate[] {
    this.built ??= this.clubs.map((club) => {
      const core = stripGeneric(foldDiacritics(club.name));
      const keep = (keys: string[], min: number) => keys.filter((k) => k.length >= min).map(padded);
      return {
        club,
        exact: keep([nameKey(club.id), nameKey(club.name)], 1),
        folded: keep([foldDiacritics(club.id), core], MIN_CORE),
        place: keep([stripPlace(foldDiacritics(club.name))], MIN_CORE),
      };
    });
    return this.built;
  }

  /**
   * The club the texts name: first by tone-exact id or name, else by the folded id or the name
   * without its generic words, else without the kind of place too. The longest match wins
   * ("… Kỳ Bắc số 2" over "… Kỳ Bắc"); two different clubs matching equally well is no answer.
   */
  find(texts: readonly string[]): Club | null {
    return (
      this.best(texts, (t) => padded(nameKey(t)), EXACT) ??
      this.best(texts, (t) => padded(stripGeneric(foldDiacritics(t))), FOLDED) ??
      this.best(texts, (t) => padded(stripPlace(foldDiacritics(t))), PLACE)
    );
  }

  /**
   * The clubs by each of their keys, for one way of keying (c.exact, c.folded or c.place), in the
   * clubs' order: built on the first search with that way, and once.
   */
  private byKey(keysOf: (c: Candidate) => readonly string[]): ReadonlyMap<string, Club[]> {
    let index = this.indexes.get(keysOf);
    if (index === undefined) {
      index = new Map();
      for (const c of this.candidates)
        for (const k of keysOf(c)) {
          const clubs = index.get(k);
          if (clubs === undefined) index.set(k, [c.club]);
          else if (!clubs.includes(c.club)) clubs.push(c.club);
        }
      this.indexes.set(keysOf, index);
    }
    return index;
  }

  /**
   * The id of the club a member's club cell names: its id as the club list types it (any case),
   * else the club its text names (a name, "xã Đức Giang"); null when none. Cached: a register
   * repeats each club's cell on every member row.
   */
  resolve(text: string): string | null {
    // The cell as typed first: lower-casing it made a new string per member row, hashed anew.
    let found = this.resolved.get(text);
    if (found !== undefined) return found;
    const id = this.ids.get(text.trim().toLowerCase());
    if (id !== undefined) {
      if (this.resolved.size < RESOLVED_MAX) this.resolved.set(text, id);
      return id;
    }
    // A search is remembered always (as many as the register has texts): it costs every club.
    found = this.find([text])?.id ?? null;
    this.resolved.set(text, found);
    return found;
  }

  private best(
    texts: readonly string[],
    keyOf: (text: string) => string,
    keysOf: (c: Candidate) => readonly string[],
  ): Club | null {
    // One text that is a club's key whole: no other key can match it longer, and one of the same
    // length is the same key. The answer is that club, or none when clubs of two ids share the
    // key, as the search below gives it, without trying every club (a member list that names
    // its clubs, rather than giving their ids, made a country's check search 10,000 clubs for
    // each of its 10,000 clubs' cells).
    if (texts.length === 1) {
      const whole = this.byKey(keysOf).get(keyOf(texts[0]!));
      if (whole !== undefined) return whole.some((c) => c.id !== whole[0]!.id) ? null : whole[0]!;
    }
    let best: Club | null = null;
    let bestLength = 0;
    let tied = false;
    for (const text of texts) {
      const key = keyOf(text);
      for (const c of this.candidates) {
        for (const k of keysOf(c)) {
          if (k.length < bestLength || !key.includes(k)) continue;
          if (k.length === bestLength && best !== null && best.id !== c.club.id) tied = true;
          else if (k.length > bestLength) {
            best = c.club;
            bestLength = k.length;
            tied = false;
          }
        }
      }
    }
    return tied ? null : best;
  }
}
