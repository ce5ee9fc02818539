import { RawSheet, RawValue } from "../../src/core/model/cells";
import { Finding } from "../../src/core/model/finding";
import { say } from "../../src/core/model/i18n";
import { asA1 } from "../../src/core/model/brand";
import { FindingSink } from "../../src/core/findings/sink";
import { RuleId } from "../../src/core/rules/registry";
import { findingsSheet, markFinding } from "../../src/core/report/findings-sheet";
import { buildJsonReport } from "../../src/core/report/json-report";
import { buildWritePlan, trailOf } from "../../src/core/report/write-plan";
import { dayOfCell, isoToSerial } from "../../src/core/review/days";
import { parseStatus, statusText, statusValue } from "../../src/core/review/status";
import { mergeTrail, readPreviousTrail } from "../../src/core/review/trail";
import { check } from "../helpers/run";
import { club, fund, members } from "../helpers/registers";

const f = (id: string, rule = id.split("|")[0]!): Finding => ({
  id,
  rule: rule as RuleId,
  severity: "error",
  sheet: "Thành viên",
  cell: asA1("C5"),
  message: say(`Lỗi ${id}`, `Finding ${id}`),
});

/** A findings sheet as plain values (what a host reads back): the plan's cells. */
const valuesOf = (rows: ReadonlyArray<ReadonlyArray<{ v: RawValue }>>): RawValue[][] =>
  rows.map((r) => r.map((c) => c.v));

const HEADER_VI = [
  "STT",
  "Tình trạng",
  "Quy tắc",
  "Mức độ",
  "Sheet",
  "Ô",
  "Nội dung",
  "Trạng thái xem xét",
  "Ghi chú",
  "Ngày xem xét",
  "Phát hiện lần đầu",
  "Ngày hết",
  "Mã lỗi",
];

describe("the review status vocabulary", () => {
  test.each([
    ["Chấp nhận", "accepted"],
    ["CHẤP NHẬN", "accepted"],
    ["chap nhan", "accepted"],
    ["Accepted", "accepted"],
    ["  cần   sửa. ", "mustFix"],
    ["Must fix", "mustFix"],
    ["mustFix", "mustFix"],
    ["Đã sửa", "fixed"],
    ["fixed", "fixed"],
    ["Chưa xem xét", "open"],
    ["not reviewed", "open"],
    ["Chấp nhận", "accepted"],
  ])("reads %p as %p in either language", (text, key) => {
    expect(parseStatus(text)).toEqual({ kind: "known", status: key });
  });

  test("decomposed Vietnamese (NFD) reads the same", () => {
    expect(parseStatus("Cần sửa".normalize("NFD"))).toEqual({ kind: "known", status: "mustFix" });
  });

  test("the auditor's own word is kept verbatim, never dropped", () => {
    const cell = parseStatus("Đã xem, hỏi lại xã");
    expect(cell).toEqual({ kind: "other", text: "Đã xem, hỏi lại xã" });
    expect(statusText(cell, "en")).toBe("Đã xem, hỏi lại xã");
    expect(statusValue(cell)).toBe("Đã xem, hỏi lại xã");
  });

  test("labels are written in the report's language; blank is not reviewed", () => {
    expect(statusText(parseStatus("must fix"), "vi")).toBe("Cần sửa");
    expect(statusText(parseStatus("Cần sửa"), "en")).toBe("Must fix");
    expect(statusText(parseStatus(""), "vi")).toBe("Chưa xem xét");
    expect(statusValue(parseStatus(""))).toBe("open");
  });

  test("days: serial numbers, dd/mm/yyyy text and ISO text", () => {
    expect(dayOfCell(isoToSerial("2026-03-05")!)).toBe("2026-03-05");
    expect(dayOfCell("05/03/2026")).toBe("2026-03-05");
    expect(dayOfCell("5-3-2026")).toBe("2026-03-05");
    expect(dayOfCell("2026-03-05")).toBe("2026-03-05");
    expect(dayOfCell("31/02/2026")).toBeNull();
    expect(dayOfCell("hôm qua")).toBeNull();
    expect(dayOfCell(null)).toBeNull();
  });
});

describe("reading an earlier findings sheet", () => {
  const row = (
    id: string,
    status: RawValue,
    note: RawValue,
    extra: Partial<Record<number, RawValue>> = {},
  ) => {
    const r: RawValue[] = [
      1,
      "Vẫn còn",
      id.split("|")[0]!,
      "Lỗi",
      "Thành viên",
      "C5",
      `Lỗi ${id}`,
      status,
      note,
      null,
      null,
      null,
      id,
    ];
    for (const [i, v] of Object.entries(extra)) r[Number(i)] = v ?? null;
    return r;
  };

  test("finds the header below inserted rows, columns in any order, rows sorted, blank rows between", () => {
    // The reviewer inserted two rows above, moved the id column first and sorted by note.
    const order = [12, ...HEADER_VI.keys()].filter((v, i, a) => a.indexOf(v) === i);
    const permute = (r: RawValue[]) => order.map((i) => r[i] ?? null);
    const sheet: RawSheet = {
      name: "Danh sách lỗi",
      rows: [
        ["Ghi chú của đoàn kiểm tra"],
        [],
        ["DANH SÁCH LỖI"],
        permute(HEADER_VI),
        permute(row("b|2", "Cần sửa", "A trước")),
        undefined,
        [],
        permute(row("a|1", "accepted", "B sau", { 9: "04/03/2026", 10: 46000 })),
        permute(row("c|3", "Hỏi lại xã", "")),
        permute(row("", "Chấp nhận", "no id: not ours to carry")),
      ],
    };
    const trail = readPreviousTrail(sheet);
    expect([...trail.keys()].sort()).toEqual(["a|1", "b|2", "c|3"]);
    expect(trail.get("b|2")!.marks).toEqual({
      status: { kind: "known", status: "mustFix" },
      note: "A trước",
      reviewedOn: null,
    });
    expect(trail.get("a|1")!.marks.reviewedOn).toBe("2026-03-04");
    expect(trail.get("a|1")!.firstSeen).toBe(dayOfCell(46000));
    expect(trail.get("c|3")!.marks.status).toEqual({ kind: "other", text: "Hỏi lại xã" });
    expect(trail.get("a|1")!.state).toBe("still");
  });

  test("reads English headers and the first layout (status and note only)", () => {
    const en: RawSheet = {
      name: "x",
      rows: [
        ["FINDINGS"],
        [
          "No.",
          "Rule",
          "Severity",
          "Sheet",
          "Cell",
          "Message",
          "Review status",
          "Note",
          "Finding id",
        ],
        [
          1,
          "member.sex",
          "Error",
          "Thành viên",
          "D5",
          "Sex: missing.",
          "Fixed",
          "done",
          "member.sex|k",
        ],
      ],
    };
    const e = readPreviousTrail(en).get("member.sex|k")!;
    expect(e.marks.status).toEqual({ kind: "known", status: "fixed" });
    expect(e.severity).toBe("error");
    expect(e.state).toBeNull();
    expect(e.resolvedOn).toBeNull();
  });

  test("a sheet without our header, or none at all, has no trail", () => {
    expect(readPreviousTrail(null).size).toBe(0);
    expect(
      readPreviousTrail({
        name: "x",
        rows: [
          ["a", "b"],
          [1, 2],
        ],
      }).size,
    ).toBe(0);
  });
});

describe("merging the trail with this run's findings", () => {
  const lang = "vi" as const;
  const sheetOf = (trail: ReturnType<typeof mergeTrail>): RawSheet => {
    const result = check([club("C1")], members("C1", 50, 33, 32, 27), [fund("C1")]);
    return {
      name: "Danh sách lỗi",
      rows: valuesOf(findingsSheet(result, "Danh sách lỗi", trail).rows),
    };
  };

  test("new, still found, resolved with the day, reappeared with its marks; dates kept", () => {
    const run1 = mergeTrail(new Map(), [f("a|1"), f("b|2"), f("c|3")], "2026-01-10", lang);
    expect(run1.rows.map((r) => r.state)).toEqual(["new", "new", "new"]);
    expect(run1.counts).toEqual({ current: 3, new: 3, resolved: 0 });

    // The auditor marks a and b.
    const sheet1 = sheetOf(run1);
    const rows1 = sheet1.rows as RawValue[][];
    const at = (id: string) => rows1.findIndex((r) => r[12] === id);
    rows1[at("a|1")]![7] = "Chấp nhận";
    rows1[at("a|1")]![8] = "Xã đã giải trình";
    rows1[at("b|2")]![7] = "Cần sửa";

    // Run 2 (b vanished, d is new).
    const run2 = mergeTrail(
      readPreviousTrail(sheet1),
      [f("d|4"), f("a|1"), f("c|3")],
      "2026-02-20",
      lang,
    );
    expect(run2.rows.map((r) => [r.id, r.state])).toEqual([
      ["d|4", "new"],
      ["a|1", "still"],
      ["c|3", "still"],
      ["b|2", "resolved"],
    ]);
    const a2 = run2.rows[1]!;
    expect(a2.marks.status).toEqual({ kind: "known", status: "accepted" });
    expect(a2.marks.note).toBe("Xã đã giải trình");
    // Marks typed by hand are dated with the first run that saw them; the first-found day stays.
    expect(a2.marks.reviewedOn).toBe("2026-02-20");
    expect(a2.firstSeen).toBe("2026-01-10");
    const b2 = run2.rows[3]!;
    expect([b2.resolvedOn, b2.firstSeen, b2.message, b2.severity]).toEqual([
      "2026-02-20",
      "2026-01-10",
      "Lỗi b|2",
      "error",
    ]);
    expect(b2.marks.status).toEqual({ kind: "known", status: "mustFix" });
    expect(run2.counts).toEqual({ current: 3, new: 1, resolved: 1 });

    // Run 3: b is still gone (keeps its day), c vanishes now.
    const run3 = mergeTrail(
      readPreviousTrail(sheetOf(run2)),
      [f("d|4"), f("a|1")],
      "2026-03-30",
      lang,
    );
    expect(run3.rows.map((r) => [r.id, r.state, r.resolvedOn])).toEqual([
      ["d|4", "still", null],
      ["a|1", "still", null],
      ["c|3", "resolved", "2026-03-30"],
      ["b|2", "resolved", "2026-02-20"],
    ]);

    // Run 4: b comes back, with its marks.
    const run4 = mergeTrail(
      readPreviousTrail(sheetOf(run3)),
      [f("b|2"), f("a|1")],
      "2026-04-02",
      lang,
    );
    const b4 = run4.rows.find((r) => r.id === "b|2")!;
    expect([b4.state, b4.resolvedOn, b4.firstSeen]).toEqual(["reappeared", null, "2026-01-10"]);
    expect(b4.marks.status).toEqual({ kind: "known", status: "mustFix" });
    const run5 = mergeTrail(readPreviousTrail(sheetOf(run4)), [f("b|2")], "2026-04-03", lang);
    expect(run5.rows[0]!.state).toBe("still");
    expect(
      run5.rows.filter((r) => r.state === "resolved").map((r) => [r.id, r.resolvedOn]),
    ).toEqual([
      ["a|1", "2026-04-03"],
      ["d|4", "2026-04-02"],
      ["c|3", "2026-03-30"],
    ]);
  });

  test("without a run day, new days stay blank and nothing else changes", () => {
    const t = mergeTrail(new Map(), [f("a|1")], null, lang);
    expect(t.rows[0]!.firstSeen).toBeNull();
  });
});

describe("the findings sheet and the report", () => {
  const result = check(
    [club("C1"), club("C2", { wellManaged: "Không" })],
    members("C1", 50, 33, 32, 27),
    [fund("C1")],
  );

  test("columns, title counts, a dropdown over the status cells, dates as serials, no link on resolved rows", () => {
    const prev: RawSheet = {
      name: "Danh sách lỗi",
      rows: [
        [],
        HEADER_VI,
        [
          1,
          "Vẫn còn",
          "gone",
          "Cảnh báo",
          "CLB",
          "B9",
          "Đã hết rồi",
          "Cần sửa",
          "n",
          null,
          null,
          null,
          "gone|x",
        ],
      ],
    };
    const plan = buildWritePlan(result, [], prev, "2026-05-01");
    const sheet = plan.sheets.find((s) => s.kind === "findings")!;
    expect(sheet.rows[1]!.map((c) => c.v)).toEqual(HEADER_VI);
    const n = result.findings.length;
    expect(sheet.rows[0]![0]!.v).toBe(`DANH SÁCH LỖI: ${n} phát hiện (${n} mới), 1 đã hết`);
    expect(sheet.freezeRows).toBe(2);
    expect(sheet.validations).toEqual([
      expect.objectContaining({
        range: `H3:H${n + 3}`,
        values: ["Chưa xem xét", "Chấp nhận", "Cần sửa", "Đã sửa"],
        prompt: expect.any(String),
      }),
    ]);
    const last = sheet.rows[n + 2]!;
    expect(last.map((c) => c.v).slice(1, 9)).toEqual([
      "Đã hết",
      "gone",
      "Cảnh báo",
      "CLB",
      "B9",
      "Đã hết rồi",
      "Cần sửa",
      "n",
    ]);
    expect(last.some((c) => c.link)).toBe(false);
    // A resolved row is kept for the record, greyed; a current one keeps its severity colour.
    expect(last[3]!.style).toBe("muted");
    expect(last[6]!.style).toBe("muted");
    expect(sheet.rows[2]![3]!.style).toMatch(/^(fail|warn|text)$/);
    expect(last[11]).toEqual({ v: isoToSerial("2026-05-01"), style: "date" });
    const firstRow = sheet.rows[2]!;
    expect(firstRow[1]!.v).toBe("Mới");
    expect(firstRow[10]).toEqual({ v: isoToSerial("2026-05-01"), style: "date" });
    expect(firstRow[12]!.v).toBe(result.findings[0]!.id);

    const en = check([club("C1")], members("C1", 50, 33, 32, 27), [fund("C1")], { lang: "en" });
    const enSheet = buildWritePlan(en, [], null, "2026-05-01").sheets.find(
      (s) => s.kind === "findings",
    )!;
    expect(enSheet.rows[1]!.map((c) => c.v)).toEqual([
      "No.",
      "State",
      "Rule",
      "Severity",
      "Sheet",
      "Cell",
      "Message",
      "Review status",
      "Note",
      "Reviewed on",
      "First found",
      "Resolved on",
      "Finding id",
    ]);
  });

  test("a status set from the pane goes into the sheet as typed, and reads back as a mark", () => {
    const sheet = buildWritePlan(result, [], null, "2026-05-01").sheets.find(
      (s) => s.kind === "findings",
    )!;
    const id = result.findings[1]!.id;
    const marked = markFinding(sheet, id, { status: "mustFix" }, "2026-05-03");
    const back = readPreviousTrail({
      name: sheet.name,
      rows: marked.rows.map((r) => r.map((c) => c.v)),
    });
    expect(back.get(id)?.marks).toEqual({
      status: { kind: "known", status: "mustFix" },
      note: "",
      reviewedOn: "2026-05-03",
    });
    // Only that row changed; an unknown id changes nothing.
    expect(marked.rows.filter((r, i) => r !== sheet.rows[i]).length).toBe(1);
    expect(() => markFinding(sheet, "no|such", { status: "fixed" }, "2026-05-03")).toThrow(
      expect.objectContaining({ code: "unknown-finding", sheet: sheet.name }),
    );
  });

  test("the JSON report keeps its required fields and adds the trail and the resolved findings", () => {
    const prev: RawSheet = {
      name: "Danh sách lỗi",
      rows: [
        HEADER_VI,
        [
          1,
          "Mới",
          "gone",
          "Lỗi",
          "CLB",
          "B9",
          "m",
          "Fixed",
          "ok",
          "02/04/2026",
          "01/04/2026",
          null,
          "gone|x",
        ],
        [
          2,
          "Mới",
          result.findings[0]!.rule,
          "Lỗi",
          "",
          "",
          "m",
          "Cần sửa",
          "xem",
          null,
          "01/04/2026",
          null,
          result.findings[0]!.id,
        ],
      ],
    };
    const report = buildJsonReport(result, trailOf(result, prev, "2026-05-01"));
    expect(report.findings[0]).toEqual({
      id: result.findings[0]!.id,
      rule: result.findings[0]!.rule,
      severity: result.findings[0]!.severity,
      ...(result.findings[0]!.sheet ? { sheet: result.findings[0]!.sheet } : {}),
      ...(result.findings[0]!.cell ? { cell: result.findings[0]!.cell } : {}),
      message: result.findings[0]!.message.vi,
      state: "still",
      status: "mustFix",
      note: "xem",
      reviewedOn: "2026-05-01",
      firstSeen: "2026-04-01",
    });
    expect(report.findings[1]).toMatchObject({
      state: "new",
      status: "open",
      note: "",
      reviewedOn: null,
      firstSeen: "2026-05-01",
    });
    expect(report.resolved).toEqual([
      {
        id: "gone|x",
        rule: "gone",
        severity: "error",
        sheet: "CLB",
        cell: "B9",
        message: "m",
        status: "fixed",
        note: "ok",
        reviewedOn: "2026-04-02",
        firstSeen: "2026-04-01",
        resolvedOn: "2026-05-01",
      },
    ]);
    expect(buildJsonReport(result).resolved).toEqual([]);
  });
});

describe("finding ids do not depend on row numbers or order", () => {
  test("two records with the same key get ids from their content, whatever their order", () => {
    const add = (sink: FindingSink, content: string) =>
      sink.add("member.sex", "error", "C1/an/1950:sex", say("x", "x"), undefined, content);
    const one = new FindingSink();
    add(one, "row A");
    add(one, "row B");
    const two = new FindingSink();
    add(two, "row B");
    add(two, "row A");
    const ids = (s: FindingSink) => s.all().map((x) => x.id);
    expect(ids(one)).toEqual([...ids(two)].reverse());
    expect(ids(one)[0]).toBe("member.sex|C1/an/1950:sex");
    expect(ids(one)[1]).toMatch(/^member\.sex\|C1\/an\/1950:sex#[0-9a-f]{8}$/);
    // Identical records (nothing to tell them apart) are numbered after the hash.
    const same = new FindingSink();
    add(same, "r");
    add(same, "r");
    add(same, "r");
    const [bare, second, third] = ids(same);
    expect(bare).toBe("member.sex|C1/an/1950:sex");
    expect(third).toBe(`${second}-2`);
    // Without a tiebreak: numbered in reading order.
    const plain = new FindingSink();
    plain.add("fund.duplicate", "warning", "C1", say("x", "x"));
    plain.add("fund.duplicate", "warning", "C1", say("x", "x"));
    expect(ids(plain)).toEqual(["fund.duplicate|C1", "fund.duplicate|C1#2"]);
  });

  test("sorting and inserting member rows keeps every id, including rows with blank names", () => {
    const rows = members("C1", 50, 33, 32, 27).map((m, i) =>
      i === 2
        ? { ...m, name: "", sex: "?" }
        : i === 7
          ? { ...m, name: "", birth: "", sex: "X" }
          : i === 9
            ? { ...m, name: "", birth: "", sex: "Y" }
            : m,
    );
    const ids = (rs: typeof rows) =>
      check([club("C1")], rs, [fund("C1")])
        .findings.map((x) => x.id)
        .sort();
    const before = ids(rows);
    expect(before.some((id) => /#/.test(id))).toBe(true);
    const shuffled = [...rows].reverse();
    shuffled.splice(4, 0, {}, {});
    expect(ids(shuffled)).toEqual(before);
    expect(before.every((id) => !/!\d/.test(id))).toBe(true);
  });

  test("sorting the fund sheet keeps the id of every repeated or unknown fund row", () => {
    const funds = [
      fund("C1", { operatingFund: 5_000_000 }),
      fund("C9", { operatingFund: 1_000_000 }),
      fund("C1", { operatingFund: 7_000_000 }),
      fund("C9", { operatingFund: 2_000_000 }),
      fund("C1", { operatingFund: 9_000_000 }),
    ];
    /** Each fund finding's id with the amount of the row it points at. */
    const byId = (rows: typeof funds) => {
      const r = check([club("C1")], members("C1", 50, 33, 32, 27), rows);
      // Row 1 is the header: the sheet's row n is rows[n - 2].
      const amountAt = (cell: string) => rows[Number(cell.slice(1)) - 2]!["operatingFund"];
      return new Map(
        r.findings
          .filter((x) => x.rule === "fund.duplicate" || x.rule === "fund.unknownClub")
          .map((x) => [x.id, amountAt(x.cell!)]),
      );
    };
    const before = byId(funds);
    // The club listed three times: all three rows are reported, the one that counts included.
    expect([...before.keys()].filter((id) => id.startsWith("fund.duplicate|C1"))).toHaveLength(3);
    expect([...before.keys()].filter((id) => id.startsWith("fund.unknownClub|C9"))).toHaveLength(2);
    expect(before.has("fund.duplicate|C1")).toBe(true);
    expect(byId([...funds].reverse())).toEqual(before);
    expect(byId([funds[4]!, funds[1]!, funds[0]!, funds[3]!, funds[2]!])).toEqual(before);
  });
});
