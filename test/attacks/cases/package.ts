import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { JSDOM } from "jsdom";
import { PNG } from "../../hosts/xlsx/fixtures";
import {
  MAIN_TYPE,
  Parts,
  VBA_PROJECT,
  editPart,
  macroEnabled,
  registerParts,
  xlsbPackage,
} from "../../cli/package-inputs";
import { AttackCase, AttackRun, checkRun } from "../attack-case";

/**
 * Attack cases on the package (issue 14, "Right about what it reads"): content types missing or
 * wrong, a bad CRC in a part never read, the entry limit met by our own output, an .xlsb, a
 * macro-enabled workbook's copy named .xlsx, "<sheetData/>" inside a comment. Each input is a
 * real register (ExcelJS) edited at the zip level. See test/attacks/attack-case.ts.
 */

const SMALL = { mb: 64, seconds: 10 };
const NOTHING_WRITTEN = { "out.xlsx": false, "report.json": false };

const unpackedOf = (parts: Parts): number => Object.values(parts).reduce((n, p) => n + p.length, 0);

/** Writes the register's parts, edited by `edit`, as in.xlsx; returns the check's run. */
async function register(dir: string, edit: (parts: Parts) => void): Promise<AttackRun> {
  const parts = await registerParts(dir);
  edit(parts);
  writeFileSync(join(dir, "in.xlsx"), zipSync(parts));
  return { ...checkRun(dir), unpackedBytes: unpackedOf(parts) };
}

/** Flips one bit of the CRC that entry `name` declares, in its local and central headers. */
function withBadCrc(bytes: Uint8Array, name: string): Uint8Array {
  const out = bytes.slice();
  const want = new TextEncoder().encode(name);
  const named = (p: number, lengthAt: number, at: number): boolean =>
    out[p + lengthAt] === want.length &&
    out[p + lengthAt + 1] === 0 &&
    want.every((b, i) => out[p + at + i] === b);
  let flipped = 0;
  for (let p = 0; p + 46 < out.length; p++) {
    if (out[p] !== 0x50 || out[p + 1] !== 0x4b) continue;
    const local = out[p + 2] === 3 && out[p + 3] === 4 && named(p, 26, 30);
    const central = out[p + 2] === 1 && out[p + 3] === 2 && named(p, 28, 46);
    if (!local && !central) continue;
    out[p + (local ? 14 : 16)]! ^= 1;
    flipped++;
  }
  if (flipped !== 2) throw new Error(`${name}: ${flipped} headers changed, expected 2`);
  return out;
}

const ENTRY_LIMIT = 10_000;
const COMMENTED = "<!-- <sheetData/> -->";

export const CASES: readonly AttackCase[] = [
  {
    id: "package-no-content-types",
    what: "a register without [Content_Types].xml (was accepted and written out broken): refused naming the part",
    setup: (dir) =>
      register(dir, (parts) => {
        delete parts["[Content_Types].xml"];
      }),
    expect: {
      exit: 2,
      message: /thiếu phần \[Content_Types\]\.xml[\s\S]*has no \[Content_Types\]\.xml/,
      files: NOTHING_WRITTEN,
    },
    budget: SMALL,
  },
  {
    id: "package-sheet-type-undeclared",
    what: "a register whose [Content_Types].xml does not declare its members' sheet: refused naming the sheet",
    setup: (dir) =>
      register(dir, (parts) =>
        editPart(parts, "[Content_Types].xml", (xml) =>
          xml.replace(/<Override PartName="\/xl\/worksheets\/sheet2\.xml"[^>]*\/>/, ""),
        ),
      ),
    expect: {
      exit: 2,
      message:
        /trang tính "Thành viên" \("\/xl\/worksheets\/sheet2\.xml"\)[\s\S]*sheet "Thành viên" \("\/xl\/worksheets\/sheet2\.xml"\)/,
      files: NOTHING_WRITTEN,
    },
    budget: SMALL,
  },
  {
    id: "bad-crc-unread-picture",
    what: "a picture, printer settings and custom XML the check never reads, the picture's CRC wrong (was copied on): refused naming it",
    setup: async (dir) => {
      const parts = await registerParts(dir);
      parts["xl/media/image1.png"] = PNG;
      parts["xl/printerSettings/printerSettings1.bin"] = new Uint8Array(256).fill(7);
      parts["customXml/item1.xml"] = strToU8('<?xml version="1.0"?><r xmlns="urn:x"/>');
      writeFileSync(join(dir, "in.xlsx"), withBadCrc(zipSync(parts), "xl/media/image1.png"));
      return { ...checkRun(dir), unpackedBytes: unpackedOf(parts) };
    },
    expect: {
      exit: 2,
      message:
        /\(xl\/media\/image1\.png\): sai mã kiểm tra CRC[\s\S]*\(xl\/media\/image1\.png\): its CRC check fails/,
      files: NOTHING_WRITTEN,
    },
    budget: SMALL,
  },
  {
    id: "entries-just-under-limit",
    what: `${(ENTRY_LIMIT - 1).toLocaleString("en")} entries, one under the limit (was checked, then refused when our sheets took the copy over it): checked and written`,
    setup: async (dir) => {
      const parts = await registerParts(dir);
      for (let i = 1; Object.keys(parts).length < ENTRY_LIMIT - 1; i++)
        parts[`customXml/item${i}.xml`] = strToU8(`<r>${i}</r>`);
      writeFileSync(join(dir, "in.xlsx"), zipSync(parts, { level: 0 }));
      return { ...checkRun(dir), unpackedBytes: unpackedOf(parts) };
    },
    expect: {
      exit: 1,
      files: { "out.xlsx": true, "report.json": true },
      check: (dir) => {
        const names = Object.keys(unzipSync(readFileSync(join(dir, "out.xlsx"))));
        if (names.length <= ENTRY_LIMIT)
          throw new Error(`the copy has ${names.length} entries; our sheets should take it over`);
        const kept = names.filter((n) => n.startsWith("customXml/item")).length;
        if (kept < ENTRY_LIMIT - 20) throw new Error(`only ${kept} of the input's parts kept`);
      },
    },
    budget: { mb: 128, seconds: 15 },
  },
  {
    id: "xlsb-real-shape",
    what: "an .xlsb laid out as Excel writes it (.bin parts, binary content types), named .xlsx: told it is the binary format, never damaged XML",
    setup: (dir) => {
      writeFileSync(join(dir, "in.xlsx"), zipSync(xlsbPackage()));
      return checkRun(dir);
    },
    expect: {
      exit: 2,
      message: /nhị phân \(\.xlsb\)[\s\S]*binary Excel workbook \(\.xlsb\)[\s\S]*\(\.xlsx\)/,
      files: NOTHING_WRITTEN,
      check: (_dir, output) => {
        if (/XML/.test(output)) throw new Error("an .xlsb was spoken of as XML");
      },
    },
    budget: SMALL,
  },
  {
    id: "xlsb-renamed-workbook-part",
    what: "an .xlsb whose binary workbook part is named xl/workbook.xml: told by its content type before it is parsed",
    setup: (dir) => {
      const parts = xlsbPackage();
      parts["xl/workbook.xml"] = parts["xl/workbook.bin"]!;
      delete parts["xl/workbook.bin"];
      editPart(parts, "_rels/.rels", (xml) => xml.replace("xl/workbook.bin", "xl/workbook.xml"));
      editPart(parts, "[Content_Types].xml", (xml) =>
        xml.replace(
          "<Override ",
          `<Override PartName="/xl/workbook.xml" ContentType="${MAIN_TYPE.xlsb}"/><Override `,
        ),
      );
      writeFileSync(join(dir, "in.xlsx"), zipSync(parts));
      return checkRun(dir);
    },
    expect: { exit: 2, message: /\(\.xlsb\)[\s\S]*\(\.xlsb\)/, files: NOTHING_WRITTEN },
    budget: SMALL,
  },
  {
    id: "xlsm-out-xlsx",
    what: "a macro-enabled register checked with --out X.xlsx (was written with its macros under a name Excel refuses): refused before the check",
    setup: async (dir) => {
      const parts = macroEnabled(await registerParts(dir));
      writeFileSync(join(dir, "in.xlsm"), zipSync(parts));
      return checkRun(dir, { input: "in.xlsm" });
    },
    expect: {
      exit: 2,
      message:
        /"in\.xlsm" là sổ làm việc có macro \(\.xlsm\)[\s\S]*out\.xlsx[\s\S]*is a macro-enabled workbook \(\.xlsm\)[\s\S]*--out ".*out\.xlsm"/,
      files: { ...NOTHING_WRITTEN, "out.xlsm": false },
    },
    budget: SMALL,
  },
  {
    id: "xlsm-out-xlsm",
    what: "a macro-enabled register checked with --out X.xlsm: its macros and its type kept",
    setup: async (dir) => {
      const parts = macroEnabled(await registerParts(dir));
      writeFileSync(join(dir, "in.xlsm"), zipSync(parts));
      return checkRun(dir, { input: "in.xlsm", out: "out.xlsm" });
    },
    expect: {
      exit: 1,
      files: { "out.xlsm": true, "report.json": true },
      check: (dir) => {
        const out = unzipSync(readFileSync(join(dir, "out.xlsm")));
        if (Buffer.compare(Buffer.from(out["xl/vbaProject.bin"] ?? []), Buffer.from(VBA_PROJECT)))
          throw new Error("the VBA project was not kept byte for byte");
        if (!strFromU8(out["[Content_Types].xml"]!).includes(MAIN_TYPE.xlsm))
          throw new Error("the copy is no longer declared macro-enabled");
      },
    },
    budget: SMALL,
  },
  {
    id: "sheetdata-in-comment",
    what: `the clubs' sheet (whose club is too small: a highlight on A2) with ${COMMENTED} before its real sheetData (a byte search would put the highlights in the comment): highlights after the real one, the sheet well-formed`,
    setup: (dir) =>
      register(dir, (parts) =>
        editPart(parts, "xl/worksheets/sheet1.xml", (xml) =>
          xml.replace("<sheetData>", `${COMMENTED}<sheetData>`),
        ),
      ),
    expect: {
      exit: 1,
      files: { "out.xlsx": true, "report.json": true },
      check: (dir) => {
        const xml = strFromU8(
          unzipSync(readFileSync(join(dir, "out.xlsx")))["xl/worksheets/sheet1.xml"]!,
        );
        const doc = new new JSDOM().window.DOMParser().parseFromString(xml, "application/xml");
        if (doc.getElementsByTagName("parsererror").length > 0)
          throw new Error("the clubs' sheet is no longer well-formed XML");
        if (!xml.includes(COMMENTED)) throw new Error("the comment was changed");
        const names = [...doc.documentElement.children].map((el) => el.localName);
        const data = names.indexOf("sheetData");
        const rules = names.indexOf("conditionalFormatting");
        const a2 = [...doc.getElementsByTagName("conditionalFormatting")].some((el) =>
          /\bA2\b/.test(el.getAttribute("sqref") ?? ""),
        );
        if (names.filter((n) => n === "sheetData").length !== 1 || rules <= data || !a2)
          throw new Error(`highlights not after the real sheetData: ${names.join(", ")}`);
      },
    },
    budget: SMALL,
  },
];
