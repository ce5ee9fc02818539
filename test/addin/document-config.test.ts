import {
  CONFIG_KEY,
  EMPTY_CONFIG,
  readConfig,
  settingsOf,
  writeConfig,
} from "../../src/addin/document-config";
import { InputError } from "../../src/core/model/errors";
import { DEFAULT_SETTINGS } from "../../src/core/model/settings";
import { MemoryDocumentSettings } from "../fakes/document-settings";

const stored = (value: unknown) => new MemoryDocumentSettings(new Map([[CONFIG_KEY, value]]));

describe("the configuration stored in the document", () => {
  it("round-trips settings and mapping through a saved and reopened document", async () => {
    const doc = new MemoryDocumentSettings();
    const config = {
      settings: { ageLine: 55, womenMin: 0.55 },
      mapping: { "DS hội viên": { role: "members" as const, headerRow: 3, columns: { C: "sex" } } },
    };
    await writeConfig(doc, config);
    expect(doc.saves).toBe(1);
    expect(readConfig(doc.reopen())).toEqual({ config });
  });

  it("is empty in a document that never stored one", () => {
    expect(readConfig(new MemoryDocumentSettings())).toEqual({ config: EMPTY_CONFIG });
  });

  it.each([
    ["not JSON", "{oops", /JSON|Unexpected|Expected/],
    ["a newer version", JSON.stringify({ version: 2, settings: {} }), /phiên bản 2, cần 1/],
    [
      "an unknown setting",
      JSON.stringify({ version: 1, settings: { women: 1 } }),
      /"women" không phải một thiết lập/,
    ],
    [
      "a share above 1",
      JSON.stringify({ version: 1, settings: { olderMin: 60 } }),
      /olderMin \(Tỷ lệ người cao tuổi tối thiểu\) = 60/,
    ],
    [
      "a bad mapping role",
      JSON.stringify({ version: 1, mapping: { X: { role: "people" } } }),
      /vai trò "people"/,
    ],
  ])("is set aside with a message when it holds %s", (_what, value, why) => {
    const loaded = readConfig(stored(value));
    expect(loaded.config).toEqual(EMPTY_CONFIG);
    expect(loaded.problem?.vi).toMatch(/^Thiết lập lưu trong sổ không dùng được/);
    expect(loaded.problem?.vi).toMatch(why);
    expect(loaded.problem?.en).toMatch(/^The settings stored in the workbook cannot be used/);
  });

  it("refuses to store an invalid setting and leaves the document as it was", async () => {
    const doc = new MemoryDocumentSettings();
    await expect(
      Promise.resolve().then(() => writeConfig(doc, { settings: { ageLine: 5 }, mapping: {} })),
    ).rejects.toThrow(/ageLine \(Older people from age\) = 5/);
    expect(doc.get(CONFIG_KEY)).toBeNull();
    expect(doc.saves).toBe(0);
  });

  it("reports a failed save in both languages", async () => {
    const doc = new MemoryDocumentSettings();
    doc.failNextSave = "read-only document";
    const error = await writeConfig(doc, EMPTY_CONFIG).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).text).toEqual({
      vi: "Không lưu được thiết lập vào sổ: read-only document.",
      en: "Could not save the settings in the workbook: read-only document.",
    });
    expect(doc.saved.size).toBe(0);
  });

  it("counts to today unless a reference date is stored, in the language of the run", () => {
    expect(settingsOf(EMPTY_CONFIG, "2026-11-28", "en")).toEqual({
      ...DEFAULT_SETTINGS,
      asOf: "2026-11-28",
      lang: "en",
    });
    const fixed = { settings: { asOf: "2025-06-30" }, mapping: {} };
    expect(settingsOf(fixed, "2026-11-28", "vi").asOf).toBe("2025-06-30");
  });
});
