import type { ReactNode } from "react";
import { Subtitle2 } from "@fluentui/react-components";
import type { CheckView } from "../check-view";
import type { Language, Strings } from "../strings";
import { resultStrings } from "../strings-results";
import { ClubList } from "./ClubList";

export interface NeedsAttentionProps {
  readonly view: CheckView;
  readonly text: Strings;
  readonly lang: Language;
  /** The heading's level: h2 in the pane's results, h3 inside the merge panel. */
  readonly level?: "h2" | "h3";
  /** The findings as this place lists them (with or without review statuses, cell links). */
  readonly children: ReactNode;
}

/**
 * "Cần xử lý": what a check's results ask of the user, first after the summary wherever results
 * are shown (Excel, file mode, the merge): the clubs, failing first, then the findings.
 */
export function NeedsAttention({ view, text, lang, level = "h2", children }: NeedsAttentionProps) {
  return (
    <>
      <Subtitle2 as={level}>{resultStrings[lang].todoHeading}</Subtitle2>
      <ClubList
        clubs={view.clubs}
        ruleTitles={view.ruleTitles}
        lang={lang}
        pass={text.pass}
        fail={text.fail}
        noValue={text.noValue}
      />
      {children}
    </>
  );
}
