import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { strFromU8, unzipSync } from "fflate";
import { RawValue } from "../../../src/core/model/cells";
import { GENERATED_NAMES } from "../../../src/core/report/labels";
import { openXlsx } from "../../../src/hosts/xlsx";
import { registerOf } from "../../cli/outputs-helpers";
import { runCli } from "../../helpers/cli-run";
import { rewriteSheet } from "../../helpers/xlsx-edit";
import { writeWorkbook } from "../../helpers/xlsx-fixtures";
import { definedNames, dropOurNames, savedBy } from "../../hosts/round-trips/saved-by";
import { AttackCase, AS_OF, checkRun } from "../attack-case";
import { rowsOf } from "../../helpers/rows";

/**
 * Attack cases on reading: what is ours and what is the user's (see test/attacks/attack-case.ts).
 * A sheet of the user's under one of our names is read as any other and never overwritten; ours
 * that lost their hidden tag (a copy saved by ExcelJS, WPS Office, Google Sheets) are known by
 * their content, rewritten in place, and their review carried.
 */

const SMALL = { mb: 64, seconds: 10 };
const FINDINGS = GENERATED_NAMES.findings;

interface Report {
  findings: {
    id: string;
    rule: string;
    sheet?: string;
    message: string;
    status: string;
    note: string;
  }[];
}
const reportOf = (dir: string): Report =>
  JSON.parse(readFileSync(join(dir, "report.json"), "utf8")) as Report;

/** The sheet names of a package, in order. */
const sheetsOf = (path: string): string[] =>
  [
    ...strFromU8(unzipSync(readFileSync(path))["xl/workbook.xml"]!).matchAll(
      /<sheet\b[^>]*\bname="([^"]+)"/g,
    ),
  ].map((m) => m[1]!);

/** A one-club register (test/cli/outputs-helpers.ts) with one more sheet of the user's. */
async function registerWith(dir: string, name: string, rows: RawValue[][]): Promise<void> {
  const base = join(dir, "base.xlsx");
  await registerOf(base, "VQ-01");
  const wb = openXlsx(new Uint8Array(readFileSync(base)));
  const sheets: Record<string, RawValue[][]> = {};
  for (const s of await wb.listSheets())
    sheets[s.name] = rowsOf(await wb.readSheet(s.name)).map((r) =>
      [...(r ?? [])].map((v) => v ?? null),
    );
  await writeWorkbook(join(dir, "in.xlsx"), { ...sheets, [name]: rows });
}

const MARK = { status: "Cần sửa", note: "Hỏi lại xã" };

/** The stored XML of a sheet's part, by the sheet's name. */
function partOf(path: string, name: string): string {
  const parts = unzipSync(readFileSync(path));
  const wb = strFromU8(parts["xl/workbook.xml"]!);
  const rid = new RegExp(`<sheet\\b[^>]*name="${name}"[^>]*r:id="([^"]+)"`).exec(wb)?.[1];
  const rels = strFromU8(parts["xl/_rels/workbook.xml.rels"]!);
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? "";
  return strFromU8(parts[target.startsWith("/") ? target.slice(1) : `xl/${target}`]!);
}

/** The user's sheet is copied as stored: its part's bytes are the input's. */
function keptAsStored(dir: string, name: string): void {
  if (partOf(join(dir, "in.xlsx"), name) !== partOf(join(dir, "out.xlsx"), name))
    throw new Error(`the user's "${name}" was changed`);
}

/** A register checked once by `ishc`; the id of its first finding. */
async function checkedOnce(dir: string): Promise<string> {
  await registerOf(join(dir, "register.xlsx"), "VQ-01");
  const first = await runCli(
    "check",
    join(dir, "register.xlsx"),
    "--out",
    join(dir, "checked.xlsx"),
    "--report",
    join(dir, "first.json"),
    ...AS_OF,
  );
  if (first.code !== 1) throw new Error(`the first check: exit ${first.code}\n${first.err}`);
  const id = (JSON.parse(readFileSync(join(dir, "first.json"), "utf8")) as Report).findings[0]!.id;
  writeFileSync(join(dir, "mark.json"), JSON.stringify({ id }));
  return id;
}

/** Our sheets rewritten in place (no "(2)"), tagged again, and the review of mark.json carried. */
async function reviewCarried(dir: string): Promise<void> {
  const out = join(dir, "out.xlsx");
  const names = sheetsOf(out);
  const expected = ["CLB", "Thành viên", "Quỹ", ...Object.values(GENERATED_NAMES)];
  if (names.join("|") !== expected.join("|")) throw new Error(`sheets: ${names.join(", ")}`);
  const tags = definedNames(readFileSync(out)).filter((n) => n.includes("ISHC_Generated"));
  if (tags.length !== 3 || !tags.every((t) => t.includes('hidden="1"')))
    throw new Error(`our tags: ${tags.join(" ")}`);
  const { id } = JSON.parse(readFileSync(join(dir, "mark.json"), "utf8")) as { id: string };
  const f = reportOf(dir).findings.find((x) => x.id === id);
  if (f?.status !== "mustFix" || f.note !== MARK.note)
    throw new Error(`the review was not carried to the report: ${JSON.stringify(f)}`);
  const rows = rowsOf(await openXlsx(new Uint8Array(readFileSync(out))).readSheet(FINDINGS));
  const header = rows[1] ?? [];
  const row = rows.find((r) => r?.[header.indexOf("Mã lỗi")] === id);
  const typed = [row?.[header.indexOf("Trạng thái xem xét")], row?.[header.indexOf("Ghi chú")]];
  if (typed.join("|") !== `${MARK.status}|${MARK.note}`)
    throw new Error(`the review was not carried to "${FINDINGS}": ${JSON.stringify(typed)}`);
}

export const CASES: readonly AttackCase[] = [
  {
    id: "user-appendix-not-roadmap",
    what: "a user's sheet named \"Phụ lục\" that is a list of the club's board, not a roadmap",
    async setup(dir) {
      await registerWith(dir, "Phụ lục", [
        ["PHỤ LỤC 1: BAN CHỦ NHIỆM CLB"],
        ["STT", "Họ và tên", "Chức vụ"],
        [1, "Nguyễn Văn An", "Chủ nhiệm"],
      ]);
      return checkRun(dir);
    },
    expect: {
      // The register's own findings decide (its small club fails criteria): not 2.
      exit: 1,
      files: { "out.xlsx": true, "report.json": true },
      check(dir) {
        const skipped = reportOf(dir).findings.find(
          (f) => f.rule === "sheet.skipped" && f.sheet === "Phụ lục",
        );
        if (
          !skipped?.message.startsWith('Sheet "Phụ lục" không được đọc') ||
          !skipped.message.includes("lộ trình")
        )
          throw new Error(`no skipped-sheet note for "Phụ lục": ${JSON.stringify(skipped)}`);
        const names = sheetsOf(join(dir, "out.xlsx"));
        if (!names.includes("Phụ lục (2)")) throw new Error(`sheets: ${names.join(", ")}`);
        keptAsStored(dir, "Phụ lục");
      },
    },
    budget: SMALL,
  },
  {
    id: "checked-copy-tags-removed",
    what: "a checked copy, reviewed, whose hidden tags another program dropped, checked again",
    async setup(dir) {
      const id = await checkedOnce(dir);
      const bytes = new Uint8Array(readFileSync(join(dir, "checked.xlsx")));
      const rows = rowsOf(await openXlsx(bytes).readSheet(FINDINGS)).map((r) =>
        [...(r ?? [])].map((v) => v ?? null),
      );
      const header = rows[1]!;
      const row = rows.find((r) => r[header.indexOf("Mã lỗi")] === id)!;
      row[header.indexOf("Trạng thái xem xét")] = MARK.status;
      row[header.indexOf("Ghi chú")] = MARK.note;
      writeFileSync(
        join(dir, "in.xlsx"),
        savedBy(rewriteSheet(bytes, FINDINGS, rows), [dropOurNames]),
      );
      return checkRun(dir);
    },
    expect: { exit: 1, files: { "out.xlsx": true, "report.json": true }, check: reviewCarried },
    budget: SMALL,
  },
  {
    id: "checked-copy-saved-by-exceljs",
    what: "a checked copy reviewed and saved with ExcelJS (which drops our hidden tags), checked again",
    async setup(dir) {
      const id = await checkedOnce(dir);
      // The review typed and saved by ExcelJS itself, as a script or web app built on it does.
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(join(dir, "checked.xlsx"));
      const ws = wb.getWorksheet(FINDINGS)!;
      const header = (ws.getRow(2).values as unknown[]).map((v) => v);
      let typed = false;
      ws.eachRow((r) => {
        if (r.getCell(header.indexOf("Mã lỗi")).value !== id) return;
        r.getCell(header.indexOf("Trạng thái xem xét")).value = MARK.status;
        r.getCell(header.indexOf("Ghi chú")).value = MARK.note;
        typed = true;
      });
      if (!typed) throw new Error(`no row for ${id} on "${FINDINGS}"`);
      await wb.xlsx.writeFile(join(dir, "in.xlsx"));
      const left = definedNames(readFileSync(join(dir, "in.xlsx"))).filter((n) =>
        n.includes("ISHC_"),
      );
      if (left.length > 0) throw new Error(`ExcelJS kept our tags: ${left.join(" ")}`);
      return checkRun(dir);
    },
    expect: { exit: 1, files: { "out.xlsx": true, "report.json": true }, check: reviewCarried },
    budget: SMALL,
  },
  {
    id: "user-log-with-our-findings-header",
    what: `a user's own log under "${FINDINGS}" with our header copied and no finding ids`,
    async setup(dir) {
      const header = [
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
      const row = (n: number, what: string) =>
        header.map((h) => (h === "STT" ? n : h === "Nội dung" ? what : null));
      await registerWith(dir, FINDINGS, [
        ["DANH SÁCH LỖI"],
        header,
        row(1, "Gọi xã Đức Giang"),
        row(2, "Xin biên bản họp CLB"),
      ]);
      return checkRun(dir);
    },
    expect: {
      exit: 1,
      files: { "out.xlsx": true, "report.json": true },
      check(dir) {
        const names = sheetsOf(join(dir, "out.xlsx"));
        if (!names.includes(`${FINDINGS} (2)`)) throw new Error(`sheets: ${names.join(", ")}`);
        keptAsStored(dir, FINDINGS);
      },
    },
    budget: SMALL,
  },
  {
    id: "user-sheet-named-findings",
    what: `a user's sheet named "${FINDINGS}" holding a to-do list of their own`,
    async setup(dir) {
      await registerWith(dir, FINDINGS, [
        ["Việc cần làm"],
        ["STT", "Việc", "Người làm"],
        [1, "Gọi xã Đức Giang", "Lan"],
      ]);
      return checkRun(dir);
    },
    expect: {
      exit: 1,
      files: { "out.xlsx": true, "report.json": true },
      check(dir) {
        const names = sheetsOf(join(dir, "out.xlsx"));
        if (!names.includes(FINDINGS) || !names.includes(`${FINDINGS} (2)`))
          throw new Error(`sheets: ${names.join(", ")}`);
        keptAsStored(dir, FINDINGS);
        const note = reportOf(dir).findings.find(
          (f) => f.rule === "sheet.skipped" && f.sheet === FINDINGS,
        );
        if (!note?.message.includes(`"${FINDINGS} (2)"`))
          throw new Error(`no note on the user's "${FINDINGS}": ${JSON.stringify(note)}`);
      },
    },
    budget: SMALL,
  },
];
