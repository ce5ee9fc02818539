/**
 * The write queue's byte estimates (src/hosts/office/request-costs.ts) against the body the real
 * office.js client would send: every kind of operation the Office host queues is built through
 * the client and measured (request-bytes.ts). An estimate must never be under the real bytes (a
 * request would then pass Excel on the web's 5 MB), and not much over them either (the queue
 * would sync more often than it must): real <= estimate <= 2 * real + SLACK.
 */
import fc from "fast-check";
import { WritePlan } from "../../src/core/model/write-plan";
import { TEMPLATE_SHEETS } from "../../src/core/report/template-sheets";
import { rangeA1, sheetRef } from "../../src/core/model/address";
import { asA1 } from "../../src/core/model/brand";
import { MemoryWorkbook } from "../../src/hosts/memory/memory-workbook";
import { checkWorkbook } from "../../src/hosts/workbook/check-workbook";
import { LIMITS, WriteQueue } from "../../src/hosts/office/batch";
import { queueExtras } from "../../src/hosts/office/extras";
import { queueGeneratedSheet } from "../../src/hosts/office/generated-sheet";
import {
  HIGHLIGHT_FILL,
  highlightFormula,
  queueHighlights,
} from "../../src/hosts/office/highlights";
import { TAG_NAME, tagFormula } from "../../src/hosts/office/inventory";
import {
  SHEET_PATH,
  chartDeleteCost,
  columnWidthCost,
  conditionalFormatCost,
  formatDeleteCost,
  freezeCost,
  hyperlinkCost,
  jsonBytes,
  lookCost,
  mergeCost,
  rowHeightCost,
  sheetAddCost,
  sheetDeleteCost,
  sheetPrepareCost,
  sheetRenameCost,
  sheetVisibilityCost,
  stringBytes,
  valuesBlockCost,
  gridRowBytes,
  valuesCost,
} from "../../src/hosts/office/request-costs";
import { LOOKS, applyLook } from "../../src/hosts/office/styles";
import { queueTemplateSheet, templateSheetCost } from "../../src/hosts/office/template";
import { smallRegister } from "../helpers/small-register";
import { SETTINGS } from "../hosts/office/scenario";
import {
  answerLoad,
  measureJob,
  newContext,
  pendingBytes,
  sheetOf,
  startNewRequest,
} from "./request-bytes";

/** What an estimate may exceed twice the real bytes by: a small job's fixed allowances. */
const SLACK = 700;

interface Row {
  readonly what: string;
  readonly real: number;
  readonly estimate: number;
}

/** Rows breaking real <= estimate <= 2 * real + SLACK (printed by a failing expect). */
const wrong = (rows: readonly Row[]): Row[] =>
  rows.filter((r) => r.estimate < r.real || r.estimate > 2 * r.real + SLACK);

const utf8 = (v: unknown): number => Buffer.byteLength(JSON.stringify(v), "utf8");

const LONG_VI = "Câu lạc bộ Liên thế hệ tự giúp nhau xã Thạch Hà ".repeat(20);
const TEXTS = ["", "x", "Thành viên", 'a "quoted" \\ back\\slash', "tab\tnew\nline\u0001", LONG_VI];
const SHEETS = ["Thành viên", "Danh sách lỗi", "It's", 'Ngắn "gọn" và dài đến ba mốt ký'];
const ADDRESSES = ["A1", "B3:F20", "A1:B2,C3:C9,E5", Array(700).fill("AB1234:AC1235").join(",")];

/** `job` on a sheet already in the request, measured by the request's growth. */
const onSheet = (job: (ws: Excel.Worksheet) => void): number =>
  measureJob(
    (c) => sheetOf(c),
    (_c, ws) => job(ws),
  );

describe("strings and values are counted as JSON.stringify and UTF-8 count them", () => {
  it("is exact on any text, lone surrogates and control characters included", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 60 }), (s) => {
        expect(stringBytes(s)).toBe(utf8(s));
      }),
    );
    for (const s of TEXTS) expect(stringBytes(s)).toBe(utf8(s));
  });

  it("is exact on grids and objects of strings, numbers, booleans and null", () => {
    const cell = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 20 }),
      fc.double(),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { maxLength: 6 }), { maxLength: 6 }), (grid) => {
        expect(jsonBytes(grid)).toBe(utf8(grid));
      }),
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string(), cell), (o) => {
        expect(jsonBytes(o)).toBe(utf8(o));
      }),
    );
  });
});

describe("every operation's estimate is at least its real bytes and at most about twice", () => {
  it("values and number formats in blocks", () => {
    const grids: unknown[][][] = [
      [["x"]],
      [TEXTS],
      [
        [1, -0.5, 1e-300, 123456789.123, true, false],
        ["Nguyễn Thị Hà", '"', "\\", "\u0007", "", 46000],
      ],
      Array.from({ length: 40 }, (_, r) => TEXTS.map((t, c) => (c % 2 ? r * 1.1 : t))),
      // Over 1,500 cells office.js writes chunks of rows, each a range of its own.
      Array.from({ length: 3100 }, (_, r) => [`ISHC-${r}`, `Thành viên ${r}: "x"`]),
      Array.from({ length: 120 }, (_, r) => Array.from({ length: 14 }, (_, c) => r * c)),
      [Array.from({ length: 3000 }, (_, c) => c)],
    ];
    const rows: Row[] = grids.map((values, i) => {
      const formats = values.map((r) => r.map((v) => (typeof v === "string" ? "@" : "#,##0")));
      const width = values[0]!.length;
      const address = rangeA1(0, 0, values.length - 1, width - 1);
      const bytes = [...values, ...formats].reduce((n, r) => n + gridRowBytes(r), 0);
      return {
        what: `values block ${i}`,
        estimate: valuesBlockCost(address, bytes, values.length, width),
        real: onSheet((ws) => {
          const range = ws.getRange(address);
          range.numberFormat = formats;
          range.values = values as never;
        }),
      };
    });
    expect(wrong(rows)).toEqual([]);
  });

  it("random text in values blocks and links (property)", () => {
    const text = fc.string({ unit: "binary", maxLength: 200 });
    fc.assert(
      fc.property(
        fc.array(fc.array(text, { minLength: 1, maxLength: 4 }), { minLength: 1 }),
        (g) => {
          const width = Math.max(...g.map((r) => r.length));
          const values = g.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ""));
          const formats = values.map((r) => r.map(() => "@"));
          const bytes = [...values, ...formats].reduce((n, r) => n + gridRowBytes(r), 0);
          const address = `A1:D${values.length}`;
          const real = onSheet((ws) => {
            const range = ws.getRange(address);
            range.numberFormat = formats;
            range.values = values;
          });
          const estimate = valuesBlockCost(address, bytes, values.length, width);
          expect(estimate).toBeGreaterThanOrEqual(real);
          expect(estimate).toBeLessThanOrEqual(2 * real + SLACK);
        },
      ),
      { numRuns: 60 },
    );
    fc.assert(
      fc.property(text, fc.option(text, { nil: undefined }), (sheet, shown) => {
        const reference = sheetRef(sheet, "B3");
        const real = onSheet((ws) => {
          ws.getRange("C7").hyperlink = {
            documentReference: reference,
            ...(shown !== undefined ? { textToDisplay: shown } : {}),
          };
        });
        const estimate = hyperlinkCost("C7", reference, shown);
        expect(estimate).toBeGreaterThanOrEqual(real);
        expect(estimate).toBeLessThanOrEqual(2 * real + SLACK);
      }),
      { numRuns: 100 },
    );
  });

  it("looks over many areas and over one range, row heights, widths, merges, freeze panes", () => {
    const rows: Row[] = [];
    for (const address of ADDRESSES)
      for (const [key, look] of Object.entries(LOOKS))
        for (const areas of [true, false])
          rows.push({
            what: `look ${key} ${areas ? "getRanges" : "getRange"} ${address.slice(0, 20)}`,
            estimate: lookCost(address, look, areas),
            real: onSheet((ws) =>
              applyLook(areas ? ws.getRanges(address).format : ws.getRange(address).format, look),
            ),
          });
    for (const r of ["1:1", "1048576:1048576"])
      rows.push({
        what: `row height ${r}`,
        estimate: rowHeightCost(r, 24),
        real: onSheet((ws) => {
          ws.getRange(r).format.rowHeight = 24;
        }),
      });
    for (const [col, w] of [
      ["A:A", 3.75],
      ["XFD:XFD", 191.25],
      ["C:C", 12.123456789],
    ] as const)
      rows.push({
        what: `column width ${col}`,
        estimate: columnWidthCost(col, w),
        real: onSheet((ws) => {
          ws.getRange(col).format.columnWidth = w;
        }),
      });
    for (const m of ["A1:C1", "AB1000:XFD1048576"])
      rows.push({
        what: `merge ${m}`,
        estimate: mergeCost(m),
        real: onSheet((ws) => ws.getRange(m).merge()),
      });
    for (const n of [0, 1, 12345])
      rows.push({
        what: `freeze ${n}`,
        estimate: freezeCost(n),
        real: onSheet((ws) => (n > 0 ? ws.freezePanes.freezeRows(n) : ws.freezePanes.unfreeze())),
      });
    expect(wrong(rows)).toEqual([]);
  });

  it("hyperlinks to cells of sheets whose names need quotes, with and without display text", () => {
    const rows: Row[] = [];
    for (const sheet of SHEETS)
      for (const text of [undefined, ...TEXTS]) {
        const reference = sheetRef(sheet, "AB12345");
        rows.push({
          what: `link ${sheet} ${text?.slice(0, 12)}`,
          estimate: hyperlinkCost("N50000", reference, text),
          real: onSheet((ws) => {
            ws.getRange("N50000").hyperlink = {
              documentReference: reference,
              ...(text !== undefined ? { textToDisplay: text } : {}),
            };
          }),
        });
      }
    expect(wrong(rows)).toEqual([]);
  });

  it("custom conditional formats over many areas and over one range", () => {
    const rows: Row[] = [];
    for (const address of ADDRESSES)
      for (const severity of ["error", "warning", "info"] as const)
        for (const areas of [true, false]) {
          const formula = highlightFormula(severity);
          const fill = HIGHLIGHT_FILL[severity];
          rows.push({
            what: `format ${severity} ${areas} ${address.slice(0, 20)}`,
            estimate: conditionalFormatCost(address, formula, fill, areas),
            real: onSheet((ws) => {
              const r = areas ? ws.getRanges(address) : ws.getRange(address);
              const f = r.conditionalFormats.add("Custom");
              f.custom.rule.formula = formula;
              f.custom.format.fill.color = fill;
            }),
          });
        }
    expect(wrong(rows)).toEqual([]);
  });

  it("a worksheet's path, by name, by id or just added, fits SHEET_PATH", () => {
    const job = (ws: Excel.Worksheet) => {
      ws.getRange("A1").values = [[1]];
    };
    const jobAlone = onSheet(job);
    const longest = "Ầ".repeat(31);
    const byName = newContext();
    job(sheetOf(byName, longest));
    const added = newContext();
    job(added.workbook.worksheets.add(longest));
    const byId = newContext();
    const sheets = byId.workbook.worksheets;
    sheets.load("items/name");
    answerLoad(sheets, [{ Id: `{${"F".repeat(60)}}`, Name: longest }]);
    startNewRequest(byId);
    const empty = pendingBytes(byId);
    job(sheets.items[0]!);
    const chains = [
      pendingBytes(byName) - empty - jobAlone,
      pendingBytes(added) - empty - jobAlone,
      pendingBytes(byId) - empty - jobAlone,
    ];
    for (const bytes of chains) {
      expect(bytes).toBeGreaterThan(0);
      expect(SHEET_PATH).toBeGreaterThanOrEqual(bytes);
      expect(SHEET_PATH).toBeLessThanOrEqual(2 * bytes);
    }
  });
});

/** A queue on a measuring context that records each job's estimate and real growth. */
class MeasuringQueue extends WriteQueue {
  readonly rows: Row[] = [];
  what = "";
  constructor(private readonly ctx: Excel.RequestContext) {
    super(ctx, Infinity);
  }
  override async add(bytes: number, job: () => void, sheet?: object): Promise<void> {
    const before = pendingBytes(this.ctx);
    const charged = this.queued;
    await super.add(bytes, job, sheet);
    this.rows.push({
      what: this.what,
      estimate: this.queued - charged,
      real: pendingBytes(this.ctx) - before,
    });
  }
}

/** The plan the check writes for the small register. */
async function smallPlan(): Promise<WritePlan> {
  let plan: WritePlan | undefined;
  class Capture extends MemoryWorkbook {
    override async apply(p: WritePlan): Promise<void> {
      plan = p;
      return super.apply(p);
    }
  }
  await checkWorkbook(new Capture(smallRegister()), SETTINGS);
  if (!plan) throw new Error("the check wrote no plan");
  return plan;
}

describe("the host's call sites charge each job at least what it sends", () => {
  it.each([true, false])(
    "a whole plan's sheets, extras and highlights (RangeAreas %s)",
    async (areas) => {
      const plan = await smallPlan();
      const context = newContext();
      const queue = new MeasuringQueue(context);
      const support = { lists: true, charts: true, print: true };
      for (const g of plan.sheets) {
        const ws = sheetOf(context, g.name);
        queue.what = `sheet ${g.name}`;
        await queueGeneratedSheet(queue, ws, g, areas);
        queue.what = `extras ${g.name}`;
        await queueExtras(queue, ws, g, support);
      }
      queue.what = "highlights";
      const names = [...new Set(plan.highlights.map((h) => h.sheet))];
      for (const name of names)
        await queueHighlights(
          queue,
          sheetOf(context, name),
          plan.highlights.filter((h) => h.sheet === name),
          areas,
        );
      const kinds = new Set(queue.rows.map((r) => r.what.split(" ")[0]));
      expect([...kinds].sort()).toEqual(["extras", "highlights", "sheet"]);
      expect(queue.rows.length).toBeGreaterThan(50);
      expect(wrong(queue.rows)).toEqual([]);
      // The whole plan: estimated at least what would be sent, and not more than twice.
      const real = queue.rows.reduce((n, r) => n + r.real, 0);
      expect(queue.queued).toBeGreaterThanOrEqual(real);
      expect(queue.queued).toBeLessThanOrEqual(2 * real);
    },
  );

  it("dropdowns, page setup and charts of any size", async () => {
    const context = newContext();
    const queue = new MeasuringQueue(context);
    const ws = sheetOf(context);
    for (const [i, text] of TEXTS.entries()) {
      const words = text.split(/[\s,]+/).filter((w) => w !== "");
      queue.what = `extras ${i}`;
      await queueExtras(
        queue,
        ws,
        {
          kind: "findings",
          name: "x",
          rows: [],
          merges: [],
          columnWidths: [],
          freezeRows: 0,
          validations: [
            { range: asA1("H3:H500"), values: words.length > 0 ? words.slice(0, 20) : ["a"] },
            { range: asA1("I3:I50000"), values: ["Mới", "Đã sửa"], prompt: text },
          ],
          charts: [
            {
              name: `Biểu đồ ${text}`.slice(0, 200),
              title: text,
              categories: asA1("B5:B17"),
              series: Array.from({ length: i + 1 }, (_, k) => ({
                name: `${text.slice(0, 30)} ${k}`,
                values: asA1(`P${k + 5}:P17`),
              })),
              from: asA1("A20"),
              to: asA1("N40"),
            },
          ],
          print: {
            orientation: i % 2 ? "landscape" : "portrait",
            paper: "A4",
            ...(i % 2 ? { scale: 77 } : {}),
            titleRows: [1, 3],
            area: asA1("A1:N300"),
            rowBreaks: Array.from({ length: i * 5 }, (_, k) => 30 * (k + 1)),
            centerHorizontally: true,
            footer: text,
          },
        },
        { lists: true, charts: true, print: true },
      );
    }
    expect(queue.rows.length).toBe(TEXTS.length * 4);
    expect(wrong(queue.rows)).toEqual([]);
  });

  it("each template sheet, with and without dropdowns", () => {
    const rows: Row[] = [];
    for (const t of TEMPLATE_SHEETS)
      for (const lists of [true, false]) {
        const context = newContext();
        const empty = pendingBytes(context);
        queueTemplateSheet(context, t, lists);
        rows.push({
          what: `template ${t.name} ${lists}`,
          estimate: templateSheetCost(t, lists),
          real: pendingBytes(context) - empty,
        });
      }
    expect(wrong(rows)).toEqual([]);
  });

  it("a highlight over 8,000 characters of address is a job far under the budget", () => {
    const address = Array(615).fill("AB1234").join(",").slice(0, 8000);
    const real = onSheet((ws) => {
      const f = ws.getRanges(address).conditionalFormats.add("Custom");
      f.custom.rule.formula = highlightFormula("error");
      f.custom.format.fill.color = HIGHLIGHT_FILL.error;
    });
    const estimate = conditionalFormatCost(address, highlightFormula("error"), "#FFC7CE");
    expect(estimate).toBeGreaterThanOrEqual(real);
    expect(estimate).toBeLessThan(LIMITS.payloadBytes / 100);
  });
});

describe("what office-workbook.ts queues around the generated sheets", () => {
  const GUID = `{${"0".repeat(8)}-0001-0000-0000-${"0".repeat(12)}}`;

  /** A sheet loaded from the workbook (as the inventory finds it), in a request of its own. */
  function loaded(name = "Danh sách lỗi") {
    const context = newContext();
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    answerLoad(sheets, [{ Id: GUID, Name: name }]);
    const ws = sheets.items[0]!;
    const formats = ws.getRange().conditionalFormats;
    formats.load("items/type");
    answerLoad(formats, [
      { Id: "{" + "A".repeat(40) + "}", Type: "Custom" },
      { Id: "7", Type: "Custom" },
    ]);
    const charts = ws.charts;
    charts.load("items/name");
    answerLoad(charts, [{ Id: GUID, Name: "Tiến độ" }]);
    const tag = ws.names.getItemOrNullObject(TAG_NAME);
    startNewRequest(context);
    return { context, ws, formats, charts, tag, empty: pendingBytes(context) };
  }

  const measure = (
    what: string,
    estimate: number,
    queue: (s: ReturnType<typeof loaded>) => void,
  ): Row => {
    const s = loaded();
    queue(s);
    return { what, estimate, real: pendingBytes(s.context) - s.empty };
  };

  it("deletes, sheet adds, preparing, renaming, hiding", () => {
    const name = 'Bảng "tổng hợp" kết quả kiểm tra';
    const rows: Row[] = [
      measure("format delete", formatDeleteCost(), (s) => s.formats.items[0]!.delete()),
      measure("chart delete", chartDeleteCost(), (s) => s.charts.items[0]!.delete()),
      measure("sheet add", sheetAddCost(name), (s) => {
        s.context.workbook.worksheets.add(name);
      }),
      measure("prepare existing", sheetPrepareCost(), (s) => {
        s.ws.getRange().clear("All");
        s.ws.getRange().dataValidation.clear();
        s.ws.horizontalPageBreaks.removePageBreaks();
        s.tag.formula = tagFormula("findings");
      }),
      measure("prepare new", sheetPrepareCost(), (s) => {
        const ws = s.context.workbook.worksheets.add(name);
        startNewRequest(s.context);
        const tag = ws.names.add(
          TAG_NAME,
          tagFormula("appendix"),
          "ISHC Check: generated sheet, rewritten by each check",
        );
        tag.visible = false;
      }),
      measure("rename", sheetRenameCost(name), (s) => {
        s.ws.name = name;
      }),
      measure("visibility", sheetVisibilityCost(), (s) => {
        s.ws.visibility = "VeryHidden";
      }),
      measure("delete", sheetDeleteCost(), (s) => s.ws.delete()),
    ];
    expect(wrong(rows)).toEqual([]);
  });

  it("a second delete on the same sheet costs less than the first", () => {
    const s = loaded();
    s.formats.items[0]!.delete();
    const one = pendingBytes(s.context) - s.empty;
    s.formats.items[1]!.delete();
    const two = pendingBytes(s.context) - s.empty;
    expect(two - one).toBeLessThan(one);
    expect(formatDeleteCost()).toBeGreaterThanOrEqual(one);
  });
});

it.each([1, 2000])("values or formulas of %i rows: valuesCost", (n) => {
  const values = Array.from({ length: n }, (_, r) => ["Đã sửa", 'ghi chú "x"', `=SUM(A1:A${r})`]);
  const address = rangeA1(0, 0, n - 1, 2);
  const real = onSheet((ws) => {
    ws.getRange(address).formulas = values;
  });
  const estimate = valuesCost(address, values);
  expect(estimate).toBeGreaterThanOrEqual(real);
  expect(estimate).toBeLessThanOrEqual(2 * real + SLACK);
});
