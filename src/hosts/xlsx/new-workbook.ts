import { columnLetters, toA1 } from "../../core/model/address";
import { RawValue } from "../../core/model/cells";
import { PlainSheet } from "../../core/merge/canonical";
import { MergeTarget } from "../workbook/port";
import { Codec } from "./codec";
import { DEFAULT_XLSX_LIMITS } from "./errors";
import { encodeXml } from "./package";
import { escapeAttr, escapeXString } from "./xml";
import { OpenOptions } from "./open-options";
import { XlsxWorkbook } from "./xlsx-workbook";
import { OutEntry, writeZip } from "./zip-write";

/**
 * A new .xlsx package from plain sheets: the smallest package Excel, LibreOffice and this tool's
 * own reader open without repair. Strings are inline (no shared-strings part to keep in step), the
 * header row is bold and frozen, and numbers in date columns that can only be serial dates are
 * shown as dates.
 */
const NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.spreadsheetml";
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Style indexes in cellXfs below. */
const XF_HEADER = 1;
const XF_DATE = 2;

/** A number in a date column above this is a serial date (1927 on); a year or less stays as is. */
const SERIAL_FROM = 10_000;

const STYLES =
  `${HEAD}<styleSheet xmlns="${NS}">` +
  '<numFmts count="1"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  '<fills count="3"><fill><patternFill patternType="none"/></fill>' +
  '<fill><patternFill patternType="gray125"/></fill>' +
  '<fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/><bgColor indexed="64"/></patternFill></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  "</styleSheet>";

function cellXml(ref: string, v: RawValue | undefined, xf: number): string {
  const s = xf ? ` s="${xf}"` : "";
  if (v === null || v === undefined || v === "") return xf ? `<c r="${ref}"${s}/>` : "";
  if (typeof v === "number")
    return Number.isFinite(v) ? `<c r="${ref}"${s}><v>${v}</v></c>` : cellXml(ref, String(v), xf);
  if (typeof v === "boolean") return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s} t="inlineStr"><is><t xml:space="preserve">${escapeXString(v)}</t></is></c>`;
}

/** One worksheet's XML, in pieces (one per block of rows) so a big sheet is never one string. */
function worksheet(sheet: PlainSheet): Uint8Array[] {
  const dates = new Set(sheet.dateColumns ?? []);
  const width = Math.max(1, ...sheet.rows.map((r) => r.length));
  const last = toA1(Math.max(0, sheet.rows.length - 1), width - 1);
  const cols = (sheet.widths ?? [])
    .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`)
    .join("");
  const pieces: Uint8Array[] = [
    encodeXml(
      `${HEAD}<worksheet xmlns="${NS}" xmlns:r="${REL}"><dimension ref="A1:${last}"/>` +
        '<sheetViews><sheetView workbookViewId="0">' +
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>' +
        '<sheetFormatPr defaultRowHeight="15"/>' +
        (cols ? `<cols>${cols}</cols>` : "") +
        "<sheetData>",
    ),
  ];
  // Column letters once per column: a province's members sheet has a million cells.
  const letters = Array.from({ length: width }, (_, c) => columnLetters(c));
  let block = "";
  sheet.rows.forEach((row, r) => {
    const cells = row
      .map((v, c) => {
        const xf =
          r === 0
            ? XF_HEADER
            : dates.has(c) && typeof v === "number" && v > SERIAL_FROM
              ? XF_DATE
              : 0;
        return cellXml(`${letters[c]}${r + 1}`, v, xf);
      })
      .join("");
    if (cells) block += `<row r="${r + 1}">${cells}</row>`;
    if (block.length > 1 << 20) {
      pieces.push(encodeXml(block));
      block = "";
    }
  });
  pieces.push(
    encodeXml(
      `${block}</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`,
    ),
  );
  return pieces;
}

const part = (name: string, xml: string | Uint8Array[]): OutEntry => ({
  kind: "new",
  name,
  content: typeof xml === "string" ? [encodeXml(xml)] : xml,
});

/** Writes the package; sheet names must be unique and valid (at most 31 characters, no []:*?/\). */
export function newWorkbook(sheets: readonly PlainSheet[], codec?: Codec): Uint8Array {
  const n = sheets.length;
  const overrides = sheets
    .map(
      (_, i) =>
        `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>`,
    )
    .join("");
  const types =
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` +
    `${overrides}</Types>`;
  const rootRels =
    `${HEAD}<Relationships xmlns="${PKG_REL}">` +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  const workbook =
    `${HEAD}<workbook xmlns="${NS}" xmlns:r="${REL}"><bookViews><workbookView/></bookViews><sheets>` +
    sheets
      .map((s, i) => `<sheet name="${escapeAttr(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join("") +
    "</sheets></workbook>";
  const workbookRels =
    `${HEAD}<Relationships xmlns="${PKG_REL}">` +
    sheets
      .map(
        (_, i) =>
          `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
      )
      .join("") +
    `<Relationship Id="rId${n + 1}" Type="${REL}/styles" Target="styles.xml"/></Relationships>`;
  return writeZip(
    [
      part("[Content_Types].xml", types),
      part("_rels/.rels", rootRels),
      part("xl/workbook.xml", workbook),
      part("xl/_rels/workbook.xml.rels", workbookRels),
      part("xl/styles.xml", STYLES),
      ...sheets.map((s, i) => part(`xl/worksheets/sheet${i + 1}.xml`, worksheet(s))),
    ],
    codec,
  );
}

/** The merge's target over this host: a new package, opened as a workbook to be checked. */
export const xlsxMergeTarget = (codec?: Codec, options: OpenOptions = {}): MergeTarget => ({
  create: (sheets) =>
    new XlsxWorkbook(newWorkbook(sheets, codec), DEFAULT_XLSX_LIMITS, codec, options),
});
