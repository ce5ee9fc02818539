import { Lang, LocalText, say } from "./i18n";

/**
 * Every setting of the check, in one schema: its default (the Vũ Quang / Hà Tĩnh 2020 plan's
 * values, docs/domain.md), its kind, inclusive bounds, unit, and its label and help in both
 * languages. The `Settings` type, the defaults, the validation (check/validate-settings.ts), the
 * pane's settings form, `ishc settings` and the README's table all come from here: a setting is
 * added by adding an entry (README, "How to add a setting").
 */

/**
 * - `date`: an ISO day "YYYY-MM-DD"; `lang`: "vi" or "en";
 * - `share`: a fraction from 0 to 1, typed as a percentage in the pane;
 * - `count`, `age`: whole numbers (members, years); `number`: any number within its bounds.
 */
export type SettingKind = "date" | "lang" | "share" | "count" | "age" | "number";

interface SettingBase {
  readonly kind: SettingKind;
  /** A short name, as the pane's form and the messages show it. */
  readonly label: LocalText;
  /** What it changes, in a sentence. */
  readonly help: LocalText;
  /** Shown in the pane's settings form (the others are set in a settings file or the CLI). */
  readonly inPane: boolean;
}

export interface NumberSetting extends SettingBase {
  readonly kind: "share" | "count" | "age" | "number";
  readonly default: number;
  readonly min: number;
  readonly max: number;
  readonly unit: LocalText | null;
}

export interface DateSetting extends SettingBase {
  readonly kind: "date";
  readonly default: string;
}

export interface LangSetting extends SettingBase {
  readonly kind: "lang";
  readonly default: Lang;
}

export type SettingSpec = NumberSetting | DateSetting | LangSetting;

const PERCENT = say("%", "%");
const YEARS = say("tuổi", "years");
const MEMBERS = say("thành viên", "members");

const share = (dflt: number, label: LocalText, help: LocalText): NumberSetting => ({
  kind: "share",
  default: dflt,
  min: 0,
  max: 1,
  unit: PERCENT,
  label,
  help,
  inPane: true,
});

export const SETTINGS_SCHEMA = {
  asOf: {
    kind: "date",
    default: "2025-12-31",
    label: say("Ngày báo cáo", "Reference date"),
    help: say(
      "Tuổi, người đã ra khỏi CLB và năm của lộ trình tính đến ngày này (mặc định: hôm nay).",
      "Ages, leavers and the roadmap's years count to this day (by default: today).",
    ),
    inPane: true,
  },
  lang: {
    kind: "lang",
    default: "vi",
    label: say("Ngôn ngữ", "Language"),
    help: say(
      "Ngôn ngữ của các sheet kết quả và thông báo: vi hoặc en.",
      "The language of the generated sheets and messages: vi or en.",
    ),
    inPane: false,
  },
  ageLine: {
    kind: "age",
    default: 60,
    min: 40,
    max: 80,
    unit: YEARS,
    label: say("Tuổi tính là người cao tuổi", "Older people from age"),
    help: say(
      "Thành viên từ tuổi này trở lên (tính đến ngày báo cáo) là người cao tuổi: 60 theo Luật Người cao tuổi, 55 ở nhiều CLB.",
      "From this age (at the reference date) a member counts as older: 60 by law, 55 in many clubs.",
    ),
    inPane: true,
  },
  minMembers: {
    kind: "count",
    default: 50,
    min: 1,
    max: 10000,
    unit: MEMBERS,
    label: say("Số thành viên tối thiểu", "Minimum members"),
    help: say(
      "Số thành viên của mỗi CLB không ít hơn mức này (kế hoạch: 50).",
      "Every club has at least this many members (the plan: 50).",
    ),
    inPane: true,
  },
  maxMembers: {
    kind: "count",
    default: 70,
    min: 1,
    max: 10000,
    unit: MEMBERS,
    label: say("Số thành viên tối đa (vượt: cảnh báo)", "Maximum members (above: a warning)"),
    help: say(
      "Quyết định 1336/QĐ-TTg nêu 50-70 thành viên; CLB đông hơn mức này được cảnh báo.",
      "Decision 1336/QĐ-TTg says 50-70 members; a club larger than this gets a warning.",
    ),
    inPane: true,
  },
  womenMin: share(
    0.6,
    say("Tỷ lệ nữ tối thiểu", "Minimum share of women"),
    say(
      "Tỷ lệ nữ trong số thành viên của mỗi CLB không thấp hơn mức này.",
      "In every club, women make up at least this share of the members.",
    ),
  ),
  womenMax: share(
    0.7,
    say("Tỷ lệ nữ tối đa", "Maximum share of women"),
    say(
      "Tỷ lệ nữ trong số thành viên của mỗi CLB không vượt quá mức này.",
      "In every club, women make up at most this share of the members.",
    ),
  ),
  olderMin: share(
    0.6,
    say("Tỷ lệ người cao tuổi tối thiểu", "Minimum share of older people"),
    say(
      "Tỷ lệ người cao tuổi trong số thành viên của mỗi CLB không thấp hơn mức này.",
      "In every club, older people make up at least this share of the members.",
    ),
  ),
  olderMax: share(
    0.7,
    say("Tỷ lệ người cao tuổi tối đa", "Maximum share of older people"),
    say(
      "Tỷ lệ người cao tuổi trong số thành viên của mỗi CLB không vượt quá mức này.",
      "In every club, older people make up at most this share of the members.",
    ),
  ),
  youngerMin: share(
    0.3,
    say("Tỷ lệ người trẻ tuổi tối thiểu", "Minimum share of younger people"),
    say(
      "Tỷ lệ người trẻ tuổi (chưa đến tuổi cao tuổi) trong số thành viên của mỗi CLB không thấp hơn mức này.",
      "In every club, younger people (below the older age) make up at least this share of the members.",
    ),
  ),
  youngerMax: share(
    0.4,
    say("Tỷ lệ người trẻ tuổi tối đa", "Maximum share of younger people"),
    say(
      "Tỷ lệ người trẻ tuổi (chưa đến tuổi cao tuổi) trong số thành viên của mỗi CLB không vượt quá mức này.",
      "In every club, younger people (below the older age) make up at most this share of the members.",
    ),
  ),
  borrowersMin: share(
    0.5,
    say("Tỷ lệ thành viên được vay vốn tối thiểu", "Minimum share of borrowers"),
    say(
      "Tỷ lệ thành viên được vay vốn từ quỹ của mỗi CLB không thấp hơn mức này.",
      "In every club, at least this share of the members borrow from the club's fund.",
    ),
  ),
  activeShareMin: share(
    0.7,
    say("Tỷ lệ CLB hoạt động tốt mỗi đơn vị", "Share of well-run clubs per unit"),
    say(
      "Trong mỗi đơn vị, tỷ lệ CLB thực hiện đủ 8 hoạt động, được quản lý tốt và đủ người được vay vốn không thấp hơn mức này.",
      "In every unit, clubs with all eight activities, well managed and with enough borrowers make up at least this share.",
    ),
  ),
  fundShareMin: share(
    1,
    say("Tỷ lệ CLB có quỹ và quy chế mỗi đơn vị", "Share of clubs with a fund per unit"),
    say(
      "Trong mỗi đơn vị, tỷ lệ CLB có quỹ hoạt động tự quản lý theo quy chế không thấp hơn mức này.",
      "In every unit, clubs with an operating fund managed under their own regulation make up at least this share.",
    ),
  ),
  minAge: {
    kind: "age",
    default: 16,
    min: 0,
    max: 100,
    unit: YEARS,
    label: say("Tuổi nhỏ nhất hợp lý", "Lowest plausible age"),
    help: say(
      "Năm sinh cho tuổi dưới mức này (tính đến ngày báo cáo) bị báo là không hợp lý.",
      "A birth year giving an age below this (at the reference date) is reported as implausible.",
    ),
    inPane: false,
  },
  maxAge: {
    kind: "age",
    default: 110,
    min: 1,
    max: 150,
    unit: YEARS,
    label: say("Tuổi lớn nhất hợp lý", "Highest plausible age"),
    help: say(
      "Năm sinh cho tuổi trên mức này (tính đến ngày báo cáo) bị báo là không hợp lý.",
      "A birth year giving an age above this (at the reference date) is reported as implausible.",
    ),
    inPane: false,
  },
  outlierK: {
    kind: "number",
    default: 3.5,
    min: 1,
    max: 10,
    unit: null,
    label: say("Ngưỡng giá trị bất thường (k)", "Outlier threshold (k)"),
    // 3.5 is Iglewicz and Hoaglin's cut-off for the modified z-score: it lets normal variation
    // through and catches a digit typed too many or a wrong decade.
    help: say(
      "Số tiền quỹ, tiền vay, tuổi cách trung vị hơn k·MAD (× 1,4826) được cảnh báo; từ 1 đến 10, mặc định 3,5.",
      "Fund amounts, loans and ages more than k·MAD (× 1.4826) from the median get a warning; from 1 to 10, 3.5 by default.",
    ),
    inPane: true,
  },
} as const satisfies Record<string, SettingSpec>;

type Schema = typeof SETTINGS_SCHEMA;
export type SettingKey = keyof Schema;

type ValueOf<S> = S extends { kind: "date" } ? string : S extends { kind: "lang" } ? Lang : number;

/** The settings of one check, derived from the schema. */
export type Settings = { readonly [K in SettingKey]: ValueOf<Schema[K]> };

/** The settings that are numbers (shares, counts, ages, plain numbers): those with bounds. */
export type NumberSettingKey = {
  [K in SettingKey]: Schema[K] extends { kind: NumberSetting["kind"] } ? K : never;
}[SettingKey];

export const SETTING_KEYS = Object.keys(SETTINGS_SCHEMA) as SettingKey[];

export const settingSpec = (key: SettingKey): SettingSpec => SETTINGS_SCHEMA[key];

export const isNumberSetting = (key: SettingKey): key is NumberSettingKey => {
  const { kind } = settingSpec(key);
  return kind !== "date" && kind !== "lang";
};

/** A share as the pane types it, in percent without float noise: 0.6 -> "60", 0.655 -> "65.5". */
export const sharePercent = (share: number): string => String(Math.round(share * 10000) / 100);

export const numberSpec = (key: NumberSettingKey): NumberSetting => SETTINGS_SCHEMA[key];

export const DEFAULT_SETTINGS: Settings = Object.fromEntries(
  SETTING_KEYS.map((k) => [k, SETTINGS_SCHEMA[k].default]),
) as unknown as Settings;

/** Two number settings of which `lower` must not exceed `upper` (`strict`: must stay below it). */
export interface SettingOrder {
  readonly lower: NumberSettingKey;
  readonly upper: NumberSettingKey;
  readonly strict: boolean;
}

/** The schema's cross-field constraints, checked with the bounds by validateSettings. */
export const SETTING_ORDER: readonly SettingOrder[] = [
  { lower: "womenMin", upper: "womenMax", strict: false },
  { lower: "olderMin", upper: "olderMax", strict: false },
  { lower: "youngerMin", upper: "youngerMax", strict: false },
  { lower: "minMembers", upper: "maxMembers", strict: false },
  { lower: "minAge", upper: "maxAge", strict: true },
];
