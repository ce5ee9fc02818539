#!/usr/bin/env node
// The xlsx byte scanner, timed on its own: how long the tokenizer and parsers in src/hosts/xlsx
// take over parts already inflated (so the figures are the scanner's, not fflate's), plus a whole
// `ishc check` for the overall picture. Compares builds, alternating them run by run so that drift
// of the machine (other jobs, thermal) falls on both alike.
//
//   npm run build:cli && node scripts/bench-scanner.js [--file F.xlsx] [--builds a,b] [--runs 5]
//        [--sheet "Thành viên"] [--no-check]
//
// F.xlsx defaults to $TMPDIR/country.xlsx (`ishc sample F.xlsx --clubs 10000 --seed 7`, about
// 600,000 member rows); --builds are compiled trees (default build/; another one: `npx tsc -p
// tsconfig.cli.json --outDir DIR`, with node_modules reachable from DIR). Each run of each build
// is its own child process, and within it each step is timed 3 times after a warm-up, keeping
// the fastest. Steps:
//   sst       SharedStringsParser over sharedStrings.xml
//   members   SheetParser over the members sheet (the hot path)
//   read      XlsxWorkbook.readSheet on the members sheet, inflating included
//   small     childElements/attributes over workbook, styles and rels parts, ×200
//   tail      sheetDataEnd on the members bytes + editTail with 5,000 highlights, ×20
//   check     `ishc check F --report … --out …`, wall time of the whole child
"use strict";
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");

const ROOT = path.resolve(__dirname, "..");

function child(build, file, sheetName) {
  const x = (m) => require(path.resolve(build, "hosts/xlsx", m));
  const { Package } = x("package.js");
  const { DEFAULT_XLSX_LIMITS } = x("errors.js");
  const { readWorkbook } = x("workbook-parts.js");
  const { inflateEntry, Budget } = x("inflate.js");
  const { concat } = x("stream.js");
  const { SharedStringsParser } = x("shared-strings.js");
  const { SheetParser } = x("sheet-reader.js");
  const { sheetDataEnd, editTail } = x("highlights.js");
  const { childElements, rootElement, children, attributes } = x("xml.js");
  const { openXlsx } = x("index.js");

  const bytes = new Uint8Array(fs.readFileSync(file));
  const limits = { ...DEFAULT_XLSX_LIMITS, maxPartBytes: 2 ** 31, maxUnpackedBytes: 2 ** 32 };
  const pkg = new Package(bytes, limits);
  const wb = readWorkbook(pkg);
  const chunksOf = (part) => {
    const chunks = [];
    inflateEntry(bytes, pkg.entry(part), new Budget(limits), (c) => chunks.push(c));
    return chunks;
  };
  // streamParse's carrying of unconsumed bytes, over chunks inflated beforehand.
  const feed = (parser, chunks) => {
    let pending = [];
    let length = 0;
    let wait = 0;
    const run = (final) => {
      const buf = concat(pending, length);
      const used = parser.feed(buf, final);
      pending = used < buf.length ? [buf.subarray(used)] : [];
      length = buf.length - used;
      wait = used === 0 ? buf.length * 2 : 0;
    };
    for (const c of chunks) {
      pending.push(c);
      length += c.length;
      if (length >= wait) run(false);
    }
    run(true);
    return parser;
  };
  const time = (fn) => {
    fn(); // warm-up
    let best = Infinity;
    let result;
    for (let i = 0; i < 3; i++) {
      global.gc?.();
      const t0 = process.hrtime.bigint();
      result = fn();
      best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
    }
    return { ms: best, result };
  };

  const sstRel = wb.rels.find((r) => r.type.endsWith("/sharedStrings"));
  const sstChunks = chunksOf(sstRel.target);
  const sheet = wb.sheets.find((s) => s.name === sheetName);
  const memberChunks = chunksOf(sheet.part);
  const memberBytes = concat(
    memberChunks,
    memberChunks.reduce((n, c) => n + c.length, 0),
  );
  const figures = {};

  const sst = time(() => feed(new SharedStringsParser(sstRel.target), sstChunks).strings);
  figures.sst = sst.ms;
  const strings = sst.result;
  const members = time(
    () => feed(new SheetParser(sheet.name, sheet.part, 2 ** 20, strings), memberChunks).rows,
  );
  figures.members = members.ms;
  figures.rows = members.result.length;
  figures.read = time(() => openXlsx(bytes, limits).readSheet(sheet.name)).ms;

  const small = ["xl/workbook.xml", "xl/styles.xml", "xl/_rels/workbook.xml.rels"].map((p) =>
    pkg.text(p),
  );
  figures.small = time(() => {
    let n = 0;
    for (let i = 0; i < 200; i++)
      for (const xml of small) {
        const root = rootElement(xml);
        for (const el of children(xml, root)) {
          n += attributes(xml, el).size;
          n += childElements(xml, el.openEnd, el.closeStart).length;
        }
      }
    return n;
  }).ms;

  const highlights = Array.from({ length: 5000 }, (_, i) => ({
    sheet: sheet.name,
    cell: `E${2 + i * 97}`,
    severity: i % 3 ? "warning" : "error",
  }));
  figures.tail = time(() => {
    let out = "";
    for (let i = 0; i < 20; i++) {
      const cut = sheetDataEnd(memberBytes);
      out = editTail(new TextDecoder().decode(memberBytes.subarray(cut)), highlights, () => 0);
    }
    return out.length;
  }).ms;
  process.stdout.write(`@@scan ${JSON.stringify(figures)}\n`);
}

function checkChild(build, file, dir) {
  const t0 = process.hrtime.bigint();
  require(path.resolve(build, "cli/main.js"))
    .main(["check", file, "--report", path.join(dir, "r.json"), "--out", path.join(dir, "o.xlsx")])
    .then((code) => {
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      process.stdout.write(`@@scan ${JSON.stringify({ check: ms, exit: code })}\n`);
    });
}

function spawn(args) {
  const run = spawnSync(process.execPath, ["--expose-gc", __filename, ...args], {
    cwd: ROOT,
    encoding: "utf8",
    maxBuffer: 64 * 2 ** 20,
  });
  const line = (run.stdout || "").split("\n").find((l) => l.startsWith("@@scan "));
  if (!line) throw new Error(`child failed (${run.status}): ${(run.stderr || "").slice(0, 2000)}`);
  return JSON.parse(line.slice(7));
}

function main(argv) {
  const opt = (name, fallback) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
  };
  const file = path.resolve(opt("file", path.join(os.tmpdir(), "country.xlsx")));
  const builds = opt("builds", "build")
    .split(",")
    .map((b) => path.resolve(ROOT, b));
  const runs = Number(opt("runs", "5"));
  const sheet = opt("sheet", "Thành viên");
  const check = !argv.includes("--no-check");
  if (!fs.existsSync(file))
    throw new Error(`${file} is missing: node bin/ishc.js sample ${file} --clubs 10000 --seed 7`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ishc-scan-"));
  const all = builds.map(() => []);
  try {
    for (let r = 0; r < runs; r++)
      for (let k = 0; k < builds.length; k++) {
        // Alternate the order too, so neither build always runs first after a pause.
        const b = r % 2 ? builds.length - 1 - k : k;
        const figures = spawn(["--child", builds[b], file, sheet]);
        if (check) Object.assign(figures, spawn(["--check", builds[b], file, dir]));
        all[b].push(figures);
        console.error(`[${r + 1}/${runs}] ${path.basename(builds[b])} ${JSON.stringify(figures)}`);
      }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const keys = ["sst", "members", "read", "small", "tail", ...(check ? ["check"] : [])];
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`scanner bench: ${path.basename(file)}, ${runs} runs, Node ${process.version}`);
  console.log(`  ${"step".padEnd(9)}${builds.map((b) => path.basename(b).padStart(44)).join("")}`);
  for (const key of keys) {
    const cells = all.map((runsOf) => {
      const xs = runsOf.map((f) => f[key]);
      return `${median(xs).toFixed(0)} ms [${xs.map((v) => v.toFixed(0)).join(" ")}]`.padStart(44);
    });
    console.log(`  ${key.padEnd(9)}${cells.join("")}`);
  }
}

const [mode, ...rest] = process.argv.slice(2);
if (mode === "--child") child(...rest);
else if (mode === "--check") checkChild(...rest);
else main(process.argv.slice(2));
