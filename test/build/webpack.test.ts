/**
 * Builds the add-in with webpack.config.js into temporary folders and checks what Office will be
 * served: both pages, the manifest and its icons, and where each page loads office.js from.
 * Two real builds (production, development): about a minute.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import webpack from "webpack";

type Env = Record<string, string | boolean>;
type ConfigFactory = (env: Env, argv: { mode: string }) => Promise<webpack.Configuration>;

const ROOT = path.resolve(__dirname, "../..");
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const LOCAL = "office-js/office.js";
const PUBLIC_URL = "https://ishc.example.org/addin/";
const PAGES = ["taskpane.html", "commands.html"];
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

describe("production build", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await build("production", { publicUrl: PUBLIC_URL });
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
    expect(await officeJsUrls("production", { officeJs: "local" })).toEqual([LOCAL, LOCAL]);
    expect(await officeJsUrls("development", { officeJs: "cdn" })).toEqual([CDN, CDN]);
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
