/**
 * The findings as the pane lists them: grouped by criterion, by club or by unit, the groups with
 * errors first, searched by any words of their text, and flattened into the rows of one list
 * (a group's heading, then its findings while it is open).
 */
import type { Severity } from "../../core/model/finding";
import type { LocalText } from "../../core/model/i18n";
import type { JsonClub, JsonFinding } from "../../core/report/json-report";

export type GroupBy = "rule" | "club" | "unit";
export const GROUP_BYS: readonly GroupBy[] = ["rule", "club", "unit"];

export interface FindingGroupRows {
  /** The rule id, club id or unit name the group is for; "" for findings of no club. */
  readonly key: string;
  readonly by: GroupBy;
  readonly counts: Readonly<Record<Severity, number>>;
  readonly findings: readonly JsonFinding[];
}

export type ListRow =
  | { readonly kind: "group"; readonly group: FindingGroupRows; readonly open: boolean }
  | { readonly kind: "finding"; readonly finding: JsonFinding; readonly group: string };

const SEVERITY_ORDER: Readonly<Record<Severity, number>> = { error: 0, warning: 1, info: 2 };

/** Lower case without tones or accents, đ as d: "Đức Giang" and "duc giang" meet. */
export function folded(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();
}

/**
 * The club a finding is about, from its id ("club.women|KA-001", "member.sex|KA-001/…"): the
 * part after the rule, when it names a club of the check.
 */
export function clubOfFinding(finding: JsonFinding, clubs: ReadonlySet<string>): string {
  const bar = finding.id.indexOf("|");
  if (bar < 0) return "";
  const id = finding.id.slice(bar + 1).split(/[/:]/)[0] ?? "";
  return clubs.has(id) ? id : "";
}

/** Findings whose text holds every word of the query, tones and case aside. */
export function searchFindings(
  findings: readonly JsonFinding[],
  query: string,
  titleOf: (rule: string) => string,
): readonly JsonFinding[] {
  const words = folded(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return findings;
  return findings.filter((f) => {
    const haystack = folded(
      `${f.message} ${f.sheet ?? ""}!${f.cell ?? ""} ${f.id} ${titleOf(f.rule)} ${f.note}`,
    );
    return words.every((w) => haystack.includes(w));
  });
}

/** Groups in the order: most errors first, then most warnings, then as first met. */
export function groupFindingsBy(
  findings: readonly JsonFinding[],
  by: GroupBy,
  clubs: readonly JsonClub[],
): FindingGroupRows[] {
  const ids = new Set(clubs.map((c) => c.id));
  const unitOf = new Map(clubs.map((c) => [c.id, c.unit]));
  const keyOf = (f: JsonFinding): string => {
    if (by === "rule") return f.rule;
    const club = clubOfFinding(f, ids);
    return by === "club" ? club : (unitOf.get(club) ?? "");
  };
  const lists = new Map<string, JsonFinding[]>();
  for (const f of findings) {
    const key = keyOf(f);
    const list = lists.get(key);
    if (list) list.push(f);
    else lists.set(key, [f]);
  }
  const groups = [...lists].map(([key, list]) => {
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of list) counts[f.severity]++;
    // Errors before warnings before notes, the check's order kept within each.
    const sorted = [...list].sort(
      (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
    );
    return { key, by, counts, findings: sorted };
  });
  return groups
    .map((g, index) => ({ g, index }))
    .sort(
      (a, b) =>
        b.g.counts.error - a.g.counts.error ||
        b.g.counts.warning - a.g.counts.warning ||
        a.index - b.index,
    )
    .map(({ g }) => g);
}

/** The rows of the list: each group's heading, and its findings when it is open. */
export function listRows(
  groups: readonly FindingGroupRows[],
  isOpen: (key: string) => boolean,
): ListRow[] {
  const rows: ListRow[] = [];
  for (const group of groups) {
    const open = isOpen(group.key);
    rows.push({ kind: "group", group, open });
    if (open)
      for (const finding of group.findings)
        rows.push({ kind: "finding", finding, group: group.key });
  }
  return rows;
}

/** A group's title: the criterion's name, the club's id and name, or the unit. */
export function groupTitle(
  group: FindingGroupRows,
  lang: "vi" | "en",
  ruleTitles: Readonly<Record<string, LocalText>>,
  clubs: ReadonlyMap<string, JsonClub>,
  none: string,
): string {
  if (group.by === "rule") return ruleTitles[group.key]?.[lang] ?? group.key;
  if (group.key === "") return none;
  if (group.by === "club") {
    const club = clubs.get(group.key);
    return club ? `${club.id} · ${club.name}` : group.key;
  }
  return group.key;
}
