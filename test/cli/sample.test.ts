/**
 * The sample register: deterministic for a seed, canonical headers, realistic sizes, and every
 * kind of deliberate gap present even in a small sample (the demo and the checker's own tests
 * rely on finding each kind in it).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { DEFAULT_SETTINGS } from "../../src/core/model/settings";
import { HA_TINH_ROADMAP } from "../../src/core/roadmap/ha-tinh";
import { CLUBS_SPEC, FUNDS_SPEC, MEMBERS_SPEC, SheetSpec } from "../../src/core/sheets/specs";
import { writeSample, SampleSummary } from "../../src/cli/sample";
import { parseAsOf } from "../../src/cli/sample/cells";
import { memberRows } from "../../src/cli/sample/members";
import { ClubPlan, planSample, sampleUnits } from "../../src/cli/sample/plan";
import { Rng, subSeed } from "../../src/cli/sample/rng";

type Value = string | number | null;
type Sheet = Value[][];

const dir = mkdtempSync(path.join(tmpdir(), "ishc-sample-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Every sheet as plain values (dates as ISO text), header row first. */
async function readBack(file: string): Promise<Map<string, Sheet>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets = new Map<string, Sheet>();
  wb.eachSheet((ws) => {
    const rows: Sheet = [];
    ws.eachRow((row) => {
      const width = ws.columnCount;
      rows.push(
        Array.from({ length: width }, (_, i) => {
          const v = row.getCell(i + 1).value;
          if (v instanceof Date) return v.toISOString().slice(0, 10);
          return typeof v === "string" || typeof v === "number" ? v : null;
        }),
      );
    });
    sheets.set(ws.name, rows);
  });
  return sheets;
}

const col = (spec: SheetSpec, key: string) => spec.fields.findIndex((f) => f.key === key);
const text = (v: Value) => (v === null ? "" : String(v));

let a: Map<string, Sheet>;
let summary: SampleSummary;
const plan: readonly ClubPlan[] = planSample(new Rng(subSeed(7, 0)), 12).clubs;

beforeAll(async () => {
  summary = await writeSample(path.join(dir, "a.xlsx"), { clubs: 12, seed: 7 });
  await writeSample(path.join(dir, "b.xlsx"), { clubs: 12, seed: 7 });
  await writeSample(path.join(dir, "c.xlsx"), { clubs: 12, seed: 8 });
  a = await readBack(path.join(dir, "a.xlsx"));
});

const sheet = (spec: SheetSpec): Sheet => a.get(spec.names[0]) ?? [];
const data = (spec: SheetSpec): Sheet => sheet(spec).slice(1);

test("the same seed gives the same workbook, another seed another", async () => {
  expect(await readBack(path.join(dir, "b.xlsx"))).toEqual(a);
  expect(await readBack(path.join(dir, "c.xlsx"))).not.toEqual(a);
});

test("canonical sheets in order, with the specs' headers in row 1", () => {
  expect([...a.keys()]).toEqual([CLUBS_SPEC, MEMBERS_SPEC, FUNDS_SPEC].map((s) => s.names[0]));
  for (const spec of [CLUBS_SPEC, MEMBERS_SPEC, FUNDS_SPEC]) {
    expect(sheet(spec)[0]).toEqual(spec.fields.map((f) => f.header));
  }
  expect(summary).toEqual({ clubs: 12, members: data(MEMBERS_SPEC).length, path: summary.path });
  expect(data(CLUBS_SPEC).map((r) => r[0])).toEqual(plan.map((c) => c.id));
});

test("50-70 current members per club, except the clubs planned too small, too large or empty", () => {
  const [id, name, birth, left] = ["clubId", "name", "birth", "left"].map((k) =>
    col(MEMBERS_SPEC, k),
  );
  for (const club of plan) {
    const seen = new Set<string>();
    let count = 0;
    for (const r of data(MEMBERS_SPEC)) {
      const key = `${text(r[name]).normalize("NFC")}|${text(r[birth])}`;
      if (r[id] !== club.id || r[left] !== null || seen.has(key)) continue;
      seen.add(key);
      count++;
    }
    if (club.gaps.has("empty")) expect(count).toBe(0);
    else if (club.gaps.has("small")) expect(count).toBeLessThan(DEFAULT_SETTINGS.minMembers);
    else if (club.gaps.has("large")) expect(count).toBeGreaterThan(DEFAULT_SETTINGS.maxMembers);
    else expect([club.id, count >= 50 && count <= 70]).toEqual([club.id, true]);
  }
});

test("every kind of gap is there", () => {
  const clubs = data(CLUBS_SPEC);
  const members = data(MEMBERS_SPEC);
  const funds = data(FUNDS_SPEC);
  const ids = new Set(clubs.map((r) => r[0]));
  const m = (key: string) => members.map((r) => r[col(MEMBERS_SPEC, key)]);
  const activityCols = CLUBS_SPEC.fields
    .filter((f) => f.key.startsWith("act"))
    .map((f) => col(CLUBS_SPEC, f.key));

  expect(clubs.some((r) => r[col(CLUBS_SPEC, "status")] === "Ngừng hoạt động")).toBe(true);
  expect(clubs.some((r) => r[col(CLUBS_SPEC, "wellManaged")] === "Không")).toBe(true);
  expect(clubs.some((r) => activityCols.some((c) => r[c] === "Không" || r[c] === null))).toBe(true);
  expect(clubs.some((r) => !members.some((mr) => mr[0] === r[0]))).toBe(true); // a club with no members
  expect(clubs.some((r) => !funds.some((fr) => fr[0] === r[0]))).toBe(true); // a club with no fund row
  expect(funds.some((r) => !ids.has(r[0]))).toBe(true);
  expect(funds.some((r) => r[col(FUNDS_SPEC, "regulation")] === "Không")).toBe(true);

  expect(m("clubId").some((v) => !ids.has(v))).toBe(true);
  expect(m("left").some((v) => typeof v === "string" && v < "2025-01-01")).toBe(true);
  expect(m("sex").filter((v) => ["?", "x", "Nam/Nữ"].includes(text(v))).length).toBeGreaterThan(0);
  expect(m("sex").filter((v) => ["nữ", "NỮ", "nu"].includes(text(v))).length).toBeGreaterThan(0);
  expect(m("birth").some((v) => v === null)).toBe(true);
  expect(m("birth").some((v) => v === 1850 || v === 2030)).toBe(true);
  expect(m("birth").some((v) => typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v))).toBe(true); // a real date
  expect(m("birth").some((v) => typeof v === "string" && /^\d{2}\/\d{2}\/\d{4}$/.test(v))).toBe(
    true,
  );
  expect(m("borrowed").some((v) => typeof v === "string" && /^\d{1,3}(\.\d{3})+/.test(v))).toBe(
    true,
  );
  expect(m("name").some((v) => text(v) !== text(v).normalize("NFC"))).toBe(true);
  const keys = members.map(
    (r) => `${r[0]}|${r[col(MEMBERS_SPEC, "name")]}|${r[col(MEMBERS_SPEC, "birth")]}`,
  );
  expect(new Set(keys).size).toBeLessThan(keys.length); // a duplicate member
});

test("middle names agree with the sex", () => {
  const [name, sex] = [col(MEMBERS_SPEC, "name"), col(MEMBERS_SPEC, "sex")];
  for (const r of data(MEMBERS_SPEC)) {
    const n = text(r[name]).normalize("NFC");
    if (r[sex] === "Nữ") expect(n).not.toMatch(/ Văn /);
    if (r[sex] === "Nam") expect(n).not.toMatch(/ Thị /);
  }
});

test("the province-size plan follows the roadmap, with no Math.random", () => {
  const random = jest.spyOn(Math, "random").mockImplementation(() => {
    throw new Error("Math.random used");
  });
  try {
    const clubs = planSample(new Rng(subSeed(1, 0)), 220).clubs;
    expect(clubs).toHaveLength(220);
    for (const row of HA_TINH_ROADMAP) {
      const own = clubs.filter((c) => c.unit.unit === row.unit);
      expect(own.filter((c) => c.founded < 2021)).toHaveLength(row.before);
      expect(own.every((c) => c.founded >= 2016 && c.founded <= 2024)).toBe(true);
    }
    expect(memberRows(clubs[0], 1, parseAsOf("2025-12-31")).length).toBeGreaterThan(0);
  } finally {
    random.mockRestore();
  }
});

test("a district's sample has only its own units' clubs, and an unknown unit is refused", () => {
  const clubs = planSample(new Rng(subSeed(2, 0)), 17, sampleUnits(["VQ"])).clubs;
  expect(clubs).toHaveLength(17);
  expect(new Set(clubs.map((c) => c.unit.unit))).toEqual(new Set(["Huyện Vũ Quang"]));
  expect(clubs.every((c) => /^VQ-\d{3}$/.test(c.id))).toBe(true);
  const two = planSample(new Rng(subSeed(2, 0)), 30, sampleUnits(["hk", "CL"])).clubs;
  expect(new Set(two.map((c) => c.unit.unit))).toEqual(
    new Set(["Huyện Hương Khê", "Huyện Can Lộc"]),
  );
  expect(() => sampleUnits(["XX"])).toThrow(/unknown unit code "XX"; known: KA, TKA/);
});
