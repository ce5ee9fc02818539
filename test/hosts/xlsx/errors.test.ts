import { InputError } from "../../../src/core/model/errors";
import { openXlsx } from "../../../src/hosts/xlsx";
import { buildPackage, errorCode, oleFile, unzip, worksheet, zip } from "./fixtures";

const small = (): Uint8Array =>
  buildPackage({ sheets: [{ name: "S", rows: '<row r="1"><c r="A1"><v>1</v></c></row>' }] });

/** A worksheet that inflates to `mb` megabytes of (valid) whitespace: a zip bomb in miniature. */
const bomb = (mb: number): string => worksheet(" ".repeat(mb * 1024 * 1024));

async function messageOf(fn: () => unknown): Promise<string> {
  try {
    await fn();
  } catch (e) {
    if (e instanceof InputError) return `${e.text.vi} | ${e.text.en}`;
  }
  throw new Error("expected an InputError");
}

/** Rewrites the uncompressed size an entry declares, in its local header and in the central directory. */
function lieAboutSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  let eocd = out.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  let p = view.getUint32(eocd + 16, true);
  for (let i = 0; i < view.getUint16(eocd + 10, true); i++) {
    const nameLen = view.getUint16(p + 28, true);
    const entry = new TextDecoder().decode(out.subarray(p + 46, p + 46 + nameLen));
    if (entry === name) {
      view.setUint32(p + 24, size, true);
      view.setUint32(view.getUint32(p + 42, true) + 22, size, true);
    }
    p += 46 + nameLen + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return out;
}

describe("what is not an xlsx", () => {
  it.each([
    ["random bytes", Uint8Array.from({ length: 300 }, (_, i) => (i * 37) % 251)],
    ["an empty file", new Uint8Array(0)],
    ["a zip without a workbook", zip({ "word/document.xml": "<w:document/>" })],
  ])("rejects %s as not-xlsx", async (_what, bytes) => {
    expect(await errorCode(() => openXlsx(bytes))).toBe("not-xlsx");
  });

  it("says so for a binary .xlsb workbook, and never calls it damaged XML", async () => {
    expect(
      await messageOf(() => openXlsx(zip({ "xl/workbook.bin": new Uint8Array(10) }))),
    ).toContain(".xlsb");
    // Its package relationships point at the .bin part: it is told before any XML is parsed.
    const xlsb = zip({
      "_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.bin"/></Relationships>`,
      "xl/workbook.bin": Uint8Array.from([0x83, 0x01, 0x00, 0x3c]),
    });
    expect(await errorCode(() => openXlsx(xlsb))).toBe("not-xlsx");
    expect(await messageOf(() => openXlsx(xlsb))).toMatch(
      /\(\.xlsb\).*\(\.xlsx\).*\| .*\(\.xlsb\).*\(\.xlsx\)/,
    );
  });

  it("says a CSV is a text export and how to save it as .xlsx, in both languages", async () => {
    const csv = new TextEncoder().encode("Họ và tên,Năm sinh\nNguyễn Thị Hoa,1950\n");
    expect(await messageOf(() => openXlsx(csv))).toMatch(
      /văn bản \(CSV.*Excel 2007-365 \(\.xlsx\).* \| .*text \(CSV.*Excel 2007-365 \(\.xlsx\)/,
    );
  });

  it("recognises a password-protected workbook (OLE with an EncryptionInfo stream)", async () => {
    expect(await errorCode(() => openXlsx(oleFile("EncryptionInfo")))).toBe("encrypted");
    expect(await messageOf(() => openXlsx(oleFile("EncryptionInfo")))).toMatch(
      /mật khẩu.*password/s,
    );
  });

  it("tells an old .xls apart and says to save as .xlsx", async () => {
    expect(await errorCode(() => openXlsx(oleFile("Workbook")))).toBe("not-xlsx");
    expect(await messageOf(() => openXlsx(oleFile("Workbook")))).toMatch(
      /97-2003.*\(\.xls\).*Lưu như.*\.xlsx.* \| .*97-2003.*\(\.xls\).*Save As.*\.xlsx/,
    );
  });
});

describe("damaged packages", () => {
  it("reports a truncated file as corrupt", async () => {
    const bytes = small();
    for (const cut of [bytes.length - 5, Math.floor(bytes.length / 2), 40]) {
      expect(
        await errorCode(async () => {
          const wb = openXlsx(bytes.subarray(0, cut));
          await wb.readSheet("S");
        }),
      ).toBe("corrupt");
    }
  });

  it("catches a changed byte in a stored part by its CRC", async () => {
    // Every part stored, not deflated, so the sheet's XML can be patched in place.
    const bytes = zip(unzip(small()), 0);
    const at = findBytes(bytes, "<v>1</v>") + 3;
    bytes[at] = "7".charCodeAt(0);
    const wb = openXlsx(bytes);
    expect(await messageOf(() => wb.readSheet("S"))).toContain("CRC");
  });

  it("reports malformed XML in the parts it needs as corrupt", async () => {
    const bad = buildPackage({
      sheets: [{ name: "S", rows: "" }],
      definedNames: "<definedName name='x'>unclosed",
    });
    expect(await errorCode(() => openXlsx(bad))).toBe("corrupt");
    const badSheet = buildPackage({
      sheets: [{ name: "S", doc: worksheet('<row r="1"><c r="A1" t="s"><v>5</v></c></row>') }],
    });
    expect(await errorCode(() => openXlsx(badSheet).readSheet("S"))).toBe("corrupt");
  });
});

describe("limits (zip bombs)", () => {
  it("stops inflating a part once it passes maxPartBytes", async () => {
    const bytes = buildPackage({ sheets: [{ name: "S", doc: bomb(8) }] });
    expect(bytes.length).toBeLessThan(100_000);
    const wb = openXlsx(bytes, { maxPartBytes: 2 * 1024 * 1024 });
    expect(await errorCode(() => wb.readSheet("S"))).toBe("too-large");
    expect(await messageOf(() => wb.readSheet("S"))).toContain("2 MB");
  });

  it("enforces the compression ratio on large parts", async () => {
    const wb = openXlsx(buildPackage({ sheets: [{ name: "S", doc: bomb(3) }] }), {
      ratioCheckFromBytes: 1024 * 1024,
      maxCompressionRatio: 50,
    });
    expect(await messageOf(() => wb.readSheet("S"))).toMatch(/50/);
  });

  it("counts the total across parts", async () => {
    const bytes = buildPackage({
      sheets: [
        { name: "A", doc: bomb(2) },
        { name: "B", doc: bomb(2) },
      ],
    });
    const wb = openXlsx(bytes, { maxUnpackedBytes: 3 * 1024 * 1024 });
    await wb.readSheet("A");
    await wb.readSheet("A"); // reading a part again does not count twice
    expect(await errorCode(() => wb.readSheet("B"))).toBe("too-large");
  });

  it("trusts the bytes it inflates, not a central directory that lies about sizes", async () => {
    const lying = lieAboutSize(
      buildPackage({ sheets: [{ name: "S", doc: bomb(8) }] }),
      "xl/worksheets/sheet1.xml",
      100,
    );
    expect(
      await errorCode(() => openXlsx(lying, { maxPartBytes: 2 * 1024 * 1024 }).readSheet("S")),
    ).toBe("too-large");
    // Within the limits, a size that does not match is damage.
    const smallLie = lieAboutSize(small(), "xl/worksheets/sheet1.xml", 100);
    expect(await errorCode(() => openXlsx(smallLie).readSheet("S"))).toBe("corrupt");
  });

  it("refuses too many entries before reading any", async () => {
    expect(await errorCode(() => openXlsx(small(), { maxEntries: 3 }))).toBe("too-large");
  });

  it("refuses a sheet with more rows than maxRows, naming the sheet", async () => {
    const numbered = buildPackage({
      sheets: [
        { name: "Thành viên", rows: '<row r="1"/><row r="11"><c r="A11"><v>1</v></c></row>' },
      ],
    });
    const wb = openXlsx(numbered, { maxRows: 10 });
    await expect(wb.readSheet("Thành viên")).rejects.toMatchObject({
      code: "too-many-rows",
      sheet: "Thành viên",
    });
    const sequential = buildPackage({
      sheets: [{ name: "S", rows: "<row><c><v>1</v></c></row>".repeat(11) }],
    });
    expect(await errorCode(() => openXlsx(sequential, { maxRows: 10 }).readSheet("S"))).toBe(
      "too-many-rows",
    );
    expect((await openXlsx(sequential, { maxRows: 11 }).readSheet("S")).rows).toHaveLength(11);
  });
});

function findBytes(hay: Uint8Array, needle: string): number {
  const n = new TextEncoder().encode(needle);
  outer: for (let i = 0; i + n.length <= hay.length; i++) {
    for (let k = 0; k < n.length; k++) if (hay[i + k] !== n[k]) continue outer;
    return i;
  }
  return -1;
}
