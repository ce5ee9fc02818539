import { Lang } from "./i18n";
import { SETTING_KEYS, SETTING_ORDER, SettingKey, SettingOrder, settingSpec } from "./settings";

/**
 * The settings schema as others read it: `ishc settings` (text and JSON) and the README's table,
 * which a test keeps equal to `settingsMarkdown()`.
 */

/** The default as a user gives it: the reference date is today unless one is set. */
const shownDefault = (key: SettingKey): string => {
  const spec = settingSpec(key);
  return spec.kind === "date" ? "today / hôm nay" : String(spec.default);
};

const range = (key: SettingKey): string => {
  const spec = settingSpec(key);
  if (spec.kind === "date") return "YYYY-MM-DD";
  if (spec.kind === "lang") return "vi, en";
  return `${spec.min} – ${spec.max}`;
};

/**
 * The unit of the value as a file gives it: a share is a fraction there (0.6), though the pane
 * shows it as a percentage (the schema's unit).
 */
const unit = (key: SettingKey, lang: Lang): string => {
  const spec = settingSpec(key);
  if (spec.kind === "share") return lang === "vi" ? "tỷ lệ" : "share";
  return "unit" in spec && spec.unit ? spec.unit[lang] : "";
};

const orderText = (o: SettingOrder): string => `${o.lower} ${o.strict ? "<" : "≤"} ${o.upper}`;

/**
 * `ishc settings --json`: every setting with its whole schema entry, and the order pairs. The
 * reference date's default is given as "today", which it is for a check; the schema's fixed day
 * only stands in for it where no day is known.
 */
export function settingsJson(): {
  settings: ({ key: SettingKey } & ReturnType<typeof settingSpec>)[];
  order: readonly SettingOrder[];
} {
  return {
    settings: SETTING_KEYS.map((key) => {
      const spec = settingSpec(key);
      return spec.kind === "date" ? { key, ...spec, default: "today" } : { key, ...spec };
    }),
    order: SETTING_ORDER,
  };
}

/** Columns padded to their widest cell, two spaces apart. */
function columns(rows: readonly (readonly string[])[]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join("  ")
      .trimEnd(),
  );
}

const both = (vi: string, en: string): string => (vi || en ? `${vi} / ${en}` : "");

/**
 * `ishc settings`: a table of every setting (key, default, bounds, unit, label in both languages),
 * what each one changes, and which must not exceed which.
 */
export function settingsText(): string {
  const table = columns([
    ["khóa / key", "mặc định / default", "giới hạn / bounds", "đơn vị tính / unit", "tên / label"],
    ...SETTING_KEYS.map((key) => {
      const { label } = settingSpec(key);
      return [
        key,
        shownDefault(key),
        range(key),
        both(unit(key, "vi"), unit(key, "en")),
        both(label.vi, label.en),
      ];
    }),
  ]);
  const width = Math.max(...SETTING_KEYS.map((k) => k.length));
  const meaning = SETTING_KEYS.flatMap((key) => {
    const { help } = settingSpec(key);
    return [`  ${key.padEnd(width)}  ${help.vi}`, `  ${"".padEnd(width)}  ${help.en}`];
  });
  return [
    `${SETTING_KEYS.length} thiết lập / settings; tệp / file --settings: {"khóa / key": giá trị / value, …}`,
    "",
    ...table,
    "",
    "Ý nghĩa / Meaning:",
    ...meaning,
    "",
    `Ràng buộc / Constraints: ${SETTING_ORDER.map(orderText).join(", ")}`,
  ].join("\n");
}

const cell = (s: string): string => s.replace(/\|/g, "\\|");

/** The README's settings table, in schema order, and the order pairs under it. */
export function settingsMarkdown(): string {
  const rows = SETTING_KEYS.map((key) => {
    const spec = settingSpec(key);
    const u = spec.kind === "share" ? "(share)" : unit(key, "en");
    return `| \`${key}\` | ${shownDefault(key)} | ${range(key)}${u ? ` ${u}` : ""} | ${cell(spec.label.vi)} | ${cell(spec.help.en)} |`;
  });
  const order = SETTING_ORDER.map((o) => `\`${orderText(o)}\``).join(", ");
  return [
    "| setting | default | range | Vietnamese | meaning |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
    "",
    `And across settings: ${order}.`,
  ].join("\n");
}
