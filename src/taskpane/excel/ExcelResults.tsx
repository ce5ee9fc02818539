import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from "@fluentui/react-components";
import { ClubTable } from "../ClubTable";
import type { CheckView } from "../check-view";
import { FindingGroups } from "../FindingGroups";
import { ResultSummary } from "../ResultSummary";
import type { Language, Strings } from "../strings";
import { fieldLabel } from "./fields";
import { LayoutSection } from "./LayoutSection";

export interface ExcelResultsProps {
  readonly view: CheckView;
  readonly text: Strings;
  readonly lang: Language;
  readonly onSelect: (sheet: string, cell: string) => void;
  readonly onFix: (sheet: string) => void;
}

/**
 * A check's results inside Excel: first a question for each column the reader was unsure of,
 * then the summary, the clubs, the findings that select their cell, and the layout.
 */
export function ExcelResults({ view, text, lang, onSelect, onFix }: ExcelResultsProps) {
  const unsure = view.layout.filter((l) => (l.ambiguous ?? []).length > 0);
  return (
    <>
      {unsure.map((l) => (
        <MessageBar key={l.sheet} intent="warning">
          <MessageBarBody>
            <MessageBarTitle>{text.layoutSheet(l.sheet, text.roles[l.role])}</MessageBarTitle>
            {(l.ambiguous ?? [])
              .map((a) => text.layoutAmbiguous(fieldLabel(l.role, a.field), a.columns))
              .join("; ")}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => onFix(l.sheet)}>
              {text.fixMapping}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ))}
      <ResultSummary view={view} text={text} />
      <ClubTable clubs={view.clubs} ruleTitles={view.ruleTitles} text={text} lang={lang} />
      <FindingGroups groups={view.groups} text={text} lang={lang} onSelect={onSelect} />
      <LayoutSection layout={view.layout} text={text} onFix={onFix} />
    </>
  );
}
