import {
  Body1,
  Button,
  Caption1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { SheetLayout } from "../../core/read/layout";
import type { Language, Strings } from "../strings";
import { fieldLabel } from "./fields";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  // Long headers and sheet names wrap rather than widen a 320 px pane.
  sheet: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    overflowWrap: "anywhere",
  },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export interface LayoutSectionProps {
  readonly layout: readonly SheetLayout[];
  readonly text: Strings;
  readonly lang: Language;
  /** Opens the column picker for a sheet; without it, no "Chọn cột" is offered. */
  readonly onFix?: (sheet: string) => void;
}

/**
 * What the reader understood of each sheet: its role and why, the header rows, the columns read
 * and those not read, the section rows that give members their club, rows read and skipped.
 */
export function LayoutSection({ layout, text, lang, onFix }: LayoutSectionProps) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-labelledby="ishc-layout-heading">
      <Subtitle2 as="h2" id="ishc-layout-heading">
        {text.layoutHeading}
      </Subtitle2>
      {layout.map((sheet) => (
        <div key={sheet.sheet} className={styles.sheet} data-layout-sheet={sheet.sheet}>
          <Body1 as="h3">
            <strong>{text.layoutSheet(sheet.sheet, text.roles[sheet.role])}</strong>
          </Body1>
          {sheet.reason && (
            <Caption1 as="p" data-layout="reason">
              {sheet.reason[lang]}
            </Caption1>
          )}
          <Caption1 as="p">
            {text.layoutHeaderRows(sheet.headerRows)};{" "}
            {text.layoutCounts(sheet.dataRows, sheet.blankRows, sheet.totalRows)}
          </Caption1>
          <Sections sections={sheet.sections ?? []} text={text} />
          {(sheet.ambiguous ?? []).map((a) => (
            <Caption1 as="p" key={a.field} className={styles.warn}>
              {text.layoutAmbiguous(fieldLabel(sheet.role, a.field), a.columns)}
            </Caption1>
          ))}
          <Table
            size="extra-small"
            aria-label={text.layoutSheet(sheet.sheet, text.roles[sheet.role])}
          >
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{text.layoutColumn}</TableHeaderCell>
                <TableHeaderCell>{text.layoutHeader}</TableHeaderCell>
                <TableHeaderCell>{text.layoutField}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {sheet.columns.map((c) => (
                <TableRow key={c.column}>
                  <TableCell>{c.column}</TableCell>
                  <TableCell>{c.header}</TableCell>
                  <TableCell>{fieldLabel(sheet.role, c.field)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {(sheet.unread ?? []).length > 0 && (
            <Caption1 as="p" data-layout="unread">
              {text.layoutUnread(sheet.unread ?? [])}
            </Caption1>
          )}
          {onFix && (
            <div>
              <Button
                size="small"
                aria-label={`${text.fixMapping}: ${sheet.sheet}`}
                onClick={() => onFix(sheet.sheet)}
              >
                {text.fixMapping}
              </Button>
            </div>
          )}
        </div>
      ))}
    </section>
  );
}

/** The section rows' count and rows, then, in the warning colour, those naming no known club. */
function Sections({
  sections,
  text,
}: {
  readonly sections: NonNullable<SheetLayout["sections"]>;
  readonly text: Strings;
}) {
  const styles = useStyles();
  if (sections.length === 0) return null;
  const unknown = sections.filter((s) => s.clubId === null).map((s) => s.row);
  return (
    <>
      <Caption1 as="p" data-layout="sections">
        {text.layoutSections(sections.map((s) => s.row))}
      </Caption1>
      {unknown.length > 0 && (
        <Caption1 as="p" className={styles.warn} data-layout="sections-unknown">
          {text.layoutSectionsUnknown(unknown)}
        </Caption1>
      )}
    </>
  );
}
