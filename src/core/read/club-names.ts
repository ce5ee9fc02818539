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

/** One way of keying clubs and texts: a text names a club when it holds one of its keys. */
export interface Keying {
  /** The club's keys this way, padded (see `padded`); none shorter than the way's minimum. */
  readonly clubKeys: (club: Club) => readonly string[];
  /** The text's key this way, padded. */
  readonly textKey: (text: string) => string;
}

const keptKeys = (keys: readonly string[], min: number): string[] =>
  keys.filter((k) => k.length >= min).map(padded);

/**
 * The three ways, tried in turn: by tone-exact id or name; by the folded id (no accents, no đ) or
 * the name without its generic words; by the folded name without the kind of place too.
 */
export const KEYINGS: readonly Keying[] = [
  {
    clubKeys: (club) => keptKeys([nameKey(club.id), nameKey(club.name)], 1),
    textKey: (t) => padded(nameKey(t)),
  },
  {
    clubKeys: (club) =>
      keptKeys([foldDiacritics(club.id), stripGeneric(foldDiacritics(club.name))], MIN_CORE),
    textKey: (t) => padded(stripGeneric(foldDiacritics(t))),
  },
  {
    clubKeys: (club) => keptKeys([stripPlace(foldDiacritics(club.name))], MIN_CORE),
    textKey: (t) => padded(stripPlace(foldDiacritics(t))),
  },
];

/** A club under one of its keys, with its place in the club list (the first found wins a tie). */
interface Keyed {
  readonly club: Club;
  readonly at: number;
}

export class ClubNames {
  /** Ids as typed in the club list, lower-cased: most cells name their club exactly so. */
  private readonly ids: ReadonlyMap<string, string>;
  private readonly resolved = new Map<string, string | null>();
  /** By way of keying, the clubs under each key: built on the first search that way, and once. */
  private readonly indexes: (Map<string, Keyed[]> | undefined)[] = [];

  constructor(private readonly clubs: readonly Club[]) {
    this.ids = new Map(clubs.map((c) => [c.id.trim().toLowerCase(), c.id]));
  }

  /**
   * The club the texts name: first by tone-exact id or name, else by the folded id or the name
   * without its generic words, else without the kind of place too (KEYINGS). The longest match
   * wins ("… Kỳ Bắc số 2" over "… Kỳ Bắc"); two different clubs matching equally well is no
   * answer.
   */
  find(texts: readonly string[]): Club | null {
    for (let way = 0; way < KEYINGS.length; way++) {
      const found = this.best(texts, way);
      if (found) return found;
    }
    return null;
  }

  /** The clubs under each of their keys one way, in the club list's order. */
  private index(way: number): ReadonlyMap<string, Keyed[]> {
    let index = this.indexes[way];
    if (index === undefined) {
      index = new Map();
      this.clubs.forEach((club, at) => {
        for (const k of KEYINGS[way]!.clubKeys(club)) {
          const keyed = index!.get(k);
          if (keyed === undefined) index!.set(k, [{ club, at }]);
          else if (keyed.at(-1)!.club !== club) keyed.push({ club, at });
        }
      });
      this.indexes[way] = index;
    }
    return index;
  }

  /**
   * The club whose key one way is the longest a text holds, by whole words. Keys and texts are
   * padded words ("␣a␣b␣"), so a key is held exactly when it is a run of the text's words: the
   * runs are looked up (a dozen words make 78), instead of every club's keys being searched for in
   * the text (a member list naming its clubs made a country's check try 10,000 clubs for each of
   * 10,000 cells). Of matches equally long, those of two ids are a tie (none); else the club
   * found first, text by text and in the club list's order, as the search over every club gave.
   */
  private best(texts: readonly string[], way: number): Club | null {
    const index = this.index(way);
    let best: Keyed | undefined;
    let bestText = 0;
    let bestLength = 0;
    let tied = false;
    texts.forEach((text, t) => {
      const words = KEYINGS[way]!.textKey(text).slice(1, -1).split(" ");
      for (let i = 0; i < words.length; i++) {
        let run = " ";
        for (let j = i; j < words.length; j++) {
          run += `${words[j]!} `;
          if (run.length < bestLength) continue;
          for (const k of index.get(run) ?? []) {
            const longer = best === undefined || run.length > bestLength;
            if (!longer && k.club.id !== best!.club.id) tied = true;
            else if (longer || t < bestText || (t === bestText && k.at < best!.at)) {
              if (longer) tied = false;
              best = k;
              bestText = t;
              bestLength = run.length;
            }
          }
        }
      }
    });
    return tied || best === undefined ? null : best.club;
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
}
