import { Lang } from "./i18n";
import { SETTING_KEYS, SETTING_ORDER, SettingKey, settingSpec } from "./settings";

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

const unit = (key: SettingKey, lang: Lang): string => {
  const spec = settingSpec(key);
  return "unit" in spec && spec.unit ? spec.unit[lang] : "";
};

export function settingsJson(): object[] {
  return SETTING_KEYS.map((key) => ({ key, ...settingSpec(key) }));
}

/** Plain text, both languages, one block per setting, then the order constraints. */
export function settingsText(): string {
  const lines: string[] = [
    `${SETTING_KEYS.length} thiết lập / settings (tệp --settings: {"khóa / key": giá trị / value})`,
  ];
  for (const key of SETTING_KEYS) {
    const spec = settingSpec(key);
    const u = unit(key, "vi");
    lines.push("");
    lines.push(
      `${key}  [${spec.kind}; mặc định / default ${shownDefault(key)}; ${range(key)}${u ? ` ${u}` : ""}]`,
    );
    lines.push(`  ${spec.label.vi} / ${spec.label.en}`);
    lines.push(`  vi: ${spec.help.vi}`);
    lines.push(`  en: ${spec.help.en}`);
  }
  lines.push("");
  for (const o of SETTING_ORDER) lines.push(`${o.lower} ${o.strict ? "<" : "≤"} ${o.upper}`);
  return lines.join("\n");
}

const cell = (s: string): string => s.replace(/\|/g, "\\|");

/** The README's settings table, in schema order. */
export function settingsMarkdown(): string {
  const rows = SETTING_KEYS.map((key) => {
    const spec = settingSpec(key);
    const share = spec.kind === "share" ? " (share)" : "";
    return `| \`${key}\` | ${shownDefault(key)} | ${range(key)}${share} | ${cell(spec.label.vi)} | ${cell(spec.help.en)} |`;
  });
  return [
    "| setting | default | range | Vietnamese | meaning |",
    "| --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}
