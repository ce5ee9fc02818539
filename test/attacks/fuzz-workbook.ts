import { crc32, deflateRawSync } from "node:zlib";
import { RawSheet, rowArray } from "../../src/core/model/cells";
import { InputError } from "../../src/core/model/errors";
import { DEFAULT_SETTINGS, Settings } from "../../src/core/model/settings";
import { CLUBS_SPEC, FUNDS_SPEC, MEMBERS_SPEC } from "../../src/core/sheets/specs";
import { NODE_CODEC } from "../../src/cli/node-codec";
import { checkWorkbook } from "../../src/hosts/workbook/check-workbook";
import { DEFAULT_XLSX_LIMITS, openXlsx } from "../../src/hosts/xlsx";
import { club, fund, members, sheetOf } from "../helpers/registers";
import { RawEntry } from "./zip-raw";
import { rowsOf } from "../helpers/rows";

/**
 * What the fuzz tests (fuzz-package.test.ts, fuzz-cells.test.ts) share: a small register written
 * by hand as zip entries (so that every byte of structure and XML can be damaged, then zipped by
 * zip-raw.ts, which writes what a library refuses to: any CRC, declared size or name), and
 * `checkLikeCli`, the path `ishc check` takes (src/cli/check-command.ts) without the files:
 * open with the CLI's codec and limits, check, write, then read the written copy back.
 */

export const S_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** fast-check's runs for a property, scaled by FUZZ_SCALE (FUZZ_SCALE=10 for a longer hunt). */
export const runs = (n: number): number =>
  Math.max(1, Math.round(n * Number(process.env["FUZZ_SCALE"] ?? 1)));

export const escapeXml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** "A", "B", … "AA": a zero-based column's letters. */
export function columnName(col: number): string {
  let s = "";
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** One <c> element as written: everything is a string so that a test can put anything there. */
export interface CellXml {
  readonly r?: string;
  readonly t?: string;
  /** The <v> text, already XML (escaped or deliberately not). */
  readonly v?: string;
  /** For t="inlineStr": the <is><t> text, already XML. */
  readonly is?: string;
  /** Extra attributes, verbatim (a duplicated r, a style index). */
  readonly extra?: string;
}

export const cellXml = (c: CellXml): string =>
  `<c${c.r === undefined ? "" : ` r="${c.r}"`}${c.t === undefined ? "" : ` t="${c.t}"`}${c.extra ?? ""}>` +
  `${c.v === undefined ? "" : `<v>${c.v}</v>`}${c.is === undefined ? "" : `<is><t xml:space="preserve">${c.is}</t></is>`}</c>`;

/** A <row> of cells, its r given. */
export const rowXml = (r: number | string, cells: readonly CellXml[]): string =>
  `<row r="${r}">${cells.map(cellXml).join("")}</row>`;

export const worksheetXml = (sheetData: string): string =>
  `${XML_HEAD}<worksheet xmlns="${S_NS}" xmlns:r="${R_NS}"><sheetData>${sheetData}</sheetData></worksheet>`;

/**
 * A sheet's rows as XML the way Excel writes them: text as shared strings (added to `sst`), numbers
 * as values, every cell with its reference.
 */
function sheetRowsXml(rows: RawSheet["rows"], sst: string[]): string {
  return rowArray(rows)
    .map((row, r) =>
      rowXml(
        r + 1,
        (row ?? []).flatMap((v, c): CellXml[] => {
          const ref = `${columnName(c)}${r + 1}`;
          if (v === null || v === undefined) return [];
          if (typeof v === "number") return [{ r: ref, v: String(v) }];
          if (typeof v === "boolean") return [{ r: ref, t: "b", v: v ? "1" : "0" }];
          sst.push(String(v));
          return [{ r: ref, t: "s", v: String(sst.length - 1) }];
        }),
      ),
    )
    .join("");
}

/** A zip entry before packing: its name (any bytes) and plain content. */
export interface Entry {
  name: string | Uint8Array;
  data: Uint8Array;
  /** 0 stored, 8 deflated (the default). */
  method?: 0 | 8;
}

/**
 * UTF-8, except that a lone surrogate is written as its own three bytes (ED A0 80 for D800) where
 * TextEncoder would write U+FFFD: bytes that are not UTF-8, as a careless writer leaves them.
 */
export function utf8(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let cp = s.charCodeAt(i);
    const next = s.charCodeAt(i + 1);
    if (cp >= 0xd800 && cp < 0xdc00 && next >= 0xdc00 && next < 0xe000) {
      cp = 0x10000 + ((cp - 0xd800) << 10) + (next - 0xdc00);
      i++;
    }
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else
      out.push(
        0xf0 | (cp >> 18),
        0x80 | ((cp >> 12) & 63),
        0x80 | ((cp >> 6) & 63),
        0x80 | (cp & 63),
      );
  }
  return Uint8Array.from(out);
}

/** The register's sheet names and their parts, in workbook order. */
export const SHEETS = [
  { name: CLUBS_SPEC.names[0]!, part: "xl/worksheets/sheet1.xml" },
  { name: MEMBERS_SPEC.names[0]!, part: "xl/worksheets/sheet2.xml" },
  { name: FUNDS_SPEC.names[0]!, part: "xl/worksheets/sheet3.xml" },
] as const;

/** The rows below a sheet's header, written by a test instead of the register's own. */
export interface SheetRowsXml {
  /** 0 clubs, 1 members, 2 funds (SHEETS). */
  readonly sheet: number;
  /** The XML that follows the header row in <sheetData>. */
  readonly rows: string;
  /** Shared strings after the register's own (for t="s" cells that point past them). */
  readonly strings?: readonly string[];
}

/**
 * A small register (two clubs, 24 members, their funds) as the entries of an .xlsx package, in the
 * order Excel writes them. `replace` puts a test's rows under one sheet's real header row.
 */
export function registerEntries(replace?: SheetRowsXml): Entry[] {
  const sst: string[] = [];
  const sheets = [
    sheetOf(CLUBS_SPEC, [club("C1"), club("C2", { wellManaged: "Không" })]),
    sheetOf(MEMBERS_SPEC, [...members("C1", 12, 7, 6, 5), ...members("C2", 12, 3, 8, 2)]),
    sheetOf(FUNDS_SPEC, [fund("C1"), fund("C2")]),
  ];
  const [clubsXml, membersXml, fundsXml] = sheets.map((s, i) =>
    replace?.sheet === i
      ? sheetRowsXml(rowsOf(s).slice(0, 1), sst) + replace.rows
      : sheetRowsXml(s.rows, sst),
  ) as [string, string, string];
  sst.push(...(replace?.strings ?? []));
  const sheetType = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
  const parts: Array<[string, string]> = [
    [
      "[Content_Types].xml",
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${SHEETS.map((s) => `<Override PartName="/${s.part}" ContentType="${sheetType}"/>`).join("")}<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>`,
    ],
    [
      "_rels/.rels",
      `${XML_HEAD}<Relationships xmlns="${PKG_RELS}"><Relationship Id="rId1" Type="${R_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ],
    [
      "xl/workbook.xml",
      `${XML_HEAD}<workbook xmlns="${S_NS}" xmlns:r="${R_NS}"><sheets>${SHEETS.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("")}</sheets><calcPr calcId="191029"/></workbook>`,
    ],
    [
      "xl/_rels/workbook.xml.rels",
      `${XML_HEAD}<Relationships xmlns="${PKG_RELS}">${SHEETS.map((s, i) => `<Relationship Id="rId${i + 1}" Type="${R_NS}/worksheet" Target="${s.part.slice(3)}"/>`).join("")}<Relationship Id="rIdS" Type="${R_NS}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rIdY" Type="${R_NS}/styles" Target="styles.xml"/></Relationships>`,
    ],
    [SHEETS[0].part, worksheetXml(clubsXml)],
    [SHEETS[1].part, worksheetXml(membersXml)],
    [SHEETS[2].part, worksheetXml(fundsXml)],
    [
      "xl/sharedStrings.xml",
      `${XML_HEAD}<sst xmlns="${S_NS}" count="${sst.length}" uniqueCount="${sst.length}">${sst.map((s) => `<si><t xml:space="preserve">${escapeXml(s)}</t></si>`).join("")}</sst>`,
    ],
    [
      "xl/styles.xml",
      `${XML_HEAD}<styleSheet xmlns="${S_NS}"><fonts count="1"><font><sz val="12"/><name val="Times New Roman"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`,
    ],
  ];
  return parts.map(([name, xml]) => ({ name, data: utf8(xml) }));
}

/** An entry as the zip will hold it (names through `utf8`, so lone surrogates stay as bytes). */
export const packEntry = (e: Entry): RawEntry => {
  const method = e.method ?? 8;
  return {
    name: typeof e.name === "string" ? utf8(e.name) : e.name,
    method,
    data: method === 8 ? new Uint8Array(deflateRawSync(e.data)) : e.data,
    crc: crc32(e.data),
    size: e.data.length,
  };
};

/** The settings of a check on a fixed day, so that a replayed seed checks the same thing. */
export const FUZZ_SETTINGS: Settings = { ...DEFAULT_SETTINGS, asOf: "2025-12-31" };

/**
 * What an InputError must look like to a user: both languages said, and nothing of the program's
 * insides (a value printed as "undefined" or "[object Object]", a stack frame).
 */
export function expectClearMessage(e: InputError): void {
  for (const [lang, text] of Object.entries(e.text)) {
    if (typeof text !== "string" || text.trim() === "")
      throw new Error(`InputError ${e.code}: the ${lang} text is empty`);
    if (/undefined|\[object Object\]|\bNaN\b|\n\s+at .+:\d+/.test(text))
      throw new Error(`InputError ${e.code}: the ${lang} text shows the program: ${text}`);
  }
}

/** How a fuzzed input ended: checked (and its copy read back), or refused with a clear message. */
export type Outcome = { readonly checked: true } | { readonly refused: InputError["code"] };

/**
 * `ishc check IN --out OUT` in this process, without the files: open the bytes with the CLI's
 * codec and limits, check and apply, write the copy, then open the copy again and read every sheet
 * (the copy must be a workbook we read, our sheets tagged as ours). Throws anything that is not an
 * InputError with a clear message, and fails when the input's bytes were changed. FUZZ_SHOW=1
 * prints each refusal's English text, to see what a generator reaches.
 */
export async function checkLikeCli(bytes: Uint8Array): Promise<Outcome> {
  const before = Buffer.from(bytes);
  try {
    const workbook = openXlsx(bytes, DEFAULT_XLSX_LIMITS, NODE_CODEC);
    await checkWorkbook(workbook, FUZZ_SETTINGS, {}, { checkedOn: "2025-12-31" });
    const copy = workbook.toBytes();
    const again = openXlsx(copy, DEFAULT_XLSX_LIMITS, NODE_CODEC);
    const sheets = await again.listSheets();
    for (const s of sheets) await again.readSheet(s.name);
    if (!sheets.some((s) => s.generated !== undefined))
      throw new Error("the checked copy has none of our sheets");
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    expectClearMessage(e);
    if (!before.equals(bytes)) throw new Error("the input's bytes were changed");
    if (process.env["FUZZ_SHOW"]) process.stdout.write(`${e.text.en.slice(0, 150)}\n`);
    return { refused: e.code };
  }
  if (!before.equals(bytes)) throw new Error("the input's bytes were changed");
  return { checked: true };
}
