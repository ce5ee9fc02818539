import { ClubTable } from "../ClubTable";
import type { CheckView } from "../check-view";
import { FindingGroups } from "../FindingGroups";
import { ResultSummary } from "../ResultSummary";
import type { Language, Strings } from "../strings";
import { LayoutSection } from "./LayoutSection";

export interface ExcelResultsProps {
  readonly view: CheckView;
  readonly text: Strings;
  readonly lang: Language;
  readonly onSelect: (sheet: string, cell: string) => void;
  readonly onFix: (sheet: string) => void;
}

/** A check's results inside Excel: summary, clubs, findings that select their cell, layout. */
export function ExcelResults({ view, text, lang, onSelect, onFix }: ExcelResultsProps) {
  return (
    <>
      <ResultSummary view={view} text={text} />
      <ClubTable clubs={view.clubs} ruleTitles={view.ruleTitles} text={text} lang={lang} />
      <FindingGroups groups={view.groups} text={text} lang={lang} onSelect={onSelect} />
      <LayoutSection layout={view.layout} text={text} onFix={onFix} />
    </>
  );
}
