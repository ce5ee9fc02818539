/**
 * A webpack plugin that prints what the add-in's Office path weighs over the wire (gzip), page by
 * page: the scripts a page loads at start, plus the chunks it fetches lazily on its way (the ribbon
 * command's engine). File mode's chunks and office.js are not on that path and are not counted.
 *
 *   Office path (gzip): taskpane 123.4 kB, commands 45.6 kB, dialog 1.2 kB
 *
 * kB is 1,000 bytes. A chunk named in `lazy` that the build does not emit is an error, so that a
 * renamed chunk cannot silently drop out of the figures.
 */
"use strict";

const { gzipSync } = require("node:zlib");
const { Compilation, WebpackError } = require("webpack");

const NAME = "OfficePathSizePlugin";

class OfficePathSizePlugin {
  /**
   * @param {{ label: string, entry: string, lazy?: string[] }[]} pages
   * @param {(line: string) => void} print
   */
  constructor(pages, print = (line) => console.log(line)) {
    this.pages = pages;
    this.print = print;
  }

  apply(compiler) {
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      // The last stage, once assets are minimised and their names hashed.
      compilation.hooks.processAssets.tap(
        { name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_REPORT },
        () => this.report(compilation),
      );
    });
  }

  report(compilation) {
    const sizes = [];
    for (const page of this.pages) {
      const groups = [compilation.entrypoints.get(page.entry)];
      for (const name of page.lazy ?? []) groups.push(compilation.namedChunkGroups.get(name));
      if (groups.some((g) => g === undefined)) {
        compilation.errors.push(
          new WebpackError(
            `${NAME}: no chunk "${[page.entry, ...(page.lazy ?? [])].join('", "')}"`,
          ),
        );
        return;
      }
      const files = new Set(groups.flatMap((g) => g.getFiles()).filter((f) => f.endsWith(".js")));
      let bytes = 0;
      for (const file of files)
        bytes += gzipSync(compilation.getAsset(file).source.buffer()).length;
      sizes.push(`${page.label} ${(bytes / 1000).toFixed(1)} kB`);
    }
    this.print(`Office path (gzip): ${sizes.join(", ")}`);
  }
}

module.exports = { OfficePathSizePlugin };
