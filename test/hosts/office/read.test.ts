import { InputError } from "../../../src/core/model/errors";
import { OfficeWorkbook } from "../../../src/hosts/office";
import { FakeExcel } from "../../fakes/excel";
import { rowsOf } from "../../helpers/rows";

const open = (sheets: ConstructorParameters<typeof FakeExcel>[0]) => {
  const excel = new FakeExcel(sheets);
  return { excel, office: new OfficeWorkbook(excel.run, { supports: () => false }) };
};

describe("reading a sheet through the Office host", () => {
  it("keeps cells in place when the used range does not start at A1, with errors as text", async () => {
    const { office, excel } = open([
      {
        name: "CLB",
        rows: [undefined, undefined, [null, "Mã", "Tên"], [null, 1, "#N/A"], [], [null, true]],
      },
    ]);
    const sheet = await office.readSheet("clb");
    expect(sheet.name).toBe("CLB");
    expect(rowsOf(sheet)).toEqual([
      undefined,
      undefined,
      [undefined, "Mã", "Tên"],
      [undefined, 1, "#N/A"],
      undefined,
      [undefined, true, undefined],
    ]);
    // The sheet, its used range, one block.
    expect(excel.stats.syncs).toBe(3);
  });

  it("reads an empty sheet as no rows, and a missing one as InputError missing-sheet", async () => {
    const { office } = open([{ name: "Trống", rows: [] }]);
    expect(rowsOf(await office.readSheet("Trống"))).toEqual([]);
    const error = await office.readSheet("Không có").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).code).toBe("missing-sheet");
  });
});
