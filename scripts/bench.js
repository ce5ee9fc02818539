#!/usr/bin/env node
// `npm run bench`: how the check scales from the province (220 clubs, ~13,000 members) to the
// country (10,000 clubs, ~600,000 members), measured against a floor: ExcelJS's streaming read of
// the same file, which any reader of an .xlsx must at least pay. Each step runs in its own child
// process so that its peak memory (maxRSS) is its own.
// Then the province's merge: MERGE_FILES district-size workbooks (different seeds) merged into one
// provincial workbook and checked, against checking the same files one by one.
// On the largest size, the pane's file mode in headless Chromium (scripts/bench-pane.js: the click on
// "Kiểm tra" to the summary, then the checked copy prepared for download) runs in turn with them,
// against the CLI's `check --out --report` on the same file.
// Options: --keep (reuse samples in $TMPDIR/ishc-bench), --clubs 220,10000, --seed 1,
// --merge-files 13 (0 skips the merge), --merge-clubs 17 (clubs per district file), --runs 3 (the
// floor and the check alternate this many times on each size; the best of each is shown, so that
// both meet the machine in the same state), --no-pane (skip the browser).
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const argv = process.argv.slice(2);
const KEEP = argv.includes("--keep");
const valueOf = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const SIZES = valueOf("clubs", "220,10000").split(",").map(Number);
const SEED = Number(valueOf("seed", "1"));
const MERGE_FILES = Number(valueOf("merge-files", "13"));
const MERGE_CLUBS = Number(valueOf("merge-clubs", "17"));
const RUNS = Math.max(1, Number(valueOf("runs", "3")));
const PANE = !argv.includes("--no-pane");

/**
 * Runs in the child (`node -e`): one step, then a marker line with its own figures. JS memory (heap
 * plus external buffers, where a zip reader keeps its bytes) is sampled every 20 ms since V8 keeps
 * no peak; maxRSS is the kernel's own peak for the process.
 */
function child() {
  const [mode, file, ...rest] = process.argv.slice(1);
  const root = process.env.BENCH_ROOT;
  let heapPeak = 0;
  const sample = () => {
    const m = process.memoryUsage();
    heapPeak = Math.max(heapPeak, m.heapUsed + m.external);
  };
  setInterval(sample, 20).unref();
  const t0 = process.hrtime.bigint();
  const steps = {
    sample: () =>
      require(`${root}/build/cli/sample/index.js`).writeSample(file, {
        clubs: Number(rest[0]),
        seed: Number(rest[1]),
        ...(rest[2] ? { units: [rest[2]] } : {}),
      }),
    check: () => require(`${root}/build/cli/main.js`).main(["check", file, ...rest]),
    // `file` is the output here; the inputs follow it, then "--".
    merge: () => {
      const end = rest.indexOf("--");
      const inputs = rest.slice(0, end);
      const options = rest.slice(end + 1);
      return require(`${root}/build/cli/main.js`).main([
        "merge",
        ...inputs,
        "--out",
        file,
        ...options,
      ]);
    },
    // The floor: the leanest honest use of ExcelJS's streaming reader, every sheet's rows taken as
    // their `values` arrays (no per-cell callbacks), shared strings and styles cached (a reader
    // that cannot tell a date from a number has not really read the file).
    floor: async () => {
      const ExcelJS = require(`${root}/node_modules/exceljs`);
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
        sharedStrings: "cache",
        styles: "cache",
      });
      const rows = {};
      let cells = 0;
      for await (const ws of reader) {
        let n = 0;
        for await (const row of ws) {
          cells += row.values.length;
          n++;
        }
        rows[ws.name] = n;
      }
      return { rows, cells };
    },
  };
  Promise.resolve()
    .then(steps[mode])
    .then(
      (result) => {
        sample();
        const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
        const cpu = process.cpuUsage();
        const figures = {
          wallMs,
          cpuMs: (cpu.user + cpu.system) / 1000,
          maxRSS: process.resourceUsage().maxRSS * 1024,
          heapPeak,
          result,
        };
        process.stdout.write(`\n@@bench ${JSON.stringify(figures)}\n`);
        process.exit(typeof result === "number" ? result : 0);
      },
      (err) => {
        process.stderr.write(`${(err && err.stack) || err}\n`);
        process.exit(3);
      },
    );
}

function measure(mode, ...args) {
  const run = spawnSync(process.execPath, ["-e", `(${child})()`, mode, ...args.map(String)], {
    cwd: ROOT,
    env: { ...process.env, BENCH_ROOT: ROOT },
    encoding: "utf8",
    maxBuffer: 64 * 2 ** 20,
  });
  const marker = (run.stdout || "").split("\n").find((l) => l.startsWith("@@bench "));
  if (!marker) {
    const why =
      (run.stderr || "").trim().split("\n").slice(0, 3).join(" | ") || `exit ${run.status}`;
    return { ok: false, status: run.status, why };
  }
  return { ok: true, status: run.status, ...JSON.parse(marker.slice("@@bench ".length)) };
}

/** The fastest of a step's runs (its own peak memory with it); a failed run if all failed. */
const best = (runs) =>
  runs.filter((m) => m.ok).sort((a, b) => a.wallMs - b.wallMs)[0] ?? runs[runs.length - 1];

const MB = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
const S = (ms) => `${(ms / 1000).toFixed(1)} s`;
const ratio = (a, b) => (a && b ? `${(a / b).toFixed(1)}×` : "—");

/** The province's merge: district files merged and checked as one, against checking each. */
function mergeBench(dir, lines, row) {
  const files = [];
  let members = 0;
  // One file per district, as the province receives them (13 units in Hà Tĩnh).
  const units = require(`${ROOT}/build/cli/sample/places.js`).UNIT_PLACES.map((p) => p.code);
  for (let k = 0; k < MERGE_FILES; k++) {
    const unit = units[k % units.length];
    const file = path.join(dir, `district-${unit}-${MERGE_CLUBS}-seed${SEED + k}.xlsx`);
    if (!(KEEP && fs.existsSync(file))) {
      const gen = measure("sample", file, MERGE_CLUBS, SEED + k, unit);
      if (!gen.ok) throw new Error(`sample failed: ${gen.why}`);
    }
    files.push(file);
  }
  console.error(`[bench] check ${MERGE_FILES} district files one by one…`);
  let each = { wallMs: 0, cpuMs: 0, maxRSS: 0, ok: true };
  for (const file of files) {
    const m = measure("check", file, "--report", path.join(dir, "report-district.json"));
    if (!m.ok) each = { ...each, ok: false, status: m.status, why: m.why };
    else
      each = {
        ...each,
        wallMs: each.wallMs + m.wallMs,
        cpuMs: each.cpuMs + m.cpuMs,
        maxRSS: Math.max(each.maxRSS, m.maxRSS),
      };
  }
  console.error(`[bench] merge ${MERGE_FILES} district files…`);
  const out = path.join(dir, "province.xlsx");
  const report = path.join(dir, "report-province.json");
  const merge = measure("merge", out, ...files, "--", "--report", report, "--force");
  if (merge.ok && fs.existsSync(report)) {
    const r = JSON.parse(fs.readFileSync(report, "utf8"));
    members = (r.sources || []).reduce((n, s) => n + (s.members || 0), 0);
  }
  // The merged workbook checked again as a file of its own: what the merge costs beyond a check.
  console.error(`[bench] check the merged workbook…`);
  const merged = merge.ok
    ? measure("check", out, "--report", path.join(dir, "report-merged.json"))
    : { ok: false, why: "no merged workbook" };
  lines.push(
    "",
    `merge: ${MERGE_FILES} district files × ${MERGE_CLUBS} CLB / clubs, ${members} member rows`,
  );
  row(["step", "wall", "cpu", "peak RSS", "", "note"]);
  const S2 = (m) => (m.ok ? [S(m.wallMs), S(m.cpuMs), MB(m.maxRSS)] : ["—", "—", "—"]);
  row([
    "check each (sum)",
    ...S2(each),
    "",
    each.ok ? "largest RSS of one" : `failed: ${each.why}`,
  ]);
  row([
    "merge + check",
    ...S2(merge),
    "",
    merge.ok ? `exit ${merge.status}` : `failed: ${merge.why}`,
  ]);
  row([
    "check merged file",
    ...S2(merged),
    "",
    merged.ok ? `exit ${merged.status}` : `failed: ${merged.why}`,
  ]);
  // The merge against checking each file, and against checking the merged workbook alone.
  const against = (name, other) =>
    merge.ok &&
    other.ok &&
    row([name, ratio(merge.wallMs, other.wallMs), ratio(merge.cpuMs, other.cpuMs), "", "", ""]);
  against("merge / each", each);
  against("merge / merged", merged);
}

/**
 * The pane's production build and a browser, or null (said in the output) when there is none: the
 * rest of the bench needs neither.
 */
async function preparePane(dir, lines) {
  try {
    const site = path.join(dir, "site");
    const pane = require("./bench-pane.js");
    // Finding a browser first: no point building the pane for nothing.
    await pane.chromiumHelper().findBrowser();
    pane.buildPane(site);
    return { ...pane, site };
  } catch (error) {
    lines.push(
      "",
      `browser file mode: not measured (${String(error.message || error).split("\n")[0]})`,
    );
    return null;
  }
}

/** One check in the pane: the click to the summary, then the download's preparation. */
async function paneRun(pane, file) {
  try {
    const { figures, errors } = await pane.paneBench(pane.site, file);
    if (errors.length > 0) return { ok: false, why: errors[0] };
    const wallMs = figures.toResults + (figures.downloadHanded ?? figures.downloadEvent);
    return { ok: true, wallMs, figures };
  } catch (error) {
    return { ok: false, why: String(error.message || error).split("\n")[0] };
  }
}

/** The pane's best run against the CLI's best `check --out --report` on the same file. */
function showPane(panes, check, row) {
  const p = best(panes);
  if (!p.ok) return row(["pane (Chromium)", "—", "—", "—", "—", `failed: ${p.why}`]);
  const f = p.figures;
  row([
    "pane (Chromium)",
    S(p.wallMs),
    "",
    "",
    "",
    `results ${S(f.toResults)} + download ${S(f.downloadHanded ?? f.downloadEvent)}`,
  ]);
  if (check.ok) row(["pane / check", ratio(p.wallMs, check.wallMs), "", "", "", "same file"]);
}

async function main() {
  const dir = KEEP
    ? path.join(os.tmpdir(), "ishc-bench")
    : fs.mkdtempSync(path.join(os.tmpdir(), "ishc-bench-"));
  fs.mkdirSync(dir, { recursive: true });
  const lines = [];
  const row = (cells) =>
    lines.push("  " + cells.map((c, i) => String(c).padEnd([21, 9, 9, 10, 15, 0][i])).join(" "));
  const pane = PANE ? await preparePane(dir, lines) : null;
  try {
    for (const clubs of SIZES) {
      const file = path.join(dir, `sample-${clubs}-seed${SEED}.xlsx`);
      let gen = null;
      if (!(KEEP && fs.existsSync(file))) {
        console.error(`[bench] sample ${clubs} clubs…`);
        gen = measure("sample", file, clubs, SEED);
        if (!gen.ok) throw new Error(`sample failed: ${gen.why}`);
      }
      const out = path.join(dir, `checked-${clubs}.xlsx`);
      const floors = [];
      const checks = [];
      const withPane = pane && clubs === Math.max(...SIZES);
      const panes = [];
      for (let run = 1; run <= RUNS; run++) {
        console.error(
          `[bench] ${clubs} clubs, run ${run}/${RUNS}: floor, check${withPane ? ", pane" : ""}…`,
        );
        floors.push(measure("floor", file));
        checks.push(
          measure(
            "check",
            file,
            "--out",
            out,
            "--report",
            path.join(dir, `report-${clubs}.json`),
            "--as-of",
            "2025-12-31",
          ),
        );
        if (withPane) panes.push(await paneRun(pane, file));
      }
      const floor = best(floors);
      const check = best(checks);
      const members = floor.ok ? (floor.result.rows["Thành viên"] || 1) - 1 : "?";
      lines.push(
        "",
        `${clubs} CLB / clubs: ${(fs.statSync(file).size / 2 ** 20).toFixed(1)} MB, ${members} member rows`,
      );
      row(["step", "wall", "cpu", "peak RSS", "peak heap+ext", "note"]);
      const show = (name, m, note) =>
        m.ok
          ? row([name, S(m.wallMs), S(m.cpuMs), MB(m.maxRSS), MB(m.heapPeak), note])
          : row([name, "—", "—", "—", "—", `failed (exit ${m.status}): ${m.why}`]);
      if (gen) show("sample (write)", gen, "streaming writer");
      show("floor (stream read)", floor, floor.ok ? `${floor.result.cells} values` : "");
      show("check", check, check.ok ? `exit ${check.status}` : "");
      if (floor.ok && check.ok) {
        row([
          "check / floor",
          ratio(check.wallMs, floor.wallMs),
          ratio(check.cpuMs, floor.cpuMs),
          ratio(check.maxRSS, floor.maxRSS),
          ratio(check.heapPeak, floor.heapPeak),
          "",
        ]);
      }
      if (withPane) showPane(panes, check, row);
    }
    if (MERGE_FILES > 0) mergeBench(dir, lines, row);
  } finally {
    if (!KEEP) fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(
    `ISHC Check bench (Node ${process.version}, ${os.cpus().length} CPU, seed ${SEED}, best of ${RUNS} alternating runs)`,
  );
  console.log(lines.join("\n"));
}

main().catch((error) => {
  console.error(`[bench] ${(error && error.stack) || error}`);
  process.exit(1);
});
