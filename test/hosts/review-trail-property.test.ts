/**
 * The review trail as a property: whatever the auditor marked, and however the member rows and
 * the findings sheet's rows are then reordered (with blank rows inserted), the next check carries
 * every mark to the finding with the same id, finds nothing new and resolves nothing; and member
 * rows deleted make exactly their findings resolved, marks kept, dated with the run.
 */
import fc from "fast-check";
import { RawValue } from "../../src/core/model/cells";
import { DEFAULT_SETTINGS } from "../../src/core/model/settings";
import { GENERATED_NAMES } from "../../src/core/report/labels";
import { STATUS_LABEL } from "../../src/core/review/status";
import { MemoryWorkbook } from "../../src/hosts/memory/memory-workbook";
import { checkWorkbook } from "../../src/hosts/workbook/check-workbook";
import { members, membersSheet, club, clubsSheet, fund, fundsSheet } from "../helpers/registers";

const SETTINGS = { ...DEFAULT_SETTINGS, asOf: "2025-12-31" };
const FINDINGS = GENERATED_NAMES.findings;
const MEMBERS = "Thành viên";
const STATUSES = [
  STATUS_LABEL.accepted.vi,
  STATUS_LABEL.mustFix.en,
  STATUS_LABEL.fixed.vi,
  "Hỏi lại xã",
  "",
];

type Grid = (RawValue | undefined)[][];

/** A register with a bad sex or birth in the members `bad` points at (distinct rows). */
function register(bad: readonly { at: number; kind: "sex" | "birth" }[]) {
  const list = [...members("C1", 50, 33, 32, 27), ...members("C2", 50, 30, 30, 26)].map((m, i) => {
    const b = bad.find((x) => x.at === i);
    return !b ? m : b.kind === "sex" ? { ...m, sex: "?" } : { ...m, birth: `khoảng ${i}` };
  });
  return new MemoryWorkbook([
    clubsSheet([club("C1"), club("C2")]),
    membersSheet(list),
    fundsSheet([fund("C1"), fund("C2")]),
  ]);
}

/** Reorders `rows` by `order` (a list of sort keys) and puts blank rows before the given ranks. */
function shuffle<T>(
  rows: readonly T[],
  keys: readonly number[],
  blanks: readonly number[],
): (T | [])[] {
  const sorted = rows
    .map((r, i) => ({ r, k: keys[i % keys.length]! * 1000 + i }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.r);
  const out: (T | [])[] = [];
  sorted.forEach((r, i) => {
    if (blanks.includes(i)) out.push([]);
    out.push(r);
  });
  return out;
}

const badRows = fc.uniqueArray(
  fc.record({ at: fc.integer({ min: 0, max: 99 }), kind: fc.constantFrom("sex", "birth") }),
  { minLength: 1, maxLength: 8, selector: (b) => b.at },
);

describe("the review trail, as a property", () => {
  it("keeps every mark on its finding through reordered rows, inserted blanks and deletions", async () => {
    await fc.assert(
      fc.asyncProperty(
        badRows,
        fc.array(fc.nat(50), { minLength: 1, maxLength: 120 }),
        fc.array(fc.nat(100), { maxLength: 4 }),
        fc.array(fc.nat(STATUSES.length - 1), { minLength: 1, maxLength: 20 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        async (bad, keys, blanks, statusPicks, deletions) => {
          const wb = register(bad);
          const run1 = await checkWorkbook(wb, SETTINGS, {}, { checkedOn: "2026-01-10" });

          // The auditor marks every finding; a status (or none) and a note naming the finding.
          const sheet1 = (await wb.readSheet(FINDINGS)).rows as Grid;
          const header = sheet1[1]!;
          const col = (h: string) => header.indexOf(h);
          const expected = new Map<string, { status: string; note: string }>();
          sheet1.slice(2).forEach((row, i) => {
            const id = String(row[col("Mã lỗi")]);
            const status = STATUSES[statusPicks[i % statusPicks.length]!]!;
            row[col("Trạng thái xem xét")] = status;
            row[col("Ghi chú")] = `ghi chú ${i}`;
            expected.set(id, { status, note: `ghi chú ${i}` });
          });
          wb.setRows(FINDINGS, [
            ...sheet1.slice(0, 2),
            ...shuffle(sheet1.slice(2), [...keys].reverse(), blanks),
          ]);
          const memberRows = (await wb.readSheet(MEMBERS)).rows as Grid;
          wb.setRows(MEMBERS, [memberRows[0]!, ...shuffle(memberRows.slice(1), keys, blanks)]);

          const run2 = await checkWorkbook(wb, SETTINGS, {}, { checkedOn: "2026-02-01" });
          expect(new Set(run2.report.findings.map((f) => f.id))).toEqual(
            new Set(run1.report.findings.map((f) => f.id)),
          );
          expect(run2.report.resolved).toEqual([]);
          expect(run2.report.findings.filter((f) => f.state === "new")).toEqual([]);
          const sheet2 = (await wb.readSheet(FINDINGS)).rows as Grid;
          for (const row of sheet2.slice(2)) {
            const want = expected.get(String(row[col("Mã lỗi")]))!;
            // A blank status is written back as "not reviewed"; any other word as the auditor left it.
            const shown = String(row[col("Trạng thái xem xét")]);
            expect(shown).toBe(
              want.status === ""
                ? STATUS_LABEL.open.vi
                : want.status === STATUS_LABEL.mustFix.en
                  ? STATUS_LABEL.mustFix.vi
                  : want.status,
            );
            expect(row[col("Ghi chú")]).toBe(want.note);
          }

          // Some bad rows are deleted: exactly their findings are resolved, with the run's day.
          const rowsNow = (await wb.readSheet(MEMBERS)).rows as Grid;
          const nameCol = (rowsNow[0] as RawValue[]).indexOf("Họ và tên");
          const badNames = new Set(
            bad.filter((_, i) => deletions[i % deletions.length]).map((b) => b.at),
          );
          const doomed = new Set(
            rowsNow
              .slice(1)
              .filter((r) => r.length > 0 && isBad(r, rowsNow[0] as RawValue[]))
              .map((r) => String(r[nameCol]))
              .filter((name) => badNames.has(MEMBER_INDEX.get(name) ?? -1)),
          );
          wb.setRows(MEMBERS, [
            rowsNow[0]!,
            ...rowsNow.slice(1).filter((r) => !doomed.has(String(r[nameCol]))),
          ]);
          const run3 = await checkWorkbook(wb, SETTINGS, {}, { checkedOn: "2026-03-01" });
          const gone = run3.report.resolved.map((f) => f.id).sort();
          const before = new Set(run3.report.findings.map((f) => f.id));
          const vanished = run1.report.findings.map((f) => f.id).filter((id) => !before.has(id));
          expect(gone).toEqual([...vanished].sort());
          expect(gone.length > 0).toBe(doomed.size > 0);
          for (const f of run3.report.resolved) {
            expect(f.resolvedOn).toBe("2026-03-01");
            expect(f.note).toBe(expected.get(f.id)!.note);
          }
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});

/** Whether a member row holds one of the corrupted values. */
function isBad(row: readonly (RawValue | undefined)[], header: readonly RawValue[]): boolean {
  return (
    row[header.indexOf("Giới tính")] === "?" ||
    /^khoảng /.test(String(row[header.indexOf("Năm sinh")]))
  );
}

/** Each member's index in the register as first built, by its generated (unique) name. */
const MEMBER_INDEX = new Map(
  [...members("C1", 50, 33, 32, 27), ...members("C2", 50, 30, 30, 26)].map((m, i) => [m.name, i]),
);
