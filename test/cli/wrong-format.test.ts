import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { runCli } from "../helpers/cli-run";
import { oleFile } from "../hosts/xlsx/fixtures";

/**
 * `ishc check` on files that are not .xlsx but are named so: each is told by its bytes, exits 2
 * with nothing written, and says in both languages what it is and to save it as .xlsx.
 */
const tmp = mkdtempSync(join(tmpdir(), "ishc-wrong-format-"));

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const withBom = (s: string): Uint8Array => Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8(s)]);

const ods = (): Uint8Array =>
  zipSync({
    mimetype: [strToU8("application/vnd.oasis.opendocument.spreadsheet"), { level: 0 }],
    "content.xml": strToU8(
      '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"><office:body><office:spreadsheet/></office:body></office:document-content>',
    ),
    "META-INF/manifest.xml": strToU8(
      '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>',
    ),
  });

const xlsb = (): Uint8Array =>
  zipSync({
    "[Content_Types].xml": strToU8(
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
    ),
    "_rels/.rels": strToU8(
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>',
    ),
    "xl/workbook.bin": Uint8Array.from([0x83, 0x01, 0x00]),
  });

/** File name, bytes, and what stderr must name in Vietnamese and in English. */
const CASES: ReadonlyArray<[string, () => Uint8Array, RegExp, RegExp]> = [
  [
    "csv.xlsx",
    () => utf8("Họ và tên,Năm sinh,Giới tính\nNguyễn Thị Hoa,1950,Nữ\n"),
    /tệp văn bản \(CSV/,
    /text \(CSV/,
  ],
  [
    "csv-bom.xlsx",
    () => withBom("Họ và tên;Năm sinh\nTrần Văn Đức;1948\n"),
    /tệp văn bản \(CSV/,
    /text \(CSV/,
  ],
  ["tsv.xlsx", () => utf8("Mã CLB\tTên CLB\nVQ-01\tCLB Sơn Thọ\n"), /CSV.*tab/, /CSV.*tabs/],
  ["ods.xlsx", ods, /OpenDocument \(\.ods\)/, /OpenDocument spreadsheet \(\.ods\)/],
  ["xlsb.xlsx", xlsb, /\(\.xlsb\)/, /\(\.xlsb\)/],
  ["old.xlsx", () => oleFile("Workbook"), /Excel 97-2003.*\(\.xls\)/, /Excel 97-2003.*\(\.xls\)/],
  [
    "xml2003.xls",
    () =>
      utf8(
        '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"/>',
      ),
    /XML 2003/,
    /XML 2003 spreadsheet/,
  ],
  [
    "web.xls",
    () => utf8("<table><tr><td>Họ và tên</td></tr></table>"),
    /trang web \(HTML\)/,
    /web page \(HTML\)/,
  ],
  [
    "scan.xlsx",
    () => utf8("%PDF-1.4\n1 0 obj\n<<>>\nendobj\n"),
    /PDF.*không phải bảng tính/,
    /PDF.*not a spreadsheet/,
  ],
  ["empty.xlsx", () => new Uint8Array(0), /tệp trống/, /empty \(0 bytes\)/],
];

describe("ishc check on a file that is not an .xlsx", () => {
  test.each(CASES)("%s exits 2 naming its format", async (file, bytes, vi, en) => {
    const input = join(tmp, file);
    writeFileSync(input, bytes());
    const out = join(tmp, `${file}.out.xlsx`);
    const report = join(tmp, `${file}.json`);
    const r = await runCli("check", input, "--out", out, "--report", report);
    expect(r.code).toBe(2);
    const lines = r.err.split("\n");
    const viLine = lines.find((l) => l.startsWith("ishc: Tệp không phải là sổ làm việc Excel"));
    const enLine = lines.find((l) => l.startsWith("ishc: The file is not an Excel .xlsx workbook"));
    expect(viLine).toMatch(vi);
    expect(enLine).toMatch(en);
    // Beyond the opening words, each language says what to do with ".xlsx".
    expect(viLine!.replace(/^[^:]*:[^:]*:/, "")).toContain(".xlsx");
    expect(enLine!.replace(/^[^:]*:[^:]*:/, "")).toContain(".xlsx");
    expect(existsSync(out) || existsSync(report)).toBe(false);
  });
});
