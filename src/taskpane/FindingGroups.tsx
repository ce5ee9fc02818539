import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Body1,
  Link,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { ReactNode } from "react";
import type { JsonFinding } from "../core/report/json-report";
import type { FindingGroup } from "./check-view";
import type { Language, Strings } from "./strings";

/** Findings listed per rule; the checked workbook's "Danh sách lỗi" sheet has every one. */
const MAX_LISTED = 200;

const useStyles = makeStyles({
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
});

export interface FindingGroupsProps {
  readonly groups: readonly FindingGroup[];
  readonly text: Strings;
  readonly lang: Language;
  /** Inside Excel: select the finding's cell. Without it the address is plain text. */
  readonly onSelect?: (sheet: string, cell: string) => void;
  /** What follows each finding's message: its place in the review trail. */
  readonly marks?: (finding: JsonFinding) => ReactNode;
  /** Shown instead of "no findings" when a filter hides them all. */
  readonly emptyText?: string;
}

function countsText(group: FindingGroup, text: Strings): string {
  return (["error", "warning", "info"] as const)
    .filter((severity) => group.counts[severity] > 0)
    .map((severity) => `${group.counts[severity]} ${text.severity[severity]}`)
    .join(", ");
}

export function FindingGroups({
  groups,
  text,
  lang,
  onSelect,
  marks,
  emptyText,
}: FindingGroupsProps) {
  const styles = useStyles();
  return (
    <section>
      <Subtitle2 as="h2">{text.findingsHeading}</Subtitle2>
      {groups.length === 0 ? (
        <Body1 as="p">{emptyText ?? text.noFindings}</Body1>
      ) : (
        <Accordion multiple collapsible>
          {groups.map((group) => (
            <AccordionItem key={group.rule} value={group.rule} data-rule={group.rule}>
              <AccordionHeader>
                {group.title ? `${group.title[lang]} (${group.rule})` : group.rule}:{" "}
                {countsText(group, text)}
              </AccordionHeader>
              <AccordionPanel>
                <ul className={styles.list}>
                  {group.findings.slice(0, MAX_LISTED).map((finding, index) => (
                    <li key={`${index}:${finding.id}`}>
                      {finding.sheet !== undefined && finding.cell !== undefined && onSelect ? (
                        <>
                          <Link
                            as="button"
                            aria-label={text.goToCell(finding.sheet, finding.cell)}
                            onClick={() => onSelect(finding.sheet!, finding.cell!)}
                          >
                            {finding.sheet}!{finding.cell}
                          </Link>
                          :{" "}
                        </>
                      ) : (
                        finding.sheet !== undefined && (
                          <strong>
                            {finding.sheet}
                            {finding.cell !== undefined && `!${finding.cell}`}:{" "}
                          </strong>
                        )
                      )}
                      {finding.message}
                      {marks?.(finding)}
                    </li>
                  ))}
                  {group.findings.length > MAX_LISTED && <li>…</li>}
                </ul>
              </AccordionPanel>
            </AccordionItem>
          ))}
        </Accordion>
      )}
    </section>
  );
}
