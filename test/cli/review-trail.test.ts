import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { localIsoDay } from "../../src/core/model/dates";
import { GENERATED_NAMES } from "../../src/core/report/labels";
import { openXlsx } from "../../src/hosts/xlsx";
import { smallRegister } from "../helpers/small-register";
import { writeWorkbook } from "../helpers/xlsx-fixtures";
import { rewriteSheet } from "../helpers/xlsx-edit";
import { rowsOf } from "../helpers/rows";

/** The review trail through the command line: check, mark the output, check the output again. */
const tmp = mkdtempSync(join(tmpdir(), "ishc-trail-"));

const check = (input: string, out: string, report: string) =>
  main(
    ["check", input, "--out", out, "--report", report, "--as-of", "2025-12-31"],
    () => {},
    () => {},
  );

interface Report {
  findings: { id: string; rule: string; state: string; status: string; note: string }[];
  resolved: { id: string; status: string; note: string; resolvedOn: string }[];
}
const json = (p: string) => JSON.parse(readFileSync(p, "utf8")) as Report;

test("check, mark the findings sheet of the output, check the output again: the marks are kept", async () => {
  const input = join(tmp, "in.xlsx");
  const rows: Record<string, (string | number | boolean | null)[][]> = {};
  for (const s of smallRegister())
    rows[s.name] = rowsOf(s).map((r) => [...(r ?? [])].map((v) => v ?? null));
  await writeWorkbook(input, rows);
  expect(await check(input, join(tmp, "out1.xlsx"), join(tmp, "r1.json"))).toBe(1);
  const today = localIsoDay(new Date());
  const r1 = json(join(tmp, "r1.json"));
  expect(r1.findings.every((f) => f.state === "new" && f.status === "open")).toBe(true);

  const out1 = new Uint8Array(readFileSync(join(tmp, "out1.xlsx")));
  const sheet = await openXlsx(out1).readSheet(GENERATED_NAMES.findings);
  const grid = rowsOf(sheet).map((r) => [...(r ?? [])].map((v) => v ?? null));
  const sexId = r1.findings.find((f) => f.rule === "member.sex")!.id;
  const row = grid.find((r) => r[12] === sexId)!;
  row[7] = "Chấp nhận";
  row[8] = "Xã đã giải trình";
  // The auditor also sorts the sheet, newest rule first.
  const edited = [...grid.slice(0, 2), ...grid.slice(2).reverse()];
  writeFileSync(join(tmp, "marked.xlsx"), rewriteSheet(out1, GENERATED_NAMES.findings, edited));

  expect(await check(join(tmp, "marked.xlsx"), join(tmp, "out2.xlsx"), join(tmp, "r2.json"))).toBe(
    1,
  );
  const r2 = json(join(tmp, "r2.json"));
  expect(r2.findings.find((f) => f.id === sexId)).toMatchObject({
    state: "still",
    status: "accepted",
    note: "Xã đã giải trình",
    reviewedOn: today,
    firstSeen: today,
  });
  expect(r2.findings.map((f) => f.id)).toEqual(r1.findings.map((f) => f.id));
  expect(r2.resolved).toEqual([]);
  // And the marks are in the second output's findings sheet, in its status column.
  const again = await openXlsx(new Uint8Array(readFileSync(join(tmp, "out2.xlsx")))).readSheet(
    GENERATED_NAMES.findings,
  );
  const kept = rowsOf(again).find((r) => r?.[12] === sexId)!;
  expect([kept[7], kept[8]]).toEqual(["Chấp nhận", "Xã đã giải trình"]);
});
