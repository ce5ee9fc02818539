/**
 * Which Chromium the browser tests drive (playwright-core never downloads one), in this order:
 *   1. ISHC_BROWSER=npm: the Chromium inside the @sparticuz/chromium devDependency, whatever
 *      else is installed (to prove that path on a machine that has a browser of its own);
 *   2. CHROME_PATH: that executable, and an error naming CHROME_PATH if it is not there;
 *   3. a system Chrome, Chromium or Edge: on the PATH, then where each system installs it;
 *   4. on Linux x64, the Chromium inside @sparticuz/chromium (so a machine with only Node and npm
 *      runs the tests after `npm ci`, no root, no apt);
 *   5. otherwise an error asking for CHROME_PATH.
 * `resolveBrowser` is the order alone, over an injected probe of the machine, so that it is tested
 * without the machine; `chromiumLaunchOptions` runs it on this machine, once per process, prints
 * which browser it took, and gives playwright-core its launch options.
 */
import { execFile } from "node:child_process";
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  mkdtempSync,
  openSync,
  readFileSync,
  readSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import type { LaunchOptions } from "playwright-core";

export type BrowserSource = "CHROME_PATH" | "system" | "npm";

export interface NpmChromium {
  readonly executablePath: string;
  /** What the browser's environment needs on top of this process's (fonts, libraries). */
  readonly env: Readonly<Record<string, string>>;
  /** e.g. "@sparticuz/chromium 153.0.0", for the log line. */
  readonly label: string;
}

export interface ResolvedBrowser {
  readonly executablePath: string;
  readonly source: BrowserSource;
  readonly env: Readonly<Record<string, string>>;
  readonly label: string;
}

/** What the resolver may ask of the machine. */
export interface BrowserProbe {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly arch: string;
  /** An executable file at that path. */
  isExecutable(file: string): boolean;
  /**
   * A snap's browser, or a script that starts one (Ubuntu's chromium-browser): its sandbox hides
   * the temp folder where playwright-core puts the profile, so it fails to start.
   */
  isSnap(file: string): boolean;
  /** Unpacks (once) and returns the npm Chromium; called only when it is the one taken. */
  npmChromium(): Promise<NpmChromium>;
}

/** The arguments every launch gets: headless, no sandbox (containers, root), no GPU. */
export const REQUIRED_ARGS: readonly string[] = ["--headless", "--no-sandbox", "--disable-gpu"];

const ON_PATH: Partial<Record<NodeJS.Platform, readonly string[]>> = {
  win32: ["chrome.exe", "msedge.exe"],
};
const ON_PATH_POSIX = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];
const MAC_APPS = [
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
  "/Applications/Chromium.app/Contents/MacOS/Chromium",
  "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge",
];
const LINUX_PLACES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
];
const WINDOWS_APPS = [
  "Google\\Chrome\\Application\\chrome.exe",
  "Microsoft\\Edge\\Application\\msedge.exe",
];

const nonEmpty = (value: string | undefined): string | undefined =>
  value !== undefined && value !== "" ? value : undefined;

/** The places a system browser may be, in the order they are tried. */
export function systemCandidates(probe: Pick<BrowserProbe, "env" | "platform">): string[] {
  const { env, platform } = probe;
  const p = platform === "win32" ? path.win32 : path.posix;
  const names = ON_PATH[platform] ?? ON_PATH_POSIX;
  const dirs = (env["PATH"] ?? "")
    .split(platform === "win32" ? ";" : ":")
    .filter((dir) => dir !== "");
  const onPath = dirs.flatMap((dir) => names.map((name) => p.join(dir, name)));
  let places: string[];
  if (platform === "darwin") {
    const home = nonEmpty(env["HOME"]);
    places = [...MAC_APPS, ...(home ? MAC_APPS.map((app) => p.join(home, app)) : [])];
  } else if (platform === "win32") {
    const roots = [env["ProgramFiles"], env["ProgramFiles(x86)"], env["LOCALAPPDATA"]];
    const present = roots.flatMap((root) => (nonEmpty(root) ? [root as string] : []));
    // Chrome wherever it is, before Edge.
    places = WINDOWS_APPS.flatMap((app) => present.map((root) => p.join(root, app)));
  } else {
    places = LINUX_PLACES;
  }
  return [...new Set([...onPath, ...places])];
}

/** The npm Chromium runs here only: @sparticuz/chromium ships a Linux x64 build alone. */
const npmRuns = (probe: Pick<BrowserProbe, "platform" | "arch">) =>
  probe.platform === "linux" && probe.arch === "x64";

async function fromNpm(probe: BrowserProbe, forced: boolean): Promise<ResolvedBrowser> {
  let npm: NpmChromium;
  try {
    npm = await probe.npmChromium();
  } catch (error) {
    throw new Error(
      `The Chromium of @sparticuz/chromium could not be unpacked (is \`npm ci\` done?): ` +
        `${error instanceof Error ? error.message : String(error)}. ` +
        `Or set CHROME_PATH to a Chrome or Chromium executable.`,
    );
  }
  const label = forced ? `${npm.label} (ISHC_BROWSER=npm)` : npm.label;
  return { ...npm, source: "npm", label };
}

/** The browser to drive: the order at the top of this file, over an injected probe. */
export async function resolveBrowser(probe: BrowserProbe): Promise<ResolvedBrowser> {
  const forced = nonEmpty(probe.env["ISHC_BROWSER"]);
  if (forced !== undefined) {
    if (forced !== "npm") {
      throw new Error(`ISHC_BROWSER="${forced}": the only value it takes is "npm".`);
    }
    if (!npmRuns(probe)) {
      throw new Error(
        `ISHC_BROWSER=npm: @sparticuz/chromium has a Chromium for Linux x64 only, ` +
          `not ${probe.platform} ${probe.arch}. Unset it and set CHROME_PATH instead.`,
      );
    }
    return fromNpm(probe, true);
  }
  const chromePath = nonEmpty(probe.env["CHROME_PATH"]);
  if (chromePath !== undefined) {
    if (!probe.isExecutable(chromePath)) {
      throw new Error(
        `CHROME_PATH is "${chromePath}", which is not an executable file: ` +
          `point CHROME_PATH at a Chrome or Chromium executable, or unset it.`,
      );
    }
    return { executablePath: chromePath, source: "CHROME_PATH", env: {}, label: chromePath };
  }
  const candidates = systemCandidates(probe);
  const found = candidates.find((file) => probe.isExecutable(file) && !probe.isSnap(file));
  if (found !== undefined) {
    return { executablePath: found, source: "system", env: {}, label: found };
  }
  if (npmRuns(probe)) return fromNpm(probe, false);
  throw new Error(
    `No Chrome, Chromium or Edge found for the browser tests (looked at ` +
      `${candidates.join(", ") || "nothing: no PATH"}). Install Chrome, or set CHROME_PATH to ` +
      `the browser's executable (macOS: "/Applications/Google Chrome.app/Contents/MacOS/Google ` +
      `Chrome"). On Linux x64 the @sparticuz/chromium devDependency provides one.`,
  );
}

/** The libraries `ldd` prints as "not found" (e.g. libnss3.so on a bare Linux). */
export function missingLibraries(lddOutput: string): string[] {
  return [...lddOutput.matchAll(/^\s*(\S+)\s+=>\s+not found/gm)].map((m) => m[1] as string);
}

const run = promisify(execFile);

/**
 * Unpacks the Chromium of @sparticuz/chromium into a folder of its version in the temp folder
 * (not the package's own fixed /tmp/chromium, which another version or a half-written copy could
 * hold): into a fresh folder first, renamed into place at the end, so that a run cut short or two
 * runs at once never leave a half-written browser behind. The package is an ES module, so it runs
 * in a child node, with TMPDIR (where it unpacks) set to that fresh folder. Then:
 *  - fonts: fontconfig reads the system's configuration, if any, plus the package's Open Sans
 *    (Vietnamese included), so that a machine without fonts still renders the pane's text;
 *  - libraries: this Chromium needs NSS, NSPR and expat; where the system lacks them (`ldd` says
 *    "not found"), the package's own copies (built for Amazon Linux 2023) go on LD_LIBRARY_PATH.
 */
async function unpackNpmChromium(): Promise<NpmChromium> {
  const entry = require.resolve("@sparticuz/chromium");
  const packageDir = path.resolve(path.dirname(entry), "..");
  const { version } = JSON.parse(readFileSync(path.join(packageDir, "package.json"), "utf8")) as {
    version: string;
  };
  const uid = process.getuid?.() ?? "user";
  const dir = path.join(os.tmpdir(), `ishc-chromium-${version}-${uid}`);
  const executablePath = path.join(dir, "chromium");
  if (!existsSync(path.join(dir, "fonts.conf"))) {
    const staging = mkdtempSync(`${dir}.partial-`);
    try {
      const script = `
        const [url, al2023] = process.argv.slice(1);
        import(url).then(async (m) => {
          const exe = await m.default.executablePath();
          await m.inflate(al2023);
          process.stdout.write(exe);
        }).catch((e) => { console.error(e); process.exit(1); });`;
      const { stdout } = await run(
        process.execPath,
        ["-e", script, pathToFileURL(entry).href, path.join(packageDir, "bin", "al2023.tar.br")],
        { env: { ...process.env, TMPDIR: staging }, timeout: 300_000 },
      );
      if (stdout !== path.join(staging, "chromium")) {
        throw new Error(`unpacked to "${stdout}", not into ${staging}`);
      }
      // Written last: its presence says the folder is complete.
      writeFileSync(
        path.join(staging, "fonts.conf"),
        `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n` +
          `  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n` +
          `  <dir>${path.join(dir, "fonts", "fonts")}</dir>\n` +
          `  <cachedir>${path.join(dir, "fonts-cache")}</cachedir>\n</fontconfig>\n`,
      );
      // A copy without fonts.conf is an older run's, cut short; a complete one is another's.
      if (existsSync(dir) && !existsSync(path.join(dir, "fonts.conf"))) {
        rmSync(dir, { recursive: true, force: true });
      }
      try {
        renameSync(staging, dir);
      } catch (error) {
        // Another run put its copy in place first: keep that one.
        if (!existsSync(path.join(dir, "fonts.conf"))) throw error;
      }
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  const env: Record<string, string> = { FONTCONFIG_FILE: path.join(dir, "fonts.conf") };
  let missing: string[];
  try {
    missing = missingLibraries((await run("ldd", [executablePath])).stdout);
  } catch {
    missing = ["(ldd did not run)"];
  }
  if (missing.length > 0) {
    const libs = path.join(dir, "al2023", "lib");
    const inherited = nonEmpty(process.env["LD_LIBRARY_PATH"]);
    env["LD_LIBRARY_PATH"] = inherited ? `${libs}:${inherited}` : libs;
  }
  const withLibs = missing.length > 0 ? `, its own ${missing.join(" ")}` : "";
  return { executablePath, env, label: `@sparticuz/chromium ${version}${withLibs}: ${dir}` };
}

function isExecutable(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false;
    if (process.platform !== "win32") accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function isSnap(file: string): boolean {
  try {
    const real = realpathSync(file);
    if (file.startsWith("/snap/") || real.startsWith("/snap/") || real.endsWith("/bin/snap")) {
      return true;
    }
    const head = Buffer.alloc(4096);
    const fd = openSync(real, "r");
    try {
      const text = head.subarray(0, readSync(fd, head, 0, head.length, 0)).toString("latin1");
      return text.startsWith("#!") && text.includes("/snap/");
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

let chosen: Promise<ResolvedBrowser> | undefined;

/** The browser on this machine, resolved and printed once per process. */
export function findBrowser(): Promise<ResolvedBrowser> {
  chosen ??= resolveBrowser({
    env: process.env,
    platform: process.platform,
    arch: process.arch,
    isExecutable,
    isSnap,
    npmChromium: unpackNpmChromium,
  }).then((browser) => {
    process.stdout.write(`Browser for the tests (${browser.source}): ${browser.label}\n`);
    return browser;
  });
  return chosen;
}

/** The required arguments, then `args`, each once. */
export const launchArgs = (args: readonly string[]): string[] => [
  ...new Set([...REQUIRED_ARGS, ...args]),
];

/** playwright-core's launch options: this machine's browser, the required arguments and `args`. */
export async function chromiumLaunchOptions(args: readonly string[] = []): Promise<LaunchOptions> {
  const browser = await findBrowser();
  const options: LaunchOptions = {
    executablePath: browser.executablePath,
    args: launchArgs(args),
  };
  if (Object.keys(browser.env).length > 0) options.env = { ...process.env, ...browser.env };
  return options;
}
