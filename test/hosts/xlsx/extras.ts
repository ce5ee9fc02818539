import { asA1 } from "../../../src/core/model/brand";
import { GeneratedSheet, PlanCell, WritePlan } from "../../../src/core/model/write-plan";
import { openXlsx } from "../../../src/hosts/xlsx";
import { resolveTarget } from "../../../src/hosts/xlsx/package";
import { buildPackage, text, withChart } from "./fixtures";

/** Plans with dropdowns, page setup and charts, a user's workbook to apply them to, and checks. */
export const UNITS = ["Huyện Vũ Quang", "Hương Khê", "Thị xã Hồng Lĩnh"];

export function appendix(name = "Phụ lục", charts = 1): GeneratedSheet {
  const rows: PlanCell[][] = [
    [{ v: "PHỤ LỤC", style: "title" }],
    [],
    [
      { v: "Đơn vị", style: "header" },
      { v: "Kế hoạch", style: "header" },
      { v: "Đã thành lập", style: "header" },
      { v: "Trạng thái", style: "header" },
    ],
    ...UNITS.map((u, i): PlanCell[] => [
      { v: u },
      { v: 10 + i, style: "integer" },
      i === 1 ? { v: null } : { v: 4 + i, style: "integer" },
      { v: null },
    ]),
    [{ v: 45000, style: "date" }],
  ];
  const chart = (n: number) => ({
    name: `ISHC chart ${n}`,
    title: `Lộ trình ${n} <&>`,
    categories: asA1("A4:A6"),
    series: [
      { name: "Kế hoạch", values: asA1("B4:B6") },
      { name: "Đã thành lập", values: asA1("C4:C6") },
    ],
    from: asA1(n === 1 ? "F3" : "F20"),
    to: asA1(n === 1 ? "M18" : "M35"),
  });
  return {
    kind: "appendix",
    name,
    rows,
    merges: [asA1("A1:D1")],
    columnWidths: [30, 10, 10, 16],
    freezeRows: 3,
    validations: [
      { range: asA1("D4:D6"), values: ["Đạt", "Chưa đạt", 'Nói "không"'], prompt: "Chọn kết quả" },
    ],
    charts: Array.from({ length: charts }, (_, i) => chart(i + 1)),
    print: {
      orientation: "landscape",
      paper: "A4",
      scale: 85,
      titleRows: [3, 3],
      area: asA1("A1:D7"),
      rowBreaks: [7, 5, 5],
      centerHorizontally: true,
      footer: "Trang &P/&N",
    },
  };
}

export const USER_NAMES =
  '<definedName name="Counts">CLB!$B$2:$B$4</definedName>' +
  '<definedName name="_xlnm.Print_Area" localSheetId="0">\'Thành viên\'!$A$1:$E$9</definedName>';

/** The user's workbook: two sheets, their own chart on the second, their own defined names. */
export const userBook = (): Uint8Array =>
  withChart(
    buildPackage({
      sheets: [
        { name: "Thành viên", rows: '<row r="1"><c r="A1"><v>1</v></c></row>' },
        { name: "CLB", rows: '<row r="2"><c r="B2"><v>3</v></c></row>' },
      ],
      definedNames: USER_NAMES,
    }),
    "xl/worksheets/sheet2.xml",
  );

export async function applied(bytes: Uint8Array, p: WritePlan): Promise<Uint8Array> {
  const wb = openXlsx(bytes);
  await wb.apply(p);
  return wb.toBytes();
}

export const all = (xml: string, re: RegExp): string[] => [...xml.matchAll(re)].map((m) => m[1]!);

/** Every relationship target exists, every part has a content type, every override has a part. */
export function expectValidPackage(parts: Record<string, Uint8Array>): void {
  const names = new Set(Object.keys(parts).map((n) => n.toLowerCase()));
  const types = text(parts, "[Content_Types].xml");
  const defaults = new Set(all(types, /<Default Extension="([^"]+)"/g).map((e) => e.toLowerCase()));
  const overrides = all(types, /<Override PartName="\/([^"]+)"/g).map((p) => p.toLowerCase());
  expect(new Set(overrides).size).toBe(overrides.length);
  for (const o of overrides)
    expect({ override: o, exists: names.has(o) }).toEqual({ override: o, exists: true });
  for (const name of Object.keys(parts)) {
    const typed =
      overrides.includes(name.toLowerCase()) || defaults.has(name.split(".").pop()!.toLowerCase());
    expect({ name, typed }).toEqual({ name, typed: true });
    if (!name.endsWith(".rels")) continue;
    const source = name.replace(/(^|\/)_rels\/([^/]*)\.rels$/, "$1$2");
    const xml = text(parts, name);
    const ids = all(xml, /\sId="([^"]+)"/g);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of xml.matchAll(/<Relationship\b[^>]*>/g)) {
      if (/TargetMode="External"/.test(m[0])) continue;
      const target = resolveTarget(source, /Target="([^"]+)"/.exec(m[0])![1]!);
      expect({ rels: name, target, exists: names.has(target.toLowerCase()) }).toEqual({
        rels: name,
        target,
        exists: true,
      });
    }
  }
}

export const ourParts = (parts: Record<string, Uint8Array>): string[] =>
  Object.keys(parts)
    .filter((n) => /^xl\/(charts|drawings)\/(_rels\/)?\w+\.xml(\.rels)?$/.test(n))
    .sort();
