import { readFileSync, readdirSync } from "fs";
import { join } from "path";

/**
 * The xlsx host also runs in a browser tab (file mode): no Node APIs, and no ExcelJS (it is slow and
 * drops charts). ESLint's purity rule covers src/core only, so this test guards this folder.
 */
const DIR = join(__dirname, "../../../src/hosts/xlsx");
const sources = readdirSync(DIR)
  .filter((f) => f.endsWith(".ts"))
  .map((f) => ({
    file: f,
    code: readFileSync(join(DIR, f), "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ""),
  }));

describe("src/hosts/xlsx", () => {
  it.each(sources.map((s) => [s.file, s.code]))(
    "%s imports only fflate, the core and itself",
    (_file, code) => {
      const imports = [...code.matchAll(/from\s+"([^"]+)"/g)].map((m) => m[1]!);
      for (const i of imports)
        expect(
          i === "fflate" ||
            i.startsWith("./") ||
            i.startsWith("../../core/") ||
            i === "../workbook/port",
        ).toBe(true);
    },
  );

  it.each(sources.map((s) => [s.file, s.code]))("%s uses no Node globals", (_file, code) => {
    const withoutStrings = code.replace(
      /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`/g,
      '""',
    );
    expect(withoutStrings).not.toMatch(/\b(Buffer|process|require|__dirname|setImmediate)\b/);
  });

  it("keeps files modest", () => {
    for (const s of sources)
      expect({ file: s.file, lines: s.code.split("\n").length < 260 }).toEqual({
        file: s.file,
        lines: true,
      });
  });
});
