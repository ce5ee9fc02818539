#!/usr/bin/env node
// `npm run bench:pane`: the pane's file mode on a country-size workbook (10,000 clubs, ~500,000
// members), in headless Chromium at 350 px (Excel's default task pane), against the command line on
// the same file. It prints:
//   - time to results: the click on "Kiểm tra" → the summary in the page (and painted);
//   - the main thread's longest block during the check, and how many tasks took over 50 ms
//     (PerformanceObserver 'longtask', buffered, installed before the page loads);
//   - a review status set from the pane's review controls → the pane saying it is written;
//   - the click on "Tải tệp đã kiểm tra" → the download handed to the browser;
//   - the CLI: `ishc check --report` and `ishc check --out --report` on the same file.
// Figures only: it exits non-zero only when the page failed (an error shown, a step that never
// came, a page error), and prints an "OVER BUDGET" line when the longest block exceeds 200 ms or
// the status change exceeds 1 s. Timing lives here, never in the jest tests (shared machines).
//
// Options: --keep (keep and reuse the sample in $TMPDIR/ishc-bench-pane), --clubs 10000,
// --seed 7, --width 350, --height 700. Chromium: as the tests find it (test/helpers/chromium-path.ts:
// CHROME_PATH, a system Chrome or Chromium, or the @sparticuz/chromium devDependency); no network
// beyond 127.0.0.1 (every other request is aborted).
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const http = require("node:http");
const Module = require("node:module");
const os = require("node:os");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");
const argv = process.argv.slice(2);
const KEEP = argv.includes("--keep");
const valueOf = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
};
const CLUBS = Number(valueOf("clubs", "10000"));
const SEED = Number(valueOf("seed", "7"));
const WIDTH = Number(valueOf("width", "350"));
const HEIGHT = Number(valueOf("height", "700"));
const AS_OF = "2025-12-31";
const LONG_BLOCK_BUDGET_MS = 200;
const STATUS_BUDGET_MS = 1000;
const STEP_TIMEOUT_MS = 15 * 60 * 1000;

// The pane's Vietnamese labels (the pane follows the browser's language: vi-VN).
const L = {
  fileInput: "Tệp .xlsx cần kiểm tra",
  asOf: "Ngày báo cáo",
  check: "Kiểm tra",
  failed: "Không kiểm tra được tệp",
  status: /^Trạng thái xem xét: /,
  statusSaved: 'Đã ghi "Cần sửa"',
  download: "Tải tệp đã kiểm tra",
  // The stages the pane shows while the Worker works: when each first shows splits the time.
  stages: { reading: "Đang đọc tệp…", checking: "Đang kiểm tra…", writing: "Đang ghi…" },
};

const log = (line) => console.error(`[bench:pane] ${line}`);
const ms = (x) => (x === undefined || x === null ? "—" : `${Math.round(x)} ms`);
const s = (x) => (x === undefined || x === null ? "—" : `${(x / 1000).toFixed(1)} s`);

/** test/helpers/chromium-path.ts, transpiled on the fly: the tests' own choice of browser. */
function chromiumHelper() {
  const file = path.join(ROOT, "test/helpers/chromium-path.ts");
  const ts = require("typescript");
  const { outputText } = ts.transpileModule(fs.readFileSync(file, "utf8"), {
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
    },
    fileName: file,
  });
  const m = new Module(file, module);
  m.filename = file;
  m.paths = Module._nodeModulePaths(path.dirname(file));
  m._compile(outputText, file);
  return m.exports;
}

function run(cmd, args, what) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd: ROOT, encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
  const wallMs = Number(process.hrtime.bigint() - t0) / 1e6;
  return { status: r.status, wallMs, stderr: r.stderr || "", stdout: r.stdout || "", what };
}

/** The pane's production build (office.js from the npm copy, so nothing comes from the CDN). */
function buildPane(dir) {
  // Always built: a kept build would measure yesterday's sources.
  log("building the pane (webpack, production)…");
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [ROOT] });
  const r = run(
    process.execPath,
    [cli, "--mode", "production", "--env", "officeJs=local", "--output-path", dir],
    "webpack",
  );
  if (r.status !== 0) {
    throw new Error(`webpack failed (exit ${r.status}):\n${(r.stdout + r.stderr).slice(-3000)}`);
  }
}

const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".css": "text/css",
};

function serve(dir) {
  const server = http.createServer((request, response) => {
    const urlPath = decodeURIComponent(new URL(request.url || "/", "http://x").pathname);
    const file = path.join(dir, urlPath === "/" ? "taskpane.html" : urlPath);
    if (!file.startsWith(dir + path.sep)) return void response.writeHead(403).end();
    fs.readFile(file, (error, body) => {
      if (error) return void response.writeHead(404).end();
      const type = CONTENT_TYPES[path.extname(file)] || "application/octet-stream";
      response.writeHead(200, { "Content-Type": type }).end(body);
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/**
 * Runs in the page before its own scripts: long tasks (buffered), the clicks and changes that
 * start each step (their event time) and the moment each step's result appears in the page.
 */
function instrument(labels) {
  const b = { longtasks: [], marks: {} };
  window.__bench = b;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries())
        b.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch (error) {
    b.longtaskError = String(error);
  }
  const painted = (name) =>
    requestAnimationFrame(() => setTimeout(() => (b.marks[name] = performance.now()), 0));
  document.addEventListener(
    "click",
    (e) => {
      const target = e.target instanceof Element ? e.target : null;
      const button = target && target.closest("button, a");
      if (!button) return;
      const name = (button.textContent || "").trim();
      if (name === labels.check && b.marks.checkClick === undefined)
        b.marks.checkClick = e.timeStamp;
      if (name === labels.download && b.marks.downloadClick === undefined) {
        b.marks.downloadClick = e.timeStamp;
      }
      // The download itself: the anchor the pane clicks with the copy's blob.
      if (button.tagName === "A" && button.hasAttribute("download") && b.marks.downloadClick) {
        b.marks.downloadHanded ??= performance.now();
      }
    },
    true,
  );
  document.addEventListener(
    "change",
    (e) => {
      if (e.target instanceof HTMLSelectElement && b.arm === "status") {
        b.marks.statusChange = e.timeStamp;
        b.arm = null;
      }
    },
    true,
  );
  new MutationObserver(() => {
    if (b.marks.checkClick !== undefined && b.marks.summary === undefined) {
      const shown = document.body.textContent || "";
      for (const [stage, label] of Object.entries(labels.stages))
        if (b.marks[stage] === undefined && shown.includes(label))
          b.marks[stage] = performance.now();
      if (document.querySelector('[data-testid="summary"]')) {
        b.marks.summary = performance.now();
        painted("summaryPainted");
      }
    }
    if (b.marks.statusChange !== undefined && b.marks.statusShown === undefined) {
      if ((document.body.textContent || "").includes(labels.statusSaved)) {
        b.marks.statusShown = performance.now();
        painted("statusPainted");
      }
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

/** Long tasks that started within [from, to]: the longest and how many. */
function blocks(longtasks, from, to) {
  const within = longtasks.filter((t) => t.start >= from - 1 && t.start <= to);
  return {
    longest: within.reduce((m, t) => Math.max(m, t.duration), 0),
    count: within.length,
    total: within.reduce((sum, t) => sum + t.duration, 0),
  };
}

async function paneBench(siteDir, sample) {
  const { chromium } = require("playwright-core");
  const { chromiumLaunchOptions } = chromiumHelper();
  const server = await serve(siteDir);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch(
    await chromiumLaunchOptions([
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ]),
  );
  const errors = [];
  const figures = {};
  try {
    const context = await browser.newContext({
      locale: "vi-VN",
      viewport: { width: WIDTH, height: HEIGHT },
      acceptDownloads: true,
    });
    await context.route("**/*", (route) =>
      new URL(route.request().url()).hostname === "127.0.0.1" ? route.continue() : route.abort(),
    );
    const page = await context.newPage();
    page.setDefaultTimeout(STEP_TIMEOUT_MS);
    page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
    await page.addInitScript(instrument, L);
    await page.goto(`${base}taskpane.html`);
    const marks = () => page.evaluate(() => window.__bench.marks);

    log(`checking ${path.basename(sample)} in the pane at ${WIDTH} px…`);
    await page.getByLabel(L.fileInput).setInputFiles(sample);
    await page.getByLabel(L.asOf).fill(AS_OF);
    await page.getByRole("button", { name: L.check, exact: true }).click();
    const outcome = await Promise.race([
      page
        .getByTestId("summary")
        .waitFor()
        .then(() => "done"),
      page
        .getByText(L.failed)
        .waitFor()
        .then(() => "failed"),
    ]);
    if (outcome === "failed") {
      const why = await page.getByRole("alert").first().textContent();
      throw new Error(`the check failed in the pane: ${why}`);
    }
    // What the page does right after the results (focus, first draw of the lists) counts too.
    await page.waitForTimeout(1000);
    let m = await marks();
    figures.summaryText = await page.getByTestId("summary").textContent();
    figures.toResults = m.summary - m.checkClick;
    figures.toResultsPainted = m.summaryPainted - m.checkClick;
    // Each stage from when it showed to when the next one (or the summary) did.
    const order = ["reading", "checking", "writing", "summary"];
    figures.stages = {};
    for (let i = 0; i + 1 < order.length; i++)
      if (m[order[i]] !== undefined && m[order[i + 1]] !== undefined)
        figures.stages[order[i]] = m[order[i + 1]] - m[order[i]];
    let longtasks = await page.evaluate(() => window.__bench.longtasks);
    figures.longtaskError = await page.evaluate(() => window.__bench.longtaskError);
    figures.checkBlocks = blocks(longtasks, m.checkClick, m.summaryPainted + 1000);

    log("setting a review status…");
    const picker = page.getByRole("combobox", { name: L.status }).first();
    await picker.waitFor();
    await page.evaluate(() => (window.__bench.arm = "status"));
    await picker.selectOption("mustFix");
    await page.getByText(L.statusSaved).first().waitFor();
    await page.waitForTimeout(500);
    m = await marks();
    figures.statusShown = m.statusShown - m.statusChange;
    figures.statusPainted = m.statusPainted - m.statusChange;
    longtasks = await page.evaluate(() => window.__bench.longtasks);
    figures.statusBlocks = blocks(longtasks, m.statusChange, m.statusPainted + 500);

    log("preparing the download…");
    const t0 = Date.now();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: L.download }).click(),
    ]);
    figures.downloadEvent = Date.now() - t0;
    figures.downloadBytes = fs.statSync(await download.path()).size;
    m = await marks();
    figures.downloadHanded =
      m.downloadHanded !== undefined ? m.downloadHanded - m.downloadClick : undefined;
    longtasks = await page.evaluate(() => window.__bench.longtasks);
    figures.downloadBlocks = blocks(
      longtasks,
      m.downloadClick,
      (m.downloadHanded ?? m.downloadClick + figures.downloadEvent) + 200,
    );
    await context.close();
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
  return { figures, errors };
}

function cliBench(sample, dir) {
  const bin = path.join(ROOT, "bin/ishc.js");
  const report = path.join(dir, "report.json");
  const out = path.join(dir, "checked.xlsx");
  log("checking the same file with the command line (report only)…");
  const reportOnly = run(
    process.execPath,
    [bin, "check", sample, "--report", report, "--as-of", AS_OF],
    "check --report",
  );
  log("checking the same file with the command line (checked copy and report)…");
  const both = run(
    process.execPath,
    [bin, "check", sample, "--out", out, "--report", report, "--as-of", AS_OF],
    "check --out --report",
  );
  return [reportOnly, both];
}

async function main() {
  const dir = KEEP
    ? path.join(os.tmpdir(), "ishc-bench-pane")
    : fs.mkdtempSync(path.join(os.tmpdir(), "ishc-bench-pane-"));
  fs.mkdirSync(dir, { recursive: true });
  const sample = path.join(dir, `sample-${CLUBS}-seed${SEED}.xlsx`);
  const siteDir = path.join(dir, "site");
  let failed = false;
  try {
    if (!(KEEP && fs.existsSync(sample))) {
      log(`sample: ${CLUBS} clubs, seed ${SEED}…`);
      const gen = run(
        process.execPath,
        [
          path.join(ROOT, "bin/ishc.js"),
          "sample",
          sample,
          "--clubs",
          CLUBS,
          "--seed",
          SEED,
          "--force",
        ].map(String),
        "sample",
      );
      if (gen.status !== 0) throw new Error(`sample failed (exit ${gen.status}): ${gen.stderr}`);
    }
    buildPane(siteDir);
    const cli = cliBench(sample, dir);
    let pane;
    try {
      pane = await paneBench(siteDir, sample);
    } catch (error) {
      failed = true;
      pane = { figures: null, errors: [String((error && error.stack) || error)] };
    }
    const size = (fs.statSync(sample).size / 2 ** 20).toFixed(1);
    console.log(
      `ISHC Check pane bench (Chromium, ${WIDTH}×${HEIGHT} px, vi-VN; Node ${process.version}, ` +
        `${os.cpus().length} CPU): ${CLUBS} clubs, seed ${SEED}, ${size} MB`,
    );
    const f = pane.figures;
    if (f) {
      console.log(`  summary shown: ${f.summaryText}`);
      console.log(
        `  time to results (click → summary): ${s(f.toResults)} (painted ${s(f.toResultsPainted)})`,
      );
      const st = f.stages;
      console.log(
        `  stages shown: reading ${s(st.reading)}, checking ${s(st.checking)}, writing ${s(st.writing)}`,
      );
      if (f.longtaskError) console.log(`  long tasks unavailable: ${f.longtaskError}`);
      const b = f.checkBlocks;
      console.log(
        `  main thread during the check: longest block ${ms(b.longest)}, ${b.count} tasks > 50 ms ` +
          `(${ms(b.total)} in all)`,
      );
      console.log(
        `  review status → shown: ${ms(f.statusShown)} (painted ${ms(f.statusPainted)}); ` +
          `longest block ${ms(f.statusBlocks.longest)}, ${f.statusBlocks.count} tasks > 50 ms`,
      );
      console.log(
        `  download prepared (click → handed to the browser): ${ms(f.downloadHanded)}; ` +
          `download event ${ms(f.downloadEvent)}, ${(f.downloadBytes / 2 ** 20).toFixed(1)} MB; ` +
          `longest block ${ms(f.downloadBlocks.longest)}, ${f.downloadBlocks.count} tasks > 50 ms`,
      );
      const longest = Math.max(
        f.checkBlocks.longest,
        f.statusBlocks.longest,
        f.downloadBlocks.longest,
      );
      if (longest > LONG_BLOCK_BUDGET_MS) {
        console.log(
          `  OVER BUDGET: the main thread's longest block is ${ms(longest)} ` +
            `(budget ${LONG_BLOCK_BUDGET_MS} ms)`,
        );
      }
      if (!(f.statusPainted <= STATUS_BUDGET_MS)) {
        console.log(
          `  OVER BUDGET: a review status takes ${ms(f.statusPainted)} to show ` +
            `(budget ${STATUS_BUDGET_MS} ms)`,
        );
      }
    }
    for (const e of pane.errors) console.log(`  PAGE FAILED: ${e}`);
    if (pane.errors.length > 0) failed = true;
    for (const c of cli) {
      const ok = c.status === 0 || c.status === 1; // 1: findings of severity error
      console.log(
        `  CLI ${c.what}: ${s(c.wallMs)} (exit ${c.status}${ok ? "" : `: ${c.stderr.trim().split("\n")[0]}`})`,
      );
    }
  } finally {
    if (!KEEP) fs.rmSync(dir, { recursive: true, force: true });
  }
  process.exit(failed ? 1 : 0);
}

// `npm run bench` runs the pane too (browser against CLI): it takes the building and the page.
module.exports = { buildPane, paneBench, chromiumHelper };

if (require.main === module) {
  main().catch((error) => {
    console.error(`[bench:pane] ${(error && error.stack) || error}`);
    process.exit(1);
  });
}
