#!/usr/bin/env node
// `npm run bench:pane-attacks`: file mode's engine (what the pane's Worker runs: the xlsx host,
// checkWorkbook and the checked copy's bytes, as src/taskpane/run-file-check.ts does) on the
// shapes of issue 14 that once broke the command line:
//   - xfd: a 200-row register whose members sheet has 30,000 rows with one cell in column XFD;
//   - shared: one 1 MB value (one shared string) used by 100 cells of the sex column;
//   - names: 120 members sharing a name of Excel's 32,767 characters.
// Each case runs in a child of its own (the inputs are written first, by the parent), which
// prints its wall and CPU time (the machines are shared: CPU time is the steadier) and peak RSS; a baseline child loads the engine and checks a clean register.
// Figures only: the assertions live in test/taskpane/file-mode-budgets.test.ts. Uses the compiled
// engine in build/ (npm run build:cli first; the npm script does).
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const build = (p) => require(path.join(ROOT, "build", p));
const CELL_MAX = 32767;

/** A child: checks one file as file mode does, prints {ms, rssMb, findings} as JSON. */
async function child(file) {
  const { nativeInflate, openXlsx } = build("hosts/xlsx");
  const { checkWorkbook } = build("hosts/workbook/check-workbook");
  const { DEFAULT_SETTINGS } = build("core/model/settings");
  const bytes = new Uint8Array(fs.readFileSync(file));
  const t0 = process.hrtime.bigint();
  const cpu0 = process.cpuUsage();
  // As run-file-check.ts opens it: big parts through the platform's DecompressionStream.
  const workbook = openXlsx(bytes, undefined, undefined, { inflate: nativeInflate() });
  const { report } = await checkWorkbook(workbook, { ...DEFAULT_SETTINGS, asOf: "2025-12-31" });
  const copy = workbook.toBytes();
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(cpu0);
  const longest = Math.max(0, ...report.findings.map((f) => f.message.length));
  process.stdout.write(
    JSON.stringify({
      ms,
      cpuMs: (cpu.user + cpu.system) / 1000,
      rssMb: process.resourceUsage().maxRSS / 1024,
      findings: report.findings.length,
      longestMessage: longest,
      copyBytes: copy.length,
    }),
  );
}

/** The sheets of a one-club register, headers as the specs name them. */
function register(people) {
  const { CLUBS_SPEC, MEMBERS_SPEC, FUNDS_SPEC } = build("core/sheets/specs");
  const sheetOf = (spec, rows) => {
    const fields = spec.fields.filter((f) => f.required || rows.some((r) => f.key in r));
    return {
      name: spec.names[0],
      rows: [fields.map((f) => f.header), ...rows.map((r) => fields.map((f) => r[f.key] ?? null))],
    };
  };
  const activities = Object.fromEntries(
    build("core/sheets/specs").ACTIVITY_FIELDS.map((f) => [f.key, "Có"]),
  );
  return [
    sheetOf(CLUBS_SPEC, [
      {
        id: "C1",
        name: "CLB C1",
        district: "Huyện Vũ Quang",
        commune: "Đức Giang",
        founded: 2021,
        ...activities,
        wellManaged: "Có",
      },
    ]),
    sheetOf(MEMBERS_SPEC, people),
    sheetOf(FUNDS_SPEC, [{ clubId: "C1", operatingFund: 5e6, incomeFund: 2e7, regulation: "Có" }]),
  ];
}

const members = (n, extra = () => ({})) =>
  Array.from({ length: n }, (_, i) => ({
    clubId: "C1",
    name: `Thành viên C1 ${i + 1}`,
    sex: i < n / 2 ? "Nữ" : "Nam",
    birth: i < 20 ? 1950 : 1990,
    borrowed: i < 50 ? "Có" : "Không",
    ...extra(i),
  }));

async function writeXlsx(file, sheets) {
  const ExcelJS = require("exceljs");
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v;
      }),
    );
  }
  await wb.xlsx.writeFile(file);
}

/** Adds to the members sheet (ExcelJS's sheet2.xml) `rows` rows with one inline cell in XFD. */
function addStrays(file, rows) {
  const { unzipSync, zipSync, strFromU8, strToU8 } = require("fflate");
  const parts = unzipSync(new Uint8Array(fs.readFileSync(file)));
  const part = "xl/worksheets/sheet2.xml";
  const xml = strFromU8(parts[part]);
  const stray = (r) => `<c r="XFD${r}" t="inlineStr"><is><t>lạc ${r}</t></is></c>`;
  let edited = xml
    .replace(/<dimension [^>]*\/>/, "")
    .replace(
      /(<row r="(\d+)"[^>]*>)([\s\S]*?)<\/row>/g,
      (_, open, r, cells) => `${open}${cells}${stray(Number(r))}</row>`,
    );
  const last = Math.max(...[...xml.matchAll(/<row r="(\d+)"/g)].map((m) => Number(m[1])));
  const more = [];
  for (let r = last + 1; r <= rows; r++) more.push(`<row r="${r}">${stray(r)}</row>`);
  edited = edited.replace("</sheetData>", `${more.join("")}</sheetData>`);
  parts[part] = strToU8(edited);
  fs.writeFileSync(file, zipSync(parts));
}

async function main() {
  if (process.argv[2] === "--child") return child(process.argv[3]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ishc-bench-pane-attacks-"));
  const huge = "x".repeat(1024 * 1024);
  const name = `Nguyễn ${"x".repeat(CELL_MAX - 7)}`;
  const cases = [
    { id: "baseline", sheets: register(members(199)) },
    { id: "xfd", sheets: register(members(199)), strays: 30000 },
    { id: "shared", sheets: register(members(150, (i) => (i < 100 ? { sex: huge } : {}))) },
    { id: "names", sheets: register(members(120, () => ({ name }))) },
  ];
  try {
    for (const c of cases) {
      const file = path.join(dir, `${c.id}.xlsx`);
      await writeXlsx(file, c.sheets);
      if (c.strays) addStrays(file, c.strays);
      const size = fs.statSync(file).size;
      const r = spawnSync(process.execPath, [__filename, "--child", file], { encoding: "utf8" });
      if (r.status !== 0) {
        console.log(`${c.id}: failed (exit ${r.status})\n${r.stderr.slice(-2000)}`);
        process.exitCode = 1;
        continue;
      }
      const f = JSON.parse(r.stdout);
      console.log(
        `${c.id.padEnd(8)} file ${(size / 1024).toFixed(0).padStart(5)} KB  ` +
          `${f.ms.toFixed(0).padStart(6)} ms (CPU ${f.cpuMs.toFixed(0).padStart(5)} ms)  peak RSS ${f.rssMb.toFixed(0).padStart(4)} MB  ` +
          `${f.findings} findings, longest message ${f.longestMessage} chars, copy ${(f.copyBytes / 1024).toFixed(0)} KB`,
      );
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
