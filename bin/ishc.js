#!/usr/bin/env node
// Thin launcher: the command line is written in TypeScript and compiled to build/ by `npm run build:cli`
// (run automatically by `npm ci` through the prepare script).
"use strict";
let main;
try {
  main = require("../build/cli/main.js").main;
} catch (err) {
  if (err && err.code === "MODULE_NOT_FOUND") {
    process.stderr.write("ishc: chưa biên dịch / not built yet: run `npm run build:cli` first.\n");
    process.exit(2);
  }
  throw err;
}
main(process.argv.slice(2)).then((code) => process.exit(code));
