import { Badge, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { ChangeEvent } from "react";
import type { JsonFinding } from "../../core/report/json-report";
import { dayText } from "../../core/review/days";
import { RULE_TITLES } from "../../core/report/rule-titles";
import { REVIEW_STATUSES, ReviewStatus, STATUS_LABEL } from "../../core/review/status";
import type { Language } from "../strings";
import { statusOf } from "./review-filter";
import { reviewStrings } from "../strings";

const useStyles = makeStyles({
  root: {
    display: "inline-flex",
    alignItems: "center",
    flexWrap: "wrap",
    gap: tokens.spacingHorizontalXS,
    marginLeft: tokens.spacingHorizontalXS,
  },
  select: { fontSize: tokens.fontSizeBase200 },
});

export interface FindingMarksProps {
  readonly finding: JsonFinding;
  readonly lang: Language;
  /** Inside Excel: write a status into the findings sheet. Without it the status is read-only. */
  readonly onSetStatus?: (id: string, status: ReviewStatus) => void;
  /** While this finding's status is being written, its picker waits. */
  readonly saving?: boolean;
  /** Mark new findings: only worth it when an earlier check exists to be new against. */
  readonly markNew?: boolean;
}

/**
 * One finding's place in the review trail: "Mới" when this check found it first, its review
 * status (a picker inside Excel, text in file mode), the auditor's note and review day.
 */
export function FindingMarks({
  finding,
  lang,
  onSetStatus,
  saving,
  markNew = true,
}: FindingMarksProps) {
  const styles = useStyles();
  const text = reviewStrings[lang];
  const status = statusOf(finding);
  const where =
    finding.sheet !== undefined
      ? `${finding.sheet}${finding.cell !== undefined ? `!${finding.cell}` : ""}`
      : (RULE_TITLES[finding.rule]?.[lang] ?? finding.rule);
  const label = status === "other" ? finding.status : STATUS_LABEL[status][lang];
  const change = (e: ChangeEvent<HTMLSelectElement>) =>
    onSetStatus?.(finding.id, e.target.value as ReviewStatus);
  return (
    <span className={styles.root}>
      {markNew && finding.state === "new" && (
        <Badge appearance="tint" color="brand" size="small">
          {text.newBadge}
        </Badge>
      )}
      {finding.state === "reappeared" && (
        <Badge appearance="tint" color="warning" size="small">
          {text.reappearedBadge}
        </Badge>
      )}
      {onSetStatus ? (
        <select
          className={styles.select}
          aria-label={text.statusOf(where)}
          value={status === "other" ? "" : status}
          disabled={saving}
          onChange={change}
        >
          {status === "other" && <option value="">{finding.status}</option>}
          {REVIEW_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABEL[s][lang]}
            </option>
          ))}
        </select>
      ) : (
        status !== "open" && <Caption1>[{label}]</Caption1>
      )}
      {finding.reviewedOn && <Caption1>{text.reviewedOn(dayText(finding.reviewedOn))}</Caption1>}
      {finding.note !== "" && (
        <Caption1>
          {text.note}: {finding.note}
        </Caption1>
      )}
    </span>
  );
}
