/**
 * The command line's input stays open while it is checked: the package lets go of its bytes once
 * the sheets are read (a country's 24 MB, issue 15) and reads what its copy keeps from the file
 * again as the copy is written. The copy must be the one made from the bytes held, and a file that
 * changed meanwhile must stop the run with nothing written.
 */
import { existsSync, mkdtempSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { openInput, readInput } from "../../src/cli/files";
import { filePort, replaceFilePort } from "../../src/cli/fs-port";
import { NODE_CODEC, NODE_ENGINE } from "../../src/cli/node-codec";
import { InputError } from "../../src/core/model/errors";
import { DEFAULT_SETTINGS } from "../../src/core/model/settings";
import { openXlsx, PackageSource } from "../../src/hosts/xlsx";
import { readZip } from "../../src/hosts/xlsx/zip-read";
import { DEFAULT_XLSX_LIMITS } from "../../src/hosts/xlsx/errors";
import { checkWorkbook } from "../../src/hosts/workbook/check-workbook";
import { runCli } from "../helpers/cli-run";
import { registerOf } from "./outputs-helpers";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

/** A WeakRef keeps its target until the job that made it ends. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

const root = mkdtempSync(join(tmpdir(), "ishc-input-file-"));
let n = 0;
async function register(): Promise<string> {
  const path = join(root, `in${n++}.xlsx`);
  await registerOf(path, "VQ-07");
  return path;
}

const settings = { ...DEFAULT_SETTINGS, asOf: "2025-12-31" };
const joined = (pieces: readonly Uint8Array[]) => Buffer.concat(pieces.map((p) => Buffer.from(p)));

/** A source counting what it is asked for, over bytes of its own. */
function countingSource(bytes: Uint8Array): PackageSource & { asked: [number, number][] } {
  const asked: [number, number][] = [];
  return {
    asked,
    read: (begin, end) => {
      asked.push([begin, end]);
      return bytes.slice(begin, end);
    },
  };
}

describe("a package that lets go of its bytes while the check runs", () => {
  test("writes the copy it writes holding them, reading only ranges of its source", async () => {
    const bytes = new Uint8Array(readFileSync(await register()));
    const held = openXlsx(bytes.slice(), {}, NODE_CODEC, NODE_ENGINE);
    await checkWorkbook(held, settings, {}, { checkedOn: "2026-01-02" });
    const source = countingSource(bytes);
    const resting = openXlsx(bytes.slice(), {}, NODE_CODEC, { ...NODE_ENGINE, source });
    let askedWhileChecking = -1;
    await checkWorkbook(
      resting,
      settings,
      {},
      {
        checkedOn: "2026-01-02",
        onStage: (stage) => {
          if (stage === "checking") askedWhileChecking = source.asked.length;
        },
      },
    );
    expect(joined(resting.toPieces()).equals(joined(held.toPieces()))).toBe(true);
    expect(askedWhileChecking).toBe(0);
    // What the copy keeps as stored was read again, a part at a time, never the whole file.
    expect(source.asked.length).toBeGreaterThan(0);
    for (const [begin, end] of source.asked) expect(end - begin).toBeLessThan(bytes.length / 2);
  });

  test("holds no view of them: once the sheets are read, nothing keeps them alive", async () => {
    const path = await register();
    const file = openInput(path, 2 ** 30);
    const open = () => {
      const bytes = file.take();
      return {
        ref: new WeakRef(bytes.buffer),
        wb: openXlsx(bytes, {}, NODE_CODEC, { ...NODE_ENGINE, source: file }),
      };
    };
    const { ref, wb } = open();
    let alive: boolean | undefined;
    try {
      await checkWorkbook(
        wb,
        settings,
        {},
        {
          checkedOn: "2026-01-02",
          onStage: async (stage) => {
            if (stage !== "checking") return;
            await nextTask();
            gc();
            alive = ref.deref() !== undefined;
          },
        },
      );
    } finally {
      file.close();
    }
    expect(alive).toBe(false);
  });

  test("names its entries in bytes of their own, not views of the package", async () => {
    // A Buffer, as the command line reads it: its slice() is a view too.
    const bytes = readFileSync(await register());
    const entries = readZip(bytes, DEFAULT_XLSX_LIMITS);
    expect(entries.length).toBeGreaterThan(3);
    for (const e of entries) expect(e.nameBytes.buffer).not.toBe(bytes.buffer);
  });
});

describe("the input file kept open (InputFile)", () => {
  test("reads ranges of the file as it was read, even once saved over under another name", async () => {
    const path = await register();
    const whole = readInput(path, 2 ** 30);
    const file = openInput(path, 2 ** 30);
    try {
      expect(Buffer.from(file.take()).equals(Buffer.from(whole))).toBe(true);
      // As most programs save: a new file renamed onto the name. The one open is still the one read.
      const other = join(root, "other.xlsx");
      writeFileSync(other, "not the register");
      renameSync(other, path);
      expect(Buffer.from(file.read(10, 200)).equals(Buffer.from(whole.subarray(10, 200)))).toBe(
        true,
      );
    } finally {
      file.close();
    }
  });

  test("refuses to read a file written over in place since", async () => {
    const path = await register();
    const file = openInput(path, 2 ** 30);
    try {
      const bytes = file.take();
      bytes[100] = bytes[100]! ^ 0xff;
      writeFileSync(path, bytes);
      let error: unknown;
      try {
        file.read(0, 50);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).code).toBe("changed");
      expect((error as InputError).text.en).toContain(`The file "${path}" changed`);
      expect((error as InputError).text.vi).toContain("đã thay đổi trong khi đang kiểm tra");
    } finally {
      file.close();
    }
  });

  test("a check whose input changes before its copy is written writes nothing (exit 2)", async () => {
    const input = await register();
    const out = join(root, "changed-out.xlsx");
    const report = join(root, "changed-report.json");
    const real = filePort();
    let inputFd = -1;
    let stats = 0;
    // The file seen as changed from its second look through the open descriptor (after reading).
    const restore = replaceFilePort({
      openSync: ((path: string, ...rest: [number]) => {
        const fd = real.openSync(path, ...rest);
        if (path === input) inputFd = fd;
        return fd;
      }) as typeof real.openSync,
      fstatSync: (fd) => {
        const st = real.fstatSync(fd);
        if (fd !== inputFd || ++stats === 1) return st;
        return Object.assign(Object.create(Object.getPrototypeOf(st) as object) as object, st, {
          mtimeMs: st.mtimeMs + 1000,
        }) as typeof st;
      },
    });
    let r: Awaited<ReturnType<typeof runCli>>;
    try {
      r = await runCli("check", input, "--out", out, "--report", report, "--as-of", "2025-12-31");
    } finally {
      restore();
    }
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/changed while it was being checked: nothing was written/);
    expect(existsSync(out)).toBe(false);
    expect(existsSync(report)).toBe(false);
  });
});
