import { runCheck } from "../../src/core/check/run-check";
import { validateMapping } from "../../src/core/check/mapping";
import { checkWorkbook } from "../../src/hosts/workbook/check-workbook";
import { MemoryWorkbook } from "../../src/hosts/memory/memory-workbook";
import { InputError } from "../../src/core/model/errors";
import { DEFAULT_SETTINGS } from "../../src/core/model/settings";
import { RawValue } from "../../src/core/model/cells";
import { club, clubsSheet, fund, fundsSheet, members } from "../helpers/registers";

const settings = { ...DEFAULT_SETTINGS, asOf: "2025-12-31" };

/** A register whose headers the reader cannot know: "Cột 1", "Cột 2", … under a misleading row. */
function oddMembers(): { name: string; rows: RawValue[][] } {
  const rows = members("C1", 50, 33, 32, 27).map((m) => [
    m.clubId!,
    m.name!,
    m.sex!,
    m.birth!,
    m.borrowed!,
    "Có",
  ]);
  return {
    name: "DS 2024",
    rows: [
      ["Họ và tên", "Giới tính", "Năm sinh"], // a stray header-like row above the real one
      ["Cột 1", "Cột 2", "Cột 3", "Cột 4", "Cột 5", "Được vay vốn"],
      ...rows,
    ],
  };
}

describe("the user's mapping", () => {
  const mapping = validateMapping({
    "DS 2024": {
      role: "members",
      headerRow: 2,
      columns: { A: "clubId", B: "name", C: "sex", D: "birth", E: "borrowed", F: "" },
    },
  });

  test("gives a sheet its role, its header row and its columns", async () => {
    const wb = new MemoryWorkbook([
      clubsSheet([club("C1")]),
      fundsSheet([fund("C1")]),
      oddMembers(),
    ]);
    const { report } = await checkWorkbook(wb, settings, mapping);
    expect(report.clubs[0]).toMatchObject({
      members: 50,
      women: 33,
      older: 32,
      borrowers: 27,
      compliant: true,
    });
    const layout = report.layout.find((l) => l.sheet === "DS 2024")!;
    expect(layout.headerRows).toEqual([2]);
    expect(layout.columns.map((c) => `${c.column}:${c.field}`)).toEqual([
      "A:clubId",
      "B:name",
      "C:sex",
      "D:birth",
      "E:borrowed",
    ]);
  });

  test("without it the same sheet cannot be read", () => {
    expect(() =>
      runCheck(
        { clubs: clubsSheet([club("C1")]), members: oddMembers(), funds: null, roadmap: null },
        settings,
      ),
    ).toThrow(InputError);
  });

  test.each([
    [[], /expected a JSON object/],
    [{ S: { role: "people" } }, /unknown role "people"/],
    [{ S: { headerRow: 0 } }, /headerRow must be a row number/],
    [{ S: { columns: { A1: "sex" } } }, /column "A1"/],
    [{ S: { columns: { A: "gender" } } }, /"gender" is not valid/],
    [{ S: null }, /sheet "S": expected an object/],
    [{ S: { headerRow: 36 } }, /from 1 to 30/],
    [{ S: { columns: { ZZZZ: "sex" } } }, /column "ZZZZ"/],
    [{ S: { columns: { XFE: "sex" } } }, /column "XFE"/],
  ])("a bad mapping %j is a clear error", (raw, message) => {
    expect(() => validateMapping(raw)).toThrow(message);
  });
});
