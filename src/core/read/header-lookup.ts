import { FieldSpec, SheetSpec } from "../sheets/specs";
import { headerKey } from "../text/normalize";
import { foldedKey, splitHeader } from "./header-text";

/**
 * Which fields a header cell names: every header and synonym of a spec, by its text as written,
 * without its notes, folded (no accents), or followed by other words. Built once per spec.
 */

/** Header key -> the fields it names: one, or one per layout when layouts share a header. */
interface Lookup {
  /** By headerKey: the header as written, accents and all. */
  readonly exact: ReadonlyMap<string, readonly FieldSpec[]>;
  /** By foldedKey: typed without accents. Keys where two different spellings meet are left out. */
  readonly folded: ReadonlyMap<string, readonly FieldSpec[]>;
  /** Folded headers of two words or more, longest first: "Họ và tên thành viên" starts with one. */
  readonly prefixes: readonly { readonly key: string; readonly fields: readonly FieldSpec[] }[];
}

const lookups = new WeakMap<SheetSpec, Lookup>();

/** Every header and synonym of a spec, by group: 0 is the canonical fields, then each layout's. */
function namesOf(spec: SheetSpec): { field: FieldSpec; group: number; name: string }[] {
  const groups = [spec.fields, ...(spec.layouts ?? []).map((l) => l.fields)];
  return groups.flatMap((fields, group) =>
    fields.flatMap((field) =>
      [field.header, ...field.synonyms].map((name) => ({ field, group, name })),
    ),
  );
}

/**
 * Keys -> fields. The first field wins within a group, and a canonical field wins outright. Layouts
 * that share a header ("Nam": a birth year or a sex mark) both keep it: the canonical fields found
 * beside them decide later which one the sheet uses.
 */
function keyed(
  entries: readonly { field: FieldSpec; group: number; key: string }[],
): Map<string, readonly FieldSpec[]> {
  const m = new Map<string, { field: FieldSpec; group: number }[]>();
  for (const { field, group, key } of entries) {
    const list = m.get(key) ?? [];
    if (list.some((e) => e.group === group || e.group === 0)) continue;
    m.set(key, [...list, { field, group }]);
  }
  return new Map([...m].map(([k, list]) => [k, list.map((e) => e.field)]));
}

function lookupFor(spec: SheetSpec): Lookup {
  const known = lookups.get(spec);
  if (known) return known;
  const names = namesOf(spec);
  const exact = keyed(names.map((n) => ({ ...n, key: headerKey(n.name) })));
  // Folding must not make two fields meet: a folded key that two different fields' spellings share
  // is matched only with its accents.
  const owners = new Map<string, Set<string>>();
  for (const n of names) {
    const k = foldedKey(n.name);
    owners.set(k, (owners.get(k) ?? new Set()).add(n.field.key));
  }
  const folded = keyed(names.map((n) => ({ ...n, key: foldedKey(n.name) })));
  for (const [k, fields] of owners)
    if (fields.size > 1 && !sharedByLayouts(spec, fields)) folded.delete(k);
  // Extra words after a header ("Họ và tên thành viên", "Năm sinh của thành viên"): only headers of
  // two words or more, since a one-word one ("Nam", "Tuổi") begins too many other headers.
  const prefixes = [...folded]
    .filter(([k]) => k.includes(" "))
    .map(([key, fields]) => ({ key, fields }))
    .sort((a, b) => b.key.length - a.key.length);
  const lookup: Lookup = { exact, folded, prefixes };
  lookups.set(spec, lookup);
  return lookup;
}

/** Whether fields that share a folded key are layouts' own fields sharing a header by design. */
function sharedByLayouts(spec: SheetSpec, keys: ReadonlySet<string>): boolean {
  const layoutKeys = new Set((spec.layouts ?? []).flatMap((l) => l.fields.map((f) => f.key)));
  return [...keys].every((k) => layoutKeys.has(k));
}

/**
 * The longest text taken for a header. The longest field name is a few dozen characters, and a
 * real header with its note ("Họ và tên (ghi đầy đủ theo CCCD, không viết tắt)") well under this;
 * a longer cell is data. Every cell of the first 30 rows is tried against every sheet's fields,
 * each try cleaning and folding the text several times: a column of 32,767-character names took
 * five seconds to be found no header.
 */
export const MAX_HEADER_TEXT = 256;

/**
 * The fields a header cell's text names: as written; then without its bracketed notes; then typed
 * without accents; then followed by extra words. A text longer than MAX_HEADER_TEXT names none.
 */
export function fieldsNamedBy(spec: SheetSpec, text: string): readonly FieldSpec[] {
  if (text === "" || text.length > MAX_HEADER_TEXT) return [];
  const lookup = lookupFor(spec);
  const exact = lookup.exact.get(headerKey(text));
  if (exact) return exact;
  const { base } = splitHeader(text);
  if (base === "") return [];
  const fields = lookup.exact.get(headerKey(base)) ?? lookup.folded.get(foldedKey(base));
  if (fields) return fields;
  const key = foldedKey(base);
  return lookup.prefixes.find((p) => key.startsWith(`${p.key} `))?.fields ?? [];
}
