/**
 * What the browser tests share: the pane's webpack development build (office.js from the npm
 * copy, so nothing is fetched from Microsoft's CDN), a static server for it on 127.0.0.1, headless
 * Chromium launched offline (test/helpers/chromium-path.ts picks CHROME_PATH, a system Chrome or
 * the npm package's Chromium) and browser contexts in which nothing beyond 127.0.0.1 is reachable.
 *
 * The build is cached between test files and runs (node_modules/.cache/ishc-e2e-site/<hash>),
 * keyed by a hash of everything webpack reads: src/, assets/, manifest.xml, webpack.config.js,
 * scripts/bundle-size.js, the tsconfig files and package-lock.json. It is stored only when the
 * sources hash the same before and after the build (someone editing src/ meanwhile gets a build of
 * their new sources next time, never a stale one under a new key), and written into a temporary
 * directory renamed into place, so two test files building at once cannot see a half-written copy.
 * ISHC_E2E_BUILD_CACHE=0 builds afresh into a temporary directory.
 */
import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
} from "node:fs";
import { createServer, Server } from "node:http";
import { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import webpack from "webpack";
import { Browser, BrowserContext, BrowserContextOptions, chromium, Page } from "playwright-core";
import { chromiumLaunchOptions } from "../helpers/chromium-path";

type Env = Record<string, string | boolean>;
type ConfigFactory = (env: Env, argv: { mode: string }) => Promise<webpack.Configuration>;

export const ROOT = path.resolve(__dirname, "../..");
/** Where the browser tests write what a person looks at (kept out of git by .gitignore). */
export const ARTIFACTS = path.join(ROOT, "artifacts");
/** Building takes a minute or two on a loaded machine; a cached build, a moment. */
export const BUILD_TIMEOUT = 240_000;

// On top of the helper's --headless --no-sandbox --disable-gpu.
const BROWSER_ARGS = [
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".map": "application/json",
  ".png": "image/png",
  ".xml": "application/xml",
  ".css": "text/css",
};

/** What the build reads, relative to the repository: directories are walked. */
const BUILD_INPUTS = [
  "src",
  "assets",
  "manifest.xml",
  "webpack.config.js",
  "scripts/bundle-size.js",
  "tsconfig.json",
  "tsconfig.base.json",
  "package-lock.json",
];
const CACHE = path.join(ROOT, "node_modules", ".cache", "ishc-e2e-site");
/** Cached builds not used for this long are removed by the next build. */
const CACHE_MAX_AGE_MS = 2 * 24 * 3600 * 1000;

/** A hash of every file the build reads (names and contents). */
export function sourcesHash(): string {
  const hash = createHash("sha256");
  const walk = (relative: string) => {
    const full = path.join(ROOT, relative);
    if (!existsSync(full)) return;
    if (statSync(full).isDirectory()) {
      for (const name of readdirSync(full).sort()) walk(path.join(relative, name));
      return;
    }
    hash.update(relative.split(path.sep).join("/")).update("\0");
    hash.update(readFileSync(full)).update("\0");
  };
  for (const input of BUILD_INPUTS) walk(input);
  return hash.digest("hex").slice(0, 20);
}

/** The development build into `outDir`; throws with webpack's errors if there are any. */
export async function build(outDir: string): Promise<void> {
  const loaded = (await import(path.join(ROOT, "webpack.config.js"))) as { default: ConfigFactory };
  const config = await loaded.default({ officeJs: "local" }, { mode: "development" });
  config.output = { ...config.output, path: outDir };
  const compiler = webpack(config);
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    compiler.run((error, result) => {
      compiler.close(() => (error || !result ? reject(error) : resolve(result)));
    }),
  );
  const errors = (stats.toJson({ all: false, errors: true }).errors ?? []).map((e) => e.message);
  if (errors.length > 0) throw new Error(`webpack build failed:\n${errors.join("\n\n")}`);
}

export interface Site {
  /** The directory of the build (read-only: it may be shared with other test files). */
  readonly dir: string;
  /** Removes what only this process made (a build made without the cache). */
  readonly dispose: () => void;
}

/** The pane's development build: from the cache if the sources are unchanged, else built now. */
export async function site(): Promise<Site> {
  if (process.env.ISHC_E2E_BUILD_CACHE === "0") {
    const work = mkdtempSync(path.join(os.tmpdir(), "ishc-site-"));
    const dir = path.join(work, "site");
    await build(dir);
    return { dir, dispose: () => rmSync(work, { recursive: true, force: true }) };
  }
  const before = sourcesHash();
  const dir = path.join(CACHE, before);
  if (existsSync(path.join(dir, "taskpane.html"))) {
    const now = new Date();
    utimesSync(dir, now, now);
    return { dir, dispose: () => undefined };
  }
  mkdirSync(CACHE, { recursive: true });
  pruneCache(before);
  const partial = mkdtempSync(path.join(CACHE, `${before}.part-`));
  try {
    await build(partial);
    if (sourcesHash() !== before) {
      // The sources changed while webpack read them: use this build once, cache nothing.
      return { dir: partial, dispose: () => rmSync(partial, { recursive: true, force: true }) };
    }
    try {
      renameSync(partial, dir);
    } catch {
      // Another test file stored the same build first: use that one.
      rmSync(partial, { recursive: true, force: true });
    }
    return { dir, dispose: () => undefined };
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

/** Removes cached builds of other sources not used for a while (never the one being made). */
function pruneCache(keep: string): void {
  const now = Date.now();
  for (const name of readdirSync(CACHE)) {
    if (name.startsWith(keep)) continue;
    const full = path.join(CACHE, name);
    try {
      if (now - statSync(full).mtimeMs > CACHE_MAX_AGE_MS) {
        rmSync(full, { recursive: true, force: true });
      }
    } catch {
      // Removed by another process meanwhile.
    }
  }
}

/** A static server for the build, on 127.0.0.1 and a port the system picks. */
export function serve(dir: string): Promise<Server> {
  const http = createServer((request, response) => {
    const urlPath = decodeURIComponent(new URL(request.url ?? "/", "http://x").pathname);
    const file = path.join(dir, urlPath === "/" ? "taskpane.html" : urlPath);
    if (!file.startsWith(dir + path.sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = readFileSync(file);
      const type = CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream";
      response.writeHead(200, { "Content-Type": type }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => http.listen(0, "127.0.0.1", () => resolve(http)));
}

/** The server's base address, ending in "/". */
export const baseUrl = (server: Server): string =>
  `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

export const closeServer = (server: Server | undefined): Promise<void> =>
  new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));

/**
 * Headless Chromium, told not to reach out (updates, first-run pages, background requests).
 * `scrollbars`: show classic scrollbars, which take width from the page as in Excel's task pane on
 * Windows (headless Chromium hides them by default, so a 320 px page would have 320 px to use).
 */
export async function launch({ scrollbars = false } = {}): Promise<Browser> {
  const options = await chromiumLaunchOptions(BROWSER_ARGS);
  return chromium.launch(
    scrollbars ? { ...options, ignoreDefaultArgs: ["--hide-scrollbars"] } : options,
  );
}

export interface Session {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every address the page asked for, local or not. */
  readonly requests: string[];
}

/** A fresh browser context in which nothing beyond 127.0.0.1 is reachable, and its page. */
export async function offlineContext(
  browser: Browser,
  options: BrowserContextOptions,
): Promise<Session> {
  const context = await browser.newContext(options);
  const requests: string[] = [];
  context.on("request", (request) => requests.push(request.url()));
  await context.route("**/*", (route) =>
    new URL(route.request().url()).hostname === "127.0.0.1" ? route.continue() : route.abort(),
  );
  const page = await context.newPage();
  return { context, page, requests };
}

/** The addresses asked for beyond the local server (blob: and data: are the page's own). */
export const outside = (requests: readonly string[]): string[] =>
  requests.filter((url) => !/^(http:\/\/127\.0\.0\.1:\d+\/|blob:|data:)/.test(url));

/**
 * axe-core on the page (evaluated in it, after axe.min.js is added): violations as "rule: help (targets)", and the rules that
 * passed.
 */
export async function runAxe(): Promise<{
  violations: string[];
  passed: string[];
  inapplicable: string[];
}> {
  const axe = (window as unknown as { axe: typeof import("axe-core") }).axe;
  // Fluent UI's focus sentinels (Tabster's <i data-tabster-dummy tabindex=0 aria-hidden>, 1 px,
  // fixed, handing focus on at once) are its focus management, not content: left out.
  const result = await axe.run({ exclude: [["[data-tabster-dummy]"]] } as unknown as Document, {
    resultTypes: ["violations"],
  });
  const where = (n: { target: unknown[]; html: string }) =>
    `${n.target.join(" ")} ${n.html
      .replace(/\sclass="[^"]*"/g, "")
      .replace(/\s+/g, " ")
      .slice(0, 160)}`;
  return {
    violations: result.violations.map(
      (v) => `${v.id}: ${v.help} (${v.nodes.map(where).join(", ")})`,
    ),
    passed: result.passes.map((r) => r.id),
    inapplicable: result.inapplicable.map((r) => r.id),
  };
}
