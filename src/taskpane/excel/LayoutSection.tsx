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
import type { Strings } from "../strings";
import { fieldLabel } from "./fields";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  sheet: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export interface LayoutSectionProps {
  readonly layout: readonly SheetLayout[];
  readonly text: Strings;
  /** Opens the column picker for a sheet. */
  readonly onFix: (sheet: string) => void;
}

/** What the reader understood of each sheet: role, header rows, columns, rows read and skipped. */
export function LayoutSection({ layout, text, onFix }: LayoutSectionProps) {
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
          <Caption1 as="p">
            {text.layoutHeaderRows(sheet.headerRows)};{" "}
            {text.layoutCounts(sheet.dataRows, sheet.blankRows, sheet.totalRows)}
          </Caption1>
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
          <div>
            <Button
              size="small"
              aria-label={`${text.fixMapping}: ${sheet.sheet}`}
              onClick={() => onFix(sheet.sheet)}
            >
              {text.fixMapping}
            </Button>
          </div>
        </div>
      ))}
    </section>
  );
}
