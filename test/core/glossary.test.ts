import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import * as ts from "typescript";
import {
  ACTIONS,
  AVOID_EN,
  AVOID_VI,
  GENERATED_SHEETS,
  REVIEW_WORDS,
  SEVERITY_LABEL,
  TERMS,
  VERDICT,
  countText,
  sourceText,
  summaryText,
} from "../../src/core/text/glossary";
import { say } from "../../src/core/model/i18n";

/**
 * docs/glossary.md and src/core/text/glossary.ts list the same terms; the product's texts use
 * none of the variants the glossary rules out, and write numbers as their language does.
 */
const ROOT = join(__dirname, "../..");

describe("the glossary page and the code", () => {
  const doc = readFileSync(join(ROOT, "docs/glossary.md"), "utf8");
  const cells = (line: string) =>
    line
      .split("|")
      .slice(1, -1)
      .map((c) => c.trim());

  it("lists exactly the code's terms, with the same words", () => {
    const inDoc: Record<string, { vi: string; en: string }> = {};
    for (const line of doc.split("\n")) {
      const [vi, en, code] = cells(line);
      const m = /^`(\w+)\.(\w+)`$/.exec(code ?? "");
      if (m && vi !== undefined && en !== undefined) inDoc[`${m[1]}.${m[2]}`] = { vi, en };
    }
    const groups = { VERDICT, SEVERITY_LABEL, TERMS, ACTIONS, GENERATED_SHEETS, REVIEW_WORDS };
    const inCode: Record<string, { vi: string; en: string }> = {};
    for (const [group, terms] of Object.entries(groups))
      for (const [key, t] of Object.entries(terms)) inCode[`${group}.${key}`] = { ...t };
    expect(Object.keys(inCode).length).toBeGreaterThan(40);
    expect(inDoc).toEqual(inCode);
  });

  it("lists exactly the code's variants not to write", () => {
    const doNot = doc.slice(doc.indexOf("## Do not write"));
    const vi = doNot.slice(0, doNot.indexOf("English:"));
    const en = doNot.slice(doNot.indexOf("English:"));
    const rows = (text: string) =>
      text
        .split("\n")
        .filter((l) => l.startsWith("|") && !/^\|\s*-/.test(l))
        .slice(1)
        .map((l) => {
          const [avoid = "", use = ""] = cells(l);
          return { avoid, use };
        });
    expect(rows(vi)).toEqual(AVOID_VI.map((a) => ({ ...a })));
    expect(rows(en)).toEqual(AVOID_EN.map((a) => ({ ...a })));
  });
});

// ---------------------------------------------------------------------------------------------
// The texts of the product, read from the source: the first argument of say() and `vi:` values
// are Vietnamese, the second argument and `en:` values English; every string of strings-vi.ts is
// Vietnamese and of strings-en.ts English. Reading vocabularies (header synonyms, the words a
// cell may hold) are plain strings, not texts the product says, and are not scanned.

type Lang = "vi" | "en";
interface Text {
  readonly lang: Lang;
  readonly text: string;
  readonly where: string;
}

/** The literal text of a node's strings, an interpolation shown as "{}". */
function stringsUnder(node: ts.Node): string[] {
  const out: string[] = [];
  const visit = (n: ts.Node): void => {
    if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) out.push(n.text);
    else if (ts.isTemplateExpression(n)) {
      out.push(n.head.text + n.templateSpans.map((s) => `{}${s.literal.text}`).join(""));
      n.templateSpans.forEach((s) => visit(s.expression));
    } else ts.forEachChild(n, visit);
  };
  visit(node);
  return out;
}

/** The texts of one source file, by language. */
function textsOf(source: string, file: string, whole?: Lang): Text[] {
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const out: Text[] = [];
  const add = (lang: Lang, node: ts.Node) => {
    const line = sf.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    for (const text of stringsUnder(node)) out.push({ lang, text, where: `${file}:${line}` });
  };
  const visit = (n: ts.Node): void => {
    if (ts.isImportDeclaration(n) || ts.isExportDeclaration(n)) return;
    if (whole !== undefined && (ts.isStringLiteral(n) || ts.isTemplateExpression(n))) {
      add(whole, n);
      return;
    }
    if (ts.isNoSubstitutionTemplateLiteral(n) && whole !== undefined) {
      add(whole, n);
      return;
    }
    if (ts.isCallExpression(n) && ts.isIdentifier(n.expression) && n.expression.text === "say") {
      const [vi, en] = n.arguments;
      if (vi) add("vi", vi);
      if (en) add("en", en);
      return;
    }
    if (
      ts.isPropertyAssignment(n) &&
      (ts.isIdentifier(n.name) || ts.isStringLiteral(n.name)) &&
      (n.name.text === "vi" || n.name.text === "en")
    ) {
      add(n.name.text, n.initializer);
      return;
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return out;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const AVOID: Readonly<Record<Lang, readonly RegExp[]>> = {
  vi: AVOID_VI.map((a) => new RegExp(`(?<![\\p{L}])${escape(a.avoid)}(?![\\p{L}])`, "iu")),
  en: AVOID_EN.map(
    (a) => new RegExp(/\w/.test(a.avoid) ? `\\b${escape(a.avoid)}\\b` : escape(a.avoid), "i"),
  ),
};
/**
 * The other language's number formats: in Vietnamese a decimal point before a percentage or a
 * percent sign straight after a digit ("59.6%", "60%"); in English a decimal comma before one or
 * a space before the sign ("59,6 %"). An Excel number format ("0.0%", "#,##0") is not a sentence.
 */
const FOREIGN_NUMBER: Readonly<Record<Lang, readonly RegExp[]>> = {
  vi: [/\d\.\d+ ?%/, /\d%/],
  en: [/\d,\d+ ?%/, /\d %/],
};
const NUMBER_FORMAT = /^[#0.,%;\s"đ-]*$/;

function problemsIn(texts: readonly Text[]): string[] {
  const found: string[] = [];
  for (const t of texts) {
    if (NUMBER_FORMAT.test(t.text)) continue;
    for (const re of AVOID[t.lang])
      if (re.test(t.text)) found.push(`${t.where}: ${t.lang} "${t.text}" uses ${String(re)}`);
    for (const re of FOREIGN_NUMBER[t.lang])
      if (re.test(t.text))
        found.push(`${t.where}: ${t.lang} "${t.text}" writes a number as ${String(re)}`);
  }
  return found;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return filesUnder(p);
    return /\.ts$/.test(name) ? [p] : [];
  });
}

describe("the product's texts", () => {
  it("finds a planted variant and a planted foreign number, and passes legitimate numbers", () => {
    const planted = textsOf(
      [
        'const a = say("CLB KA-01: Không đạt, tỷ lệ nữ 59.6%", "Club KA-01: 1 sheet(s), 59,6 %");',
        'const b = { vi: `Cần ${x}% nữ`, en: "women" };',
        "const c = `Xem sheet ${n}`;",
      ].join("\n"),
      "planted.ts",
    );
    expect(problemsIn(planted)).toHaveLength(5);
    const fine = textsOf(
      [
        'const a = say("Số liệu đến ngày 31.12.2024, bản 1.2.3: 5.000.000 đ, 59,6 %", "59.6%, 13,924");',
        'const style = { numFmt: "0.0%" };',
        'const b = say("Tỷ lệ ≥ 60 % – 70 %", "60%–70%");',
        'const words = ["Không đạt", "Hội viên"];',
      ].join("\n"),
      "fine.ts",
    );
    expect(fine.length).toBeGreaterThan(3);
    expect(problemsIn(fine)).toEqual([]);
  });

  it("use no variant the glossary rules out and write numbers as their language does", () => {
    const sources = [
      ...["src/core", "src/cli", "src/dialog"].flatMap((d) => filesUnder(join(ROOT, d))),
      join(ROOT, "src/taskpane/strings.ts"),
    ];
    const texts = sources.flatMap((p) => textsOf(readFileSync(p, "utf8"), relative(ROOT, p)));
    for (const [file, lang] of [
      ["src/taskpane/strings-vi.ts", "vi"],
      ["src/taskpane/strings-en.ts", "en"],
    ] as const)
      texts.push(...textsOf(readFileSync(join(ROOT, file), "utf8"), file, lang));
    // Not vacuous: most of the product's sentences are here.
    expect(texts.filter((t) => t.lang === "vi").length).toBeGreaterThan(500);
    expect(texts.filter((t) => t.lang === "en").length).toBeGreaterThan(500);
    expect(problemsIn(texts)).toEqual([]);
  });

  it("the golden reports' messages write percentages the Vietnamese way", () => {
    const dir = join(ROOT, "test/fixtures/golden");
    const messages = readdirSync(dir)
      .filter((f) => f.endsWith(".report.json"))
      .flatMap((f) => {
        const report = JSON.parse(readFileSync(join(dir, f), "utf8")) as {
          findings?: { message: string }[];
        };
        return (report.findings ?? []).map((x) => ({
          lang: "vi" as const,
          text: x.message,
          where: f,
        }));
      });
    expect(messages.filter((m) => m.text.includes("%")).length).toBeGreaterThan(3);
    expect(problemsIn(messages)).toEqual([]);
  });
});

describe("the glossary's sentences", () => {
  it("count with the language's grouping and English plurals", () => {
    expect(countText(13924, TERMS.error)).toEqual(say("13.924 lỗi", "13,924 errors"));
    expect(countText(1, TERMS.error)).toEqual(say("1 lỗi", "1 error"));
    expect(countText(2, TERMS.info)).toEqual(say("2 thông tin", "2 notes"));
    const s = { clubs: 220, compliant: 12, errors: 13924, warnings: 1, info: 0 };
    expect(summaryText(s, "vi")).toBe("12/220 CLB đạt; 13.924 lỗi, 1 cảnh báo, 0 thông tin");
    expect(summaryText(s, "en")).toBe("12/220 clubs pass; 13,924 errors, 1 warning, 0 notes");
    expect(summaryText({ clubs: 1, compliant: 0, errors: 1, warnings: 0 }, "en")).toBe(
      "0/1 club passes; 1 error, 0 warnings",
    );
    const source = { file: "A.xlsx", clubs: 1, members: 1234, funds: 2, roadmapUnits: 1 };
    expect(sourceText(source, "vi")).toBe(
      "A.xlsx: 1 CLB, 1.234 thành viên, 2 dòng quỹ, 1 đơn vị lộ trình",
    );
    expect(sourceText(source, "en")).toBe(
      "A.xlsx: 1 club, 1,234 members, 2 fund rows, 1 roadmap unit",
    );
  });
});
