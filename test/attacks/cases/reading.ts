import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { RawValue } from "../../../src/core/model/cells";
import { GENERATED_NAMES } from "../../../src/core/report/labels";
import { openXlsx } from "../../../src/hosts/xlsx";
import { registerOf } from "../../cli/outputs-helpers";
import { runCli } from "../../helpers/cli-run";
import { rewriteSheet } from "../../helpers/xlsx-edit";
import { writeWorkbook } from "../../helpers/xlsx-fixtures";
import { dropOurNames, savedBy } from "../../hosts/round-trips/saved-by";
import { AttackCase, AttackRun } from "../attack-case";

/**
 * Attack cases on reading: what is ours and what is the user's (see test/attacks/attack-case.ts).
 * A sheet of the user's under one of our names is read as any other and never overwritten; ours
 * that lost their hidden tag (a copy saved by ExcelJS, WPS Office, Google Sheets) are known by
 * their content, rewritten in place, and their review carried.
 */

const SMALL = { mb: 64, seconds: 10 };
const AS_OF = ["--as-of", "2025-12-31"];
const FINDINGS = GENERATED_NAMES.findings;

const check = (dir: string): AttackRun => ({
  args: [
    "check",
    join(dir, "in.xlsx"),
    "--out",
    join(dir, "out.xlsx"),
    "--report",
    join(dir, "report.json"),
    ...AS_OF,
  ],
});

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
    sheets[s.name] = (await wb.readSheet(s.name)).rows.map((r) =>
      [...(r ?? [])].map((v) => v ?? null),
    );
  await writeWorkbook(join(dir, "in.xlsx"), { ...sheets, [name]: rows });
}

const MARK = { status: "Cần sửa", note: "Hỏi lại xã" };

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
      return check(dir);
    },
    expect: {
      // The register's own findings decide (its small club fails criteria): not 2.
      exit: 1,
      files: { "out.xlsx": true, "report.json": true },
      check(dir) {
        const skipped = reportOf(dir).findings.find(
          (f) => f.rule === "sheet.skipped" && f.sheet === "Phụ lục",
        );
        if (!skipped?.message.includes("lộ trình"))
          throw new Error(`no skipped-sheet note for "Phụ lục": ${JSON.stringify(skipped)}`);
        const names = sheetsOf(join(dir, "out.xlsx"));
        if (!names.includes("Phụ lục (2)")) throw new Error(`sheets: ${names.join(", ")}`);
      },
    },
    budget: SMALL,
  },
  {
    id: "checked-copy-tags-removed",
    what: "a checked copy, reviewed, whose hidden tags another program dropped, checked again",
    async setup(dir) {
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
      const id = (JSON.parse(readFileSync(join(dir, "first.json"), "utf8")) as Report).findings[0]!
        .id;
      const bytes = new Uint8Array(readFileSync(join(dir, "checked.xlsx")));
      const rows = (await openXlsx(bytes).readSheet(FINDINGS)).rows.map((r) =>
        [...(r ?? [])].map((v) => v ?? null),
      );
      const header = rows[1]!;
      const row = rows.find((r) => r[header.indexOf("Mã lỗi")] === id)!;
      row[header.indexOf("Trạng thái xem xét")] = MARK.status;
      row[header.indexOf("Ghi chú")] = MARK.note;
      writeFileSync(join(dir, "mark.json"), JSON.stringify({ id }));
      writeFileSync(
        join(dir, "in.xlsx"),
        savedBy(rewriteSheet(bytes, FINDINGS, rows), [dropOurNames]),
      );
      return check(dir);
    },
    expect: {
      exit: 1,
      files: { "out.xlsx": true, "report.json": true },
      check(dir) {
        const names = sheetsOf(join(dir, "out.xlsx"));
        const expected = ["CLB", "Thành viên", "Quỹ", ...Object.values(GENERATED_NAMES)];
        if (names.join("|") !== expected.join("|")) throw new Error(`sheets: ${names.join(", ")}`);
        const { id } = JSON.parse(readFileSync(join(dir, "mark.json"), "utf8")) as { id: string };
        const f = reportOf(dir).findings.find((x) => x.id === id);
        if (f?.status !== "mustFix" || f.note !== MARK.note)
          throw new Error(`the review was not carried: ${JSON.stringify(f)}`);
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
      return check(dir);
    },
    expect: {
      exit: 1,
      files: { "out.xlsx": true, "report.json": true },
      check(dir) {
        const names = sheetsOf(join(dir, "out.xlsx"));
        if (!names.includes(FINDINGS) || !names.includes(`${FINDINGS} (2)`))
          throw new Error(`sheets: ${names.join(", ")}`);
        // The user's sheet is copied as stored: its part's bytes are the input's.
        const partOf = (path: string): string => {
          const parts = unzipSync(readFileSync(path));
          const wb = strFromU8(parts["xl/workbook.xml"]!);
          const rid = new RegExp(`<sheet\\b[^>]*name="${FINDINGS}"[^>]*r:id="([^"]+)"`).exec(
            wb,
          )?.[1];
          const rels = strFromU8(parts["xl/_rels/workbook.xml.rels"]!);
          const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? "";
          return strFromU8(parts[target.startsWith("/") ? target.slice(1) : `xl/${target}`]!);
        };
        if (partOf(join(dir, "in.xlsx")) !== partOf(join(dir, "out.xlsx")))
          throw new Error(`the user's "${FINDINGS}" was changed`);
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
