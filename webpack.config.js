/**
 * Webpack for the Excel add-in: the task pane (React), the ribbon commands page and the dialog the
 * ribbon command shows its result in. A production build prints the Office path's gzip size.
 *
 *   npm run build           production bundle in dist/, pages load office.js from Microsoft's CDN
 *   npm run build:dev       development bundle, pages load the npm copy of office.js from dist/office-js/
 *   npm run dev-server      https://localhost:3000 with the Office dev certificates
 *
 * Options (`webpack --env name=value`):
 *   officeJs=cdn|local      where the pages load office.js from. Defaults to cdn in production and
 *                           local otherwise; tests of a production bundle without network use local.
 *   publicUrl=https://…/    rewrites https://localhost:3000/ in the copied manifest to where dist/ is
 *                           hosted. Without it, dist/manifest.xml keeps the dev-server URLs.
 */
"use strict";

const path = require("node:path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { OfficePathSizePlugin } = require("./scripts/bundle-size");

const DEV_URL = "https://localhost:3000/";
const DEV_PORT = 3000;

// Office add-ins load office.js from Microsoft's CDN: AppSource requires it, and the CDN copy is
// the one kept current with new Office builds.
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_LOCAL_DIR = "office-js";
const OFFICE_JS_DIST = path.join(
  path.dirname(require.resolve("@microsoft/office-js/package.json")),
  "dist",
);
// The npm copy is 86 MB; office.js fetches only its host's files at run time, so the debug
// builds, IntelliSense files and other Office applications' files stay out of dist/ (14 MB left).
const OFFICE_JS_IGNORE = [
  "**/*.debug.js",
  "**/*vsdoc*",
  "**/*.d.ts",
  ...["access", "onenote", "outlook", "powerpoint", "project", "word"].map((app) => `**/${app}*`),
];

function officeJsSource(env, production) {
  const choice = env.officeJs ?? (production ? "cdn" : "local");
  if (choice !== "cdn" && choice !== "local") {
    throw new Error(`--env officeJs must be "cdn" or "local", not "${choice}"`);
  }
  return choice;
}

function publicUrlOf(env) {
  const url = env.publicUrl;
  if (url === undefined) return DEV_URL;
  if (!/^https:\/\/[^/]+\/(?:.*\/)?$/.test(url)) {
    throw new Error(`--env publicUrl must be an https URL ending in "/", not "${url}"`);
  }
  return url;
}

/**
 * HTTPS options for the dev server. Office only loads add-ins from https URLs it trusts, so the
 * Office dev certificates are used (`npx office-addin-dev-certs install` creates and trusts them).
 * Only `webpack serve` asks for them: a plain build must work on machines without certificates.
 */
async function httpsServer() {
  try {
    const devCerts = require("office-addin-dev-certs");
    return { type: "https", options: await devCerts.getHttpsServerOptions() };
  } catch (error) {
    console.warn(
      `Office dev certificates unavailable (${error instanceof Error ? error.message : error}).\n` +
        "Serving with a self-signed certificate instead: a browser works after accepting it, " +
        "Excel will refuse it. Run `npx office-addin-dev-certs install` to fix this.",
    );
    return "https";
  }
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const officeJs = officeJsSource(env, production);
  const publicUrl = publicUrlOf(env);
  const officeJsUrl = officeJs === "cdn" ? OFFICE_JS_CDN : `${OFFICE_JS_LOCAL_DIR}/office.js`;

  // Every page loads office.js the same way, before its own bundle.
  const page = (name, folder = name) =>
    new HtmlWebpackPlugin({
      filename: `${name}.html`,
      template: `./src/${folder}/${name}.html`,
      chunks: [name],
      officeJsUrl,
    });
  // What Excel loads: the pane, the ribbon command with the engine it fetches on the first click,
  // the message dialog. The file mode's lazy chunks are for the browser, not Excel.
  const officePath = new OfficePathSizePlugin([
    // The pane's first paint is the entry alone; its results, settings, column picker and engine
    // follow as chunks (src/taskpane/excel/lazy-parts.ts). All of it is the Office path.
    {
      label: "taskpane",
      entry: "taskpane",
      lazy: ["excel-engine", "excel-results", "excel-settings", "excel-mapping", "excel-compute"],
    },
    { label: "commands", entry: "commands", lazy: ["ribbon-check"] },
    { label: "dialog", entry: "message" },
  ]);

  const copies = [
    {
      from: "manifest.xml",
      to: "manifest.xml",
      transform: (content) => content.toString("utf8").split(DEV_URL).join(publicUrl),
    },
    { from: "assets", to: "assets" },
  ];
  if (officeJs === "local") {
    copies.push({
      from: OFFICE_JS_DIST,
      to: OFFICE_JS_LOCAL_DIR,
      globOptions: { ignore: OFFICE_JS_IGNORE },
      // Already minified by Microsoft; re-minifying 14 MB with terser would double the build time.
      info: { minimized: true },
    });
  }

  return {
    mode: production ? "production" : "development",
    // Paths below are relative to the repository, whatever directory webpack is started from.
    context: __dirname,
    devtool: production ? false : "source-map",
    // webpack's own runtime (chunk loading) in ES2017 too, like our code below: otherwise it
    // writes `?.`, and the commands page would not even parse in Office 2019's EdgeHTML.
    target: ["web", "es2017"],
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      message: "./src/dialog/message.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              // Type-checking is `tsc --noEmit`'s job; the bundle only needs the transpiled code.
              transpileOnly: true,
              configFile: path.resolve(__dirname, "tsconfig.json"),
              // ES modules so webpack can tree-shake Fluent UI. ES2017 syntax because Office 2019
              // on Windows runs add-ins in EdgeHTML 18, which parses no newer: the commands page
              // and the core it will call can run there (library calls newer than ES2017 still
              // cannot). React and Fluent UI ship ES2020, so the pane itself needs WebView2 or
              // Safari; taskpane.html tells older webviews so.
              compilerOptions: { module: "esnext", target: "es2017", sourceMap: !production },
            },
          },
        },
      ],
    },
    plugins: [
      page("taskpane"),
      page("commands"),
      page("message", "dialog"),
      new CopyWebpackPlugin({ patterns: copies }),
      ...(production ? [officePath] : []),
    ],
    performance: {
      hints: production ? "warning" : false,
      maxAssetSize: 600 * 1024,
      maxEntrypointSize: 600 * 1024,
      // Budgets are for our bundles; the copied office.js files are Microsoft's.
      assetFilter: (name) => /\.js$/.test(name) && !name.startsWith(`${OFFICE_JS_LOCAL_DIR}/`),
    },
    devServer: env.WEBPACK_SERVE
      ? {
          port: DEV_PORT,
          server: await httpsServer(),
          headers: { "Access-Control-Allow-Origin": "*" },
        }
      : undefined,
  };
};
