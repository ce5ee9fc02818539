import { useMemo } from "react";
import { Body1, Caption1, makeStyles, tokens } from "@fluentui/react-components";
import type { LocalText } from "../../core/model/i18n";
import type { JsonResolvedFinding } from "../../core/report/json-report";
import { dayText } from "../../core/review/days";
import { REVIEW_STATUSES, ReviewStatus, STATUS_LABEL } from "../../core/review/status";
import { VirtualList } from "../results/VirtualList";
import type { Language } from "../strings";
import { reviewStrings } from "../strings";

const useStyles = makeStyles({
  item: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    overflowWrap: "anywhere",
    fontSize: tokens.fontSizeBase200,
  },
});

/**
 * Findings an earlier check listed that this one no longer finds: kept, with the day the check
 * stopped finding them and whatever the auditor wrote, instead of silently disappearing. After
 * long audits they are many: drawn a screenful at a time, like the findings.
 */
export function ResolvedList({
  resolved,
  lang,
  ruleTitles,
}: {
  readonly resolved: readonly JsonResolvedFinding[];
  readonly lang: Language;
  readonly ruleTitles: Readonly<Record<string, LocalText>>;
}) {
  const styles = useStyles();
  const text = reviewStrings[lang];
  const keys = useMemo(() => resolved.map((f) => f.id), [resolved]);
  if (resolved.length === 0) return <Body1 as="p">{text.noneMatch}</Body1>;
  return (
    <div data-testid="resolved-findings">
      <VirtualList
        label={text.filters.resolved}
        keys={keys}
        estimate={56}
        render={(i) => {
          const f = resolved[i]!;
          const known = REVIEW_STATUSES.includes(f.status as ReviewStatus);
          const status = known ? STATUS_LABEL[f.status as ReviewStatus][lang] : f.status;
          return (
            <div className={styles.item}>
              <strong title={f.rule}>{ruleTitles[f.rule]?.[lang] ?? f.rule}</strong>
              {f.sheet !== undefined &&
                ` (${f.sheet}${f.cell !== undefined ? `!${f.cell}` : ""})`}: {f.message}{" "}
              <Caption1>
                {f.resolvedOn && text.resolvedOn(dayText(f.resolvedOn))}
                {f.status !== "open" && ` · ${status}`}
                {f.note !== "" && ` · ${text.note}: ${f.note}`}
              </Caption1>
            </div>
          );
        }}
      />
    </div>
  );
}
