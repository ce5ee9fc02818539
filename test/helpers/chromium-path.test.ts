/**
 * The order in which the browser tests pick their browser (test/helpers/chromium-path.ts), on a
 * machine made up for each case: which files exist, the platform, the environment, and an npm
 * Chromium that says whether it was asked for.
 */
import {
  BrowserProbe,
  launchArgs,
  missingLibraries,
  resolveBrowser,
  systemCandidates,
} from "./chromium-path";

const NPM_EXE = "/tmp/ishc-chromium-153.0.0-0/chromium";

function machine(
  over: Partial<Omit<BrowserProbe, "isExecutable" | "isSnap" | "npmChromium">> & {
    files?: readonly string[];
    snaps?: readonly string[];
    npmFails?: boolean;
  } = {},
): BrowserProbe & { npmAsked: () => number } {
  const files = new Set(over.files ?? []);
  const snaps = new Set(over.snaps ?? []);
  let asked = 0;
  return {
    env: over.env ?? { PATH: "/usr/local/bin:/usr/bin:/bin" },
    platform: over.platform ?? "linux",
    arch: over.arch ?? "x64",
    isExecutable: (file) => files.has(file),
    isSnap: (file) => snaps.has(file),
    npmChromium: async () => {
      asked += 1;
      if (over.npmFails) throw new Error("Cannot find module '@sparticuz/chromium'");
      return { executablePath: NPM_EXE, env: { FONTCONFIG_FILE: "/x/fonts.conf" }, label: "npm" };
    },
    npmAsked: () => asked,
  };
}

describe("resolveBrowser", () => {
  test("CHROME_PATH wins over a system browser and the npm one", async () => {
    const probe = machine({
      env: { CHROME_PATH: "/opt/chrome/chrome", PATH: "/usr/bin" },
      files: ["/opt/chrome/chrome", "/usr/bin/chromium"],
    });
    await expect(resolveBrowser(probe)).resolves.toMatchObject({
      executablePath: "/opt/chrome/chrome",
      source: "CHROME_PATH",
      env: {},
    });
    expect(probe.npmAsked()).toBe(0);
  });

  test("a CHROME_PATH that is not there is an error naming CHROME_PATH, not a fallback", async () => {
    const probe = machine({
      env: { CHROME_PATH: "/nowhere/chrome", PATH: "/usr/bin" },
      files: ["/usr/bin/chromium"],
    });
    await expect(resolveBrowser(probe)).rejects.toThrow(
      /^CHROME_PATH is "\/nowhere\/chrome", which is not an executable file/,
    );
    expect(probe.npmAsked()).toBe(0);
  });

  test("an empty CHROME_PATH counts as unset", async () => {
    const probe = machine({
      env: { CHROME_PATH: "", PATH: "/usr/bin" },
      files: ["/usr/bin/chromium"],
    });
    await expect(resolveBrowser(probe)).resolves.toMatchObject({ source: "system" });
  });

  test("ISHC_BROWSER=npm takes the npm Chromium, over a system browser and CHROME_PATH", async () => {
    const probe = machine({
      env: { ISHC_BROWSER: "npm", CHROME_PATH: "/opt/chrome/chrome", PATH: "/usr/bin" },
      files: ["/opt/chrome/chrome", "/usr/bin/chromium"],
    });
    const browser = await resolveBrowser(probe);
    expect(browser).toMatchObject({
      executablePath: NPM_EXE,
      source: "npm",
      env: { FONTCONFIG_FILE: "/x/fonts.conf" },
    });
    expect(browser.label).toContain("ISHC_BROWSER=npm");
    expect(probe.npmAsked()).toBe(1);
  });

  test("ISHC_BROWSER takes only npm, and only where the npm Chromium runs", async () => {
    await expect(resolveBrowser(machine({ env: { ISHC_BROWSER: "system" } }))).rejects.toThrow(
      'ISHC_BROWSER="system": the only value it takes is "npm".',
    );
    const mac = machine({ env: { ISHC_BROWSER: "npm" }, platform: "darwin", arch: "arm64" });
    await expect(resolveBrowser(mac)).rejects.toThrow(
      /Linux x64 only, not darwin arm64.*CHROME_PATH/,
    );
    const arm = machine({ env: { ISHC_BROWSER: "npm" }, arch: "arm64" });
    await expect(resolveBrowser(arm)).rejects.toThrow(/not linux arm64/);
    expect(mac.npmAsked() + arm.npmAsked()).toBe(0);
  });

  test("a system browser on the PATH comes first, then the usual places", async () => {
    const onPath = machine({
      env: { PATH: "/home/me/bin:/usr/bin" },
      files: ["/usr/bin/chromium", "/home/me/bin/google-chrome"],
    });
    await expect(resolveBrowser(onPath)).resolves.toMatchObject({
      executablePath: "/home/me/bin/google-chrome",
      source: "system",
    });
    const offPath = machine({
      env: { PATH: "/home/me/bin" },
      files: ["/usr/bin/chromium-browser"],
    });
    await expect(resolveBrowser(offPath)).resolves.toMatchObject({
      executablePath: "/usr/bin/chromium-browser",
    });
    expect(onPath.npmAsked() + offPath.npmAsked()).toBe(0);
  });

  test("a snap's Chromium is passed over for the npm one", async () => {
    const probe = machine({
      env: { PATH: "/snap/bin:/usr/bin" },
      files: ["/snap/bin/chromium", "/usr/bin/chromium-browser"],
      snaps: ["/snap/bin/chromium", "/usr/bin/chromium-browser"],
    });
    await expect(resolveBrowser(probe)).resolves.toMatchObject({ source: "npm" });
  });

  test("on Linux x64 with no system browser: the npm Chromium", async () => {
    const probe = machine();
    await expect(resolveBrowser(probe)).resolves.toMatchObject({
      executablePath: NPM_EXE,
      source: "npm",
      label: "npm",
    });
    expect(probe.npmAsked()).toBe(1);
  });

  test("an npm Chromium that cannot be unpacked says why and points to CHROME_PATH", async () => {
    await expect(resolveBrowser(machine({ npmFails: true }))).rejects.toThrow(
      /could not be unpacked .*Cannot find module '@sparticuz\/chromium'.*set CHROME_PATH/,
    );
  });

  test("elsewhere, with no browser found: an error asking for CHROME_PATH", async () => {
    for (const probe of [
      machine({ arch: "arm64" }),
      machine({ platform: "darwin", arch: "arm64", env: { PATH: "/usr/bin", HOME: "/Users/me" } }),
      machine({ platform: "win32", env: { PATH: "C:\\Windows" } }),
    ]) {
      await expect(resolveBrowser(probe)).rejects.toThrow(/set CHROME_PATH/);
      expect(probe.npmAsked()).toBe(0);
    }
  });

  test("macOS: Chrome in /Applications, or in the user's own Applications", async () => {
    const chrome = "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome";
    const mac = (files: string[]) =>
      machine({
        platform: "darwin",
        arch: "arm64",
        env: { PATH: "/usr/bin", HOME: "/Users/me" },
        files,
      });
    await expect(resolveBrowser(mac([chrome]))).resolves.toMatchObject({ executablePath: chrome });
    await expect(resolveBrowser(mac([`/Users/me${chrome}`]))).resolves.toMatchObject({
      executablePath: `/Users/me${chrome}`,
    });
  });

  test("Windows: Chrome, else Edge, under Program Files", async () => {
    const env = {
      PATH: "C:\\Windows;C:\\Windows\\System32",
      ProgramFiles: "C:\\Program Files",
      "ProgramFiles(x86)": "C:\\Program Files (x86)",
      LOCALAPPDATA: "C:\\Users\\me\\AppData\\Local",
    };
    const edge = "C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe";
    const chrome = "C:\\Users\\me\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe";
    const win = (files: string[]) => machine({ platform: "win32", env, files });
    await expect(resolveBrowser(win([edge]))).resolves.toMatchObject({ executablePath: edge });
    await expect(resolveBrowser(win([edge, chrome]))).resolves.toMatchObject({
      executablePath: chrome,
    });
    expect(systemCandidates({ platform: "win32", env })).toContain(
      "C:\\Windows\\System32\\chrome.exe",
    );
  });
});

test("launchArgs: headless, no sandbox and no GPU always, then the caller's, each once", () => {
  expect(launchArgs(["--no-sandbox", "--no-first-run"])).toEqual([
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
  ]);
});

test("missingLibraries reads ldd's 'not found' lines", () => {
  const ldd = [
    "\tlinux-vdso.so.1 (0x00007ffd)",
    "\tlibnss3.so => not found",
    "\tlibm.so.6 => /lib/x86_64-linux-gnu/libm.so.6 (0x00007f2e)",
    "\tlibexpat.so.1 => not found",
  ].join("\n");
  expect(missingLibraries(ldd)).toEqual(["libnss3.so", "libexpat.so.1"]);
  expect(missingLibraries("\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x1)\n")).toEqual([]);
});
