/**
 * `ishc check` starts without ExcelJS: the library (and some 130 packages under it) writes only the
 * template and the samples, and loading it took 0.35 s of every check's start, a third of a
 * province's check. Measured on the built CLI, as users run it.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const MAIN = join(__dirname, "../../build/cli/main.js");

/** The packages under node_modules that loading the CLI (and running `args`) brought in. */
function packagesLoaded(args: readonly string[] = []): string[] {
  const script = `
    const { main } = require(${JSON.stringify(MAIN)});
    const done = (${JSON.stringify(args)}.length ? main(${JSON.stringify(args)}) : Promise.resolve(0));
    done.then(() => {
      const names = Object.keys(require.cache)
        .filter((f) => f.includes("node_modules"))
        .map((f) => f.split("node_modules/").pop().split("/")[0]);
      process.stdout.write("\\n@@" + JSON.stringify([...new Set(names)].sort()));
    });`;
  const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout.split("\n@@").pop()!) as string[];
}

describe("the command line's start", () => {
  it("loads no ExcelJS to check", () => {
    const loaded = packagesLoaded();
    expect(loaded).not.toContain("exceljs");
    expect(loaded).toEqual(["fflate"]);
  });

  it("loads ExcelJS when a command writes with it", () => {
    const out = join(mkdtempSync(join(tmpdir(), "ishc-startup-")), "mau.xlsx");
    expect(packagesLoaded(["template", out])).toContain("exceljs");
    expect(existsSync(out)).toBe(true);
  });
});
