/**
 * Merged cells as the Office host reads them into RawSheet.merges, through the real office.js
 * client: with ExcelApi 1.13 the used range's merged areas come in the same request as its extent
 * (`getMergedAreasOrNullObject`, each area's address), so reading a sheet takes no more requests
 * than before; without 1.13 there are none. The xlsx host reads the same areas from the same
 * sheet written as a real .xlsx.
 */
import { MergedArea, RawSheet } from "../../src/core/model/cells";
import { OfficeWorkbook } from "../../src/hosts/office";
import { areaOf } from "../../src/hosts/office/areas";
import { FakeExcel } from "../fakes/excel";
import { asXlsx } from "../hosts/office/scenario";
import { SimulatedHost } from "./simulated-host";
import { byPosition, MERGED_ROWS, MERGES } from "../helpers/merged-register";
import { rowsOf } from "../helpers/rows";

const rows = MERGED_ROWS;
/** A name that needs quotes in an address. */
const NAME = "Thành viên, xã 'Đức' Bồng";
const MERGED: RawSheet = { name: NAME, rows, merges: MERGES };
const PLAIN: RawSheet = { name: NAME, rows };

const sorted = (areas: readonly MergedArea[] | undefined): MergedArea[] =>
  [...(areas ?? [])].sort(byPosition);

/** Reads the sheet through office.js on a simulated Excel of ExcelApi 1.`apiMinor`. */
async function read(sheet: RawSheet, apiMinor?: number) {
  const host = new SimulatedHost([sheet], apiMinor === undefined ? {} : { apiMinor });
  const office = new OfficeWorkbook(host.run, { supports: host.excel.supports });
  const read = await office.readSheet(sheet.name);
  return { read, requests: host.requests };
}

describe("merged cells through the real office.js client", () => {
  it("reads the used range's merged areas with ExcelApi 1.13, values in the top-left cells only", async () => {
    // The simulated Excel holds the RawSheet's merged areas as merged cells.
    expect(new SimulatedHost([MERGED]).excel.merges(NAME)).toEqual(["A1:D1", "A4:A9", "C11:D13"]);
    const { read: sheet } = await read(MERGED);
    expect(sorted(sheet.merges)).toEqual(sorted(MERGES));
    expect(sheet.rows.at(3)![0]).toBe("VQ-01");
    expect(sheet.rows.at(4)![0]).toBeUndefined();
  });

  it("reads none without ExcelApi 1.13: the same cells, no merges key", async () => {
    const old = await read(MERGED, 12);
    const plain = await read(PLAIN);
    expect("merges" in old.read).toBe(false);
    expect(old.read).toEqual(plain.read);
    // A sheet without merged areas (a null object under 1.13) has no key either.
    expect(Object.keys(plain.read)).toEqual(["name", "rows"]);
  });

  it("takes as many requests to read a sheet with merged areas as without them, or without 1.13", async () => {
    const merged = await read(MERGED);
    const plain = await read(PLAIN);
    const old = await read(MERGED, 12);
    expect(merged.requests.every((r) => r.error === undefined)).toBe(true);
    expect(merged.requests).toHaveLength(plain.requests.length);
    expect(merged.requests).toHaveLength(old.requests.length);
    // The sheet, its used range (with the merged areas), one block, and office.js's release of
    // the references it kept.
    expect(merged.requests).toHaveLength(4);
    // The areas ride in the used range's request: its answer grows, no other one does.
    // The areas ride in the used range's request (the RangeAreas made, kept and queried: four
    // actions more) and its answer; the block's request is the same, and office.js's release at
    // the end lets go of one kept reference more.
    const [, extent, block, release] = merged.requests;
    expect(extent!.actions).toBe(old.requests[1]!.actions + 4);
    expect(extent!.responseBytes).toBeGreaterThan(old.requests[1]!.responseBytes);
    expect(block).toEqual(old.requests[2]);
    expect(release!.actions).toBe(old.requests[3]!.actions + 1);
  });

  it("reads the same areas as the xlsx host does from the same sheet written as an .xlsx", async () => {
    const { read: office } = await read(MERGED);
    const xlsx = await (await asXlsx([MERGED])).readSheet(NAME);
    expect(sorted(office.merges)).toEqual(sorted(xlsx.merges));
    expect(rowsOf(office)).toEqual(rowsOf(xlsx));
  });

  it("gives only the areas whose top-left cell is in the used range, whole, as Excel does", async () => {
    // A merged area over empty cells below the values: Excel's values-only used range ends above.
    const below: RawSheet = {
      ...MERGED,
      merges: [...MERGES, { row0: 20, col0: 0, row1: 21, col1: 1 }],
    };
    const { read: sheet } = await read(below);
    expect(sorted(sheet.merges)).toEqual(sorted(MERGES));
  });
});

describe("the Office host's merged areas over the fake Excel", () => {
  it("falls back to no merged areas when they would make the answer too large for Excel", async () => {
    // A horizontal merge on every one of 300 rows: far more than the answer limit set here.
    const many: RawSheet = {
      name: "S",
      rows: Array.from({ length: 300 }, (_, i) => [`Thành viên ${i + 1}`, null, i]),
      merges: Array.from({ length: 300 }, (_, i) => ({ row0: i, col0: 0, row1: i, col1: 1 })),
    };
    const supports = () => true;
    const roomy = new FakeExcel([many]);
    const full = await new OfficeWorkbook(roomy.run, { supports }).readSheet("S");
    expect(full.merges).toHaveLength(300);
    const tight = new FakeExcel([many], { responseBytes: 5_000 });
    const office = new OfficeWorkbook(tight.run, { supports, payloadBytes: 2_000 });
    const sheet = await office.readSheet("S");
    expect("merges" in sheet).toBe(false);
    expect(rowsOf(sheet)).toEqual(rowsOf(full));
    // The refused request, then the extent again alone: one sync more, in this case only.
    expect(tight.stats.failedSyncs).toBe(1);
  });

  it("refuses getMergedAreasOrNullObject on an Excel before ExcelApi 1.13, as Excel does", async () => {
    const excel = new FakeExcel([MERGED]);
    excel.apiMinor = 12;
    const office = new OfficeWorkbook(excel.run, { supports: () => true });
    await expect(office.readSheet(NAME)).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});

describe("areaOf: an area's address as Excel gives it", () => {
  it.each([
    ["Sheet1!A4:A9", { row0: 3, col0: 0, row1: 8, col1: 0 }],
    ["'Thành viên, xã ''Đức'''!$B$2:$C$2", { row0: 1, col0: 1, row1: 1, col1: 2 }],
    ["'a!b'!C11:D13", { row0: 10, col0: 2, row1: 12, col1: 3 }],
    ["Sheet1!B:C", { row0: 0, col0: 1, row1: 1_048_575, col1: 2 }],
    ["Sheet1!3:4", { row0: 2, col0: 0, row1: 3, col1: 16_383 }],
    ["Sheet1!B2", undefined],
    ["Sheet1!B2:B2", undefined],
    ["Sheet1!A1:B", undefined],
    ["Sheet1!A1:XFE2", undefined],
    ["", undefined],
  ])("%s", (address, area) => {
    expect(areaOf(address)).toEqual(area);
  });
});
