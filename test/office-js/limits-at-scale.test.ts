/**
 * A province-and-more register through the real office.js client: 100,000 members, every other
 * one with an unreadable sex (50,000 findings, each a link in the findings sheet and a highlight
 * on a scattered cell). Excel on the web refuses any request or response over 5 MB (the simulated
 * host does too), so the check succeeding twice proves every request fitted; the figures are
 * printed for the record. Request counts and sizes are deterministic; no time is asserted.
 */
import { RawSheet } from "../../src/core/model/cells";
import { OfficeWorkbook } from "../../src/hosts/office";
import { checkWorkbook } from "../../src/hosts/workbook/check-workbook";
import { club, clubsSheet, fund, fundsSheet, members, membersSheet } from "../helpers/registers";
import { SETTINGS } from "../hosts/office/scenario";
import { PAYLOAD_LIMIT, SimulatedHost } from "./simulated-host";

const SIZE = 50;

/** `clubs` clubs of 50 members, every other member with an unreadable sex. */
function country(clubs: number): RawSheet[] {
  const ids = Array.from({ length: clubs }, (_, i) => `C${i + 1}`);
  const people = ids.flatMap((id) => members(id, SIZE, 33, 33, 30));
  return [
    clubsSheet(ids.map((id) => club(id))),
    membersSheet(people.map((m, i) => (i % 2 === 0 ? { ...m, sex: "?" } : m))),
    fundsSheet(ids.map((id) => fund(id))),
  ];
}

async function checkOn(host: SimulatedHost) {
  host.requests.length = 0;
  const office = new OfficeWorkbook(host.run, { supports: host.excel.supports });
  const outcome = await checkWorkbook(office, SETTINGS);
  const failed = host.requests.filter((r) => r.error);
  if (process.env.SCALE_DEBUG)
    console.log(host.requests.map((r) => [r.actions, r.requestBytes, r.error]));
  return {
    findings: outcome.report.findings.length,
    requests: host.requests.length,
    failed: failed.map((r) => r.error),
    largestRequest: host.largestRequest,
    largestResponse: host.largestResponse,
  };
}

const line = (what: string, f: Awaited<ReturnType<typeof checkOn>>) =>
  `${what}: ${f.findings} findings, ${f.requests} requests, largest request ${f.largestRequest} B, largest response ${f.largestResponse} B\n`;

/*
 * Excel on the web (where the 5 MB limit applies) has RangeAreas: 2,000 clubs, 100,000 members.
 * An Excel without RangeAreas (Office 2019, desktop only) writes one format per highlighted area,
 * thousands of objects, which the fake executes slowly: 10,000 findings there show the same
 * bounds (the old formats read in blocks, and deleted beyond the swap's request).
 */
describe.each([
  { api: 20, clubs: 2000, what: "Microsoft 365 (RangeAreas), 100,000 members" },
  { api: 8, clubs: 400, what: "an Excel without RangeAreas, 20,000 members" },
])("$what", ({ api, clubs }) => {
  it("checks twice with every request and response under 5 MB", async () => {
    const host = new SimulatedHost(country(clubs), { apiMinor: api });
    const first = await checkOn(host);
    expect(first.findings).toBeGreaterThanOrEqual((clubs * SIZE) / 2);
    expect(first.failed).toEqual([]);
    expect(first.largestRequest).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    expect(first.largestResponse).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    // The second check also reads the first one's findings sheet for the review marks, and
    // replaces every highlight.
    const second = await checkOn(host);
    expect(second.failed).toEqual([]);
    expect(second.largestRequest).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    expect(second.largestResponse).toBeLessThanOrEqual(PAYLOAD_LIMIT);
    const highlighted = host.excel
      .conditionalFormats("Thành viên")
      .filter((cf) => cf.formula.includes("ishc:"))
      .flatMap((cf) => cf.areas);
    expect(highlighted.length).toBeGreaterThanOrEqual((clubs * SIZE) / 2);
    process.stdout.write(line(`ExcelApi 1.${api}, ${clubs * SIZE} members, first check`, first));
    process.stdout.write(line(`ExcelApi 1.${api}, ${clubs * SIZE} members, second check`, second));
  });
});
