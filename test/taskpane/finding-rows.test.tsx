/** @jest-environment jsdom */
/**
 * The results' lists: findings grouped by criterion, club or unit with the failing groups first,
 * searched without tones; and the list drawn a screenful at a time.
 */
import { render } from "@testing-library/react";
import type { JsonClub, JsonFinding } from "../../src/core/report/json-report";
import {
  clubOfFinding,
  folded,
  groupFindingsBy,
  listRows,
  searchFindings,
} from "../../src/taskpane/results/finding-rows";
import { VirtualList } from "../../src/taskpane/results/VirtualList";

const finding = (id: string, severity: JsonFinding["severity"], message = id): JsonFinding => ({
  id,
  rule: id.split("|")[0]!,
  severity,
  message,
  state: "new",
  status: "open",
  note: "",
  reviewedOn: null,
  firstSeen: null,
});

const club = (id: string, unit: string): JsonClub =>
  ({ id, name: `CLB ${id}`, unit, compliant: false, failed: [] }) as unknown as JsonClub;

const CLUBS = [club("KA-001", "Kỳ Anh"), club("KA-002", "Kỳ Anh"), club("HS-001", "Hương Sơn")];
const FINDINGS = [
  finding("roadmap.default|default", "info"),
  finding("member.birth|KA-001/nguyễn văn a/1850:birth", "warning"),
  finding("club.women|KA-002", "error", "Tỷ lệ nữ 57,1 %"),
  finding("member.sex|HS-001/lê thị b/1970:sex", "error", "Giới tính của Đức"),
  finding("club.women|HS-001", "error"),
  finding("member.unknownClub|ZZ-9/x/1990", "warning"),
];

test("a finding's club is the id after its rule, when the check has that club", () => {
  const ids = new Set(CLUBS.map((c) => c.id));
  expect(FINDINGS.map((f) => clubOfFinding(f, ids))).toEqual([
    "",
    "KA-001",
    "KA-002",
    "HS-001",
    "HS-001",
    "",
  ]);
});

test("groups with more errors come first, errors first within each", () => {
  const byRule = groupFindingsBy(FINDINGS, "rule", CLUBS);
  expect(byRule.map((g) => [g.key, g.counts.error, g.counts.warning])).toEqual([
    ["club.women", 2, 0],
    ["member.sex", 1, 0],
    ["member.birth", 0, 1],
    ["member.unknownClub", 0, 1],
    ["roadmap.default", 0, 0],
  ]);
  const byClub = groupFindingsBy(FINDINGS, "club", CLUBS);
  expect(byClub.map((g) => g.key)).toEqual(["HS-001", "KA-002", "", "KA-001"]);
  expect(byClub[2]!.findings.map((f) => f.severity)).toEqual(["warning", "info"]);
  const byUnit = groupFindingsBy(FINDINGS, "unit", CLUBS);
  expect(byUnit.map((g) => [g.key, g.findings.length])).toEqual([
    ["Hương Sơn", 2],
    ["Kỳ Anh", 2],
    ["", 2],
  ]);
});

test("search matches every word, without tones or case", () => {
  const title = (rule: string) => (rule === "club.women" ? "Tỷ lệ nữ" : rule);
  expect(searchFindings(FINDINGS, "duc", title).map((f) => f.id)).toEqual([
    "member.sex|HS-001/lê thị b/1970:sex",
  ]);
  expect(searchFindings(FINDINGS, "ty le NU hs-001", title).map((f) => f.id)).toEqual([
    "club.women|HS-001",
  ]);
  expect(searchFindings(FINDINGS, "  ", title)).toBe(FINDINGS);
  expect(folded("Đức Giang")).toBe("duc giang");
});

test("the rows are each group's heading, then its findings while it is open", () => {
  const groups = groupFindingsBy(FINDINGS, "rule", CLUBS);
  const rows = listRows(groups, (key) => key === "club.women");
  expect(rows.map((r) => (r.kind === "group" ? `# ${r.group.key}` : r.finding.id))).toEqual([
    "# club.women",
    "club.women|KA-002",
    "club.women|HS-001",
    "# member.sex",
    "# member.birth",
    "# member.unknownClub",
    "# roadmap.default",
  ]);
});

test("a long list draws only its first rows where nothing is laid out, and says its length", () => {
  const keys = Array.from({ length: 5000 }, (_, i) => `row-${i}`);
  const { container } = render(
    <VirtualList keys={keys} estimate={40} label="Hàng" render={(i) => <span>{keys[i]}</span>} />,
  );
  const items = container.querySelectorAll("li");
  expect(items.length).toBeGreaterThan(0);
  expect(items.length).toBeLessThan(100);
  expect(items[0]!.getAttribute("aria-setsize")).toBe("5000");
  expect(items[0]!.getAttribute("aria-posinset")).toBe("1");
  // The list's full height is kept, so the scroll bar is the real one.
  expect(container.querySelector("ul")!.style.height).toBe(`${5000 * 40}px`);
});
