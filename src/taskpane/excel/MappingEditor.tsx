import { useEffect, useId, useState } from "react";
import { errorText, reasonOf } from "../../core/model/error-text";
import {
  Body1,
  Button,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  SpinButton,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableRow,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { SheetMapping } from "../../core/check/mapping";
import type { RawValue } from "../../core/model/cells";
import { HEADER_SCAN_ROWS } from "../../core/read/header";
import type { SheetLayout } from "../../core/read/layout";
import { SHEET_SPECS, SheetRole } from "../../core/sheets/specs";
import { cleanText } from "../../core/text/normalize";
import type { Language, Strings } from "../strings";
import { fieldsOf } from "./fields";
import {
  MappingChoice,
  choiceOf,
  columnOptions,
  guessColumns,
  guessHeaderRow,
  guessRole,
  mappingOf,
} from "./mapping-form";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  grid: {
    display: "grid",
    gridTemplateColumns: "repeat(auto-fill, minmax(200px, 1fr))",
    gap: tokens.spacingHorizontalM,
  },
  preview: { overflow: "auto", maxHeight: "320px" },
  headerRow: { backgroundColor: tokens.colorBrandBackground2 },
  row: { display: "flex", gap: tokens.spacingHorizontalS },
});

export interface MappingEditorProps {
  readonly text: Strings;
  readonly lang: Language;
  readonly sheets: readonly string[];
  readonly sheet: string;
  readonly layout: readonly SheetLayout[];
  readonly stored: Readonly<Record<string, SheetMapping>>;
  /** The sheet's first rows: from Excel in the Excel pane, from a picked file when merging. */
  readonly loadPreview: (sheet: string) => Promise<RawValue[][]>;
  /** Stores the sheet's mapping in the document and checks again (or, merging, keeps it). */
  readonly onSave: (sheet: string, mapping: SheetMapping) => Promise<void>;
  /**
   * Texts that differ where the answer goes elsewhere than the workbook (a merged file): the
   * heading, the introduction and the save button. The Excel pane's by default.
   */
  readonly heading?: (sheet: string) => string;
  readonly intro?: string;
  readonly saveLabel?: string;
  readonly onClose: () => void;
  /** A check is running: saving now would start another. */
  readonly busy: boolean;
}

type Preview =
  | { readonly kind: "loading" }
  | { readonly kind: "ready"; readonly rows: RawValue[][] }
  | { readonly kind: "failed"; readonly reason: string };

/**
 * Asks once: which sheet is which, which row is the header and which column holds each field,
 * beside the sheet's first rows. The answer is stored in the workbook for every later check.
 */
export function MappingEditor(props: MappingEditorProps) {
  const { text, lang, sheets, layout, stored, loadPreview, onSave, onClose, busy } = props;
  const heading = props.heading ?? text.mappingHeading;
  // Unique, as the merge panel's picker may be open beside the Excel pane's.
  const headingId = useId();
  const styles = useStyles();
  const [sheet, setSheet] = useState(props.sheet);
  const layoutOf = (name: string) => layout.find((l) => l.sheet === name);
  const [choice, setChoice] = useState<MappingChoice>(() =>
    choiceOf(stored[props.sheet], layoutOf(props.sheet), "members"),
  );
  const [preview, setPreview] = useState<Preview>({ kind: "loading" });
  // Whether the sheet's role is known (stored, or read by the last check) rather than guessed.
  const known = stored[sheet]?.role !== undefined || layoutOf(sheet) !== undefined;
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    setPreview({ kind: "loading" });
    loadPreview(sheet).then(
      (rows) => {
        if (!live) return;
        setPreview({ kind: "ready", rows });
        // Nothing known of this sheet yet: start from the likeliest header row and the columns
        // it names, so that the user only picks what the reader could not recognise.
        setChoice((c) => {
          if (Object.keys(c.columns).length > 0) return c;
          const role = known ? c.role : guessRole(rows, c.role);
          const headerRow = guessHeaderRow(rows, role);
          return { ...c, role, headerRow, columns: guessColumns(rows, headerRow, role) };
        });
      },
      (e: unknown) => live && setPreview({ kind: "failed", reason: reasonOf(e) }),
    );
    return () => {
      live = false;
    };
    // `known` follows `sheet`: the preview is fetched again only when the sheet changes.
  }, [sheet, loadPreview]);

  const rows = preview.kind === "ready" ? preview.rows : [];
  const options = columnOptions(rows, choice.headerRow);
  const save = async () => {
    setError(null);
    try {
      await onSave(sheet, mappingOf(choice, layoutOf(sheet)));
    } catch (e) {
      setError(errorText(e)[lang]);
    }
  };

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <Subtitle2 as="h2" id={headingId}>
        {heading(sheet)}
      </Subtitle2>
      <Body1 as="p">{props.intro ?? text.mappingIntro}</Body1>
      <div className={styles.grid}>
        <Field label={text.mappingSheet}>
          <Select
            value={sheet}
            onChange={(_, data) => {
              setSheet(data.value);
              setChoice(choiceOf(stored[data.value], layoutOf(data.value), choice.role));
            }}
          >
            {sheets.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </Select>
        </Field>
        <Field label={text.mappingRole}>
          <Select
            value={choice.role}
            onChange={(_, data) =>
              setChoice({ ...choice, role: data.value as SheetRole, columns: {} })
            }
          >
            {SHEET_SPECS.map((s) => (
              <option key={s.role} value={s.role}>
                {text.roles[s.role]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={text.mappingHeaderRow}>
          <SpinButton
            min={1}
            max={HEADER_SCAN_ROWS}
            value={choice.headerRow}
            onChange={(_, data) => {
              const n = data.value ?? Number(data.displayValue);
              if (Number.isInteger(n) && n >= 1 && n <= HEADER_SCAN_ROWS)
                setChoice({ ...choice, headerRow: n });
            }}
          />
        </Field>
      </div>
      <div className={styles.grid}>
        {fieldsOf(choice.role).map((field) => (
          <Field key={field.key} label={field.header} hint={field.note[lang]}>
            <Select
              value={choice.columns[field.key] ?? ""}
              data-field={field.key}
              onChange={(_, data) =>
                setChoice({ ...choice, columns: { ...choice.columns, [field.key]: data.value } })
              }
            >
              <option value="">{text.mappingNone}</option>
              {options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </Select>
          </Field>
        ))}
      </div>
      <Subtitle2 as="h3">{text.mappingPreview}</Subtitle2>
      {preview.kind === "loading" && <Spinner size="tiny" label={text.loading} />}
      {preview.kind === "failed" && (
        <MessageBar intent="error">
          <MessageBarBody>{preview.reason}</MessageBarBody>
        </MessageBar>
      )}
      {preview.kind === "ready" && (
        <div className={styles.preview}>
          <Table size="extra-small" aria-label={text.mappingPreview}>
            <TableBody>
              {rows.map((row, r) => (
                <TableRow
                  key={r}
                  className={r + 1 === choice.headerRow ? styles.headerRow : undefined}
                >
                  <TableCell>{r + 1}</TableCell>
                  {row.map((v, c) => (
                    <TableCell key={c}>{cleanText(v)}</TableCell>
                  ))}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {error !== null && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.row}>
        <Button appearance="primary" disabled={busy} onClick={() => void save()}>
          {props.saveLabel ?? text.mappingSave}
        </Button>
        <Button onClick={onClose}>{text.mappingClose}</Button>
      </div>
    </section>
  );
}
