import { RawSheet } from "../../src/core/model/cells";
import { InputError } from "../../src/core/model/errors";
import { DEFAULT_SETTINGS } from "../../src/core/model/settings";
import { toTcvn3 } from "../../src/core/text/legacy";
import { mergeWorkbooks, MergeSource } from "../../src/hosts/workbook/merge-workbooks";
import { CancelSwitch, CancelledError } from "../../src/hosts/workbook/progress";
import { openXlsx } from "../../src/hosts/xlsx";
import { newWorkbook, xlsxMergeTarget } from "../../src/hosts/xlsx/new-workbook";
import { asXlsx, keptWorkbook, KeptSheet, recoded } from "../helpers/kept-registers";
import {
  allActivities,
  club,
  clubsSheet,
  fund,
  fundsSheet,
  members,
  membersSheet,
} from "../helpers/registers";
import { rowsOf } from "../helpers/rows";

/**
 * Three district workbooks of different layouts merged into the province's: Vũ Quang as officials
 * keep it (title rows, one sheet per club, birth years under "Nam" / "Nữ", coded sex, hardship
 * marks); Hương Khê with its headers lower down, sex as "x" marks and club VQ-03 again; Can Lộc
 * canonical but typed in TCVN3. Hương Khê and Can Lộc carry the province's roadmap.
 */
const settings = { ...DEFAULT_SETTINGS, asOf: "2025-12-31" };

const ROADMAP: KeptSheet = {
  name: "Lộ trình",
  rows: [
    ["PHỤ LỤC LỘ TRÌNH"],
    [
      "Đơn vị",
      "Số CLB đã thành lập giai đoạn trước",
      "Kế hoạch giai đoạn 2021-2025",
      "Năm 2021",
      "Năm 2022",
      "Năm 2023",
      "Năm 2024",
      "Năm 2025",
      "Tổng cả hai giai đoạn",
    ],
    ["Huyện Vũ Quang", 2, 2, 0, 1, 1, 0, 0, 4],
    ["Huyện Hương Khê", 1, 2, 1, 1, 0, 0, 0, 3],
    ["Huyện Can Lộc", 1, 1, 1, 0, 0, 0, 0, 2],
  ],
};

const ACTIVITIES = Object.keys(allActivities());

function huongKhe(): KeptSheet[] {
  const clubRow = (id: string, name: string, district: string) => [
    id,
    name,
    district,
    "Phúc Đồng",
    2021,
    ...ACTIVITIES.map(() => "x"),
    "Có",
  ];
  const person = (id: string, i: number, woman: boolean) => [
    i,
    id,
    `Phan Thị Lan ${id} ${i}`,
    woman ? null : "x",
    woman ? "x" : null,
    i % 2 ? 1950 : 1990,
    i % 3 ? "Có" : "Không",
  ];
  return [
    {
      name: "CLB",
      rows: [
        ["HỘI NGƯỜI CAO TUỔI HUYỆN HƯƠNG KHÊ"],
        ["DANH SÁCH CLB"],
        [],
        [
          "Mã CLB",
          "Tên CLB",
          "Huyện",
          "Xã",
          "Năm thành lập",
          "Sinh kế",
          "Chăm sóc sức khỏe",
          "Chăm sóc tại nhà",
          "Tự giúp nhau",
          "Quyền lợi",
          "Học tập suốt đời",
          "Văn hóa - thể thao",
          "Huy động nguồn lực",
          "Quản lý tốt",
        ],
        clubRow("HK-01", "CLB xã Phúc Đồng", "Huyện Hương Khê"),
        clubRow("HK-02", "CLB xã Hương Đô", "Huyện Hương Khê"),
        clubRow("VQ-03", "CLB thị trấn Hương Khê", "Huyện Hương Khê"),
      ],
    },
    {
      name: "Thành viên",
      rows: [
        ["DANH SÁCH THÀNH VIÊN"],
        [],
        ["TT", "Mã CLB", "Họ và tên", "Nam", "Nữ", "Năm sinh", "Vay vốn"],
        ...[1, 2, 3, 4, 5].map((i) => person("HK-01", i, i <= 3)),
        ...[6, 7, 8, 9].map((i) => person("HK-02", i, i <= 7)),
        ...[10, 11].map((i) => person("VQ-03", i, true)),
      ],
    },
    {
      name: "Quỹ",
      rows: [
        ["Mã CLB", "Quỹ hoạt động (đồng)", "Quy chế quản lý quỹ"],
        ["HK-01", 1_000_000, "Có"],
        ["HK-02", 2_000_000, "Có"],
        ["VQ-03", 0, "Không"],
      ],
    },
    ROADMAP,
  ];
}

const kept = (s: RawSheet): KeptSheet => ({
  name: s.name,
  rows: rowsOf(s).map((r) => (r ?? []).map((v) => v ?? null)),
});

function canLoc(): KeptSheet[] {
  const clubs = [club("CL-01"), club("CL-02")].map((c) => ({ ...c, district: "Huyện Can Lộc" }));
  const sheets = [
    clubsSheet(clubs),
    membersSheet([...members("CL-01", 3, 2, 2, 1), ...members("CL-02", 3, 1, 1, 1)]),
    fundsSheet([fund("CL-01"), fund("CL-02")]),
  ].map(kept);
  return [...recoded(sheets, toTcvn3), ROADMAP];
}

async function sources(): Promise<MergeSource[]> {
  const files: [string, KeptSheet[]][] = [
    ["Vu Quang.xlsx", keptWorkbook()],
    ["Huong Khe.xlsx", huongKhe()],
    ["Can Loc.xlsx", canLoc()],
  ];
  return Promise.all(
    files.map(async ([name, sheets]) => {
      const bytes = await asXlsx(sheets);
      return { name, open: () => openXlsx(bytes) };
    }),
  );
}

const cellsOf = (s: RawSheet) => rowsOf(s).flatMap((r) => (r ?? []).map((v) => v));

describe("merging three district workbooks of different layouts with a duplicated club", () => {
  let outcome: Awaited<ReturnType<typeof mergeWorkbooks>>;
  let back: ReturnType<typeof openXlsx>;
  const files: string[] = [];
  const stages: string[] = [];

  beforeAll(async () => {
    outcome = await mergeWorkbooks(await sources(), xlsxMergeTarget(), settings, {
      checkedOn: "2025-12-31",
      onFile: (i, n, name) => void files.push(`${i + 1}/${n} ${name}`),
      onStage: (s) => void stages.push(s),
    });
    back = openXlsx(outcome.bytes);
  });

  test("the provincial workbook holds the canonical sheets and the check's sheets", async () => {
    expect((await back.listSheets()).map((s) => s.name)).toEqual([
      "CLB",
      "Thành viên",
      "Quỹ",
      "Lộ trình",
      "Kết quả CLB",
      "Phụ lục",
      "Danh sách lỗi",
    ]);
    expect(files).toEqual(["1/3 Vu Quang.xlsx", "2/3 Huong Khe.xlsx", "3/3 Can Loc.xlsx"]);
    expect(stages).toEqual(["reading", "checking", "writing"]);
  });

  test("every club, member and fund is there with its source file", async () => {
    const clubs = await back.readSheet("CLB");
    expect(clubs.rows.at(0)!.slice(-2)).toEqual(["Tệp nguồn", "Dòng nguồn"]);
    const bySource = (rows: RawSheet["rows"]) => {
      const counts: Record<string, number> = {};
      const at = rows.at(0)!.indexOf("Tệp nguồn");
      for (const r of rowsOf({ rows }).slice(1))
        counts[String(r![at])] = (counts[String(r![at])] ?? 0) + 1;
      return counts;
    };
    const expected = (vq: number, hk: number, cl: number) => ({
      "Vu Quang.xlsx": vq,
      "Huong Khe.xlsx": hk,
      "Can Loc.xlsx": cl,
    });
    expect(bySource(clubs.rows)).toEqual(expected(4, 3, 2));
    expect(bySource((await back.readSheet("Thành viên")).rows)).toEqual(expected(205, 11, 6));
    expect(bySource((await back.readSheet("Quỹ")).rows)).toEqual(expected(4, 3, 2));
    expect(
      outcome.sources.map((s) => [s.file, s.clubs, s.members, s.funds, s.roadmapUnits]),
    ).toEqual([
      ["Vu Quang.xlsx", 4, 205, 4, 0],
      ["Huong Khe.xlsx", 3, 11, 3, 3],
      ["Can Loc.xlsx", 2, 6, 2, 3],
    ]);
    // The Can Lộc names were TCVN3: they are Unicode now, and the women counted.
    const members = await back.readSheet("Thành viên");
    expect(cellsOf(members)).toContain("Thành viên CL-01 1");
    const cl01 = outcome.report.clubs.find((c) => c.id === "CL-01")!;
    expect([cl01.members, cl01.women]).toEqual([3, 2]);
    const hk01 = outcome.report.clubs.find((c) => c.id === "HK-01")!;
    expect([hk01.members, hk01.women]).toEqual([5, 3]);
  });

  test("the appendix and the club results are the province's", async () => {
    expect(outcome.report.units.map((u) => u.unit)).toEqual([
      "Huyện Vũ Quang",
      "Huyện Hương Khê",
      "Huyện Can Lộc",
    ]);
    expect(outcome.report.clubs.map((c) => c.id).sort()).toEqual(
      ["CL-01", "CL-02", "HK-01", "HK-02", "VQ-01", "VQ-02", "VQ-03", "VQ-04"].sort(),
    );
    const appendix = cellsOf(await back.readSheet("Phụ lục"));
    expect(appendix).toEqual(expect.arrayContaining(["Huyện Hương Khê", "Huyện Can Lộc"]));
    // Counted once in the roadmap although two files carry it.
    expect(outcome.report.findings.some((f) => f.rule === "merge.roadmapConflict")).toBe(false);
  });

  test("the duplicated club is a finding naming both files, listed in Danh sách lỗi", async () => {
    const dup = outcome.report.findings.find((f) => f.rule === "merge.duplicateClub")!;
    expect(dup.message).toContain('"Vu Quang.xlsx"');
    expect(dup.message).toContain('"Huong Khe.xlsx"');
    expect(outcome.report.findings.some((f) => f.rule === "club.duplicateId")).toBe(true);
    const listed = cellsOf(await back.readSheet("Danh sách lỗi")).filter(
      (v) => typeof v === "string" && v.includes("VQ-03") && v.includes("Huong Khe.xlsx"),
    );
    expect(listed.length).toBeGreaterThan(0);
  });

  test("the reader's notes about a file are kept with the file's name", () => {
    const legacy = outcome.report.findings.filter((f) => f.rule === "text.legacy");
    expect(legacy.some((f) => f.message.includes("Can Loc.xlsx"))).toBe(true);
  });
});

describe("a file that cannot be read", () => {
  test("stops the merge with an input error naming the file", async () => {
    const good = await sources();
    const bad: MergeSource = { name: "Hong.xlsx", open: () => openXlsx(new Uint8Array([1, 2, 3])) };
    const run = mergeWorkbooks([good[0]!, bad], xlsxMergeTarget(), settings);
    await expect(run).rejects.toBeInstanceOf(InputError);
    await expect(run).rejects.toThrow(/Tệp "Hong.xlsx"/);
  });

  test("a cancel before the check writes nothing", async () => {
    const cancel = new CancelSwitch();
    cancel.cancel();
    await expect(
      mergeWorkbooks(await sources(), xlsxMergeTarget(), settings, { cancel }),
    ).rejects.toBeInstanceOf(CancelledError);
  });
});

test("a new workbook reads back as written: text, numbers, booleans, dates", async () => {
  const bytes = newWorkbook([
    {
      name: "A & B",
      rows: [
        ["x", "y <z>"],
        [1.5, true],
        ["_x0041_", 45000],
      ],
      dateColumns: [1],
    },
  ]);
  const wb = openXlsx(bytes);
  expect(await wb.listSheets()).toEqual([{ name: "A & B" }]);
  expect(rowsOf(await wb.readSheet("A & B"))).toEqual([
    ["x", "y <z>"],
    [1.5, true],
    ["_x0041_", 45000],
  ]);
});

test("a file's own mapping settles what its reader could not find", async () => {
  const sheets: KeptSheet[] = [
    kept(clubsSheet([club("KA-01", { district: "Huyện Kỳ Anh" })])),
    {
      name: "Thành viên",
      rows: [
        ["Mã CLB", "Họ và tên", "Phái", "Năm sinh", "Được vay vốn"],
        ["KA-01", "Hồ Thị Na", "Nữ", 1950, "Có"],
        ["KA-01", "Hồ Văn Nam", "Nam", 1990, "Không"],
      ],
    },
  ];
  const bytes = await asXlsx(sheets);
  const source = (mapping?: MergeSource["mapping"]): MergeSource => ({
    name: "Ky Anh.xlsx",
    open: () => openXlsx(bytes),
    ...(mapping ? { mapping } : {}),
  });
  await expect(mergeWorkbooks([source()], xlsxMergeTarget(), settings)).rejects.toThrow(
    /^Tệp "Ky Anh.xlsx": /,
  );
  const outcome = await mergeWorkbooks(
    [source({ "Thành viên": { headerRow: 1, columns: { C: "sex" } } })],
    xlsxMergeTarget(),
    settings,
  );
  const ka = outcome.report.clubs.find((c) => c.id === "KA-01")!;
  expect([ka.members, ka.women]).toEqual([2, 1]);
});
