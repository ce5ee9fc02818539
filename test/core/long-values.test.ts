import { club, fund, members } from "../helpers/registers";
import { check } from "../helpers/run";
import { buildJsonReport } from "../../src/core/report/json-report";
import { QUOTE_MAX } from "../../src/core/text/short-text";
import { fieldsNamedBy, MAX_HEADER_TEXT } from "../../src/core/read/header-lookup";
import { foldedKey } from "../../src/core/read/header-text";
import { MEMBERS_SPEC } from "../../src/core/sheets/specs";

/**
 * A register whose values are a megabyte long (issue 14): the check still judges it, and every
 * finding and every report field quotes ~100 characters of a value, not the value. Before, one
 * such value quoted by 100 findings made a report of 100 MB, and at 10 MB the report could not be
 * built at all ("RangeError: Invalid string length").
 */

const MB = 2 ** 20;

/** Text that lies past any quote: a value's 150th character on. */
const BEYOND = "PHẦN-SAU-KHÔNG-TRÍCH";

/** A club id of a megabyte: its start readable, BEYOND past it, then on and on. */
const longId = (tag: string): string =>
  `${tag}-${"Câu lạc bộ ".repeat(14)}${BEYOND}${"Liên thế hệ tự giúp nhau ".repeat(Math.ceil(MB / 25))}`.slice(
    0,
    MB,
  );

describe("a club whose id is a megabyte long", () => {
  const id = longId("VQ");
  const stranger = longId("XX");
  const result = check(
    [club(id)],
    [
      // Too few members, and all of them women and older: the club fails its composition rules.
      ...members(id, 10, 10, 10, 0),
      // A member of a club that is not in the list.
      ...members(stranger, 1, 1, 1, 0),
    ],
    [fund(id, { regulation: "Không" }), fund(stranger)],
  );

  it("is judged: its findings are made", () => {
    const rules = new Set<string>(result.findings.map((f) => f.rule));
    for (const r of ["club.size", "club.women", "club.older", "club.regulation"])
      expect({ rule: r, found: rules.has(r) }).toEqual({ rule: r, found: true });
    expect(result.findings.some((f) => f.message.en.includes("not in the club list"))).toBe(true);
  });

  it("is quoted by every finding as its first ~100 characters and '…'", () => {
    const quoting = result.findings.filter((f) =>
      [id, stranger].some((v) => f.message.vi.includes(v.slice(0, 40))),
    );
    expect(quoting.length).toBeGreaterThanOrEqual(6);
    for (const f of quoting) {
      for (const text of [f.message.vi, f.message.en]) {
        expect({ rule: f.rule, length: text.length <= 3 * QUOTE_MAX + 200 }).toEqual({
          rule: f.rule,
          length: true,
        });
        expect(text).toContain("…");
        // Nothing of the value beyond its first ~100 characters.
        expect(text).not.toContain(BEYOND);
      }
    }
  });

  it("gives finding ids of bounded length", () => {
    for (const f of result.findings) expect(f.id.length).toBeLessThan(400);
  });

  it("makes a report of a few kilobytes, its club fields quoted too", () => {
    const report = buildJsonReport(result);
    const json = JSON.stringify(report);
    expect(json.length).toBeLessThan(50_000);
    const c = report.clubs[0]!;
    expect(c.id.length).toBeLessThanOrEqual(QUOTE_MAX + 1);
    expect(c.id.endsWith("…")).toBe(true);
    expect(c.name.length).toBeLessThanOrEqual(QUOTE_MAX + 1);
    for (const f of report.findings) expect(f.message.length).toBeLessThan(3 * QUOTE_MAX + 200);
  });
});

describe("long cells where headers and titles are looked for", () => {
  const spec = MEMBERS_SPEC;
  const keys = (text: string) => fieldsNamedBy(spec, text).map((f) => f.key);

  it("still take a real header with a long note", () => {
    expect(keys("Họ và tên (ghi đầy đủ họ, chữ đệm và tên theo CCCD, không viết tắt)")).toEqual([
      "name",
    ]);
  });

  it("take no text longer than MAX_HEADER_TEXT for a header, however it starts", () => {
    expect(keys(`Họ và tên ${"x".repeat(MAX_HEADER_TEXT)}`)).toEqual([]);
    expect(keys("Họ và tên".padEnd(32_767, " x"))).toEqual([]);
  });

  it("fold a long text's start: its key starts as the whole text's would", () => {
    const title = `Số liệu đến ngày 31/12/2025 ${"ghi chú ".repeat(10_000)}`;
    const key = foldedKey(title);
    expect(key.startsWith("so lieu den ngay 31/12/2025 ghi chu")).toBe(true);
    expect(key.length).toBeLessThanOrEqual(300);
    expect(foldedKey("Số liệu đến ngày")).toBe("so lieu den ngay");
  });
});
