import { SETTING_KEYS, settingSpec } from "../../src/core/model/settings";
import { runCli } from "../helpers/cli-run";

describe("ishc settings", () => {
  test("lists every setting of the schema in both languages, with its range", async () => {
    const { code, out } = await runCli("settings");
    expect(code).toBe(0);
    for (const key of SETTING_KEYS) {
      const { label } = settingSpec(key);
      expect(out).toContain(`\n${key}  [`);
      expect(out).toContain(`${label.vi} / ${label.en}`);
    }
    expect(out).toMatch(/womenMin {2}\[share; mặc định \/ default 0\.6; 0 – 1 %\]/);
    expect(out).toContain("minAge < maxAge");
  });

  test("--json gives the schema as data", async () => {
    const { code, out } = await runCli("settings", "--json");
    expect(code).toBe(0);
    const list = JSON.parse(out) as { key: string; kind: string; min?: number; max?: number }[];
    expect(list.map((s) => s.key)).toEqual(SETTING_KEYS);
    expect(list.find((s) => s.key === "outlierK")).toMatchObject({
      kind: "number",
      min: 1,
      max: 10,
    });
  });

  test("refuses an option it does not take", async () => {
    const { code, err } = await runCli("settings", "--out", "x");
    expect(code).toBe(2);
    expect(err).toMatch(/unknown option --out/);
  });
});
