/**
 * Reads against the real office.js client: a response is the JSON Excel builds,
 * {"Results":[{"ActionId":…,"Value":{"Values":[[…]]}}]}, and the readers size their blocks by
 * batch.ts's cellBytes / rowBytes. Those must never be under the real JSON, and the review mark's
 * search of the findings sheet must stay in responses of the budget's size.
 */
import fc from "fast-check";
import { rangeA1 } from "../../src/core/model/address";
import { GENERATED_NAMES } from "../../src/core/report/labels";
import { setReviewMark } from "../../src/addin/review-actions";
import { OfficeWorkbook } from "../../src/hosts/office";
import { RESPONSE_FRAME_BYTES, cellBytes, rowBytes } from "../../src/hosts/office/batch";
import { readSheetValues } from "../../src/hosts/office/read-sheet";
import { checkWorkbook } from "../../src/hosts/workbook/check-workbook";
import { smallRegister } from "../helpers/small-register";
import { SETTINGS } from "../hosts/office/scenario";
import { SimulatedHost } from "./simulated-host";

const utf8 = (v: unknown): number => Buffer.byteLength(JSON.stringify(v), "utf8");

const cell = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
  fc.boolean(),
);

it("cellBytes and rowBytes are never under the answer's JSON", () => {
  fc.assert(
    fc.property(
      fc.array(fc.array(cell, { minLength: 1, maxLength: 8 }), { minLength: 1 }),
      (rows) => {
        const answer = { Results: [{ ActionId: 9_999_999, Value: { Values: rows } }] };
        const estimate = rows.reduce((n, r) => n + rowBytes(r), RESPONSE_FRAME_BYTES);
        expect(estimate).toBeGreaterThanOrEqual(utf8(answer));
        for (const v of rows.flat()) expect(cellBytes(v)).toBeGreaterThanOrEqual(utf8(v) + 1);
      },
    ),
  );
  const longest = [-1.2345678901234567e-100, -0.0000020837968426407568, -1.2345678901234567e20];
  for (const v of ["", "Nguyễn Thị Hà", '"\\', "\u0001\u0002", ...longest, false])
    expect(cellBytes(v)).toBeGreaterThanOrEqual(utf8(v) + 1);
});

describe("over the simulated Excel (real office.js, real sizes)", () => {
  async function checked() {
    const host = new SimulatedHost(smallRegister());
    const office = new OfficeWorkbook(host.run, { supports: host.excel.supports });
    const run = await checkWorkbook(office, SETTINGS);
    host.requests.length = 0;
    return { host, run };
  }

  it("reads a sheet in blocks whose answers stay within the budget", async () => {
    const { host } = await checked();
    const budget = 3_000;
    const sheet = await host.run((context) =>
      readSheetValues(context, GENERATED_NAMES.findings, { payloadBytes: budget }),
    );
    expect(sheet.rows.length).toBeGreaterThanOrEqual(30);
    expect(host.requests.length).toBeGreaterThan(4);
    expect(host.requests.every((r) => r.error === undefined)).toBe(true);
    // The first block is a guess (32 bytes a cell); each next one is sized on the rows before
    // it, so longer rows may pass it by a little (and Excel's refusal halves the block).
    expect(host.largestResponse).toBeLessThanOrEqual(budget * 1.1);
  });

  it("finds a review mark's row in bounded blocks, and in as few requests as before on a small sheet", async () => {
    const { host, run } = await checked();
    const last = run.report.findings[run.report.findings.length - 1]!.id;
    const small = await setReviewMark(host.run, last, { note: "xem lại" }, "2026-01-11");
    // The sheets, their tags, the extent with the top rows, the write; and office.js's own request
    // at the end of Excel.run, which releases the range references it kept (_RemoveReference).
    expect(host.requests).toHaveLength(5);
    // 400 findings more below the check's, as a long findings sheet has them.
    const sheet = GENERATED_NAMES.findings;
    const grid = host.excel.values(sheet);
    const model = grid[small.row - 1]!;
    const idCol = model.indexOf(last);
    const more = Array.from({ length: 400 }, (_, i) =>
      model.map((v, c) => (c === idCol ? `ISHC-${i}-${"x".repeat(i % 50)}` : (v ?? ""))),
    );
    await host.excel.run(async (context) => {
      const at = rangeA1(grid.length, 0, grid.length + 399, model.length - 1);
      context.workbook.worksheets.getItem(sheet).getRange(at).values = more as string[][];
      await context.sync();
    });
    host.requests.length = 0;
    const budget = 2_000;
    const where = await setReviewMark(
      host.run,
      "ISHC-399-" + "x".repeat(49),
      { note: "lần hai" },
      "2026-01-12",
      {
        payloadBytes: budget,
      },
    );
    expect(where.row).toBe(grid.length + 400);
    expect(host.excel.values(sheet)[where.row - 1]).toContain("lần hai");
    // The top rows (30 at least, for the header) and then the id column in several blocks.
    expect(host.requests.length).toBeGreaterThan(5);
    const reads = host.requests.slice(2, -1);
    expect(reads.slice(1).every((r) => r.responseBytes <= budget)).toBe(true);
  });
});
