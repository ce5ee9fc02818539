import { execFileSync } from "node:child_process";
import { join } from "node:path";

/** The core must stay pure: the lint rule itself is tested, so that it cannot silently stop working. */
const CASES: [string, string | null][] = [
  ['import * as fs from "fs";\nexport const x = fs;\n', "no-restricted-imports"],
  [
    'import { readFile } from "node:fs/promises";\nexport const x = readFile;\n',
    "no-restricted-imports",
  ],
  [
    'import type { Workbook } from "exceljs";\nexport type X = Workbook;\n',
    "no-restricted-imports",
  ],
  ['import { useState } from "react";\nexport const x = useState;\n', "no-restricted-imports"],
  [
    'import { Button } from "@fluentui/react-components";\nexport const x = Button;\n',
    "no-restricted-imports",
  ],
  [
    'import { openXlsx } from "../../hosts/xlsx";\nexport const x = openXlsx;\n',
    "no-restricted-imports",
  ],
  ["export const x = () => document.title;\n", "no-restricted-globals"],
  ["export const x = () => Excel.run;\n", "no-restricted-globals"],
  ["export const x = () => process.env;\n", "no-restricted-globals"],
  [
    '/// <reference types="office-js" />\nexport const x = 1;\n',
    "@typescript-eslint/triple-slash-reference",
  ],
  ['import { say } from "../model/i18n";\nexport const x = say("a", "b");\n', null],
];

describe("the core-purity lint rule", () => {
  const results: string[][] = JSON.parse(
    execFileSync(process.execPath, [join(__dirname, "lint-snippets.js")], {
      input: JSON.stringify(CASES.map(([code]) => code)),
      encoding: "utf8",
    }),
  );

  test.each(CASES.map(([code, rule], i) => [code.split("\n")[0], rule, i] as const))(
    "%s -> %s",
    (_code, rule, i) => {
      if (rule === null) expect(results[i]).toEqual([]);
      else expect(results[i]).toContain(rule);
    },
  );
});
