import { Body1, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { JsonResolvedFinding } from "../../core/report/json-report";
import { dayText } from "../../core/review/days";
import { REVIEW_STATUSES, ReviewStatus, STATUS_LABEL } from "../../core/review/status";
import type { Language } from "../strings";
import { reviewStrings } from "../strings";

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
});

/** Resolved findings are many only after long audits; the sheet keeps every one. */
const MAX_LISTED = 200;

/**
 * Findings an earlier check listed that this one no longer finds: kept, with the day the check
 * stopped finding them and whatever the auditor wrote, instead of silently disappearing.
 */
export function ResolvedList({
  resolved,
  lang,
}: {
  readonly resolved: readonly JsonResolvedFinding[];
  readonly lang: Language;
}) {
  const styles = useStyles();
  const text = reviewStrings[lang];
  if (resolved.length === 0) return <Body1 as="p">{text.noneMatch}</Body1>;
  return (
    <ul className={styles.list} data-testid="resolved-findings">
      {resolved.slice(0, MAX_LISTED).map((f) => {
        const known = REVIEW_STATUSES.includes(f.status as ReviewStatus);
        const status = known ? STATUS_LABEL[f.status as ReviewStatus][lang] : f.status;
        return (
          <li key={f.id}>
            <strong>{f.rule}</strong>
            {f.sheet !== undefined &&
              ` (${f.sheet}${f.cell !== undefined ? `!${f.cell}` : ""})`}: {f.message}{" "}
            <Caption1>
              {f.resolvedOn && text.resolvedOn(dayText(f.resolvedOn))}
              {f.status !== "open" && ` · ${status}`}
              {f.note !== "" && ` · ${text.note}: ${f.note}`}
            </Caption1>
          </li>
        );
      })}
      {resolved.length > MAX_LISTED && <li>…</li>}
    </ul>
  );
}
