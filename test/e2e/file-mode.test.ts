/**
 * The pane's file mode in a real browser: the development build served from 127.0.0.1, opened
 * in headless Chromium (playwright-core, which never downloads one: test/helpers/chromium-path.ts
 * picks CHROME_PATH, a system Chrome or the npm package's Chromium). It opens a
 * generated sample, checks it and downloads the checked copy, and the figures shown and the
 * workbook downloaded must be those of the same check run in Node. The file mode's interface and
 * its engine (xlsx host + check) are chunks of their own, fetched only outside Excel.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { Browser } from "playwright-core";
import { writeSample } from "../../src/cli/sample";
import { InputError } from "../../src/core/model/errors";
import { DEFAULT_SETTINGS, Settings } from "../../src/core/model/settings";
import { checkWorkbook, CheckOutcome } from "../../src/hosts/workbook/check-workbook";
import { localIsoDay } from "../../src/core/model/dates";
import { openXlsx } from "../../src/hosts/xlsx";
import { roadmapChartDataOfReport } from "../../src/core/report/roadmap-chart";
import {
  ARTIFACTS,
  BUILD_TIMEOUT,
  Session,
  Site,
  baseUrl,
  closeServer,
  launch,
  offlineContext,
  outside,
  runAxe,
  serve,
  site as buildSite,
} from "./site";
import { rowsOf } from "../helpers/rows";

const AS_OF = "2025-12-31";
const SETTINGS: Settings = { ...DEFAULT_SETTINGS, asOf: AS_OF, ageLine: 60, lang: "vi" };
const INPUT_SHEETS = ["CLB", "Thành viên", "Quỹ"];
const GENERATED = ["results", "appendix", "findings"];
const STAGES = ["Đang đọc tệp…", "Đang kiểm tra…", "Đang ghi…"];
// office.js's telemetry frame (toolchain.md): the test aborts it, as offline, and the pane must
// not need it.
const TELEMETRY = /^https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\//;

let work: string;
let built: Site;
let site: string;
let server: Server;
let base: string;
let browser: Browser;
let samplePath: string;
/** A province and more: a check long enough to cancel in the middle. */
let largePath: string;
let sampleBytes: Uint8Array;
let expected: CheckOutcome;
let expectedBytes: Uint8Array;

async function checkInNode(bytes: Uint8Array): Promise<{ outcome: CheckOutcome; out: Uint8Array }> {
  const workbook = openXlsx(bytes);
  // Dated like the file mode's run (the review trail's first-found day): today.
  const outcome = await checkWorkbook(
    workbook,
    SETTINGS,
    {},
    { checkedOn: localIsoDay(new Date()) },
  );
  return { outcome, out: workbook.toBytes() };
}

beforeAll(async () => {
  // First, so that a missing browser says so before the build's seconds.
  browser = await launch();
  work = mkdtempSync(path.join(os.tmpdir(), "ishc-e2e-"));
  samplePath = path.join(work, "sample.xlsx");
  await writeSample(samplePath, { clubs: 12, seed: 5, asOf: AS_OF });
  largePath = path.join(work, "large.xlsx");
  await writeSample(largePath, { clubs: 2000, seed: 9, asOf: AS_OF });
  sampleBytes = new Uint8Array(readFileSync(samplePath));
  ({ outcome: expected, out: expectedBytes } = await checkInNode(sampleBytes));
  built = await buildSite();
  site = built.dir;
  server = await serve(site);
  base = baseUrl(server);
}, BUILD_TIMEOUT);

afterAll(async () => {
  await browser?.close();
  await closeServer(server);
  built?.dispose();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A fresh browser context in which nothing beyond 127.0.0.1 is reachable. */
async function open(locale: string): Promise<Session> {
  const { context, page, requests } = await offlineContext(browser, {
    locale,
    acceptDownloads: true,
  });
  // Records each progress stage the pane shows, in order, however briefly.
  await page.addInitScript((stages: string[]) => {
    const seen: string[] = [];
    Object.assign(window, { ishcStages: seen });
    new MutationObserver(() => {
      const text = document.body?.textContent ?? "";
      for (const stage of stages) {
        if (text.includes(stage) && seen[seen.length - 1] !== stage) seen.push(stage);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  }, STAGES);
  await page.goto(`${base}taskpane.html`);
  return { context, page, requests };
}

describe("the build", () => {
  test("keeps the xlsx host out of the taskpane entry, in a chunk of its own", () => {
    const scripts = readdirSync(site).filter((f) => f.endsWith(".js"));
    const entry = readFileSync(path.join(site, "taskpane.js"), "utf8");
    // The Office path's engine (the Office host and the check) is a chunk of its own; the xlsx
    // host and fflate are file mode's alone.
    expect(entry).not.toContain("src/hosts/xlsx/");
    expect(entry).not.toContain("node_modules/fflate");
    const officeEngine = readFileSync(path.join(site, "excel-engine.js"), "utf8");
    expect(officeEngine).toContain("src/hosts/office/office-workbook.ts");
    expect(officeEngine).not.toContain("src/hosts/xlsx/");
    const chunks = scripts
      .filter((f) => !["taskpane.js", "commands.js", "message.js"].includes(f))
      .map((f) => readFileSync(path.join(site, f), "utf8"));
    expect(chunks.some((code) => code.includes("src/hosts/xlsx/xlsx-workbook.ts"))).toBe(true);
    expect(chunks.some((code) => code.includes("node_modules/fflate"))).toBe(true);
  });
});

describe("file mode in Chromium", () => {
  test("checks a workbook like the command line and downloads the checked copy", async () => {
    const { context, page, requests } = await open("vi-VN");
    try {
      await page.getByRole("button", { name: "Mở tệp .xlsx" }).waitFor();
      // The engine is fetched only once a check starts, and then by its Worker alone.
      const engine = (chunk: string) => requests.some((url) => url.includes(chunk));
      expect(engine("engine-worker")).toBe(false);
      await page.getByLabel("Tệp .xlsx cần kiểm tra").setInputFiles(samplePath);
      await page.getByLabel("Ngày báo cáo").fill(AS_OF);
      await page.getByLabel("Tuổi tính là người cao tuổi").selectOption("60");
      await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();

      const { summary } = expected.report;
      expect(summary.clubs + summary.closedClubs).toBe(12);
      await expect(page.getByTestId("summary").textContent({ timeout: 30_000 })).resolves.toBe(
        `${summary.compliant}/${summary.clubs} CLB đạt; ${summary.findings.error} lỗi, ` +
          `${summary.findings.warning} cảnh báo`,
      );
      expect(engine("engine-worker")).toBe(true);
      expect(engine("file-check")).toBe(false);
      // The keyboard's focus is on the summary: the results start where the user is.
      await expect(
        page.evaluate(() => document.activeElement?.getAttribute("data-testid")),
      ).resolves.toBe("summary-section");
      await expect(
        page.evaluate(() => (window as unknown as { ishcStages: string[] }).ishcStages),
      ).resolves.toEqual(STAGES);

      // Every club's row, the failing ones first, with its failed criteria, as the report has them.
      const rows = await page
        .locator("[data-club]")
        .evaluateAll((items) =>
          items.map((row) => [row.getAttribute("data-club"), row.getAttribute("data-failed")]),
        );
      const clubs = expected.report.clubs;
      expect(rows).toEqual(
        [...clubs.filter((c) => !c.compliant), ...clubs.filter((c) => c.compliant)].map((c) => [
          c.id,
          c.failed.join(" "),
        ]),
      );
      const failing = clubs.find((c) => c.failed.length > 0);
      expect(failing).toBeDefined();
      const failingRow = page.locator(`[data-club="${failing?.id}"]`);
      await expect(failingRow.getByText("Chưa đạt").count()).resolves.toBe(1);
      // A club opens to its figures, in Vietnamese number formats.
      await failingRow.getByRole("button").click();
      const ratio = failing!.womenRatio!;
      await expect(failingRow.textContent()).resolves.toContain(
        `(${(Math.round(ratio * 1000) / 10).toString().replace(".", ",")} %)`,
      );
      const rules = await page
        .locator("[data-rule]")
        .evaluateAll((items) => items.map((item) => item.getAttribute("data-rule")));
      expect(new Set(rules)).toEqual(new Set(expected.report.findings.map((f) => f.rule)));

      // The roadmap chart: two bars per unit of the Node check's chart, with its numbers, and the
      // same numbers in the table screen readers get.
      const chartData = roadmapChartDataOfReport(expected.report, "vi");
      expect(chartData.title).toBe("Kế hoạch và thực hiện lũy kế đến năm 2025");
      expect(chartData.units.length).toBeGreaterThan(0);
      const chart = page.getByRole("img", { name: chartData.title });
      await chart.waitFor();
      await expect(chart.getAttribute("aria-label")).resolves.toMatch(
        new RegExp(`^${chartData.title}`),
      );
      await expect(chart.isVisible()).resolves.toBe(true);
      const bars = await chart
        .locator("rect[data-series]")
        .evaluateAll((rects) =>
          rects.map((r) => [r.getAttribute("data-series"), Number(r.getAttribute("data-value"))]),
        );
      expect(bars).toHaveLength(2 * chartData.units.length);
      expect(bars).toEqual(
        chartData.units.flatMap((u) => [
          ["plan", u.plan],
          ["actual", u.actual],
        ]),
      );
      const table = await page
        .getByRole("table", { name: chartData.title })
        .locator("tbody tr")
        .evaluateAll((trs) =>
          trs.map((tr) => [...tr.children].map((cell) => cell.textContent ?? "")),
        );
      expect(table).toEqual(chartData.units.map((u) => [u.unit, String(u.plan), String(u.actual)]));
      mkdirSync(ARTIFACTS, { recursive: true });
      await chart.screenshot({ path: path.join(ARTIFACTS, "roadmap-chart.png") });

      // The review filter: on a first check every finding is new and none is marked "Cần sửa".
      const filter = page.getByLabel("Lọc theo trạng thái xem xét");
      const options = await filter.locator("option").allTextContents();
      expect(options).toContain(`Mới (lần kiểm tra này) (${expected.report.findings.length})`);
      expect(options).toContain(`Tất cả, trừ đã hết (${expected.report.findings.length})`);
      expect(options).toContain("Cần sửa (0)");
      await filter.selectOption({ label: "Cần sửa (0)" });
      await page.getByText("Không có lỗi nào ở trạng thái này.").waitFor();
      await expect(page.locator("[data-rule]").count()).resolves.toBe(0);
      await filter.selectOption("all");
      // The list is drawn again after the change: waited for (a count taken at once raced it on a
      // loaded machine, 14 of 21), then counted.
      await page
        .waitForFunction(
          (n) => document.querySelectorAll("[data-rule]").length === n,
          rules.length,
          {
            timeout: 10_000,
          },
        )
        .catch(() => undefined);
      await expect(page.locator("[data-rule]").count()).resolves.toBe(rules.length);

      // Accessibility on the real rendering (colour contrast included), with one group open.
      if ((await page.locator('[data-rule][aria-expanded="true"]').count()) === 0)
        await page.locator("[data-rule]").first().click();
      await page.addScriptTag({ path: require.resolve("axe-core/axe.min.js") });
      const { violations } = await page.evaluate(runAxe);
      expect(violations).toEqual([]);
      // The artefact: the pane with the results of the check, for a person to look at.
      await page.screenshot({
        path: path.join(ARTIFACTS, "file-mode-results.png"),
        fullPage: true,
      });

      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Tải tệp đã kiểm tra" }).click(),
      ]);
      expect(download.suggestedFilename()).toBe("sample-checked.xlsx");
      const downloaded = new Uint8Array(readFileSync(await download.path()));
      expect(downloaded).toEqual(expectedBytes);

      const checked = openXlsx(downloaded);
      const generated = (await checked.listSheets()).flatMap((s) =>
        s.generated ? [s.generated] : [],
      );
      expect(generated.sort()).toEqual([...GENERATED].sort());
      const original = openXlsx(sampleBytes);
      for (const name of INPUT_SHEETS) {
        expect(await checked.readSheet(name)).toEqual(await original.readSheet(name));
      }

      // The auditor sets a status in the pane: it goes into the checked copy's findings sheet.
      const pickers = page.getByRole("combobox", { name: /^Trạng thái xem xét: .+![A-Z]+\d+$/ });
      // Groups are opened until one lists a finding with a cell (the first open may not).
      for (let i = 0; (await pickers.count()) === 0; i++) {
        await page.locator('[data-rule][aria-expanded="false"]').first().click();
        expect(i).toBeLessThan(rules.length);
      }
      const picker = pickers.first();
      const where = /^Trạng thái xem xét: (.+)!([A-Z]+\d+)$/.exec(
        (await picker.getAttribute("aria-label")) ?? "",
      )!;
      await picker.selectOption("mustFix");
      await page
        .getByText(/^Đã ghi "Cần sửa" vào sheet Danh sách lỗi của bản đã kiểm tra/)
        .waitFor();
      expect(await filter.locator("option").allTextContents()).toContain("Cần sửa (1)");
      // Not downloaded yet: the pane says so, and leaving the page asks first.
      await page.getByTestId("marks-pending").waitFor();
      const leaving = new Promise<string>((resolve) =>
        page.once("dialog", (dialog) => {
          resolve(dialog.type());
          void dialog.dismiss();
        }),
      );
      await page.close({ runBeforeUnload: true });
      await expect(leaving).resolves.toBe("beforeunload");
      expect(page.isClosed()).toBe(false);
      const [again] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Tải tệp đã kiểm tra" }).click(),
      ]);
      const marked = openXlsx(new Uint8Array(readFileSync(await again.path())));
      // Downloaded: nothing left to lose.
      await expect(page.getByTestId("marks-pending").count()).resolves.toBe(0);
      const trail = rowsOf(await marked.readSheet("Danh sách lỗi")).map((r) => [...(r ?? [])]);
      const head = trail[1]!;
      const at = (h: string) => head.indexOf(h);
      const row = trail.find((r) => r[at("Sheet")] === where[1] && r[at("Ô")] === where[2])!;
      expect(row[at("Trạng thái xem xét")]).toBe("Cần sửa");
      expect(typeof row[at("Ngày xem xét")]).toBe("number");
      for (const name of INPUT_SHEETS) {
        expect(await marked.readSheet(name)).toEqual(await original.readSheet(name));
      }

      expect(outside(requests).filter((url) => !TELEMETRY.test(url))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test("a bigger workbook's copy is deflated with helper Workers, to Node's very bytes", async () => {
    // 2,000 clubs: the member sheet and the findings sheet are big parts, cut into runs that the
    // engine's Worker shares with its helpers (src/taskpane/worker/deflate-pool.ts).
    const largeBytes = new Uint8Array(readFileSync(largePath));
    const { out: nodeBytes } = await checkInNode(largeBytes);
    const { context, page } = await open("vi-VN");
    // Workers the page's Workers start are reported on the page (their requests are not).
    const workers: string[] = [];
    page.on("worker", (worker) => workers.push(worker.url()));
    try {
      await page.getByLabel("Tệp .xlsx cần kiểm tra").setInputFiles(largePath);
      await page.getByLabel("Ngày báo cáo").fill(AS_OF);
      await page.getByLabel("Tuổi tính là người cao tuổi").selectOption("60");
      await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
      await page.getByTestId("summary").waitFor({ timeout: 120_000 });
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("button", { name: "Tải tệp đã kiểm tra" }).click(),
      ]);
      const downloaded = new Uint8Array(readFileSync(await download.path()));
      expect(Buffer.compare(downloaded, nodeBytes)).toBe(0);
      // Helpers run where a core is spare (none on a one-core machine: the same bytes, later).
      const cores = await page.evaluate(() => navigator.hardwareConcurrency);
      expect(workers.some((url) => url.includes("deflate-worker"))).toBe(cores > 1);
    } finally {
      await context.close();
    }
  });

  test("Cancel stops a check in its Worker at once, and the page stays answering", async () => {
    const { context, page } = await open("vi-VN");
    try {
      await page.getByLabel("Tệp .xlsx cần kiểm tra").setInputFiles(largePath);
      await page.getByLabel("Ngày báo cáo").fill(AS_OF);
      await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
      // The progress moves: the stage after reading is shown while the Worker works.
      await page.getByText("Đang kiểm tra…").waitFor({ timeout: 60_000 });
      await expect(page.getByRole("progressbar").count()).resolves.toBe(1);
      await page.getByRole("button", { name: "Hủy" }).click();
      await page.getByText("Đã hủy kiểm tra. Tệp không thay đổi.").waitFor({ timeout: 5_000 });
      await expect(page.getByRole("progressbar").count()).resolves.toBe(0);
      // Nothing of the ended check turns up later.
      await page.waitForTimeout(1_000);
      await expect(page.getByTestId("summary").count()).resolves.toBe(0);
      // And a new check runs in a new Worker.
      await page.getByLabel("Tệp .xlsx cần kiểm tra").setInputFiles(samplePath);
      await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
      await page.getByTestId("summary").waitFor({ timeout: 30_000 });
    } finally {
      await context.close();
    }
  });

  test("speaks English when the browser does", async () => {
    const { context, page } = await open("en-US");
    try {
      await page.getByLabel("The .xlsx file to check").setInputFiles(samplePath);
      await page.getByLabel("Reference date").fill(AS_OF);
      await page.getByRole("button", { name: "Check", exact: true }).click();
      const { summary } = expected.report;
      await expect(page.getByTestId("summary").textContent({ timeout: 30_000 })).resolves.toBe(
        `${summary.compliant}/${summary.clubs} clubs pass; ${summary.findings.error} errors, ` +
          `${summary.findings.warning} warnings`,
      );
      await page.getByRole("button", { name: "Download checked workbook" }).waitFor();
    } finally {
      await context.close();
    }
  });

  test("shows why a file that is not a workbook cannot be checked", async () => {
    const junk = Buffer.from("this is not a zip file");
    let error: unknown;
    try {
      openXlsx(new Uint8Array(junk));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InputError);
    const { context, page } = await open("vi-VN");
    try {
      await page
        .getByLabel("Tệp .xlsx cần kiểm tra")
        .setInputFiles({ name: "junk.xlsx", mimeType: "application/octet-stream", buffer: junk });
      await page.getByRole("button", { name: "Kiểm tra", exact: true }).click();
      const bar = page.getByText("Không kiểm tra được tệp");
      await bar.waitFor({ timeout: 30_000 });
      await expect(page.getByText((error as InputError).text.vi).count()).resolves.toBe(1);
      await expect(page.getByTestId("summary").count()).resolves.toBe(0);
    } finally {
      await context.close();
    }
  });
});
