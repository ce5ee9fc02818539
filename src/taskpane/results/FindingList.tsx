import { ReactNode, useMemo, useState } from "react";
import {
  Body1,
  Caption1,
  Input,
  Link,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { LocalText } from "../../core/model/i18n";
import type { JsonClub, JsonFinding } from "../../core/report/json-report";
import type { Language } from "../strings";
import { resultStrings } from "../strings-results";
import {
  FindingGroupRows,
  GROUP_BYS,
  GroupBy,
  groupFindingsBy,
  groupTitle,
  listRows,
  searchFindings,
} from "./finding-rows";
import { VirtualList } from "./VirtualList";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  tools: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "end" },
  search: { flexGrow: 1, minWidth: "140px" },
  group: {
    display: "flex",
    width: "100%",
    alignItems: "baseline",
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: "none",
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    background: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    textAlign: "left",
    cursor: "pointer",
    overflowWrap: "anywhere",
  },
  groupTitle: { fontWeight: tokens.fontWeightSemibold, flexGrow: 1, minWidth: 0 },
  counts: { whiteSpace: "nowrap", color: tokens.colorNeutralForeground2 },
  finding: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS} ${tokens.spacingVerticalXS} ${tokens.spacingHorizontalL}`,
    overflowWrap: "anywhere",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  error: { borderLeft: `3px solid ${tokens.colorPaletteRedBorder2}` },
  warning: { borderLeft: `3px solid ${tokens.colorPaletteMarigoldBorder2}` },
  info: { borderLeft: `3px solid ${tokens.colorNeutralStroke1}` },
  rule: { color: tokens.colorNeutralForeground3 },
});

/**
 * The message without the "(Thành viên!D184)" it ends with when that is the finding's own cell,
 * already shown as the link before it (the sheet and the CLI need it in the text; the pane not).
 */
function withoutPlace(f: JsonFinding): string {
  if (f.sheet === undefined || f.cell === undefined) return f.message;
  const place = ` (${f.sheet}!${f.cell})`;
  return f.message.endsWith(place) ? f.message.slice(0, -place.length) : f.message;
}

export interface FindingListProps {
  readonly findings: readonly JsonFinding[];
  readonly clubs: readonly JsonClub[];
  readonly ruleTitles: Readonly<Record<string, LocalText>>;
  readonly lang: Language;
  /** Inside Excel: select the finding's cell. Without it the address is plain text. */
  readonly onSelect?: (sheet: string, cell: string) => void;
  /** What follows each finding's message: its place in the review trail. */
  readonly marks?: (finding: JsonFinding) => ReactNode;
  /** Shown instead of "no findings" when a filter hides them all. */
  readonly emptyText?: string;
  /** The heading's text; "Phát hiện" by default. */
  readonly goToCell: (sheet: string, cell: string) => string;
}

/**
 * Every finding, in one list drawn a screenful at a time: grouped by criterion, club or unit (the
 * groups with errors first, each opened or closed by its heading), searched by any words of its
 * text. The first group starts open; the checked workbook's "Danh sách lỗi" has them all too.
 */
export function FindingList({
  findings,
  clubs,
  ruleTitles,
  lang,
  onSelect,
  marks,
  emptyText,
  goToCell,
}: FindingListProps) {
  const styles = useStyles();
  const r = resultStrings[lang];
  const [by, setBy] = useState<GroupBy>("rule");
  const [query, setQuery] = useState("");
  // Groups the user opened or closed; until then only the first group is open.
  const [toggled, setToggled] = useState<ReadonlyMap<string, boolean>>(new Map());
  const titleOf = (rule: string) => ruleTitles[rule]?.[lang] ?? rule;
  const clubById = useMemo(() => new Map(clubs.map((c) => [c.id, c])), [clubs]);
  const matching = useMemo(
    () => searchFindings(findings, query, (rule) => ruleTitles[rule]?.[lang] ?? rule),
    [findings, query, ruleTitles, lang],
  );
  const groups = useMemo(() => groupFindingsBy(matching, by, clubs), [matching, by, clubs]);
  const firstKey = groups[0]?.key;
  const isOpen = (key: string) => toggled.get(`${by}:${key}`) ?? (query !== "" || key === firstKey);
  const rows = useMemo(
    () => listRows(groups, isOpen),
    // isOpen reads exactly these.
    [groups, toggled, by, query, firstKey],
  );
  const keys = useMemo(
    () =>
      rows.map((row) =>
        row.kind === "group" ? `g:${by}:${row.group.key}` : `f:${row.group}:${row.finding.id}`,
      ),
    [rows, by],
  );
  const toggle = (group: FindingGroupRows) =>
    setToggled((m) => new Map(m).set(`${by}:${group.key}`, !isOpen(group.key)));

  const countsText = (group: FindingGroupRows) =>
    (["error", "warning", "info"] as const)
      .filter((s) => group.counts[s] > 0)
      .map((s) => r.severityCount(s, group.counts[s]))
      .join(", ");

  const where = (finding: JsonFinding): ReactNode => {
    if (finding.sheet === undefined) return null;
    const place = `${finding.sheet}${finding.cell !== undefined ? `!${finding.cell}` : ""}`;
    if (finding.cell !== undefined && onSelect)
      return (
        <>
          <Link
            as="button"
            aria-label={goToCell(finding.sheet, finding.cell)}
            onClick={() => onSelect(finding.sheet!, finding.cell!)}
          >
            {place}
          </Link>
          :{" "}
        </>
      );
    return <strong>{place}: </strong>;
  };

  return (
    <section className={styles.root}>
      <Subtitle2 as="h3" className={styles.heading}>
        {r.findingsHeading}
      </Subtitle2>
      {findings.length === 0 ? (
        <Body1 as="p">{emptyText ?? r.nothingFound}</Body1>
      ) : (
        <>
          <div className={styles.tools}>
            <Input
              className={styles.search}
              type="search"
              size="small"
              aria-label={r.findingsSearch}
              placeholder={r.findingsSearch}
              value={query}
              onChange={(_, data) => setQuery(data.value)}
            />
            <Select
              size="small"
              aria-label={r.groupBy}
              value={by}
              onChange={(_, data) => setBy(data.value as GroupBy)}
            >
              {GROUP_BYS.map((g) => (
                <option key={g} value={g}>
                  {`${r.groupBy}: ${r.groupByNames[g]}`}
                </option>
              ))}
            </Select>
          </div>
          <Caption1 as="p" role="status">
            {r.findingsShown(matching.length, findings.length)}
          </Caption1>
          {matching.length === 0 ? (
            <Body1 as="p">{r.nothingFound}</Body1>
          ) : (
            <VirtualList
              label={r.findingsHeading}
              keys={keys}
              estimate={44}
              render={(i) => {
                const row = rows[i]!;
                if (row.kind === "group") {
                  const title = groupTitle(row.group, lang, ruleTitles, clubById, r.noClub);
                  return (
                    <button
                      type="button"
                      className={styles.group}
                      aria-expanded={row.open}
                      // The rule's id, for whoever maintains the settings: a detail, not the text.
                      {...(by === "rule" ? { title: row.group.key } : {})}
                      data-group={row.group.key}
                      {...(by === "rule" ? { "data-rule": row.group.key } : {})}
                      onClick={() => toggle(row.group)}
                    >
                      <span aria-hidden="true">{row.open ? "▾" : "▸"}</span>
                      {/* The button's name is what it shows: "Giới tính: 1 lỗi". */}
                      <span className={styles.groupTitle}>{`${title}:`}</span>{" "}
                      <span className={styles.counts}>{countsText(row.group)}</span>
                    </button>
                  );
                }
                const f = row.finding;
                return (
                  <div
                    className={`${styles.finding} ${styles[f.severity]}`}
                    data-finding={f.id}
                    data-severity={f.severity}
                  >
                    {where(f)}
                    {withoutPlace(f)}
                    {by !== "rule" && <span className={styles.rule}> · {titleOf(f.rule)}</span>}
                    {marks?.(f)}
                  </div>
                );
              }}
            />
          )}
        </>
      )}
    </section>
  );
}
