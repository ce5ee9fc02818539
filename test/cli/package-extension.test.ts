import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync, zipSync } from "fflate";
import { runCli } from "../helpers/cli-run";
import { checkedName } from "../../src/taskpane/run-file-check";
import { MAIN_TYPE, VBA_PROJECT, declaredAs, macroEnabled, registerParts } from "./package-inputs";

/**
 * The checked copy keeps the kind of its input, so its name must too: a macro-enabled workbook
 * written to "X.xlsx" is a file Excel will not open. Such an output name is refused before the
 * check, naming both files and the extension to use; the right one writes the macros back.
 */
const tmp = mkdtempSync(join(tmpdir(), "ishc-package-extension-"));

async function check(name: string, bytes: Uint8Array, out: string) {
  const dir = mkdtempSync(join(tmp, "case-"));
  writeFileSync(join(dir, name), bytes);
  const run = await runCli(
    "check",
    join(dir, name),
    "--out",
    join(dir, out),
    "--report",
    join(dir, "report.json"),
    "--as-of",
    "2025-12-31",
  );
  return { ...run, dir, text: `${run.out}\n${run.err}` };
}

describe("the checked copy's extension", () => {
  it("refuses a macro-enabled workbook's copy named .xlsx before the check, naming both", async () => {
    const xlsm = zipSync(macroEnabled(await registerParts(tmp)));
    const r = await check("so.xlsm", xlsm, "so-checked.xlsx");
    expect(r.code).toBe(2);
    expect(r.text).toMatch(
      /"so\.xlsm" là sổ làm việc có macro \(\.xlsm\), nhưng tệp ra ".*so-checked\.xlsx" mang đuôi \.xlsx/,
    );
    expect(r.text).toMatch(
      /"so\.xlsm" is a macro-enabled workbook \(\.xlsm\), but the output ".*so-checked\.xlsx" ends in \.xlsx/,
    );
    expect(r.text).toMatch(/--out ".*so-checked\.xlsm"/);
    expect(r.text).not.toMatch(/unexpected error|lỗi không mong đợi|\n\s+at /);
    // Refused before the check: neither output is written.
    expect(existsSync(join(r.dir, "so-checked.xlsx"))).toBe(false);
    expect(existsSync(join(r.dir, "report.json"))).toBe(false);
  });

  it("writes a macro-enabled workbook's copy named .xlsm with its macros and its type", async () => {
    const xlsm = zipSync(macroEnabled(await registerParts(tmp)));
    const r = await check("so.xlsm", xlsm, "so-checked.xlsm");
    expect(r.code).toBe(1); // the register has findings; what matters is the copy
    const out = unzipSync(readFileSync(join(r.dir, "so-checked.xlsm")));
    expect(out["xl/vbaProject.bin"]).toEqual(VBA_PROJECT);
    expect(strFromU8(out["[Content_Types].xml"]!)).toContain(MAIN_TYPE.xlsm);
    expect(out["xl/worksheets/sheet4.xml"]).toBeDefined();
  });

  it("refuses an .xlsx's copy named .xlsm, where Excel would look for macros", async () => {
    const r = await check("so.xlsx", zipSync(await registerParts(tmp)), "so-checked.xlsm");
    expect(r.code).toBe(2);
    expect(r.text).toMatch(
      /is an Excel workbook \(\.xlsx\), but the output .* ends in \.xlsm \(for a macro-enabled workbook \(\.xlsm\)\)/,
    );
  });

  it("refuses a template's copy named .xlsx, and names the template's extension", async () => {
    const xltx = zipSync(declaredAs(await registerParts(tmp), MAIN_TYPE.xltx));
    const r = await check("mau.xltx", xltx, "so.xlsx");
    expect(r.code).toBe(2);
    expect(r.text).toMatch(/mẫu sổ làm việc Excel \(\.xltx\)/);
    expect(r.text).toMatch(/--out ".*so\.xltx"/);
  });

  it("leaves an output name Excel does not claim to the user", async () => {
    const xlsm = zipSync(macroEnabled(await registerParts(tmp)));
    const r = await check("so.xlsm", xlsm, "so-checked.tmp");
    expect(r.code).toBe(1); // the register has findings; what matters is the copy
    expect(existsSync(join(r.dir, "so-checked.tmp"))).toBe(true);
  });
});

describe("the merged workbook's extension", () => {
  it("refuses --out X.xlsm before any district is read, since the merge writes a plain workbook", async () => {
    const dir = mkdtempSync(join(tmp, "merge-"));
    writeFileSync(join(dir, "a.xlsx"), zipSync(await registerParts(tmp)));
    const r = await runCli("merge", join(dir, "a.xlsx"), "--out", join(dir, "tinh.xlsm"));
    const text = `${r.out}\n${r.err}`;
    expect(r.code).toBe(2);
    expect(text).toMatch(
      /Tệp gộp là sổ làm việc Excel \(\.xlsx\), nhưng tệp ra ".*tinh\.xlsm" mang đuôi \.xlsm/,
    );
    expect(text).toMatch(/The merged workbook is an Excel workbook \(\.xlsx\)/);
    expect(text).toMatch(/--out ".*tinh\.xlsx"/);
    expect(existsSync(join(dir, "tinh.xlsm"))).toBe(false);
  });

  it("merges to --out X.xlsx as before", async () => {
    const dir = mkdtempSync(join(tmp, "merge-"));
    writeFileSync(join(dir, "a.xlsx"), zipSync(await registerParts(tmp)));
    const r = await runCli("merge", join(dir, "a.xlsx"), "--out", join(dir, "tinh.xlsx"));
    expect(r.code).toBeLessThan(2);
    expect(existsSync(join(dir, "tinh.xlsx"))).toBe(true);
  });
});

describe("the browser's download name", () => {
  it.each([
    ["so-2024.xlsx", ".xlsx", "so-2024-checked.xlsx"],
    ["so-2024.xlsm", ".xlsm", "so-2024-checked.xlsm"],
    ["SO.XLSM", ".xlsm", "SO-checked.xlsm"],
    ["mau.xltx", ".xltx", "mau-checked.xltx"],
    ["so-2024", ".xlsx", "so-2024-checked.xlsx"],
  ])("names the copy of %s (content %s) %s", (name, extension, expected) => {
    expect(checkedName(name, extension)).toBe(expected);
  });
});
