import { strToU8, zipSync } from "fflate";
import { InputError } from "../../../src/core/model/errors";
import { openXlsx } from "../../../src/hosts/xlsx";
import { FileKind, fileKind, packageKind } from "../../../src/hosts/xlsx/file-kind";
import { buildPackage, oleFile, unzip, zip } from "./fixtures";

/** Files that are not .xlsx, built as the programs that write them do, whatever they are named. */
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
};
const BOM = Uint8Array.from([0xef, 0xbb, 0xbf]);
const utf16le = (s: string): Uint8Array =>
  Uint8Array.from([
    0xff,
    0xfe,
    ...[...s].flatMap((ch) => [ch.charCodeAt(0) & 0xff, ch.charCodeAt(0) >> 8]),
  ]);

const CSV =
  "Họ và tên,Năm sinh,Giới tính,Mã CLB\r\nNguyễn Thị Hoa,1950,Nữ,VQ-01\r\nTrần Văn Đức,1948,Nam,VQ-01\r\n";
const SEMI = 'Mã CLB;Tên CLB;Xã\n"VQ-01";"CLB Sơn Thọ; thôn 3";Sơn Thọ\n';
const TSV = "Mã CLB\tTên CLB\tSố thành viên\nVQ-01\tCLB Sơn Thọ\t62\n";
/** "Nguyễn Thị Hoa,1950" in Windows-1258: Vietnamese letters are single high bytes or combining marks. */
const CP1258 = Uint8Array.from([
  ...strToU8("Nguy"),
  0xea,
  0xf2,
  ...strToU8("n Th"),
  0xec,
  0xf2,
  ...strToU8(" Hoa,1950\r\n"),
  ...strToU8("Tr"),
  0xe2,
  0xec,
  ...strToU8("n V"),
  0xe3,
  ...strToU8("n "),
  0xd0,
  0xf9,
  ...strToU8("c,1948\r\n"),
]);

/** LibreOffice's layout: "mimetype" first and stored, then the content and the manifest. */
function ods(mime = "application/vnd.oasis.opendocument.spreadsheet"): Uint8Array {
  return zipSync({
    mimetype: [strToU8(mime), { level: 0 }],
    "content.xml": [
      strToU8(
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:body><office:spreadsheet><table:table table:name="CLB"/></office:spreadsheet></office:body></office:document-content>',
      ),
      { level: 6 },
    ],
    "META-INF/manifest.xml": [
      strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="${mime}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
      ),
      { level: 6 },
    ],
  });
}

/** Excel's binary workbook: the package layout of an .xlsx, with .bin parts. */
function xlsb(workbookPart = "xl/workbook.bin"): Uint8Array {
  return zip({
    "[Content_Types].xml":
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="bin" ContentType="application/vnd.ms-excel.sheet.binary.macroEnabled.main"/></Types>',
    "_rels/.rels": `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${workbookPart}"/></Relationships>`,
    [workbookPart]: Uint8Array.from([0x83, 0x01, 0x00, 0x80, 0x01, 0x00, 0x00, 0x00]),
    "xl/worksheets/sheet1.bin": Uint8Array.from([0x81, 0x01, 0x00, 0x93, 0x01, 0x00]),
  });
}

const SPREADSHEET_ML = `<?xml version="1.0"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet">
 <Worksheet ss:Name="CLB"><Table><Row><Cell><Data ss:Type="String">Mã CLB</Data></Cell></Row></Table></Worksheet>
</Workbook>`;
const HTML_PAGE = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">
<head><meta http-equiv=Content-Type content="text/html; charset=utf-8"><meta name=ProgId content=Excel.Sheet></head>
<body><table><tr><td>Họ và tên</td><td>Năm sinh</td></tr></table></body></html>`;
const HTML_TABLE =
  "\r\n<table border=1><tr><th>Họ và tên</th><th>Năm sinh</th></tr><tr><td>Nguyễn Thị Hoa</td><td>1950</td></tr></table>";
const PDF = concat(
  utf8("%PDF-1.7\n%"),
  Uint8Array.from([0xe2, 0xe3, 0xcf, 0xd3]),
  utf8("\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"),
);
const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0]);
const RAR = Uint8Array.from([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00, 0x33, 0x92]);
const EXE = concat(
  utf8("MZ"),
  Uint8Array.from({ length: 200 }, (_, i) => (i % 7 === 0 ? 0 : i)),
);

/** Sample, the kind its bytes are, and what both languages' messages must name. */
const SAMPLES: ReadonlyArray<[string, Uint8Array, FileKind, RegExp, RegExp]> = [
  [
    "a UTF-8 CSV",
    utf8(CSV),
    { kind: "text", separator: "," },
    /CSV, phân cách bằng dấu phẩy/,
    /CSV, separated by commas/,
  ],
  [
    "a CSV with a UTF-8 BOM and semicolons",
    concat(BOM, utf8(SEMI)),
    { kind: "text", separator: ";" },
    /CSV.*chấm phẩy ";"/,
    /CSV.*semicolons ";"/,
  ],
  ["a TSV", utf8(TSV), { kind: "text", separator: "\t" }, /CSV.*tab/, /CSV.*tabs/],
  [
    "Excel's Unicode Text (UTF-16 with a BOM)",
    utf16le(TSV),
    { kind: "text", separator: "\t" },
    /CSV/,
    /CSV/,
  ],
  ["a Windows-1258 CSV", CP1258, { kind: "text", separator: "," }, /văn bản \(CSV/, /text \(CSV/],
  [
    "a CSV whose first cell is PK",
    utf8("PK,Tên\n1,Hoa\n"),
    { kind: "text", separator: "," },
    /CSV/,
    /CSV/,
  ],
  [
    "a one-line note",
    utf8("Sổ theo dõi CLB"),
    { kind: "text", separator: undefined },
    /văn bản \(CSV\)/,
    /text \(CSV\) export/,
  ],
  [
    "an ODS",
    ods(),
    { kind: "ods" },
    /OpenDocument \(\.ods\)/,
    /OpenDocument spreadsheet \(\.ods\)/,
  ],
  [
    "an ODT",
    ods("application/vnd.oasis.opendocument.text"),
    { kind: "document", format: ".odt" },
    /\.odt.*không phải bảng tính/,
    /\.odt.*not a spreadsheet/,
  ],
  [
    "an .xls (OLE)",
    oleFile("Workbook"),
    { kind: "xls" },
    /Excel 97-2003 cũ \(\.xls\)/,
    /Excel 97-2003 workbook \(\.xls\)/,
  ],
  [
    "SpreadsheetML 2003",
    utf8(SPREADSHEET_ML),
    { kind: "xml-2003" },
    /XML 2003/,
    /XML 2003 spreadsheet/,
  ],
  [
    "an HTML page saved as .xls",
    utf8(HTML_PAGE),
    { kind: "html" },
    /trang web \(HTML\)/,
    /web page \(HTML\)/,
  ],
  [
    "a bare HTML table",
    utf8(HTML_TABLE),
    { kind: "html" },
    /trang web \(HTML\)/,
    /web page \(HTML\)/,
  ],
  [
    "other XML",
    utf8('<?xml version="1.0"?><danhSach><clb ma="VQ-01"/></danhSach>'),
    { kind: "xml" },
    /XML/,
    /XML data file/,
  ],
  ["a PDF", PDF, { kind: "pdf" }, /PDF, không phải bảng tính/, /PDF document, not a spreadsheet/],
  [
    "a PNG",
    PNG,
    { kind: "image", format: "PNG" },
    /ảnh \(PNG\), không phải bảng tính/,
    /image \(PNG\), not a spreadsheet/,
  ],
  ["a JPEG", JPEG, { kind: "image", format: "JPEG" }, /ảnh \(JPEG\)/, /image \(JPEG\)/],
  [
    "a RAR archive",
    RAR,
    { kind: "archive", format: "RAR" },
    /nén \(RAR\).*\.xlsx/,
    /archive \(RAR\).*\.xlsx/,
  ],
  ["a program", EXE, { kind: "binary" }, /không phải bảng tính/, /not a spreadsheet/],
  [
    "an empty file",
    new Uint8Array(0),
    { kind: "empty" },
    /tệp trống \(0 byte\)/,
    /empty \(0 bytes\)/,
  ],
];

/** ZIPs told apart by their entry names (fileKind only says "zip"). */
const PACKAGES: ReadonlyArray<[string, Uint8Array, FileKind, RegExp, RegExp]> = [
  ["an .xlsb", xlsb(), { kind: "xlsb" }, /nhị phân \(\.xlsb\)/, /binary Excel workbook \(\.xlsb\)/],
  [
    "an ODS whose mimetype is compressed",
    zip({
      mimetype: "application/vnd.oasis.opendocument.spreadsheet",
      "content.xml": "<x/>",
      "META-INF/manifest.xml": "<m/>",
    }),
    { kind: "ods" },
    /\.ods/,
    /\.ods/,
  ],
  [
    "a .docx",
    zip({ "[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>" }),
    { kind: "document", format: ".docx" },
    /\(\.docx\), không phải bảng tính/,
    /\(\.docx\), not a spreadsheet/,
  ],
  [
    "a ZIP of registers",
    zip({ "So dang ky/Vu Quang.xlsx": new Uint8Array(8), "ghi chu.txt": "x" }),
    { kind: "zip-archive", inside: "Vu Quang.xlsx" },
    /nén ZIP.*"Vu Quang\.xlsx"/,
    /ZIP archive.*"Vu Quang\.xlsx"/,
  ],
];

function thrown(bytes: Uint8Array): InputError {
  try {
    openXlsx(bytes);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("expected an InputError");
}

describe("fileKind: what the bytes are", () => {
  it.each(SAMPLES)("%s", (_what, bytes, kind) => {
    expect(fileKind(bytes)).toEqual(kind);
  });

  it.each(PACKAGES)("%s is a ZIP, told by its entry names", (_what, bytes, kind) => {
    expect(["zip", kind.kind]).toContain(fileKind(bytes).kind);
    expect(packageKind(Object.keys(unzip(bytes)))).toEqual(kind);
  });

  it("leaves a real .xlsx to be read", () => {
    const bytes = buildPackage({ sheets: [{ name: "S", rows: "" }] });
    expect(fileKind(bytes)).toEqual({ kind: "zip" });
    expect(packageKind(Object.keys(unzip(bytes)))).toBeUndefined();
  });

  it("tells a password-protected workbook from an .xls", () => {
    expect(fileKind(oleFile("EncryptionInfo"))).toEqual({ kind: "encrypted" });
  });

  it("takes binary bytes without a NUL for binary", () => {
    const noisy = Uint8Array.from({ length: 600 }, (_, i) => 1 + (i % 31));
    expect(fileKind(noisy)).toEqual({ kind: "binary" });
  });
});

describe("what the reader says, in Vietnamese and English", () => {
  it.each([...SAMPLES, ...PACKAGES])("%s", (_what, bytes, _kind, vi, en) => {
    const e = thrown(bytes);
    expect(e.code).toBe("not-xlsx");
    expect(e.text.vi).toMatch(/^Tệp không phải là sổ làm việc Excel \.xlsx: /);
    expect(e.text.en).toMatch(/^The file is not an Excel \.xlsx workbook: /);
    expect(e.text.vi).toMatch(vi);
    expect(e.text.en).toMatch(en);
    expect(e.text.vi.replace(/^[^:]*:/, "")).toContain(".xlsx");
    expect(e.text.en.replace(/^[^:]*:/, "")).toContain(".xlsx");
  });

  it.each(
    [...SAMPLES, ...PACKAGES].filter(([, , k]) =>
      ["text", "ods", "xlsb", "xls", "html", "xml-2003"].includes(k.kind),
    ),
  )("%s: says how to save it as .xlsx", (_what, bytes) => {
    const { vi, en } = thrown(bytes).text;
    expect(vi).toMatch(
      /Excel, LibreOffice hoặc WPS rồi "Lưu như" \(Save As\) kiểu Sổ làm việc Excel \(\.xlsx\)/,
    );
    expect(vi).toContain('Tệp > Lưu như (File > Save As), kiểu "Excel 2007-365 (.xlsx)"');
    expect(en).toMatch(/Excel, LibreOffice or WPS and "Save As" an Excel Workbook \(\.xlsx\)/);
    expect(en).toContain('File > Save As, type "Excel 2007-365 (.xlsx)"');
  });

  it("says a CSV keeps one sheet and no formats", () => {
    const { vi, en } = thrown(utf8(CSV)).text;
    expect(vi).toMatch(/chỉ giữ một trang tính và không giữ định dạng/);
    expect(en).toMatch(/keeps only one sheet and no formats/);
  });

  it("names an .xlsb pointed to by any name before reading it as XML", () => {
    const e = thrown(xlsb("xl/book.bin"));
    expect(e.code).toBe("not-xlsx");
    expect(e.text.en).toMatch(/\.xlsb/);
  });
});
