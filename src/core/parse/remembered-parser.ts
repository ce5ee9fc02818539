import type { RawValue } from "../model/cells";
import type { Parsed } from "./result";

/** Distinct values a remembered parser keeps: a column of words or years has far fewer. */
export const REMEMBERED_MAX = 4096;

/**
 * A cell parser that remembers its answer for each text or number it has read: a register's
 * columns repeat a few values ("Nữ", "Có", "Hộ nghèo", 1955) over half a million rows, and parsing
 * each again allocated a result (and often a date) per cell, most of the reading's garbage (issue
 * 15). The parser must be pure: same value, same answer. Answers are shared, so callers only read
 * them, as they already do (Parsed and DateParts are read-only). Once full it stops learning
 * rather than forgetting: a column of a thousand distinct amounts keeps its first ones and parses
 * the rest as before. Blank, boolean and -0 cells are parsed every time (-0 and 0 share a key).
 */
export function rememberedParser<T>(
  parse: (v: RawValue | undefined) => Parsed<T>,
  max = REMEMBERED_MAX,
): (v: RawValue | undefined) => Parsed<T> {
  const known = new Map<string | number, Parsed<T>>();
  return (v) => {
    if (typeof v !== "string" && (typeof v !== "number" || Object.is(v, -0))) return parse(v);
    let out = known.get(v);
    if (out === undefined) {
      out = parse(v);
      if (known.size < max) known.set(v, out);
    }
    return out;
  };
}
