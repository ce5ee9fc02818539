#!/usr/bin/env node
// Rewrites the README's generated regions from the code's single sources (run `npm run docs`
// after adding a rule or a setting): each region sits between `<!-- NAME:start -->` and
// `<!-- NAME:end -->`, and a test fails while the README differs from what this writes.
"use strict";
const { readFileSync, writeFileSync } = require("node:fs");
const { join } = require("node:path");
const { execFileSync } = require("node:child_process");

const root = join(__dirname, "..");
const build = (p) => require(join(root, "build", p));

/** file -> region name -> markdown, from the compiled core (`npm run build:cli` runs first). */
const FILES = {
  "README.md": {
    rules: () => build("core/rules/rule-docs.js").rulesMarkdown(),
    settings: () => build("core/model/settings-docs.js").settingsMarkdown(),
  },
  "docs/workbook-format.md": {
    headers: () => build("core/sheets/header-docs.js").headersMarkdown(),
  },
};

for (const [file, regions] of Object.entries(FILES)) {
  const path = join(root, file);
  let text = readFileSync(path, "utf8");
  for (const [name, render] of Object.entries(regions)) {
    const re = new RegExp(`(<!-- ${name}:start -->)[\\s\\S]*?(<!-- ${name}:end -->)`);
    if (!re.test(text)) throw new Error(`${file} has no ${name} region`);
    text = text.replace(re, (_, start, end) => `${start}\n\n${render()}\n\n${end}`);
  }
  writeFileSync(path, text);
  // Prettier pads the tables as the format check expects.
  execFileSync(process.execPath, [require.resolve("prettier/bin/prettier.cjs"), "--write", path], {
    stdio: "inherit",
  });
}
