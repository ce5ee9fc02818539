import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openXlsx } from "../../src/hosts/xlsx";
import { asXlsx, keptWorkbook } from "../helpers/kept-registers";
import { writeWorkbook } from "../helpers/xlsx-fixtures";
import { club, clubsSheet, fund, fundsSheet, members, membersSheet } from "../helpers/registers";
import { runCli } from "../helpers/cli-run";
import { rowsOf as allRows } from "../helpers/rows";

/** `ishc merge` on real files: the provincial workbook, the report's sources, exit codes. */
const tmp = mkdtempSync(join(tmpdir(), "ishc-merge-"));
const at = (name: string) => join(tmp, name);

const run = runCli;

const rowsOf = (s: ReturnType<typeof clubsSheet>) =>
  allRows(s).map((r) => [...(r ?? [])].map((v) => v ?? null));

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
  expect(
    rowsOf(clubs)
      .slice(1)
      .map((row) => row!.at(-2)),
  ).toEqual([
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
  const unknown = await run("merge", input, "--out", at("x.xlsx"), "--sheet", "CLB");
  expect(unknown.code).toBe(2);
  expect(unknown.err).toMatch(/unknown option --sheet/);
});

describe("--mapping, per input file", () => {
  /** Can Loc's member list: a title row, then "Phái" (an old word for sex) as a header. */
  beforeAll(async () => {
    const sheet = membersSheet(members("CL-01", 4, 3, 2, 2));
    const header = sheet.rows.at(0)!.map((h) => (h === "Giới tính" ? "Phái" : (h ?? null)));
    await writeWorkbook(at("Can Loc.xlsx"), {
      CLB: rowsOf(clubsSheet([club("CL-01", { district: "Huyện Can Lộc" })])),
      "Thành viên": [["Sổ theo dõi thành viên CLB"], header, ...rowsOf(sheet).slice(1)],
    });
  });
  const sexColumn = () => {
    const header = membersSheet(members("CL-01", 1, 1, 1, 1)).rows.at(0)!;
    return String.fromCharCode(65 + header.indexOf("Giới tính"));
  };
  const mappingFile = (name: string, value: unknown) => {
    writeFileSync(at(name), JSON.stringify(value));
    return at(name);
  };

  test("a file whose header is not recognised exits 2 naming it, and merges with its mapping", async () => {
    const out = at("mapped.xlsx");
    const report = at("mapped.json");
    const inputs = [at("huong-khe.xlsx"), at("Can Loc.xlsx")];
    const without = await run("merge", ...inputs, "--out", out, "--report", report);
    expect(without.code).toBe(2);
    expect(without.err).toMatch(/ishc: Tệp "Can Loc.xlsx": .*"Giới tính"/);
    expect(without.err).toMatch(/ishc: File "Can Loc.xlsx": /);
    expect(existsSync(out) || existsSync(report)).toBe(false);

    const mapping = mappingFile("mappings.json", {
      "Can Loc.xlsx": {
        "Thành viên": { role: "members", headerRow: 2, columns: { [sexColumn()]: "sex" } },
      },
    });
    const r = await run(
      "merge",
      ...inputs,
      "--out",
      out,
      "--report",
      report,
      "--mapping",
      mapping,
      "--as-of",
      "2025-12-31",
    );
    expect(r.err).toBe("");
    expect(r.code).toBe(1);
    const json = JSON.parse(readFileSync(report, "utf8"));
    expect(json.sources).toEqual([
      { file: "huong-khe.xlsx", clubs: 2, members: 4, funds: 1, roadmapUnits: 0 },
      { file: "Can Loc.xlsx", clubs: 1, members: 4, funds: 0, roadmapUnits: 0 },
    ]);
    const merged = await openXlsx(readFileSync(out)).readSheet("Thành viên");
    const header = merged.rows.at(0)!;
    const canLoc = rowsOf(merged).filter((row) => row?.includes("Can Loc.xlsx"));
    expect(canLoc.map((row) => row![header.indexOf("Giới tính")])).toEqual([
      "Nữ",
      "Nữ",
      "Nữ",
      "Nam",
    ]);
  });

  test("a key that names no input file, or a bad mapping, exits 2 naming it", async () => {
    const inputs = [at("huong-khe.xlsx"), at("Can Loc.xlsx")];
    const out = at("never-mapped.xlsx");
    const stray = mappingFile("stray.json", { "Ky Anh.xlsx": { CLB: { headerRow: 1 } } });
    const r1 = await run("merge", ...inputs, "--out", out, "--mapping", stray);
    expect(r1.code).toBe(2);
    expect(r1.err).toMatch(/"Ky Anh.xlsx" không phải tệp đầu vào nào \/ is not one of the input/);
    const bad = mappingFile("bad.json", {
      "Can Loc.xlsx": { "Thành viên": { columns: { C: "gender" } } },
    });
    const r2 = await run("merge", ...inputs, "--out", out, "--mapping", bad);
    expect(r2.code).toBe(2);
    expect(r2.err).toMatch(
      /file "Can Loc.xlsx": Column mapping: sheet "Thành viên": column "C" -> "gender" is not valid/,
    );
    expect(r2.err).toMatch(/tệp "Can Loc.xlsx": Bảng ánh xạ cột: sheet "Thành viên"/);
    const list = mappingFile("list.json", [{ CLB: {} }]);
    const r3 = await run("merge", ...inputs, "--out", out, "--mapping", list);
    expect(r3.code).toBe(2);
    expect(r3.err).toMatch(/expected a JSON object \{ "file name.xlsx"/);
    expect(existsSync(out)).toBe(false);
  });
});
