import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SETTING_KEYS, SETTING_ORDER, settingSpec } from "../../src/core/model/settings";
import { runCli } from "../helpers/cli-run";

describe("ishc settings", () => {
  test("lists every setting of the schema as a table, in both languages", async () => {
    const { code, out } = await runCli("settings");
    expect(code).toBe(0);
    const lines = out.split("\n");
    const header = lines.find((l) => l.startsWith("khóa / key"))!;
    expect(header).toMatch(
      /^khóa \/ key +mặc định \/ default +giới hạn \/ bounds +đơn vị tính \/ unit +tên \/ label$/,
    );
    // One row a setting, in schema order, its columns where the header's are.
    const rows = lines.slice(
      lines.indexOf(header) + 1,
      lines.indexOf(header) + 1 + SETTING_KEYS.length,
    );
    expect(rows.map((r) => r.split(" ")[0])).toEqual(SETTING_KEYS);
    const labelAt = header.indexOf("tên / label");
    for (const [i, key] of SETTING_KEYS.entries()) {
      const { label } = settingSpec(key);
      expect(rows[i]!.slice(labelAt)).toBe(`${label.vi} / ${label.en}`);
    }
    expect(rows[SETTING_KEYS.indexOf("womenMin")]).toMatch(
      /^womenMin +0\.6 +0 – 1 +tỷ lệ \/ share +Tỷ lệ nữ tối thiểu/,
    );
    expect(rows[SETTING_KEYS.indexOf("ageLine")]).toMatch(/^ageLine +60 +40 – 80 +tuổi \/ years /);
    expect(rows[SETTING_KEYS.indexOf("asOf")]).toMatch(/^asOf +today \/ hôm nay +YYYY-MM-DD /);
    // What each one changes, in both languages, and which must not exceed which.
    for (const key of SETTING_KEYS) {
      const { help } = settingSpec(key);
      expect(out).toContain(help.vi);
      expect(out).toContain(help.en);
    }
    expect(out).toContain(
      "womenMin ≤ womenMax, olderMin ≤ olderMax, youngerMin ≤ youngerMax, minMembers ≤ maxMembers, minAge < maxAge",
    );
  });

  test("--json gives the schema as data", async () => {
    const { code, out } = await runCli("settings", "--json");
    expect(code).toBe(0);
    const schema = JSON.parse(out) as {
      settings: { key: string; kind: string; default: unknown; min?: number; max?: number }[];
      order: unknown[];
    };
    expect(schema.settings.map((s) => s.key)).toEqual(SETTING_KEYS);
    expect(schema.settings.find((s) => s.key === "outlierK")).toMatchObject({
      kind: "number",
      default: 3.5,
      min: 1,
      max: 10,
      label: { vi: "Ngưỡng giá trị bất thường (k)", en: "Outlier threshold (k)" },
    });
    expect(schema.settings.find((s) => s.key === "womenMin")).toMatchObject({
      kind: "share",
      unit: { vi: "%", en: "%" },
    });
    expect(schema.settings.find((s) => s.key === "asOf")).toMatchObject({ default: "today" });
    expect(schema.order).toEqual(SETTING_ORDER);
  });

  test("the installed bin prints the same (npm run build:cli)", async () => {
    const bin = join(__dirname, "../../bin/ishc.js");
    const printed = execFileSync(process.execPath, [bin, "settings", "--json"], {
      encoding: "utf8",
    });
    expect(JSON.parse(printed)).toEqual(JSON.parse((await runCli("settings", "--json")).out));
  });

  test("--settings FILE is checked by the same schema", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ishc-settings-"));
    try {
      const file = join(dir, "settings.json");
      /** `ishc check` with these settings in a file (the input need not exist: they come first). */
      const checkWith = (settings: object) => {
        writeFileSync(file, JSON.stringify(settings));
        const args = ["--report", join(dir, "r.json"), "--settings", file];
        return runCli("check", join(dir, "none.xlsx"), ...args);
      };
      const bad = await checkWith({ womenMax: 1.5 });
      expect(bad.code).toBe(2);
      expect(bad.err).toContain("womenMax (Maximum share of women) = 1.5");
      const order = await checkWith({ minMembers: 80 });
      expect(order.code).toBe(2);
      expect(order.err).toContain(
        "minMembers is greater than maxMembers: Minimum members 80 > Maximum members (above: a warning) 70",
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("refuses an option it does not take", async () => {
    const { code, err } = await runCli("settings", "--out", "x");
    expect(code).toBe(2);
    expect(err).toMatch(/unknown option --out/);
  });
});
