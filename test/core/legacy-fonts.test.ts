import { FindingSink } from "../../src/core/findings/sink";
import { RawSheet, fontKey } from "../../src/core/model/cells";
import { convertLegacyText } from "../../src/core/read/legacy-text";
import { detectLegacy, mayBeLegacy, toTcvn3, toVni } from "../../src/core/text/legacy";
import { rowsOf } from "../helpers/rows";

/** The reader's use of RawSheet.fonts, on plain data. */
function converted(rows: RawSheet["rows"], fonts: [number, number, string][]) {
  const sink = new FindingSink();
  const sheet: RawSheet = {
    name: "S",
    rows,
    fonts: new Map(fonts.map(([r, c, f]) => [fontKey(r, c), f])),
  };
  return { rows: rowsOf(convertLegacyText(sheet, sink)), findings: sink.all() };
}

describe("a cell's legacy font", () => {
  test("a capital font (.VnTimeH) gives upper case, ASCII included; .VnTime lower case", () => {
    const rows = [[toTcvn3("nguyễn thị hoà"), "nam", toTcvn3("nguyễn thị hoà"), "nam"]];
    const r = converted(rows, [
      [0, 0, ".VnTimeH"],
      [0, 1, ".VnArialH"],
      [0, 2, ".VnTime"],
      [0, 3, ".VnTime"],
    ]);
    expect(r.rows.at(0)).toEqual(["NGUYỄN THỊ HOÀ", "NAM", "nguyễn thị hoà", "nam"]);
    expect(r.findings.map((f) => f.message.en)).toEqual([
      'Sheet "S": 3 cells typed in the legacy TCVN3 (ABC) encoding were read as Unicode (A1, B1, C1); the file is not changed.',
    ]);
  });

  test("decides the encoding where the characters cannot (VNI 'Sôn Mô' is 'Sơn Mơ')", () => {
    const weak = toVni("Sơn Mơ");
    expect(weak).toBe("Sôn Mô");
    expect(converted([[weak, weak]], [[0, 0, "VNI-Times"]]).rows.at(0)).toEqual([
      "Sơn Mơ",
      "Sôn Mô",
    ]);
  });

  test("never garbles text typed in Unicode, whatever the font", () => {
    expect(converted([["Nguyễn Văn Đức"]], [[0, 0, ".VnTimeH"]]).rows.at(0)).toEqual([
      "Nguyễn Văn Đức",
    ]);
  });
});

describe("mayBeLegacy, the hosts' pre-filter for asking fonts", () => {
  test.each([
    [toTcvn3("Không"), true],
    [toVni("Nguyễn"), true],
    [toVni("Có"), true],
    ["Có", false],
    ["Không", false],
    ["Nguyễn", false],
    ["Nam", false],
    ["5.000.000\u00a0đ", false],
  ])("%j → %s", (s, expected) => {
    expect(mayBeLegacy(s)).toBe(expected);
  });
});

describe("the sheet's encoding settles what a single word cannot", () => {
  test("a lone VNI 'ñ' (đ) in a VNI sheet is not TCVN3 'ủ'", () => {
    expect(detectLegacy("1.500.000ñ")).toBe("tcvn3");
    expect(detectLegacy("1.500.000ñ", "vni")).toBe("vni");
  });

  test("but not against the cell's own reading: TCVN3 'Kh«ng' stays TCVN3 in a VNI sheet", () => {
    expect(detectLegacy("Kh«ng", "vni")).toBe("tcvn3");
    expect(detectLegacy(toTcvn3("Nguyễn Thị Hồng"), "vni")).toBe("tcvn3");
  });
});
