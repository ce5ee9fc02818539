import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync } from "fflate";
import { registerOf } from "./outputs-helpers";

/**
 * Registers turned into the packages issue 14 names: macro-enabled, templates, binary, or
 * with parts taken away; shared by test/cli/package-*.test.ts and test/attacks/cases/package.ts.
 * Every package starts as a real register (ExcelJS) and is edited at the zip level.
 */
export type Parts = Record<string, Uint8Array>;

const SML = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
export const MAIN_TYPE = {
  xlsx: `${SML}sheet.main+xml`,
  xlsm: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
  xltx: `${SML}template.main+xml`,
  xlsb: "application/vnd.ms-excel.sheet.binary.macroEnabled.main",
} as const;

/** A one-club register's parts (CLB, Thành viên, Quỹ), written in `dir` and read back. */
export async function registerParts(dir: string, club = "VQ-01"): Promise<Parts> {
  const scratch = join(dir, "register-scratch.xlsx");
  await registerOf(scratch, club);
  const parts = unzipSync(readFileSync(scratch));
  rmSync(scratch);
  return parts;
}

export function editPart(parts: Parts, name: string, f: (xml: string) => string): void {
  const before = strFromU8(parts[name]!);
  const after = f(before);
  if (after === before) throw new Error(`the edit of ${name} changed nothing`);
  parts[name] = strToU8(after);
}

/** The workbook declared as another kind (its main part's content type). */
export function declaredAs(parts: Parts, type: string): Parts {
  editPart(parts, "[Content_Types].xml", (xml) => xml.replace(MAIN_TYPE.xlsx, type));
  return parts;
}

/** A VBA project as Excel stores it (its bytes are only carried, never run). */
export const VBA_PROJECT = Uint8Array.from([
  0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 1, 2, 3,
]);

/** What Excel writes for an .xlsm: the macro-enabled main type and xl/vbaProject.bin. */
export function macroEnabled(parts: Parts): Parts {
  declaredAs(parts, MAIN_TYPE.xlsm);
  editPart(parts, "[Content_Types].xml", (xml) =>
    xml.replace(
      "<Default ",
      '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default ',
    ),
  );
  editPart(parts, "xl/_rels/workbook.xml.rels", (xml) =>
    xml.replace(
      "</Relationships>",
      '<Relationship Id="rIdVba" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>',
    ),
  );
  parts["xl/vbaProject.bin"] = VBA_PROJECT;
  return parts;
}

/**
 * A minimal .xlsb's package as Excel lays it out: .bin parts, their content types and
 * relationships (the records inside are a few bytes of BIFF12, never read).
 */
export function xlsbPackage(): Parts {
  const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
  const s = (x: string): Uint8Array => strToU8(x);
  const bin = Uint8Array.from([0x83, 0x01, 0x00, 0x80, 0x01, 0x00, 0x84, 0x01, 0x00]);
  return {
    "[Content_Types].xml": s(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/>' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        '<Override PartName="/xl/worksheets/sheet1.bin" ContentType="application/vnd.ms-excel.worksheet"/>' +
        '<Override PartName="/xl/styles.bin" ContentType="application/vnd.ms-excel.styles"/>' +
        '<Override PartName="/xl/sharedStrings.bin" ContentType="application/vnd.ms-excel.sharedStrings"/>' +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        "</Types>",
    ),
    "_rels/.rels": s(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.bin"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`,
    ),
    "xl/_rels/workbook.bin.rels": s(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.bin"/><Relationship Id="rId2" Type="${REL}/styles" Target="styles.bin"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.bin"/></Relationships>`,
    ),
    "xl/workbook.bin": bin,
    "xl/worksheets/sheet1.bin": bin,
    "xl/styles.bin": bin,
    "xl/sharedStrings.bin": bin,
    "docProps/core.xml": s(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"/>',
    ),
  };
}
