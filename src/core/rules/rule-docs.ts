import { Severity } from "../model/finding";
import { RULE_IDS, RULES, RuleId } from "./registry";

/**
 * The registry as others read it: `ishc rules` (text and JSON) and the README's rule list, which a
 * test keeps equal to `rulesMarkdown()`.
 */
export interface RuleDoc {
  readonly id: RuleId;
  readonly scope: string;
  readonly severities: readonly Severity[];
  readonly criterion: boolean;
  readonly plan: { readonly section: string; readonly quote: string } | null;
  readonly settings: readonly string[];
  readonly title: { readonly vi: string; readonly en: string };
  readonly help: { readonly vi: string; readonly en: string };
}

export function ruleDocs(): RuleDoc[] {
  return RULE_IDS.map((id) => {
    const r = RULES[id];
    return {
      id,
      scope: r.scope,
      severities: [...r.severities],
      criterion: r.criterion,
      plan: r.plan,
      settings: [...r.settings],
      title: r.title,
      help: r.help,
    };
  });
}

const SEVERITY = {
  error: { vi: "lỗi", en: "error" },
  warning: { vi: "cảnh báo", en: "warning" },
  info: { vi: "thông tin", en: "info" },
} as const;

const severities = (d: RuleDoc, lang: "vi" | "en"): string =>
  d.severities.map((s) => SEVERITY[s][lang]).join(", ");

/** Plain text, both languages, one block per rule. */
export function rulesText(): string {
  const docs = ruleDocs();
  const lines = [
    `${docs.length} quy tắc / rules (${docs.filter((d) => d.criterion).length} tiêu chí của kế hoạch / plan criteria)`,
  ];
  for (const d of docs) {
    lines.push("");
    const kind = d.criterion ? "tiêu chí / criterion" : "thông tin dữ liệu / data";
    lines.push(`${d.id}  [${d.scope}; ${severities(d, "vi")} / ${severities(d, "en")}; ${kind}]`);
    lines.push(`  ${d.title.vi} / ${d.title.en}`);
    lines.push(`  vi: ${d.help.vi}`);
    lines.push(`  en: ${d.help.en}`);
    if (d.settings.length > 0) lines.push(`  thiết lập / settings: ${d.settings.join(", ")}`);
    if (d.plan) lines.push(`  kế hoạch / plan ${d.plan.section}: "${d.plan.quote}"`);
  }
  return lines.join("\n");
}

const cell = (s: string): string => s.replace(/\|/g, "\\|");

/** The README's rule list: one row per rule, in registry order. */
export function rulesMarkdown(): string {
  const rows = ruleDocs().map(
    (d) =>
      `| \`${d.id}\` | ${d.criterion ? "✓" : ""} | ${severities(d, "en")} | ${cell(d.title.vi)} | ${cell(d.title.en)} | ${d.settings.map((s) => `\`${s}\``).join(", ")} |`,
  );
  return [
    "| rule | criterion | severity | Vietnamese | English | settings |",
    "| --- | --- | --- | --- | --- | --- |",
    ...rows,
  ].join("\n");
}
