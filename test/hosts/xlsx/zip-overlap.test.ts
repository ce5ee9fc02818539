import { zipSync } from "fflate";
import { InputError } from "../../../src/core/model/errors";
import { DEFAULT_XLSX_LIMITS } from "../../../src/hosts/xlsx/errors";
import { readZip } from "../../../src/hosts/xlsx/zip-read";

/** Two stored entries; the second central record's local offset optionally pointed at the first. */
function twoEntries(overlap: boolean): Uint8Array {
  const blob = new Uint8Array(1000).fill(65);
  const bytes = zipSync({
    "xl/workbook.xml": [blob, { level: 0 }],
    "xl/worksheets/sheet1.xml": [blob, { level: 0 }],
  });
  if (overlap) {
    let seen = 0;
    for (let p = bytes.length - 22; p >= 0; p--) {
      if (bytes[p] === 0x50 && bytes[p + 1] === 0x4b && bytes[p + 2] === 1 && bytes[p + 3] === 2) {
        // Scanning backwards: the first central record met is the second entry's.
        if (seen++ === 0) bytes.set([0, 0, 0, 0], p + 42);
      }
    }
  }
  return bytes;
}

describe("zip entries whose data overlap", () => {
  it("reads entries that lie apart", () => {
    expect(readZip(twoEntries(false), DEFAULT_XLSX_LIMITS).map((e) => e.name)).toEqual([
      "xl/workbook.xml",
      "xl/worksheets/sheet1.xml",
    ]);
  });

  it("refuses two names pointing at one blob, naming both", () => {
    const read = (): unknown => readZip(twoEntries(true), DEFAULT_XLSX_LIMITS);
    expect(read).toThrow(InputError);
    expect(read).toThrow(/overlaps the data of entry "xl\/workbook\.xml"/);
    expect(read).toThrow(/dùng chung dữ liệu/);
  });
});
