import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";

/**
 * What other programs do to a checked copy when they save it, as transforms of the package, for
 * the programs that cannot run here. ExcelJS is run for real (round-trips-simulated.test.ts) and
 * LibreOffice's own outputs are committed (test/fixtures/round-trips/); these simulate the rest.
 * Sources and assumptions (see test/fixtures/round-trips/README.md):
 * - Sheet-scoped hidden names: ExcelJS drops every defined name but the print ones (exceljs
 *   issue #1835, and seen here); LibreOffice 7.4 keeps ours but writes hidden="false" (seen
 *   here); a program may prefix names it does not know ("_xlnm.", "_"), as the brief of issue 14
 *   warns of LibreOffice. Google Sheets' named ranges are ranges, never text constants such as our
 *   tag, so its export is taken to drop ours with every other name. WPS Office is taken to behave
 *   as ExcelJS (hidden names dropped): no source says it keeps them, so the worse case is tested.
 * - Every one of them rewrites the cells: inline strings become shared strings, styles change or
 *   go, merged cells may be split, dropdowns (data validations) may be dropped.
 */
export type Parts = Record<string, Uint8Array>;
export type Transform = (parts: Parts) => void;

const edit = (parts: Parts, name: string, f: (xml: string) => string): void => {
  parts[name] = strToU8(f(strFromU8(parts[name]!)));
};

const worksheets = (parts: Parts): string[] =>
  Object.keys(parts).filter((n) => /^xl\/worksheets\/[^/]+\.xml$/.test(n));

/** Our tags (and record of charts) gone, every other defined name kept. */
export const dropOurNames: Transform = (parts) =>
  edit(parts, "xl/workbook.xml", (xml) =>
    xml.replace(/<definedName [^>]*name="ISHC_[^"]*"[^>]*>[^<]*<\/definedName>/g, ""),
  );

/** Every defined name gone (print titles and areas too). */
export const dropAllNames: Transform = (parts) =>
  edit(parts, "xl/workbook.xml", (xml) =>
    xml.replace(/<definedNames>[\s\S]*?<\/definedNames>|<definedNames\/>/, ""),
  );

/** Our tags kept, but visible and renamed with a prefix. */
export const renameOurNames =
  (prefix: string): Transform =>
  (parts) =>
    edit(parts, "xl/workbook.xml", (xml) =>
      xml.replace(
        /<definedName name="(ISHC_[^"]*)"([^>]*) hidden="1"/g,
        (_m, name: string, rest: string) =>
          `<definedName name="${prefix}${name}"${rest} hidden="0"`,
      ),
    );

/** Dropdowns gone. */
export const dropValidations: Transform = (parts) => {
  for (const p of worksheets(parts))
    edit(parts, p, (xml) => xml.replace(/<dataValidations[\s\S]*?<\/dataValidations>/, ""));
};

/** Merged cells split (the values stay in the top-left cells). */
export const splitMerges: Transform = (parts) => {
  for (const p of worksheets(parts))
    edit(parts, p, (xml) => xml.replace(/<mergeCells[\s\S]*?<\/mergeCells>/, ""));
};

/** Every cell's style gone (the default style for all). */
export const dropStyles: Transform = (parts) => {
  for (const p of worksheets(parts))
    edit(parts, p, (xml) => xml.replace(/(<c [^>]*?) s="\d+"/g, "$1"));
};

/** Inline strings (which we write) turned into shared strings (which the others write). */
export const sharedStrings: Transform = (parts) => {
  const sst = "xl/sharedStrings.xml";
  if (!parts[sst]) throw new Error("expected a package with shared strings (ExcelJS writes one)");
  const old = strFromU8(parts[sst]);
  let count = (old.match(/<si>/g) ?? []).length;
  const added: string[] = [];
  for (const p of worksheets(parts))
    edit(parts, p, (xml) =>
      xml.replace(
        /<c ([^>]*?)t="inlineStr"([^>]*)><is>(<t[^>]*>[\s\S]*?<\/t>|<t[^>]*\/>)<\/is><\/c>/g,
        (_m, a: string, b: string, t: string) => {
          added.push(`<si>${t}</si>`);
          return `<c ${a}t="s"${b}><v>${count++}</v></c>`;
        },
      ),
    );
  parts[sst] = strToU8(
    old
      .replace(/ (count|uniqueCount)="\d+"/g, "")
      .replace(/<\/sst>\s*$/, `${added.join("")}</sst>`),
  );
};

/** An empty row after the data of every sheet, and an empty cell past its last column. */
export const trailingEmpties: Transform = (parts) => {
  for (const p of worksheets(parts))
    edit(parts, p, (xml) =>
      xml.replace(/<\/sheetData>/, `<row r="1048000"><c r="XFA1048000"/></row></sheetData>`),
    );
};

/** The package after each transform in turn. */
export function savedBy(bytes: Uint8Array, transforms: readonly Transform[]): Uint8Array {
  const parts = unzipSync(bytes);
  for (const t of transforms) t(parts);
  return zipSync(parts);
}

/** The defined names of a package's workbook part, as written. */
export const definedNames = (bytes: Uint8Array): string[] =>
  strFromU8(unzipSync(bytes)["xl/workbook.xml"]!).match(/<definedName [^>]*>[^<]*/g) ?? [];
