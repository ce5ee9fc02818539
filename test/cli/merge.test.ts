import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main";
import { openXlsx } from "../../src/hosts/xlsx";
import { asXlsx, keptWorkbook } from "../helpers/kept-registers";
import { writeWorkbook } from "../helpers/xlsx-fixtures";
import { club, clubsSheet, fund, fundsSheet, members, membersSheet } from "../helpers/registers";

/** `ishc merge` on real files: the provincial workbook, the report's sources, exit codes. */
const tmp = mkdtempSync(join(tmpdir(), "ishc-merge-"));
const at = (name: string) => join(tmp, name);

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(
    argv,
    (l) => out.push(l),
    (l) => err.push(l),
  );
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const rowsOf = (s: ReturnType<typeof clubsSheet>) =>
  s.rows.map((r) => [...(r ?? [])].map((v) => v ?? null));

beforeAll(async () => {
  writeFileSync(at("vu-quang.xlsx"), await asXlsx(keptWorkbook()));
  await writeWorkbook(at("huong-khe.xlsx"), {
    CLB: rowsOf(clubsSheet([club("HK-01", { district: "Huyện Hương Khê" }), club("VQ-02")])),
    "Thành viên": rowsOf(membersSheet(members("HK-01", 4, 3, 2, 2))),
    Quỹ: rowsOf(fundsSheet([fund("HK-01")])),
  });
  writeFileSync(at("broken.xlsx"), "Họ và tên,Năm sinh\n");
  expect((await run("template", at("template-a.xlsx"))).code).toBe(0);
  expect((await run("template", at("template-b.xlsx"))).code).toBe(0);
});

test("merge writes the provincial workbook and a report with the sources; errors exit 1", async () => {
  const out = at("province.xlsx");
  const report = at("province.json");
  const r = await run(
    "merge",
    at("vu-quang.xlsx"),
    at("huong-khe.xlsx"),
    "--out",
    out,
    "--report",
    report,
    "--as-of",
    "2025-12-31",
  );
  expect(r.err).toBe("");
  expect(r.code).toBe(1);
  const json = JSON.parse(readFileSync(report, "utf8"));
  expect(json.sources).toEqual([
    { file: "vu-quang.xlsx", clubs: 4, members: 205, funds: 4, roadmapUnits: 0 },
    { file: "huong-khe.xlsx", clubs: 2, members: 4, funds: 1, roadmapUnits: 0 },
  ]);
  expect(json.findings.filter((f: { rule: string }) => f.rule === "merge.duplicateClub")).toEqual([
    expect.objectContaining({ severity: "error", sheet: "CLB", cell: "A7" }),
  ]);
  expect(r.out).toContain("vu-quang.xlsx: 4 CLB, 205 thành viên");
  expect(r.out).toContain(`Tỉnh: ${json.summary.compliant}/${json.summary.clubs} CLB đạt`);
  const wb = openXlsx(readFileSync(out));
  const clubs = await wb.readSheet("CLB");
  expect(clubs.rows.slice(1).map((row) => row!.at(-2))).toEqual([
    "vu-quang.xlsx",
    "vu-quang.xlsx",
    "vu-quang.xlsx",
    "vu-quang.xlsx",
    "huong-khe.xlsx",
    "huong-khe.xlsx",
  ]);
  expect((await wb.listSheets()).map((s) => s.name)).toContain("Phụ lục");
});

test("files that pass every check merge with exit 0, in English with --lang en", async () => {
  const r = await run(
    "merge",
    at("template-a.xlsx"),
    at("template-b.xlsx"),
    "--out",
    at("templates.xlsx"),
    "--as-of",
    "2025-12-31",
    "--lang",
    "en",
  );
  expect(r.err).toBe("");
  expect(r.code).toBe(0);
  expect(r.out).toContain("template-a.xlsx: 0 clubs");
});

test("an unreadable input exits 2 naming the file, and nothing is written", async () => {
  const out = at("never.xlsx");
  const report = at("never.json");
  const r = await run(
    "merge",
    at("vu-quang.xlsx"),
    at("broken.xlsx"),
    "--out",
    out,
    "--report",
    report,
  );
  expect(r.code).toBe(2);
  expect(r.err).toMatch(/ishc: Tệp "broken.xlsx": /);
  expect(r.err).toMatch(/ishc: File "broken.xlsx": .*not an Excel \.xlsx workbook/);
  expect(existsSync(out) || existsSync(report)).toBe(false);
  expect(readdirSync(tmp).filter((f) => f.includes(".tmp"))).toEqual([]);
  const missing = await run("merge", at("nowhere.xlsx"), "--out", out);
  expect(missing.code).toBe(2);
  expect(missing.err).toMatch(/File "nowhere.xlsx"/);
});

test("merge refuses to overwrite an input or an existing output, and needs --out", async () => {
  const input = at("vu-quang.xlsx");
  const before = readFileSync(input);
  const over = await run("merge", input, at("huong-khe.xlsx"), "--out", input, "--force");
  expect(over.code).toBe(2);
  expect(over.err).toMatch(/will not overwrite the input file/);
  expect(readFileSync(input)).toEqual(before);
  writeFileSync(at("taken.xlsx"), "x");
  const taken = await run("merge", input, "--out", at("taken.xlsx"));
  expect(taken.code).toBe(2);
  expect(taken.err).toMatch(/add --force/);
  const forced = await run("merge", input, "--out", at("taken.xlsx"), "--force");
  expect(forced.code).toBe(1);
  const noOut = await run("merge", input);
  expect(noOut.code).toBe(2);
  expect(noOut.err).toMatch(/needs --out/);
  const unknown = await run("merge", input, "--out", at("x.xlsx"), "--mapping", "m.json");
  expect(unknown.code).toBe(2);
  expect(unknown.err).toMatch(/unknown option --mapping/);
});
