/**
 * File mode's engine behind a Worker, in Node: the Worker is simulated (messages copied by
 * structuredClone both ways, as postMessage does; Files passed as they are, as browsers share
 * them), its inside is the real engine-handler.ts. What the pane gets through it must be what the
 * same check gives in the page; a Cancel ends it at once; a Worker that cannot start falls back
 * to the page.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeSample } from "../../src/cli/sample";
import { openXlsx } from "../../src/hosts/xlsx";
import { CancelledError, Stage } from "../../src/hosts/workbook/progress";
import { runFileCheck, InputFile, FileCheckOptions } from "../../src/taskpane/run-file-check";
import { engineHandler, PART_SIZE } from "../../src/taskpane/worker/engine-handler";
import type { EngineReply, EngineRequest } from "../../src/taskpane/worker/protocol";
import {
  computeInWorker,
  startCheck,
  startMerge,
  useWorkerFactory,
} from "../../src/taskpane/worker/file-engine";
import { checkOpenWorkbook } from "../../src/addin/excel-actions";
import { InputError } from "../../src/core/model/errors";
import { FakeExcel } from "../fakes/excel";
import { MemoryDocumentSettings } from "../fakes/document-settings";
import { smallRegister } from "../helpers/small-register";
import { modernExcel } from "./pane-env";
import { GENERATED_NAMES } from "../../src/core/report/labels";
import { rowsOf } from "../helpers/rows";

const AS_OF = "2025-12-31";
const OPTIONS: FileCheckOptions = { asOf: AS_OF, ageLine: 60, lang: "vi" };

/** A Worker in the same process: the real handler, messages copied both ways. */
class SimulatedWorker {
  onmessage: ((event: MessageEvent<EngineReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  readonly replies: EngineReply[] = [];
  private readonly handle = engineHandler((reply) => {
    if (this.terminated) return;
    const copied = structuredClone(reply);
    this.replies.push(copied);
    // Delivered as a task of its own, as a browser does.
    setTimeout(() => {
      if (!this.terminated) this.onmessage?.({ data: copied } as MessageEvent<EngineReply>);
    }, 0);
  });

  postMessage(request: EngineRequest): void {
    const { file, files, ...rest } = request as EngineRequest & {
      file?: InputFile;
      files?: InputFile[];
    };
    const copied = {
      ...structuredClone(rest),
      ...(file ? { file } : {}),
      ...(files ? { files } : {}),
    } as EngineRequest;
    setTimeout(() => void this.handle(copied), 0);
  }

  terminate(): void {
    this.terminated = true;
  }
}

let dir: string;
let sample: InputFile;
let small: InputFile;
const workers: SimulatedWorker[] = [];

const fileOf = (path: string, name: string): InputFile => {
  const bytes = readFileSync(path);
  return {
    name,
    arrayBuffer: () =>
      Promise.resolve(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)),
  };
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "ishc-engine-"));
  // Enough clubs for more than one part of findings (PART_SIZE).
  await writeSample(join(dir, "big.xlsx"), { clubs: 700, seed: 3, asOf: AS_OF });
  await writeSample(join(dir, "small.xlsx"), { clubs: 12, seed: 5, asOf: AS_OF });
  sample = fileOf(join(dir, "big.xlsx"), "big.xlsx");
  small = fileOf(join(dir, "small.xlsx"), "small.xlsx");
}, 120_000);

beforeEach(() => {
  workers.length = 0;
  useWorkerFactory(() => {
    const worker = new SimulatedWorker();
    workers.push(worker);
    return worker as unknown as Worker;
  });
});

afterAll(() => {
  useWorkerFactory(null);
  rmSync(dir, { recursive: true, force: true });
});

test("a check through the Worker gives the page's results, in parts, with every stage", async () => {
  const stages: Stage[] = [];
  const job = startCheck(sample, OPTIONS, (stage) => stages.push(stage));
  const outcome = await job.done;
  const inPage = await runFileCheck(sample, OPTIONS, () => undefined);
  if (!outcome.ok || !inPage.ok) throw new Error("both checks should pass");
  expect(workers).toHaveLength(1);
  // The lists came in parts, each at most PART_SIZE long, and were put back in order.
  const parts = workers[0]!.replies.filter((r) => r.kind === "part");
  expect(inPage.view.findings.length).toBeGreaterThan(PART_SIZE);
  expect(parts.filter((p) => p.kind === "part" && p.field === "findings").length).toBe(
    Math.ceil(inPage.view.findings.length / PART_SIZE),
  );
  const { copy: _a, ...viaWorker } = outcome.view;
  const { copy: _b, ...direct } = inPage.view;
  expect(viaWorker).toEqual(direct);
  // Each stage in order (one may be said again as the next layer starts it).
  expect(stages.filter((s, i) => s !== stages[i - 1])).toEqual(["reading", "checking", "writing"]);
});

test("review marks set through the Worker are in the downloaded copy, as in the page", async () => {
  const outcome = await startCheck(small, OPTIONS, () => undefined).done;
  const inPage = await runFileCheck(small, OPTIONS, () => undefined);
  if (!outcome.ok || !inPage.ok) throw new Error("both checks should pass");
  const id = outcome.view.findings[0]!.id;
  await outcome.view.copy.mark(id, { status: "mustFix" }, "2026-01-11");
  await inPage.view.copy.mark(id, { status: "mustFix" }, "2026-01-11");
  const viaWorker = await outcome.view.copy.bytes();
  const direct = await inPage.view.copy.bytes();
  const rows = async (bytes: Uint8Array) =>
    rowsOf(await openXlsx(bytes).readSheet(GENERATED_NAMES.findings));
  const sheet = await rows(viaWorker);
  expect(sheet).toEqual(await rows(direct));
  expect(sheet.some((r) => r?.includes(id) && r.includes("Cần sửa"))).toBe(true);
  // An unknown finding is refused with the reader's words, as in the page.
  await expect(
    outcome.view.copy.mark("no|such", { note: "x" }, "2026-01-11"),
  ).rejects.toMatchObject({ text: { en: expect.stringContaining('Finding "no|such" is not in') } });
});

test("Cancel ends the Worker at once; the next check starts a new one", async () => {
  const job = startCheck(sample, OPTIONS, () => undefined);
  job.cancel();
  await expect(job.done).rejects.toBeInstanceOf(CancelledError);
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(workers.every((w) => w.terminated)).toBe(true);
  const again = await startCheck(small, OPTIONS, () => undefined).done;
  expect(again.ok).toBe(true);
  expect(workers[workers.length - 1]!.terminated).toBe(false);
});

test("a new check ends the Worker that held the last check's copy", async () => {
  await startCheck(small, OPTIONS, () => undefined).done;
  await startCheck(small, OPTIONS, () => undefined).done;
  expect(workers.map((w) => w.terminated)).toEqual([true, false]);
});

test("a file that cannot be read comes back as the reader's message, through the Worker", async () => {
  const bad: InputFile = {
    name: "hong.xlsx",
    arrayBuffer: () => Promise.resolve(new Uint8Array([1, 2, 3]).buffer),
  };
  const outcome = await startCheck(bad, OPTIONS, () => undefined).done;
  expect(outcome.ok).toBe(false);
  if (outcome.ok) return;
  expect(outcome.error.vi.length).toBeGreaterThan(0);
  expect(outcome.error.en).not.toEqual(outcome.error.vi);
});

test("a Worker that cannot start leaves the check to the page", async () => {
  useWorkerFactory(() => {
    throw new Error("Workers are blocked here");
  });
  const outcome = await startCheck(small, OPTIONS, () => undefined).done;
  expect(outcome.ok).toBe(true);
});

test("a merge runs in its own Worker, returns the workbook and ends it; Cancel stops it", async () => {
  const progress: string[] = [];
  const job = startMerge([small, sample], OPTIONS, {
    onFile: (index, total, name) => progress.push(`${index + 1}/${total} ${name}`),
    onStage: (stage) => progress.push(stage),
  });
  const outcome = await job.done;
  if (!outcome.ok) throw new Error(outcome.error.en);
  expect(progress.slice(0, 2)).toEqual(["1/2 small.xlsx", "2/2 big.xlsx"]);
  expect(progress).toContain("writing");
  expect(openXlsx(outcome.view.output)).toBeDefined();
  expect(workers[0]!.terminated).toBe(true);

  const cancelled = startMerge([small, sample], OPTIONS, {
    onFile: () => undefined,
    onStage: () => undefined,
  });
  cancelled.cancel();
  await expect(cancelled.done).resolves.toMatchObject({ ok: false, cancelled: true });
});

describe("inside Excel: the check's pure step in a Worker", () => {
  const deps = (excel: FakeExcel) => ({
    run: excel.run,
    supports: modernExcel,
    documentSettings: new MemoryDocumentSettings(),
    today: () => AS_OF,
  });

  test("writes into the workbook exactly what the step run in the page writes", async () => {
    const inPage = new FakeExcel(smallRegister());
    const viaWorker = new FakeExcel(smallRegister());
    const a = await checkOpenWorkbook(deps(inPage), { lang: "vi" });
    const b = await checkOpenWorkbook(deps(viaWorker), { lang: "vi", compute: computeInWorker });
    expect(workers).toHaveLength(1);
    expect(workers[0]!.replies.map((r) => r.kind)).toEqual(["computed"]);
    // The Worker is ended once it has answered.
    expect(workers[0]!.terminated).toBe(true);
    expect(b.report).toEqual(a.report);
    expect(b.plan).toEqual(a.plan);
    expect(viaWorker.snapshot()).toEqual(inPage.snapshot());
    expect(viaWorker.sheetNames()).toEqual(inPage.sheetNames());
    for (const name of inPage.sheetNames())
      expect(viaWorker.values(name)).toEqual(inPage.values(name));
  });

  test("a register the reader refuses comes back as the same InputError, its sheet named", async () => {
    const sheets = smallRegister().map((s) =>
      s.name === "Thành viên"
        ? { ...s, rows: [["Mã CLB", "Họ và tên", "Phái"], ...rowsOf(s).slice(1)] }
        : s,
    );
    const inPage = await checkOpenWorkbook(deps(new FakeExcel(sheets)), { lang: "vi" }).catch(
      (e: unknown) => e,
    );
    const viaWorker = await checkOpenWorkbook(deps(new FakeExcel(sheets)), {
      lang: "vi",
      compute: computeInWorker,
    }).catch((e: unknown) => e);
    expect(inPage).toBeInstanceOf(InputError);
    expect(viaWorker).toBeInstanceOf(InputError);
    const of = (e: unknown) => {
      const { code, sheet, text } = e as InputError;
      return { code, sheet, text };
    };
    expect(of(viaWorker)).toEqual(of(inPage));
    expect((viaWorker as InputError).sheet).toBe("Thành viên");
  });

  test("where no Worker starts, the step runs in the page", async () => {
    useWorkerFactory(() => {
      throw new Error("Workers are blocked here");
    });
    const excel = new FakeExcel(smallRegister());
    const outcome = await checkOpenWorkbook(deps(excel), { lang: "vi", compute: computeInWorker });
    expect(outcome.report.summary.clubs).toBeGreaterThan(0);
    expect(excel.sheetNames()).toContain("Danh sách lỗi");
  });
});
