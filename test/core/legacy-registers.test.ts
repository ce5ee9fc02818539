import { runCheck } from "../../src/core/check/run-check";
import { DEFAULT_SETTINGS } from "../../src/core/model/settings";
import { RawSheet, RawValue } from "../../src/core/model/cells";
import { toTcvn3, toVni } from "../../src/core/text/legacy";
import { club, clubsSheet, fund, fundsSheet, members, membersSheet } from "../helpers/registers";
import { rowsOf } from "../helpers/rows";

/** A register typed in TCVN3 or VNI must count exactly as its Unicode original. */
const settings = { ...DEFAULT_SETTINGS, asOf: "2025-12-31" };
const NAMES = ["Nguyễn Thị Thuỷ", "Trần Văn Đức", "Lê Thị Hồng", "Phạm Văn Sơn", "Võ Thị Ngọc Ánh"];
const rows = [...members("C1", 50, 33, 32, 27), ...members("C2", 52, 30, 36, 20)].map((m, i) => ({
  ...m,
  name: `${NAMES[i % NAMES.length]} ${i}`,
  hardship: i % 6 === 0 ? "Hộ nghèo" : i % 6 === 1 ? "Cận nghèo" : null,
}));

function encoded(sheet: RawSheet, encode: (s: string) => string): RawSheet {
  return {
    name: sheet.name,
    rows: rowsOf(sheet).map((r) =>
      r?.map((v: RawValue | undefined) => (typeof v === "string" ? encode(v) : v)),
    ),
  };
}

function check(members: RawSheet) {
  return runCheck(
    {
      clubs: clubsSheet([club("C1"), club("C2")]),
      members,
      funds: fundsSheet([fund("C1"), fund("C2")]),
      roadmap: null,
    },
    settings,
  );
}

const unicode = check(membersSheet(rows));

describe.each([
  ["TCVN3", toTcvn3, "tcvn3"],
  ["VNI", toVni, "vni"],
])("a register typed in %s", (name, encode, id) => {
  const result = check(encoded(membersSheet(rows), encode));

  test("gives the same counts and the same findings as the Unicode one", () => {
    expect(result.verdicts.map((v) => v.stats)).toEqual(unicode.verdicts.map((v) => v.stats));
    expect(result.findings.filter((f) => f.rule !== "text.legacy").map((f) => f.id)).toEqual(
      unicode.findings.map((f) => f.id),
    );
  });

  test("says which cells were converted, and that the file is not changed", () => {
    const note = result.findings.find((f) => f.rule === "text.legacy")!;
    expect(note.id).toBe(`text.legacy|Thành viên:${id}`);
    expect(note.message.en).toContain(
      name === "VNI" ? "legacy VNI encoding" : "legacy TCVN3 (ABC) encoding",
    );
    expect(note.message.en).toMatch(/\(A1, B1, C1, D1, E1, F1, B2, C2, /);
  });
});

test("a Unicode register is not converted", () => {
  expect(unicode.findings.some((f) => f.rule === "text.legacy")).toBe(false);
});
