#!/usr/bin/env node
// `npm run bench:attacks`: every attack case (test/attacks/cases) run as the jest runner runs it,
// a child on the compiled CLI (test/attacks/harness.ts), one at a time so that each run's time and
// peak memory are its own. Prints, per case: its exit, wall time, peak RSS above a bare
// `ishc --help` run, its budget, and OK or OVER; then the suite's size and its heaviest cases.
// Exits non-zero when a case is over its budget, exits other than it expects, or did not run
// (its setup failed, it was killed as hung or died at its heap cap): a figure is only worth
// comparing for a run that did what its case says.
//
// Usage: node scripts/bench-attacks.js [FILTER]   (FILTER: a substring of the ids to run)
// The cases are TypeScript: they are transpiled on load with the typescript devDependency
// (transpileModule, no type check: `npm run typecheck` does that), as bench-pane.js does.
"use strict";
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const ts = require("typescript");

const ROOT = path.resolve(__dirname, "..");
const filter = process.argv[2] ?? "";

/** `require` of .ts files under the repository, transpiled to CommonJS on the fly. */
require.extensions[".ts"] = (module, filename) => {
  const { outputText } = ts.transpileModule(fs.readFileSync(filename, "utf8"), {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      jsx: ts.JsxEmit.ReactJSX,
    },
    fileName: filename,
  });
  module._compile(outputText, filename);
};

const { ATTACK_CASES } = require(path.join(ROOT, "test/attacks/cases/index.ts"));
const harness = require(path.join(ROOT, "test/attacks/harness.ts"));

const fixed = (n, digits) => (n === undefined ? "-" : n.toFixed(digits));

/** Peak RSS of a bare `ishc --help`: Node and the CLI's modules, which every case pays. */
async function bareMb() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ishc-bench-bare-"));
  const peaks = [];
  for (let i = 0; i < 3; i++) {
    const run = await harness.runChild(["--help"], { cwd: dir });
    if (run.code !== 0 || run.peakMb === undefined)
      throw new Error(`ishc --help failed (exit ${run.code}): is build/cli built?\n${run.output}`);
    peaks.push(run.peakMb);
  }
  fs.rmSync(dir, { recursive: true, force: true });
  return peaks.sort((a, b) => a - b)[1];
}

/** What went wrong with a run, or undefined when it did what its case expects. */
function fault(c, o) {
  if (o.setupError !== undefined) return `setup failed: ${o.setupError.message ?? o.setupError}`;
  const child = o.child;
  if (child.hung) return `killed after ${harness.killAfterSeconds(c.budget)} s`;
  if (child.signal !== null) return `ended by ${child.signal}`;
  if (child.code !== c.expect.exit) return `exit ${child.code}, expected ${c.expect.exit}`;
  return undefined;
}

async function main() {
  if (!fs.existsSync(path.join(ROOT, "build/cli/main.js")))
    throw new Error("The CLI is not built: run `npm run build:cli` (npm run bench:attacks does).");
  const cases = ATTACK_CASES.filter((c) => c.id.includes(filter));
  if (cases.length === 0) throw new Error(`No attack case's id contains "${filter}".`);
  const bare = await bareMb();
  console.log(`bare \`ishc --help\`: ${fixed(bare, 1)} MB peak RSS (subtracted below)`);
  console.log(`${cases.length} of ${ATTACK_CASES.length} cases, one at a time\n`);
  const width = Math.max(...cases.map((c) => c.id.length), 4);
  const header = [
    "case".padEnd(width),
    "exit",
    "    s",
    "   MB",
    " budget MB/s",
    "unpacked MB",
    "verdict",
  ];
  console.log(header.join("  "));
  const rows = [];
  for (const c of cases) {
    const o = await harness.runCase(c);
    harness.removeCaseDir(o.dir);
    const seconds = o.child?.seconds;
    const mb = o.child?.peakMb === undefined ? undefined : Math.max(0, o.child.peakMb - bare);
    const problem = fault(c, o);
    const over =
      problem === undefined && (mb > c.budget.mb || seconds > c.budget.seconds)
        ? [mb > c.budget.mb ? "memory" : "", seconds > c.budget.seconds ? "time" : ""]
            .filter(Boolean)
            .join("+")
        : undefined;
    const verdict = problem ?? (over === undefined ? "OK" : `OVER (${over})`);
    rows.push({ c, seconds, mb, verdict, ok: verdict === "OK" });
    console.log(
      [
        c.id.padEnd(width),
        String(o.child?.code ?? o.child?.signal ?? "-").padStart(4),
        fixed(seconds, 1).padStart(5),
        fixed(mb, 0).padStart(5),
        `${c.budget.mb}/${c.budget.seconds}`.padStart(12),
        fixed(o.unpackedMb, 1).padStart(11),
        verdict,
      ].join("  "),
    );
  }
  const measured = rows.filter((r) => r.mb !== undefined);
  const heaviest = (key) => measured.reduce((a, b) => (b[key] > a[key] ? b : a), measured[0]);
  console.log(`\nsuite: ${ATTACK_CASES.length} cases (${rows.length} run)`);
  if (measured.length > 0) {
    const m = heaviest("mb");
    const t = heaviest("seconds");
    console.log(
      `heaviest by memory: ${m.c.id}, ${fixed(m.mb, 0)} MB above bare (budget ${m.c.budget.mb} MB)`,
    );
    console.log(
      `heaviest by time:   ${t.c.id}, ${fixed(t.seconds, 1)} s (budget ${t.c.budget.seconds} s)`,
    );
  }
  const failed = rows.filter((r) => !r.ok);
  if (failed.length > 0) {
    console.log(`\n${failed.length} not OK: ${failed.map((r) => r.c.id).join(", ")}`);
    process.exitCode = 1;
  } else console.log("\nevery case within its budget");
}

main().catch((e) => {
  console.error(e.message ?? e);
  process.exitCode = 2;
});
