import { generatedKindOf, recogniseGenerated } from "../../src/core/check/generated-by-content";
import { pickSheets } from "../../src/core/check/pick-sheets";
import { GeneratedKind, RawRow, RawSheet, RawValue } from "../../src/core/model/cells";
import { DEFAULT_SETTINGS, Settings } from "../../src/core/model/settings";
import { GeneratedSheet } from "../../src/core/model/write-plan";
import { GENERATED_NAMES } from "../../src/core/report/labels";
import { ROADMAP_SPEC } from "../../src/core/sheets/specs";
import { MemoryWorkbook } from "../../src/hosts/memory/memory-workbook";
import { checkWorkbook } from "../../src/hosts/workbook/check-workbook";
import {
  club,
  clubsSheet,
  fund,
  fundsSheet,
  members,
  membersSheet,
  sheetOf,
} from "../helpers/registers";
import { smallRegister } from "../helpers/small-register";
import { rowsOf } from "../helpers/rows";

/**
 * Our generated sheets known by their content: every sheet a real check writes, in both
 * languages and after what other programs do to a file on save, is known as its kind; the user's
 * sheets (registers, a roadmap named "Phụ lục", their own lists under our names) never are.
 */
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, asOf: "2025-12-31" };

/** A register with findings of many kinds: bad cells, failing clubs, a roadmap sheet. */
function register(): RawSheet[] {
  const rows = [...members("C1", 50, 33, 32, 27), ...members("C2", 40, 30, 20, 10)];
  rows[3] = { ...rows.at(3)!, sex: "?" };
  return [
    clubsSheet([club("C1"), club("C2", { act3: "Không" })]),
    membersSheet(rows),
    fundsSheet([fund("C1"), fund("C2", { regulation: "Không" })]),
    roadmapSheet("Lộ trình"),
  ];
}

function roadmapSheet(name: string): RawSheet {
  const unit = (u: string, before: number) => ({
    unit: u,
    before,
    planTotal: 8,
    y2021: 2,
    y2022: 2,
    y2023: 2,
    y2024: 2,
    total: before + 8,
  });
  return sheetOf(
    ROADMAP_SPEC,
    [unit("Huyện Vũ Quang", 4), unit("Thị xã Hồng Lĩnh", 5), unit("Tổng cộng", 9)],
    name,
  );
}

/** The sheets a check writes over `sheets`, as a host would read them back (values only). */
async function generated(sheets: RawSheet[], lang: "vi" | "en" = "vi"): Promise<RawSheet[]> {
  const { plan } = await checkWorkbook(new MemoryWorkbook(sheets), { ...SETTINGS, lang });
  return plan.sheets.map(asRaw);
}

const asRaw = (g: GeneratedSheet): RawSheet => ({
  name: g.name,
  rows: g.rows.map((r) => r.map((c) => c.v)),
});

const mapRows = (s: RawSheet, f: (row: RawValue[], r: number) => RawValue[]): RawSheet => ({
  ...s,
  rows: rowsOf(s).map((r, i) =>
    f(
      [...(r ?? [])].map((v) => v ?? null),
      i,
    ),
  ),
});

/** What other programs do on save, as changes to the values a host reads. */
const SAVED_BY: Record<string, (s: RawSheet) => RawSheet> = {
  "as written": (s) => s,
  // Google Sheets and LibreOffice export numbers typed as text, or text that reads as a number.
  "numbers as text": (s) =>
    mapRows(s, (r) => r.map((v) => (typeof v === "number" ? String(v) : v))),
  "text as numbers": (s) =>
    mapRows(s, (r) => r.map((v) => (typeof v === "string" && /^\d+$/.test(v) ? Number(v) : v))),
  // Merged cells split: every cell of a merged title holds its text (one "fill" option), or is
  // left blank ("" rather than absent).
  "merges split and filled": (s) =>
    mapRows(s, (r, i) => (i === 0 && r.length === 1 ? Array<RawValue>(13).fill(r[0]!) : r)),
  "empty cells as empty text": (s) => mapRows(s, (r) => r.map((v) => v ?? "")),
  // Trailing empty rows and columns (a used range grown by formatting).
  "trailing empty rows and columns": (s) => ({
    ...s,
    rows: [...rowsOf(s).map((r) => [...(r ?? []), null, null, ""]), [], [null], undefined],
  }),
  // Rows inserted above by the auditor (a note to the team), and the title deleted.
  "rows inserted above": (s) => ({ ...s, rows: [["Ghi chú của đoàn kiểm tra"], [], ...rowsOf(s)] }),
  "title row deleted": (s) => ({ ...s, rows: rowsOf(s).slice(1) }),
  // Renamed, or given a suffix by a program that would not reuse the name.
  renamed: (s) => ({ ...s, name: `${s.name} (2)` }),
  // The title and header retyped: upper case, odd spaces, NFD text from a Mac.
  "headers retyped": (s) =>
    mapRows(s, (r, i) =>
      r.map((v) =>
        typeof v === "string" && i < 2 ? ` ${v.toUpperCase().normalize("NFD")}\u00A0` : v,
      ),
    ),
};

describe("our generated sheets known by their content", () => {
  let sheets: { lang: string; sheet: RawSheet; kind: GeneratedKind }[] = [];
  beforeAll(async () => {
    for (const lang of ["vi", "en"] as const)
      for (const input of [register(), smallRegister()]) {
        const out = await generated(input, lang);
        const kinds: GeneratedKind[] = ["results", "appendix", "findings"];
        sheets = [...sheets, ...out.map((sheet, i) => ({ lang, sheet, kind: kinds[i]! }))];
      }
    expect(sheets).toHaveLength(12);
  });

  test.each(Object.keys(SAVED_BY))("each kind, both languages: %s", (how) => {
    for (const { sheet, kind, lang } of sheets)
      expect([lang, sheet.name, generatedKindOf(SAVED_BY[how]!(sheet))]).toEqual([
        lang,
        sheet.name,
        kind,
      ]);
  });

  test("an empty findings sheet (a check with no finding) is still ours by its header", async () => {
    const findings = sheets.find((s) => s.kind === "findings")!.sheet;
    expect(generatedKindOf({ ...findings, rows: rowsOf(findings).slice(0, 2) })).toBe("findings");
  });

  test("a findings sheet sorted, filtered and with a column deleted is still ours", () => {
    const findings = sheets.find((s) => s.kind === "findings" && s.lang === "vi")!.sheet;
    const [title, header, ...data] = rowsOf(findings);
    const without = (r: RawRow | undefined) => [...(r ?? [])].filter((_, c) => c !== 11);
    const edited = [title, header, ...data.reverse().filter((_, i) => i % 2 === 0)].map(without);
    expect(generatedKindOf({ ...findings, rows: edited })).toBe("findings");
  });

  test("the user's sheets are never ours: registers, roadmaps, lists of their own", () => {
    const user: RawSheet[] = [
      ...register(),
      ...smallRegister(),
      roadmapSheet("Phụ lục"),
      { name: "Sheet1", rows: [] },
      // An error log of their own under our name: ids of their own.
      {
        name: GENERATED_NAMES.findings,
        rows: [
          ["STT", "Mã lỗi", "Quy tắc", "Mức độ", "Sheet", "Nội dung", "Trạng thái", "Ghi chú"],
          [1, "L-01", "Thiếu hồ sơ", "Cao", "CLB", "Thiếu biên bản", "Đã sửa", ""],
          [2, "L-02", "Sai số liệu", "Thấp", "Quỹ", "Số dư lệch", "Chưa", "hỏi xã"],
        ],
      },
      // A summary of their own under our results' name: a few of the same words.
      {
        name: GENERATED_NAMES.results,
        rows: [
          ["KẾT QUẢ"],
          ["STT", "Mã CLB", "Tên CLB", "Đơn vị", "Số thành viên", "Kết luận"],
          [1, "C1", "CLB Một", "Xã A", 50, "Đạt"],
        ],
      },
      // An appendix of their own: a plan table, "Đánh giá", "Chênh lệch".
      {
        name: GENERATED_NAMES.appendix,
        rows: [
          ["PHỤ LỤC"],
          ["STT", "Nội dung", "Kế hoạch", "Thực hiện", "Chênh lệch", "Đánh giá"],
          [1, "Tập huấn", 4, 3, -1, "Chậm"],
        ],
      },
    ];
    for (const s of user) expect([s.name, generatedKindOf(s)]).toEqual([s.name, null]);
  });

  describe("near misses: a user's sheet under our name with some of what ours holds", () => {
    const ofKind = (kind: GeneratedKind) =>
      sheets.find((s) => s.kind === kind && s.lang === "vi")!.sheet;
    /** Our findings sheet's title, header and data rows. */
    const trail = () => {
      const [title, header, ...data] = rowsOf(ofKind("findings")).map((r) =>
        [...(r ?? [])].map((v) => v ?? null),
      );
      return { title: title!, header: header!, data };
    };

    test("our whole findings header over rows of the user's own, ids left blank", () => {
      const { title, header, data } = trail();
      const id = header.indexOf("Mã lỗi");
      expect(data.length).toBeGreaterThan(3);
      const blankIds = data.map((r) => r.map((v, c) => (c === id ? null : v)));
      const mine = { name: GENERATED_NAMES.findings, rows: [title, header, ...blankIds] };
      expect(generatedKindOf(mine)).toBeNull();
      // One row typed under an empty trail of ours is the user's too.
      const typed = [title, header, [1, "", "", "", "", "", "Gọi xã Đức Giang"]];
      expect(generatedKindOf({ ...mine, rows: typed })).toBeNull();
      // While the empty trail itself (title and header only) is ours.
      expect(generatedKindOf({ ...mine, rows: [title, header, [], [null, ""]] })).toBe("findings");
    });

    test("a log of the user's own with a few of our rows pasted in", () => {
      const { title, header, data } = trail();
      const theirs = Array.from({ length: 8 }, (_, i) =>
        header.map((h) => (h === "STT" ? i + 1 : h === "Nội dung" ? `Việc ${i + 1}` : null)),
      );
      const rows = [title, header, ...data.slice(0, 2), ...theirs];
      expect(generatedKindOf({ name: GENERATED_NAMES.findings, rows })).toBeNull();
      // Most rows ours, a couple of the auditor's notes among them: still ours.
      const notes = theirs.slice(0, 2);
      expect(data.length).toBeGreaterThanOrEqual(4);
      expect(
        generatedKindOf({
          name: GENERATED_NAMES.findings,
          rows: [title, header, ...data, ...notes],
        }),
      ).toBe("findings");
    });

    test("the id and review columns of ours but too few of the others", () => {
      const { header, data } = trail();
      const keep = ["Mã lỗi", "Trạng thái xem xét", "Ghi chú", "Sheet", "Ô"].map((h) =>
        header.indexOf(h),
      );
      const rows = [header, ...data].map((r) => keep.map((c) => r[c] ?? null));
      expect(generatedKindOf({ name: GENERATED_NAMES.findings, rows })).toBeNull();
    });

    test("all but the verdict, or 13 of the 20 results headers", () => {
      const results = ofKind("results");
      const headerRow = rowsOf(results).findIndex((r) => r?.includes("Kết luận"));
      expect(headerRow).toBeGreaterThanOrEqual(0);
      const header = [...results.rows.at(headerRow)!];
      const cut = (keep: (h: unknown, c: number) => boolean): RawSheet => ({
        ...results,
        rows: rowsOf(results).map((r) => [...(r ?? [])].filter((_, c) => keep(header[c], c))),
      });
      expect(generatedKindOf(cut(() => true))).toBe("results");
      expect(generatedKindOf(cut((h) => h !== "Kết luận"))).toBeNull();
      expect(generatedKindOf(cut((h) => h !== "Mã CLB"))).toBeNull();
      expect(generatedKindOf(cut((_, c) => c < 12 || header[c] === "Kết luận"))).toBeNull();
      expect(generatedKindOf(cut((_, c) => c < 12 || c >= 18))).toBe("results");
    });

    test("a user's roadmap titled as our appendix, with a source line and years", () => {
      const roadmap = roadmapSheet("Phụ lục");
      const titled: RawSheet = {
        ...roadmap,
        rows: [
          ["PHỤ LỤC - Lộ trình thành lập, nhân rộng mô hình câu lạc bộ"],
          ["Số liệu đến ngày 31/12/2025"],
          ["(Nguồn: Kế hoạch số 12/KH-UBND)"],
          ...rowsOf(roadmap),
        ],
      };
      expect(generatedKindOf(titled)).toBeNull();
      const choice = pickSheets(
        [...register().filter((s) => s.name !== "Lộ trình"), titled].map((s) => ({
          name: s.name,
        })),
        {},
        new Map([...register(), titled].map((s) => [s.name, s])),
      );
      expect([choice.roadmap, choice.ours.size]).toEqual(["Phụ lục", 0]);
      // Our appendix with its progress table is ours, its title deleted or not.
      const appendix = ofKind("appendix");
      expect(generatedKindOf({ ...appendix, rows: rowsOf(appendix).slice(1) })).toBe("appendix");
    });
  });

  test("the tag wins, the mapping keeps a sheet the user's, and content marks the rest", () => {
    const results = sheets.find((s) => s.kind === "results" && s.lang === "vi")!.sheet;
    const findings = sheets.find((s) => s.kind === "findings" && s.lang === "vi")!.sheet;
    const content = new Map([
      [results.name, results],
      [findings.name, findings],
      ["CLB", register()[0]!],
    ]);
    const listed = [
      { name: "CLB" },
      { name: results.name },
      { name: findings.name },
      { name: "Phụ lục", generated: "appendix" as const },
    ];
    const seen = recogniseGenerated(listed, content);
    expect(seen.sheets.map((s) => s.generated)).toEqual([
      undefined,
      "results",
      "findings",
      "appendix",
    ]);
    expect([...seen.byContent]).toEqual([
      [results.name, "results"],
      [findings.name, "findings"],
    ]);
    const mapped = recogniseGenerated(listed, content, (n) => n === results.name);
    expect([...mapped.byContent.keys()]).toEqual([findings.name]);
  });

  test("a large register is looked at by its top rows only", () => {
    const big = membersSheet(members("C1", 200_000, 100_000, 50_000, 50_000));
    const t0 = process.hrtime.bigint();
    expect(generatedKindOf(big)).toBeNull();
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    // A figure, not an assertion: the machines are shared.
    process.stdout.write(`generatedKindOf over ${big.rows.length} rows: ${ms.toFixed(1)} ms\n`);
  });
});

describe("picking the sheets with ours known by content", () => {
  const content = (sheets: readonly RawSheet[]) => new Map(sheets.map((s) => [s.name, s]));

  test("a user's 'Phụ lục' that is not a roadmap is skipped with its reason, not a stop", () => {
    const sheets = [
      ...register().filter((s) => s.name !== "Lộ trình"),
      {
        name: "Phụ lục",
        rows: [["PHỤ LỤC 1: DANH SÁCH BAN CHỦ NHIỆM"], ["STT", "Họ tên", "Chức vụ"], [1, "A", "B"]],
      },
    ];
    const choice = pickSheets(
      sheets.map((s) => ({ name: s.name })),
      {},
      content(sheets),
    );
    expect(choice.roadmap).toBeUndefined();
    const why = choice.skipped.get("Phụ lục")!;
    expect(why.vi).toContain("lộ trình");
    expect(why.en).toContain("roadmap");
    // It has our appendix's name: kept, and ours goes beside it.
    expect(why.vi).toContain('kết quả ghi vào sheet "Phụ lục (2)"');
    expect(why.en).toContain('the results go to the sheet "Phụ lục (2)"');
  });

  test("a user's roadmap named 'Phụ lục' is still the roadmap", () => {
    const sheets = [...register().filter((s) => s.name !== "Lộ trình"), roadmapSheet("Phụ lục")];
    const choice = pickSheets(
      sheets.map((s) => ({ name: s.name })),
      {},
      content(sheets),
    );
    expect(choice.roadmap).toBe("Phụ lục");
    expect(choice.reasons.get("Phụ lục")!.en).toContain(
      'the results go to the sheet "Phụ lục (2)"',
    );
  });

  test("ours without their tag are not input, and the findings sheet under our name is the trail", async () => {
    const input = register();
    const first = await generated(input);
    // A second, stale findings sheet under another name: the one under our name is carried.
    const stale = { ...first[2]!, name: `${GENERATED_NAMES.findings} (2)` };
    const sheets = [...input, stale, ...first];
    const choice = pickSheets(
      sheets.map((s) => ({ name: s.name })),
      {},
      content(sheets),
    );
    expect([...choice.ours]).toEqual([
      [stale.name, "findings"],
      [GENERATED_NAMES.results, "results"],
      [GENERATED_NAMES.appendix, "appendix"],
      [GENERATED_NAMES.findings, "findings"],
    ]);
    expect(choice.findings).toBe(GENERATED_NAMES.findings);
    expect(choice.roadmap).toBe("Lộ trình");
    expect(choice.skipped.size).toBe(0);
    expect(choice.conflicts).toEqual([]);
  });
});
