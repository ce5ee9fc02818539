#!/usr/bin/env node
// `npm run demo`: writes a province-size sample register, checks it with the command line exactly
// as a user would (a child process running bin/ishc.js), and summarises the JSON report. Runs after
// `npm run build:cli`, so it uses the compiled code in build/.
// Then it merges three district-size samples into one provincial workbook (`ishc merge`), as
// provincial staff do with the districts' files.
// Options: --clubs N (default 220, Hà Tĩnh's target), --seed S (default 1).
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const OUT = path.join(ROOT, "out");
const AS_OF = "2025-12-31";
const files = {
  sample: path.join(OUT, "sample.xlsx"),
  checked: path.join(OUT, "sample-checked.xlsx"),
  report: path.join(OUT, "report.json"),
  province: path.join(OUT, "province.xlsx"),
  provinceReport: path.join(OUT, "province-report.json"),
};
/** Three districts' own registers (club-id codes of the sample's units). */
const DISTRICTS = [
  ["VQ", "vu-quang"],
  ["HK", "huong-khe"],
  ["CL", "can-loc"],
].map(([unit, name]) => ({ unit, file: path.join(OUT, `${name}.xlsx`) }));

const EXIT_MEANING = {
  0: "0 — mọi tiêu chí đều đạt / every check passes",
  1: "1 — có phát hiện mức lỗi / there are findings of severity error (expected: the sample has gaps)",
  2: "2 — không đọc được đầu vào / the input could not be read (no output written)",
};

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const n = Number(process.argv[i + 1]);
  if (!Number.isInteger(n)) throw new Error(`--${name} needs an integer`);
  return n;
}

function loadSample() {
  try {
    return require(path.join(ROOT, "build/cli/sample/index.js")).writeSample;
  } catch (err) {
    if (err && err.code === "MODULE_NOT_FOUND") {
      console.error("demo: build/ is missing: run `npm run build:cli` (or `npm run demo`).");
      process.exit(2);
    }
    throw err;
  }
}

/** Findings per rule, commonest first, with their severities: what a supervisor looks at first. */
function summarise(report) {
  const clubs = report.clubs || [];
  const compliant = clubs.filter((c) => c.compliant).length;
  console.log(`\nCLB / clubs: ${clubs.length}, đạt / compliant: ${compliant}`);
  const behind = (report.units || []).filter((u) => u.behind).map((u) => u.unit);
  if (behind.length > 0)
    console.log(`Đơn vị chậm lộ trình / units behind the roadmap: ${behind.join(", ")}`);
  const byRule = new Map();
  for (const f of report.findings || []) {
    const entry = byRule.get(f.rule) || { count: 0, severities: new Set() };
    entry.count++;
    entry.severities.add(f.severity);
    byRule.set(f.rule, entry);
  }
  const rows = [...byRule].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0]));
  console.log(`Phát hiện / findings: ${(report.findings || []).length}`);
  const width = Math.max(4, ...rows.map(([rule]) => rule.length));
  for (const [rule, { count, severities }] of rows) {
    console.log(
      `  ${rule.padEnd(width)}  ${String(count).padStart(6)}  ${[...severities].join(", ")}`,
    );
  }
}

async function run() {
  const writeSample = loadSample();
  const clubs = option("clubs", 220);
  const seed = option("seed", 1);
  // Stale outputs would be summarised as if this run had written them.
  for (const f of [files.checked, files.report, files.province, files.provinceReport])
    fs.rmSync(f, { force: true });
  const started = process.hrtime.bigint();
  const s = await writeSample(files.sample, { clubs, seed, asOf: AS_OF });
  const secs = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(
    `Mẫu / sample: ${s.clubs} CLB, ${s.members} dòng thành viên / member rows, ${secs.toFixed(1)} s`,
  );

  const args = [
    "check",
    files.sample,
    "--out",
    files.checked,
    "--report",
    files.report,
    "--as-of",
    AS_OF,
  ];
  console.log(`\n$ node bin/ishc.js ${args.map((a) => path.relative(ROOT, a) || a).join(" ")}`);
  const child = spawnSync(process.execPath, [path.join(ROOT, "bin/ishc.js"), ...args], {
    cwd: ROOT,
    stdio: "inherit",
  });
  const status = child.status;
  console.log(
    `\nMã thoát / exit status: ${EXIT_MEANING[status] || `${status} (${child.signal || child.error || "unexpected"})`}`,
  );

  if (fs.existsSync(files.report)) summarise(JSON.parse(fs.readFileSync(files.report, "utf8")));

  // The province: three district files merged and checked as one.
  for (const [k, d] of DISTRICTS.entries())
    await writeSample(d.file, { clubs: 17, seed: seed + 100 + k, asOf: AS_OF, units: [d.unit] });
  const mergeArgs = [
    "merge",
    ...DISTRICTS.map((d) => d.file),
    "--out",
    files.province,
    "--report",
    files.provinceReport,
    "--as-of",
    AS_OF,
    "--force",
  ];
  console.log(
    `\n$ node bin/ishc.js ${mergeArgs.map((a) => path.relative(ROOT, a) || a).join(" ")}`,
  );
  const merge = spawnSync(process.execPath, [path.join(ROOT, "bin/ishc.js"), ...mergeArgs], {
    cwd: ROOT,
    stdio: "inherit",
  });
  console.log("\nTệp / files:");
  for (const f of Object.values(files)) {
    const size = fs.existsSync(f)
      ? `${(fs.statSync(f).size / 1024).toFixed(0)} KB`
      : "không có / not written";
    console.log(`  ${path.relative(ROOT, f)}  (${size})`);
  }
  // Findings are the point of the demo: only a failed check (2 or a crash) fails the demo.
  const ok = (s) => s === 0 || s === 1;
  process.exitCode = ok(status) && ok(merge.status) ? 0 : (ok(status) ? merge.status : status) || 1;
}

run().catch((err) => {
  console.error(err);
  process.exitCode = 2;
});
