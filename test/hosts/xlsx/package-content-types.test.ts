import { strFromU8, strToU8, unzipSync } from "fflate";
import { InputError } from "../../../src/core/model/errors";
import { openXlsx } from "../../../src/hosts/xlsx";
import { buildPackage, zip } from "./fixtures";

/**
 * [Content_Types].xml: a package without it, or one that does not declare its workbook and sheets
 * as such, is refused with the part named (Excel will not open it either); the workbook's declared
 * type says which extension its copy must have, and an .xlsb's binary type is named as .xlsb.
 */

const S = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
const MS = "application/vnd.ms-excel.";

const register = (): Record<string, Uint8Array> =>
  unzipSync(buildPackage({ sheets: [{ name: "CLB" }, { name: "Thành viên" }] }));

/** The register with its [Content_Types].xml edited (or removed, when `f` gives undefined). */
function withTypes(f: (xml: string) => string | undefined): Uint8Array {
  const parts = register();
  const edited = f(strFromU8(parts["[Content_Types].xml"]!));
  if (edited === undefined) delete parts["[Content_Types].xml"];
  else parts["[Content_Types].xml"] = strToU8(edited);
  return zip(parts);
}

function refusal(bytes: Uint8Array): InputError {
  try {
    openXlsx(bytes);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error("expected the package to be refused");
}

describe("a package's content types", () => {
  it("reads a register whose types declare its workbook and sheets, as an .xlsx", () => {
    expect(openXlsx(withTypes((x) => x)).extension).toBe(".xlsx");
  });

  it("refuses a package without [Content_Types].xml, naming the part, in both languages", () => {
    const e = refusal(withTypes(() => undefined));
    expect(e.code).toBe("corrupt");
    expect(e.text.vi).toMatch(/thiếu phần \[Content_Types\]\.xml/);
    expect(e.text.en).toMatch(/has no \[Content_Types\]\.xml/);
    expect(e.text.en).toMatch(/LibreOffice or WPS/);
  });

  it("refuses a sheet the types do not declare, naming the sheet and its part", () => {
    const e = refusal(
      withTypes((x) =>
        x
          .replace(/<Override PartName="\/xl\/worksheets\/sheet2\.xml"[^>]*\/>/, "")
          .replace(/<Default Extension="xml"[^>]*\/>/, ""),
      ),
    );
    expect(e.text.vi).toMatch(/trang tính "Thành viên" \("\/xl\/worksheets\/sheet2\.xml"\)/);
    expect(e.text.en).toMatch(/declares no type for sheet "Thành viên"/);
  });

  it("refuses a sheet declared as another kind of part", () => {
    const e = refusal(withTypes((x) => x.replace(/worksheet\+xml/g, "chartsheet+xml")));
    expect(e.text.en).toMatch(
      /sheet "CLB" \("\/xl\/worksheets\/sheet1\.xml"\) is declared as ".*chartsheet\+xml"/,
    );
  });

  it("refuses a workbook the types do not declare, or declare as plain XML", () => {
    const none = refusal(
      withTypes((x) => x.replace(/<Override PartName="\/xl\/workbook\.xml"[^>]*\/>/, "")),
    );
    // The Default for .xml still gives it a type: plain XML, which Excel does not open.
    expect(none.text.en).toMatch(
      /the workbook "\/xl\/workbook\.xml" is declared as "application\/xml"/,
    );
    const bare = refusal(
      withTypes((x) =>
        x
          .replace(/<Override PartName="\/xl\/workbook\.xml"[^>]*\/>/, "")
          .replace(/<Default Extension="xml"[^>]*\/>/, ""),
      ),
    );
    expect(bare.text.vi).toMatch(/không khai báo kiểu cho sổ làm việc "\/xl\/workbook\.xml"/);
  });

  it("takes part names without regard to case, as OPC does", () => {
    const bytes = withTypes((x) =>
      x.replace('PartName="/xl/workbook.xml"', 'PartName="/XL/Workbook.XML"'),
    );
    expect(openXlsx(bytes).extension).toBe(".xlsx");
  });

  it.each([
    [`${MS}sheet.macroEnabled.main+xml`, ".xlsm"],
    [`${S}template.main+xml`, ".xltx"],
    [`${MS}template.macroEnabled.main+xml`, ".xltm"],
    [`${MS}addin.macroEnabled.main+xml`, ".xlam"],
  ])("knows a workbook declared as %s for an %s", (type, extension) => {
    const bytes = withTypes((x) => x.replace(`${S}sheet.main+xml`, type));
    expect(openXlsx(bytes).extension).toBe(extension);
  });

  it("names an .xlsb by its workbook's declared type, whatever its part is called", () => {
    const parts = register();
    // The binary workbook under an .xml name: told by its type before its bytes are parsed.
    parts["xl/workbook.xml"] = Uint8Array.from([0x83, 0x01, 0x00, 0x3c, 0x9c, 0x01]);
    parts["[Content_Types].xml"] = strToU8(
      strFromU8(parts["[Content_Types].xml"]!).replace(
        `${S}sheet.main+xml`,
        `${MS}sheet.binary.macroEnabled.main`,
      ),
    );
    const e = refusal(zip(parts));
    expect(e.code).toBe("not-xlsx");
    expect(e.text.vi).toMatch(/nhị phân \(\.xlsb\)/);
    expect(e.text.en).toMatch(/binary Excel workbook \(\.xlsb\)/);
    expect(e.text.en).not.toMatch(/XML/);
  });
});
