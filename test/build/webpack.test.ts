/**
 * Builds the add-in with webpack.config.js into temporary folders and checks what Office will be
 * served: the pages, the manifest and its icons, where each page loads office.js from, and the
 * Office path's gzip size the production build prints.
 * Two real builds (production, development): about a minute.
 */
import { readdirSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
// webpack's own parser, so always installed with it.
import { parse } from "acorn";
import webpack from "webpack";

type Env = Record<string, string | boolean>;
type ConfigFactory = (env: Env, argv: { mode: string }) => Promise<webpack.Configuration>;

const ROOT = path.resolve(__dirname, "../..");
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const LOCAL = "office-js/office.js";
const PUBLIC_URL = "https://ishc.example.org/addin/";
const PAGES = ["taskpane.html", "commands.html", "message.html"];
const ICONS = [16, 32, 64, 80].map((size) => `assets/icon-${size}.png`);
// A production build takes 20-50 s depending on the machine's load.
const BUILD_TIMEOUT = 180_000;

let factory: ConfigFactory;
const dirs: string[] = [];

beforeAll(async () => {
  const loaded = (await import(path.join(ROOT, "webpack.config.js"))) as { default: ConfigFactory };
  factory = loaded.default;
});

afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function build(mode: string, env: Env = {}): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), `ishc-${mode}-`));
  dirs.push(dir);
  const config = await factory(env, { mode });
  config.output = { ...config.output, path: dir };
  const compiler = webpack(config);
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    compiler.run((error, result) => {
      compiler.close(() => (error || !result ? reject(error) : resolve(result)));
    }),
  );
  const info = stats.toJson({ all: false, errors: true, warnings: true });
  // Warnings fail too: a bundle over the size budget shows up as one.
  expect([...(info.errors ?? []), ...(info.warnings ?? [])].map((e) => e.message)).toEqual([]);
  return dir;
}

/** The script addresses of an HTML page, in document order (HtmlWebpackPlugin may drop quotes). */
function scriptSources(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map(
    (m) => m[1] ?? m[2] ?? m[3],
  );
}

function read(dir: string, file: string): string {
  return readFileSync(path.join(dir, file), "utf8");
}

/** Every https address in the built manifest, as a file path relative to the site root. */
function manifestFiles(dir: string, siteRoot: string): string[] {
  const urls = [...read(dir, "manifest.xml").matchAll(/"(https:\/\/[^"]+)"/g)].map((m) => m[1]);
  expect(urls.length).toBeGreaterThan(5);
  for (const url of urls) expect(url.startsWith(siteRoot)).toBe(true);
  return urls.map((url) => url.slice(siteRoot.length));
}

/** The bundle a page loads after office.js. */
const bundleOf = (dir: string, page: string) => scriptSources(read(dir, page))[1];
const gzipKb = (dir: string, file: string) =>
  gzipSync(readFileSync(path.join(dir, file))).length / 1000;

describe("production build", () => {
  let dir: string;
  let printed: string[];
  beforeAll(async () => {
    const log = jest.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      dir = await build("production", { publicUrl: PUBLIC_URL });
      printed = log.mock.calls.map((args) => args.join(" "));
    } finally {
      log.mockRestore();
    }
  }, BUILD_TIMEOUT);

  test("emits the pages, the manifest and the icons", () => {
    for (const file of [...PAGES, "manifest.xml", ...ICONS]) {
      expect([file, existsSync(path.join(dir, file))]).toEqual([file, true]);
    }
  });

  test.each(PAGES)("%s loads office.js from Microsoft's CDN, then its bundle", (page) => {
    const [officeJs, ...bundles] = scriptSources(read(dir, page));
    expect(officeJs).toBe(CDN);
    expect(bundles).toHaveLength(1);
    expect(existsSync(path.join(dir, bundles[0]))).toBe(true);
    expect(existsSync(path.join(dir, "office-js"))).toBe(false);
  });

  test.each(["commands.html", "message.html"])(
    "%s's bundle parses as ES2017, so that the button registers in Office 2019's EdgeHTML",
    (page) => {
      const code = read(dir, bundleOf(dir, page));
      expect(() => parse(code, { ecmaVersion: 2017, sourceType: "script" })).not.toThrow();
    },
  );

  test("prints the Office path's gzip size: each page's bundle, the command with its engine", () => {
    const lines = printed.filter((line) => line.startsWith("Office path (gzip):"));
    expect(lines).toHaveLength(1);
    const match =
      /^Office path \(gzip\): taskpane (\d+\.\d) kB, commands (\d+\.\d) kB, dialog (\d+\.\d) kB$/.exec(
        lines[0],
      );
    expect(match).not.toBeNull();
    const [taskpane, commands, dialog] = match!.slice(1).map(Number);
    // The dialog is one file: the figure is that file's gzip size.
    expect(dialog).toBeCloseTo(gzipKb(dir, bundleOf(dir, "message.html")), 1);
    // The pane's entry, then its results, settings, column picker and engine as chunks: all of
    // them are on the Office path.
    const paneEntry = gzipKb(dir, bundleOf(dir, "taskpane.html"));
    expect(taskpane).toBeGreaterThan(paneEntry + 5);
    for (const chunk of ["excel-engine", "excel-results", "excel-settings", "excel-mapping"])
      expect(readdirSync(dir).some((f) => f.startsWith(`${chunk}.`))).toBe(true);
    // The command's page is small; the engine it fetches on the first click is counted with it.
    const commandsPage = gzipKb(dir, bundleOf(dir, "commands.html"));
    expect(commands).toBeGreaterThan(commandsPage + 5);
    for (const size of [taskpane, commands, dialog]) expect(size).toBeGreaterThan(0);
    expect(dialog).toBeLessThan(commands);
    expect(commands).toBeLessThan(taskpane);
  });

  test("the manifest points at publicUrl, and every address it names is in dist", () => {
    expect(read(dir, "manifest.xml")).not.toContain("localhost");
    for (const file of manifestFiles(dir, PUBLIC_URL)) {
      expect([file, existsSync(path.join(dir, file))]).toEqual([file, true]);
    }
  });
});

describe("development build", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await build("development");
  }, BUILD_TIMEOUT);

  test.each(PAGES)("%s loads the local office.js copied into dist", (page) => {
    const sources = scriptSources(read(dir, page));
    expect(sources[0]).toBe(LOCAL);
    expect(sources).not.toContain(CDN);
    expect(existsSync(path.join(dir, LOCAL))).toBe(true);
  });

  test("the office.js copy holds Excel's files but not the debug builds", () => {
    expect(existsSync(path.join(dir, "office-js/excel-win32-16.01.js"))).toBe(true);
    expect(existsSync(path.join(dir, "office-js/en-us/office_strings.js"))).toBe(true);
    expect(existsSync(path.join(dir, "office-js/office.debug.js"))).toBe(false);
    expect(existsSync(path.join(dir, "office-js/word-win32-16.01.js"))).toBe(false);
  });

  test("the manifest keeps the dev-server addresses, all served from dist", () => {
    for (const file of manifestFiles(dir, "https://localhost:3000/")) {
      expect([file, existsSync(path.join(dir, file))]).toEqual([file, true]);
    }
  });
});

describe("configuration options", () => {
  const officeJsUrls = async (mode: string, env: Env) =>
    ((await factory(env, { mode })).plugins ?? []).flatMap((plugin) => {
      const options = (plugin as { userOptions?: { officeJsUrl?: string } }).userOptions;
      return options?.officeJsUrl ? [options.officeJsUrl] : [];
    });

  test("officeJs=local gives a production bundle that runs without network", async () => {
    expect(await officeJsUrls("production", { officeJs: "local" })).toEqual([LOCAL, LOCAL, LOCAL]);
    expect(await officeJsUrls("development", { officeJs: "cdn" })).toEqual([CDN, CDN, CDN]);
  });

  test("bad values are refused", async () => {
    await expect(factory({ officeJs: "nearby" }, { mode: "production" })).rejects.toThrow(
      /officeJs/,
    );
    await expect(
      factory({ publicUrl: "http://ishc.example.org/" }, { mode: "production" }),
    ).rejects.toThrow(/publicUrl/);
    await expect(
      factory({ publicUrl: "https://ishc.example.org/addin" }, { mode: "production" }),
    ).rejects.toThrow(/publicUrl/);
  });
});
