import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CLUBS_SPEC } from "../../src/core/sheets/specs";
import { writeWorkbook } from "../helpers/xlsx-fixtures";
import { oleFile } from "../hosts/xlsx/fixtures";
import { runCli } from "../helpers/cli-run";

/** The command line end to end on real .xlsx files: outputs, exit codes, and nothing lost. */
const tmp = mkdtempSync(join(tmpdir(), "ishc-cli-"));
const sha = (p: string) => createHash("sha256").update(readFileSync(p)).digest("hex");

const run = runCli;

describe("ishc on real files", () => {
  const sample = join(tmp, "sample.xlsx");

  beforeAll(async () => {
    await writeWorkbook(join(tmp, "noheader.xlsx"), {
      CLB: [CLUBS_SPEC.fields.map((f) => f.header)],
      "Thành viên": [["danh sách"], ["Nguyễn Thị Hoa", 1950]],
    });
    expect((await run("sample", sample, "--clubs", "30", "--seed", "3")).code).toBe(0);
  });

  test("check writes the checked copy and the report, leaves the input untouched, exits 1 on errors", async () => {
    const before = sha(sample);
    const out = join(tmp, "checked.xlsx");
    const report = join(tmp, "report.json");
    const r = await run("check", sample, "--out", out, "--report", report, "--as-of", "2025-12-31");
    expect(r.code).toBe(1);
    expect(sha(sample)).toBe(before);
    const json = JSON.parse(readFileSync(report, "utf8"));
    expect(json.asOf).toBe("2025-12-31");
    expect(json.clubs.length).toBeGreaterThan(20);
    expect(json.findings.some((f: { severity: string }) => f.severity === "error")).toBe(true);
    expect(r.out).toContain(`${json.summary.compliant}/${json.summary.clubs} CLB đạt`);
    // The checked copy can be checked again: the generated sheets are recognised as ours.
    const again = join(tmp, "checked-again.xlsx");
    const r2 = await run(
      "check",
      out,
      "--out",
      again,
      "--report",
      join(tmp, "again.json"),
      "--as-of",
      "2025-12-31",
    );
    expect(r2.code).toBe(1);
    const json2 = JSON.parse(readFileSync(join(tmp, "again.json"), "utf8"));
    // The same findings, now "still" found (the review trail's state), none resolved.
    const found = (j: { findings: { state: string; firstSeen: string }[] }) =>
      j.findings.map(({ state: _state, firstSeen: _firstSeen, ...f }) => f);
    expect(found(json2)).toEqual(found(json));
    expect(new Set(json2.findings.map((f: { state: string }) => f.state))).toEqual(
      new Set(["still"]),
    );
    expect(json2.resolved).toEqual([]);
    expect(readdirSync(tmp).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  test("check --report alone writes the very report a check with a copy writes, and nothing else", async () => {
    const withCopy = join(tmp, "with-copy.json");
    const alone = join(tmp, "alone.json");
    const out = join(tmp, "with-copy.xlsx");
    await run("check", sample, "--out", out, "--report", withCopy, "--as-of", "2025-12-31");
    const r = await run("check", sample, "--report", alone, "--as-of", "2025-12-31");
    expect(r.code).toBe(1);
    expect(readFileSync(alone, "utf8")).toBe(readFileSync(withCopy, "utf8"));
    expect(readdirSync(tmp).filter((f) => f.startsWith("alone"))).toEqual(["alone.json"]);
  });

  test("--lang en writes the report's messages in English", async () => {
    const report = join(tmp, "en.json");
    await run("check", sample, "--report", report, "--as-of", "2025-12-31", "--lang", "en");
    const json = JSON.parse(readFileSync(report, "utf8"));
    expect(json.findings.find((f: { rule: string }) => f.rule === "roadmap.default").message).toBe(
      "No roadmap sheet: the Hà Tĩnh appendix (2020 plan) is used.",
    );
  });

  test("a workbook that passes every check exits 0", async () => {
    const template = join(tmp, "template.xlsx");
    expect((await run("template", template)).code).toBe(0);
    const r = await run(
      "check",
      template,
      "--report",
      join(tmp, "t.json"),
      "--as-of",
      "2025-12-31",
    );
    expect(r.code).toBe(0);
  });

  test.each([
    [
      "not an xlsx file",
      () => writeFileSync(join(tmp, "bad.xlsx"), "Họ và tên,Năm sinh\n"),
      "bad.xlsx",
      /not an Excel \.xlsx workbook/,
    ],
    ["a missing file", () => undefined, "nowhere.xlsx", /Cannot open the file/],
    [
      "a password-protected workbook",
      () => writeFileSync(join(tmp, "locked.xlsx"), oleFile("EncryptionInfo")),
      "locked.xlsx",
      /password/i,
    ],
    [
      "a workbook whose members sheet has no header",
      () => undefined,
      "noheader.xlsx",
      /Sheet "Thành viên": no header row found/,
    ],
  ])("%s exits 2 with a message and no output", async (_name, make, file, message) => {
    make();
    const out = join(tmp, `${file}.out.xlsx`);
    const report = join(tmp, `${file}.json`);
    const r = await run("check", join(tmp, file), "--out", out, "--report", report);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).toMatch(/ishc: .*[ăâđêôơư]/); // the Vietnamese line comes too
    expect(existsSync(out) || existsSync(report)).toBe(false);
  });

  test("rows beyond the stated limit exit 2 without output", async () => {
    const out = join(tmp, "limited.xlsx");
    const r = await run("check", sample, "--out", out, "--max-rows", "100");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Thành viên/);
    expect(existsSync(out)).toBe(false);
  });

  test("--mapping names a sheet's role and columns; a bad mapping exits 2", async () => {
    const input = join(tmp, "odd.xlsx");
    await writeWorkbook(input, {
      CLB: [
        CLUBS_SPEC.fields.map((f) => f.header),
        ["C1", "CLB C1", "Huyện Vũ Quang", "Đức Giang", 2021],
      ],
      "Sổ 2024": [
        ["A", "B", "C", "D"],
        ["C1", "Lê Thị Hoa", "Nữ", 1950],
        ["C1", "Lê Văn Nam", "Nam", 1990],
      ],
    });
    const mapping = join(tmp, "mapping.json");
    const columns = { A: "clubId", B: "name", C: "sex", D: "birth", E: "borrowed" };
    writeFileSync(
      mapping,
      JSON.stringify({ "Sổ 2024": { role: "members", headerRow: 1, columns } }),
    );
    const report = join(tmp, "odd.json");
    const r = await run(
      "check",
      input,
      "--report",
      report,
      "--mapping",
      mapping,
      "--as-of",
      "2025-12-31",
    );
    expect(r.err).toBe("");
    expect(r.code).toBe(1);
    expect(JSON.parse(readFileSync(report, "utf8")).clubs[0]).toMatchObject({
      members: 2,
      women: 1,
      older: 1,
    });
    writeFileSync(mapping, JSON.stringify({ "Sổ 2024": { columns: { A: "gender" } } }));
    const bad = await run("check", input, "--report", join(tmp, "odd2.json"), "--mapping", mapping);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/Column mapping: sheet "Sổ 2024": column "A" -> "gender" is not valid/);
    expect(existsSync(join(tmp, "odd2.json"))).toBe(false);
  });

  test("outputs that cannot all be written: exit 2 before anything is written", async () => {
    const same = join(tmp, "same.out");
    const r1 = await run("check", sample, "--out", same, "--report", same);
    expect(r1.code).toBe(2);
    expect(existsSync(same)).toBe(false);
    const out = join(tmp, "beside-a-folder.xlsx");
    const r2 = await run("check", sample, "--out", out, "--report", tmp);
    expect(r2.code).toBe(2);
    expect(r2.err).toMatch(/is a folder/);
    expect(existsSync(out)).toBe(false);
    const r3 = await run("check", sample, "--out", join(tmp, "no", "such", "dir.xlsx"));
    expect(r3.code).toBe(2);
    expect(r3.err).toMatch(/the folder does not exist/);
  });

  test("an existing output is replaced whole", async () => {
    const out = join(tmp, "replaced.xlsx");
    writeFileSync(out, "old");
    expect((await run("check", sample, "--out", out, "--as-of", "2025-12-31")).code).toBe(1);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe("PK");
    expect(readdirSync(tmp).filter((f) => f.includes("replaced.xlsx."))).toEqual([]);
  });

  test("unknown options and extra arguments are usage errors", async () => {
    const bogus = await run("check", sample, "--report", join(tmp, "b.json"), "--bogus", "1");
    expect(bogus.code).toBe(2);
    expect(bogus.err).toMatch(/unknown option --bogus/);
    const extra = await run("check", sample, "other.xlsx", "--report", join(tmp, "b.json"));
    expect(extra.code).toBe(2);
    expect(extra.err).toMatch(/unexpected argument "other.xlsx"/);
    expect(existsSync(join(tmp, "b.json"))).toBe(false);
  });

  test("the input is never the output", async () => {
    const before = sha(sample);
    const r = await run("check", sample, "--out", sample);
    expect(r.code).toBe(2);
    expect(sha(sample)).toBe(before);
  });

  test("template and sample do not overwrite an existing file without --force", async () => {
    expect((await run("template", sample)).code).toBe(2);
    expect((await run("sample", sample, "--clubs", "2")).code).toBe(2);
  });

  test("the installed bin runs as a separate process with the same exit codes", () => {
    const bin = join(__dirname, "../../bin/ishc.js");
    expect(execFileSync(process.execPath, [bin, "--help"], { encoding: "utf8" })).toContain(
      "ishc check IN.xlsx",
    );
    const report = join(tmp, "bin.json");
    const r = spawnSync(process.execPath, [
      bin,
      "check",
      sample,
      "--report",
      report,
      "--as-of",
      "2025-12-31",
    ]);
    expect(r.status).toBe(1);
    expect(JSON.parse(readFileSync(report, "utf8")).clubs.length).toBeGreaterThan(20);
  });
});
