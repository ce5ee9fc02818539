#!/usr/bin/env node
// Makes test/fixtures/round-trips/: checked copies that an auditor reviewed and then saved through
// LibreOffice, which CI cannot run (and must not install). Run by hand where LibreOffice is
// installed (`apt-get install libreoffice-calc-nogui`), after `npm run build:cli`:
//
//   node scripts/make-round-trip-fixtures.js
//
// Steps: `ishc sample` writes a small register; `ishc check` checks it; the auditor's review
// (statuses, notes, a review day) is typed onto the findings sheet in two ways, as Excel would
// save it (a raw XML edit: every part, our hidden tags included, kept) and with ExcelJS (which
// drops sheet-scoped names, our tags among them); each is then opened and saved by LibreOffice
// headless (soffice --convert-to xlsx). What was typed, and what a check must read back, is written
// beside the files in round-trips.json: the ground truth the test asserts against, never our
// reader's output. See test/fixtures/round-trips/README.md.
"use strict";
const { execFileSync, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { strFromU8, strToU8, unzipSync, zipSync } = require("fflate");
const ExcelJS = require("exceljs");

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "test", "fixtures", "round-trips");
const ISHC = path.join(ROOT, "bin", "ishc.js");
const AS_OF = "2025-12-31";
const SAMPLE = { clubs: 2, seed: 7 };
const FINDINGS = "Danh sách lỗi";

/** The review of the first finding of each of three rules: what is typed, what must be read. */
const MARKS = [
  {
    typed: { status: "Chấp nhận", note: "Xã đã giải trình", day: "15/01/2026" },
    expect: { status: "accepted", note: "Xã đã giải trình", reviewedOn: "2026-01-15" },
  },
  {
    typed: { status: "Cần sửa", note: "", day: null },
    expect: { status: "mustFix", note: "" },
  },
  {
    typed: { status: null, note: "Hỏi lại huyện", day: null },
    expect: { status: "open", note: "Hỏi lại huyện" },
  },
];
/** Columns of the findings sheet (src/core/review/columns.ts): status, note, review day, id. */
const COL = { status: "H", note: "I", day: "J", id: "M" };

const run = (args) => {
  const r = spawnSync(process.execPath, [ISHC, ...args], { encoding: "utf8" });
  if (r.status !== 0 && r.status !== 1)
    throw new Error(`ishc ${args.join(" ")}: exit ${r.status}\n${r.stdout}${r.stderr}`);
  return r;
};

const escapeXml = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** The findings sheet's part in a package of ours (its relationship from workbook.xml). */
function findingsPart(parts) {
  const wb = strFromU8(parts["xl/workbook.xml"]);
  const rels = strFromU8(parts["xl/_rels/workbook.xml.rels"]);
  const sheet = new RegExp(`<sheet [^>]*name="${FINDINGS}"[^>]*>`).exec(wb)[0];
  const id = /r:id="([^"]+)"/.exec(sheet)[1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`)
    .exec(rels)
    .slice(1)
    .find(Boolean);
  return target.startsWith("/") ? target.slice(1) : `xl/${target}`;
}

/** As Excel saves a typed cell: the cell's element replaced, every other byte of the part kept. */
function typeRaw(checked, marks) {
  const parts = unzipSync(new Uint8Array(fs.readFileSync(checked)));
  const part = findingsPart(parts);
  let xml = strFromU8(parts[part]);
  for (const m of marks) {
    const row = new RegExp(`<row r="(\\d+)"[^>]*>(?:(?!</row>).)*>${escapeXml(m.id)}<`).exec(xml);
    if (!row) throw new Error(`no row for ${m.id}`);
    const r = row[1];
    const put = (col, text) => {
      if (text === null) return;
      const cell = new RegExp(`<c r="${col}${r}"[^>]*?(?:/>|>.*?</c>)`);
      if (!cell.test(xml)) throw new Error(`no cell ${col}${r}`);
      xml = xml.replace(
        cell,
        `<c r="${col}${r}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(text)}</t></is></c>`,
      );
    };
    put(COL.status, m.typed.status);
    put(COL.note, m.typed.note);
    put(COL.day, m.typed.day);
  }
  parts[part] = strToU8(xml);
  return Buffer.from(zipSync(parts));
}

/** As a script or a web app built on ExcelJS saves it: the whole package rewritten by ExcelJS. */
async function typeExcelJs(checked, marks) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(checked);
  const ws = wb.getWorksheet(FINDINGS);
  for (const m of marks) {
    let row;
    ws.eachRow((r) => {
      if (r.getCell(COL.id).value === m.id) row = r;
    });
    if (!row) throw new Error(`no row for ${m.id}`);
    if (m.typed.status !== null) row.getCell(COL.status).value = m.typed.status;
    if (m.typed.note !== null) row.getCell(COL.note).value = m.typed.note;
    if (m.typed.day !== null) {
      // A date typed into a date cell: ExcelJS stores it as a serial with a date format.
      const [d, mo, y] = m.typed.day.split("/").map(Number);
      row.getCell(COL.day).value = new Date(Date.UTC(y, mo - 1, d));
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Opens and saves the file with LibreOffice headless, in a scratch profile. */
function throughLibreOffice(input, dir) {
  const out = path.join(dir, "lo");
  fs.mkdirSync(out, { recursive: true });
  execFileSync("soffice", ["--headless", "--convert-to", "xlsx", "--outdir", out, input], {
    env: { ...process.env, HOME: path.join(dir, "home") },
    stdio: "pipe",
  });
  return fs.readFileSync(path.join(out, path.basename(input)));
}

async function main() {
  const version = execFileSync("soffice", ["--version"], { encoding: "utf8" }).trim();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ishc-round-trips-"));
  const sample = path.join(dir, "sample.xlsx");
  const checked = path.join(dir, "checked.xlsx");
  const report = path.join(dir, "report.json");
  run(["sample", sample, "--clubs", String(SAMPLE.clubs), "--seed", String(SAMPLE.seed)]);
  run(["check", sample, "--out", checked, "--report", report, "--as-of", AS_OF]);
  const first = JSON.parse(fs.readFileSync(report, "utf8"));
  const rules = [...new Set(first.findings.map((f) => f.rule))];
  if (rules.length < MARKS.length) throw new Error("the sample has too few rules: change the seed");
  const marks = MARKS.map((m, i) => {
    const f = first.findings.find((x) => x.rule === rules[i]);
    return { ...m, rule: f.rule, id: f.id };
  });
  const sheets = [
    ...strFromU8(unzipSync(new Uint8Array(fs.readFileSync(checked)))["xl/workbook.xml"]).matchAll(
      /<sheet [^>]*name="([^"]+)"/g,
    ),
  ].map((m) => m[1]);

  const variants = {
    "libreoffice.xlsx": {
      typed: "raw XML edit of the findings sheet (as Excel saves it: our hidden tags kept)",
      bytes: typeRaw(checked, marks),
    },
    "exceljs-then-libreoffice.xlsx": {
      typed: "ExcelJS 4.4.0 (readFile, cell values, writeFile: our hidden tags dropped)",
      bytes: await typeExcelJs(checked, marks),
    },
  };
  fs.mkdirSync(OUT, { recursive: true });
  const files = {};
  for (const [name, v] of Object.entries(variants)) {
    const typedFile = path.join(dir, name);
    fs.writeFileSync(typedFile, v.bytes);
    fs.writeFileSync(path.join(OUT, name), throughLibreOffice(typedFile, dir));
    files[name] = { typed: v.typed, saved: version };
  }
  const truth = {
    made: "node scripts/make-round-trip-fixtures.js",
    libreoffice: version,
    sample: SAMPLE,
    asOf: AS_OF,
    sheets,
    findings: first.findings.length,
    errors: first.summary.findings.error,
    files,
    marks: marks.map((m) => ({ id: m.id, rule: m.rule, typed: m.typed, expect: m.expect })),
  };
  const truthFile = path.join(OUT, "round-trips.json");
  fs.writeFileSync(truthFile, `${JSON.stringify(truth, null, 2)}\n`);
  // Formatted as the repository's files are, so that a file made again differs only where it must.
  execFileSync(
    process.execPath,
    [require.resolve("prettier/bin/prettier.cjs"), "--write", truthFile],
    {
      stdio: "pipe",
    },
  );
  fs.rmSync(dir, { recursive: true, force: true });
  process.stdout.write(`${Object.keys(files).join(", ")} written to ${OUT} (${version})\n`);
}

main().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(1);
});
