import { asA1 } from "../../../src/core/model/brand";
import { RawSheet } from "../../../src/core/model/cells";
import { checkWorkbook } from "../../../src/hosts/workbook/check-workbook";
import { OfficeWorkbook } from "../../../src/hosts/office";
import { FakeExcel } from "../../fakes/excel";
import { club, clubsSheet, fund, fundsSheet, members, membersSheet } from "../../helpers/registers";
import { plain, SETTINGS } from "./scenario";

const CLUBS = 2000;
const SIZE = 50;

/** 2,000 clubs of 50 members: 100,000 member rows; the first `failing` clubs have too few women. */
function country(failing: number, clubs = CLUBS): RawSheet[] {
  const ids = Array.from({ length: clubs }, (_, i) => `C${i + 1}`);
  return [
    clubsSheet(ids.map((id) => club(id))),
    membersSheet(ids.flatMap((id, i) => members(id, SIZE, i < failing ? 20 : 33, 33, 30))),
    fundsSheet(ids.map((id) => fund(id))),
  ];
}

async function measured(failing: number) {
  const excel = new FakeExcel(country(failing));
  const office = new OfficeWorkbook(excel.run, { supports: () => true });
  const outcome = await checkWorkbook(office, SETTINGS);
  return { excel, outcome, stats: { ...excel.stats } };
}

describe("round trips for a 100,000-member register", () => {
  it("takes a number of syncs set by the read blocks, not by the findings", async () => {
    const few = await measured(100);
    const many = await measured(200);
    expect(
      many.outcome.report.findings.length - few.outcome.report.findings.length,
    ).toBeGreaterThanOrEqual(100);
    expect(many.outcome.plan.highlights.length).toBeGreaterThan(few.outcome.plan.highlights.length);
    expect(many.stats.syncs).toBe(few.stats.syncs);

    // listSheets 2; each of the 3 input sheets 2 + its blocks; apply 2 (+1 for old formats) + writes.
    const members = 100_000 * 7;
    const blocks = Math.ceil((members * 40) / 4_000_000) + 3;
    expect(few.stats.syncs).toBeLessThanOrEqual(2 + 3 * 2 + blocks + 3 + 2);
    expect(few.stats.largestRequest).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(few.stats.largestResponse).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(few.stats.failedSyncs).toBe(0);
    process.stdout.write(
      `100,000 members: ${few.stats.syncs} syncs with ${few.outcome.report.findings.length} findings, ${many.stats.syncs} with ${many.outcome.report.findings.length}; largest request ${few.stats.largestRequest} B, response ${few.stats.largestResponse} B\n`,
    );
  });

  it("halves the read block when Excel answers with a payload-limit error", async () => {
    const sheets = country(0, 200).slice(0, 2);
    const excel = new FakeExcel(sheets, { responseBytes: 200_000 });
    const office = new OfficeWorkbook(excel.run, { supports: () => true });
    const read = await office.readSheet("Thành viên");
    expect(excel.stats.failedSyncs).toBeGreaterThan(0);
    expect(plain(read.rows)).toEqual(plain(sheets[1]!.rows));
    // Once shrunk, the block stays small: a few failures, not one per block.
    const blocks = excel.stats.syncs - excel.stats.failedSyncs - 2;
    expect(excel.stats.failedSyncs).toBeLessThan(10);
    expect(blocks).toBeGreaterThan(3);
  });
});

describe("writing within Excel's limits", () => {
  it("splits a large generated sheet into requests under 5 MB and scattered highlights under 8,192 characters", async () => {
    const excel = new FakeExcel([{ name: "Thành viên", rows: [["Họ và tên"]] }]);
    const office = new OfficeWorkbook(excel.run, { supports: () => true });
    const text = "Thành viên câu lạc bộ liên thế hệ tự giúp nhau";
    const rows = Array.from({ length: 40_000 }, (_, r) =>
      Array.from({ length: 5 }, (_, c) => ({
        v: c === 0 ? r : text,
        style: c === 0 ? ("integer" as const) : ("text" as const),
      })),
    );
    const highlights = Array.from({ length: 6000 }, (_, i) => ({
      sheet: "Thành viên",
      cell: asA1(`B${2 * i + 2}`),
      rule: "member.sex",
      severity: "error" as const,
      reason: "x",
    }));
    await office.apply({
      sheets: [
        {
          kind: "findings",
          name: "Danh sách lỗi",
          rows,
          merges: [],
          columnWidths: [8, 40],
          freezeRows: 1,
        },
      ],
      highlights,
    });
    expect(excel.stats.failedSyncs).toBe(0);
    expect(excel.stats.largestRequest).toBeLessThanOrEqual(5 * 1024 * 1024);
    expect(excel.stats.syncs).toBeGreaterThan(3);
    expect(excel.values("Danh sách lỗi")).toHaveLength(40_000);
    expect(excel.numberFormat("Danh sách lỗi", "A40000")).toBe("#,##0");
    const formats = excel.conditionalFormats("Thành viên");
    expect(formats.length).toBeGreaterThan(1);
    expect(formats.flatMap((f) => f.areas)).toHaveLength(6000);
  });
});
