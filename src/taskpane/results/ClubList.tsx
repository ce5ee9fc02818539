import { useMemo, useState } from "react";
import { Badge, Caption1, Input, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { LocalText } from "../../core/model/i18n";
import type { JsonClub } from "../../core/report/json-report";
import { formatCount, formatPercent } from "../../core/text/numbers";
import type { Language } from "../strings";
import { resultStrings } from "../strings-results";
import { folded } from "./finding-rows";
import { VirtualList } from "./VirtualList";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  heading: { margin: 0 },
  row: {
    display: "flex",
    flexDirection: "column",
    width: "100%",
    gap: "2px",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    border: "none",
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    background: "transparent",
    color: tokens.colorNeutralForeground1,
    font: "inherit",
    textAlign: "left",
    cursor: "pointer",
    boxSizing: "border-box",
  },
  line: { display: "flex", alignItems: "baseline", gap: tokens.spacingHorizontalXS, minWidth: 0 },
  name: { flexGrow: 1, minWidth: 0, overflowWrap: "anywhere" },
  failed: {
    color: tokens.colorPaletteRedForeground1,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
  },
  details: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    columnGap: tokens.spacingHorizontalM,
    margin: 0,
    padding: `0 ${tokens.spacingHorizontalS} ${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    fontSize: tokens.fontSizeBase200,
    "& dt": { overflowWrap: "anywhere" },
    "& dd": { margin: 0, textAlign: "right", whiteSpace: "nowrap" },
  },
  failing: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  verdict: { flexShrink: 0, whiteSpace: "nowrap" },
});

/** The ratio facts and the rule that judges each. */
const RATIOS = [
  ["women", "womenRatio", "club.women"],
  ["older", "olderRatio", "club.older"],
  ["younger", "youngerRatio", "club.younger"],
  ["borrowers", "borrowerRatio", "club.borrowers"],
] as const;

export interface ClubListProps {
  readonly clubs: readonly JsonClub[];
  readonly ruleTitles: Readonly<Record<string, LocalText>>;
  readonly lang: Language;
  readonly pass: string;
  readonly fail: string;
  readonly noValue: string;
}

/**
 * The clubs at 320 px: one row each with its verdict and the criteria it does not meet, the
 * failing clubs first; a row opens to the club's figures. Searchable by id, name or unit. The
 * full table, one column per figure, is the checked workbook's "Kết quả CLB" sheet.
 */
export function ClubList({ clubs, ruleTitles, lang, pass, fail, noValue }: ClubListProps) {
  const styles = useStyles();
  const r = resultStrings[lang];
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const titleOf = (rule: string) => ruleTitles[rule]?.[lang] ?? rule;
  const ordered = useMemo(
    () => [...clubs.filter((c) => !c.compliant), ...clubs.filter((c) => c.compliant)],
    [clubs],
  );
  const shown = useMemo(() => {
    const words = folded(query).split(/\s+/).filter(Boolean);
    if (words.length === 0) return ordered;
    return ordered.filter((c) => {
      const text = folded(`${c.id} ${c.name} ${c.unit}`);
      return words.every((w) => text.includes(w));
    });
  }, [ordered, query]);
  const keys = useMemo(() => shown.map((c) => c.id), [shown]);
  const failing = clubs.length - clubs.filter((c) => c.compliant).length;
  const toggle = (id: string) =>
    setOpen((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });

  const details = (club: JsonClub) => {
    const f = r.clubFacts;
    const yesNo = (v: boolean) => (v ? r.yes : r.no);
    return (
      <dl className={styles.details} aria-label={r.clubDetails(club.id)}>
        <dt>{f.unit}</dt>
        <dd>{club.unit}</dd>
        <dt>{f.members}</dt>
        <dd>{formatCount(club.members, lang)}</dd>
        {RATIOS.map(([fact, ratio, rule]) => {
          const failingRatio = club.failed.includes(rule);
          const value = club[ratio];
          return [
            <dt key={`${fact}-t`}>{f[fact]}</dt>,
            <dd key={`${fact}-d`} className={failingRatio ? styles.failing : undefined}>
              {formatCount(club[fact], lang)} (
              {value === null ? noValue : formatPercent(value, lang)}){failingRatio && " ✗"}
            </dd>,
          ];
        })}
        <dt>{f.fund}</dt>
        <dd>{yesNo(club.operatingFund)}</dd>
        <dt>{f.regulation}</dt>
        <dd>{yesNo(club.regulation)}</dd>
        <dt>{f.activities}</dt>
        <dd>{yesNo(club.allActivities)}</dd>
        <dt>{f.managed}</dt>
        <dd>{yesNo(club.wellManaged)}</dd>
      </dl>
    );
  };

  return (
    <section className={styles.root}>
      <Subtitle2 as="h3" className={styles.heading}>
        {r.clubsHeading}
      </Subtitle2>
      <Caption1 as="p" className={styles.heading}>
        {r.clubsCount(failing, clubs.length)}
      </Caption1>
      {clubs.length > 8 && (
        <Input
          type="search"
          size="small"
          aria-label={r.clubsSearch}
          placeholder={r.clubsSearch}
          value={query}
          onChange={(_, data) => setQuery(data.value)}
        />
      )}
      {query !== "" && (
        <Caption1 as="p" role="status">
          {r.clubsShown(shown.length)}
        </Caption1>
      )}
      <VirtualList
        label={r.clubsHeading}
        keys={keys}
        estimate={52}
        render={(i) => {
          const club = shown[i]!;
          const expanded = open.has(club.id);
          return (
            <div data-club={club.id} data-failed={club.failed.join(" ")}>
              <button
                type="button"
                className={styles.row}
                aria-expanded={expanded}
                onClick={() => toggle(club.id)}
              >
                <span className={styles.line}>
                  <span className={styles.name}>
                    <strong>{club.id}</strong> {club.name}
                  </span>
                  <Badge
                    className={styles.verdict}
                    appearance="tint"
                    color={club.compliant ? "success" : "danger"}
                  >
                    {club.compliant ? pass : fail}
                  </Badge>
                </span>
                {club.failed.length > 0 && (
                  <span className={styles.failed}>{club.failed.map(titleOf).join(", ")}</span>
                )}
              </button>
              {expanded && details(club)}
            </div>
          );
        }}
      />
    </section>
  );
}
