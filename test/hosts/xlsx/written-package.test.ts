/**
 * After apply() the workbook stands for the package it wrote, kept in the zip writer's pieces
 * until it is used: the command line writes the pieces as they are (a country's copy is then
 * never held twice), anything that reads the workbook again opens the very same bytes.
 */
import { openXlsx } from "../../../src/hosts/xlsx";
import { NODE_CODEC, NODE_ENGINE } from "../../../src/cli/node-codec";
import { highlight, plan, resultsSheet } from "./plans";
import { excel, unzip, text } from "./fixtures";

async function workbook(): Promise<Uint8Array> {
  return excel((wb) => {
    const ws = wb.addWorksheet("Thành viên");
    ws.addRow(["Mã CLB", "Họ và tên", "Năm sinh"]);
    for (let i = 0; i < 500; i++) ws.addRow([`C${i % 9}`, `Nguyễn Thị ${i}`, 1950 + (i % 40)]);
  });
}

const joined = (pieces: readonly Uint8Array[]): Buffer => Buffer.concat(pieces);

describe("the package apply() wrote", () => {
  const marks = plan([resultsSheet()], [highlight("Thành viên", "B5")]);

  test.each([
    ["fflate", undefined],
    ["Node's zlib", "node"],
  ] as const)(
    "with %s: its pieces, not joined, are the bytes of the package opened again",
    async (_, how) => {
      const bytes = await workbook();
      const open = () =>
        how === "node" ? openXlsx(bytes, {}, NODE_CODEC, NODE_ENGINE) : openXlsx(bytes);
      const a = open();
      const b = open();
      await a.readSheet("Thành viên");
      await b.readSheet("Thành viên");
      await a.apply(marks);
      await b.apply(marks);
      const pieces = a.toPieces();
      // The zip writer's pieces: headers, data and directory apart.
      expect(pieces.length).toBeGreaterThan(3);
      // Opened by toBytes(), the package is those bytes; afterwards it is one buffer.
      const whole = b.toBytes();
      expect(joined(pieces).equals(Buffer.from(whole))).toBe(true);
      expect(b.toPieces()).toEqual([whole]);
      expect(text(unzip(whole), "xl/worksheets/sheet1.xml")).toContain('sqref="B5"');
    },
  );

  test("is read again, and applied to again, as any package", async () => {
    const wb = openXlsx(await workbook(), {}, NODE_CODEC, NODE_ENGINE);
    await wb.apply(marks);
    expect((await wb.listSheets()).map((s) => s.name)).toEqual(["Thành viên", "Kết quả CLB"]);
    expect((await wb.readSheet("Thành viên")).rows.at(3)).toEqual(["C2", "Nguyễn Thị 2", 1952]);
    await wb.apply(plan([resultsSheet()]));
    const sheet = text(unzip(joined(wb.toPieces())), "xl/worksheets/sheet1.xml");
    expect(sheet).not.toContain('sqref="B5"');
    expect(joined(wb.toPieces()).equals(Buffer.from(wb.toBytes()))).toBe(true);
  });
});
