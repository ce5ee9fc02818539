import ExcelJS from "exceljs";
import { RawSheet, RawValue } from "../../src/core/model/cells";
import { partsToSerial } from "../../src/core/parse/dates";
import { ACTIVITY_HEADERS } from "./activity-headers";

/**
 * A workbook as officials really keep it, every layout of domain.md at once: title rows, two-row
 * headers with merged group cells, a TT column, blank and total rows inside the tables, the birth
 * year under "Nam" / "Nữ" sub-columns, sex as a number by the code in its header, hardship as x
 * marks under category sub-columns, many spellings of "Có", one sheet per club (known by the
 * sheet name or a title row) beside a sheet for several clubs, amounts as numbers and as text,
 * dates in every form. The counts it holds are stated with each part; the tests assert them
 * exactly.
 */
export type Cell = RawValue | Date;

export interface KeptSheet {
  readonly name: string;
  readonly rows: readonly (readonly Cell[])[];
  /** Merged ranges ("C4:D4"): the value stands in the first cell only, as in Excel. */
  readonly merges?: readonly string[];
}

const serial = (year: number, month: number, day: number) => partsToSerial({ year, month, day });
const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));

/** A birth in one of five forms, by `form`: year number, serial, Date, dd/mm/yyyy, year text. */
function birth(year: number, form: number): Cell {
  switch (form % 5) {
    case 0:
      return year;
    case 1:
      return serial(year, 3, 15);
    case 2:
      return utc(year, 7, 1);
    case 3:
      return `05/03/${year}`;
    default:
      return String(year);
  }
}

const YES = ["x", "X", "Có", "có", "CÓ", "co", "✓", 1_500_000, "1.500.000đ", "2.000.000 đồng"];
const NO = [null, "Không", "không", "0", 0, "Ko"];

/**
 * VQ-01, its own sheet named by its id. 52 members: rows 0-33 women (birth under "Nữ"), 34-51 men;
 * older when i % 3 != 2 (35), except member 51, whose birth "5/3/55" is ambiguous (a finding):
 * 34 older, 17 younger; members 0-27 borrowed (28); hardship marks on 0, 10, ..., 50, 7 and 13 (8).
 * The age line is crossed exactly: member 3 is born 31/12/1965 (60 at 31/12/2025), member 5 on
 * 01/01/1966 (59).
 */
function vq01(): KeptSheet {
  const members: Cell[][] = Array.from({ length: 52 }, (_, i) => {
    const year = i % 3 !== 2 ? 1940 + (i % 20) : 1975 + (i % 20);
    let born: Cell = birth(year, i);
    if (i === 3) born = "31/12/1965";
    if (i === 5) born = "01/01/1966";
    if (i === 51) born = "5/3/55";
    const woman = i < 34;
    const poor = i % 10 === 0 ? "x" : null;
    return [
      i + 1,
      `Nguyễn Thị Hoà ${i + 1}`,
      woman ? null : born,
      woman ? born : null,
      poor,
      i === 13 ? "Có" : null,
      i === 7 ? "X" : null,
      i < 28 ? YES[i % YES.length]! : NO[i % NO.length]!,
    ];
  });
  return {
    name: "VQ-01",
    rows: [
      ["HỘI NGƯỜI CAO TUỔI XÃ ĐỨC GIANG"],
      ["DANH SÁCH THÀNH VIÊN CLB LIÊN THẾ HỆ TỰ GIÚP NHAU"],
      [],
      ["TT", "Họ và tên", "Năm sinh", null, "Hoàn cảnh khó khăn", null, null, "Vay vốn"],
      [null, null, "Nam", "Nữ", "Hộ nghèo", "Cận nghèo", "Khuyết tật", null],
      ...members.slice(0, 20),
      [],
      ...members.slice(20, 40),
      [null, null, null, null, null, null, null, null],
      ...members.slice(40),
      ["Cộng", null, 18, 34, 6, 1, 1, 28],
    ],
    merges: ["A4:A5", "B4:B5", "C4:D4", "E4:G4", "H4:H5", "A1:H1", "A2:H2"],
  };
}

/**
 * VQ-02, on "Sheet2", known by its title row. Exactly at every bound: 50 members, 30 women (0.60),
 * 30 older (0.60), 20 younger (0.40), 25 borrowers (0.50); 3 in hardship. Sex in every spelling,
 * births as dd/mm/yyyy and d/m/yyyy text and serials, loans as amounts.
 */
function vq02(): KeptSheet {
  const SEX_F = ["Nữ", "NỮ", "nữ", "nu"];
  const SEX_M = ["Nam", "nam", "NAM"];
  const HARD = ["Hộ nghèo", "cận nghèo", "DTTS"];
  const LOANS = [5_000_000, "1.500.000đ", "2.000.000 đồng", "Có", "3.000.000"];
  const members: Cell[][] = Array.from({ length: 50 }, (_, i) => {
    const older = i % 5 !== 1 && i % 5 !== 3; // 30 of 50
    const year = older ? 1950 + (i % 10) : 1980 + (i % 10);
    const born =
      i % 3 === 0
        ? `${(i % 28) + 1}/${(i % 12) + 1}/${year}`
        : i % 3 === 1
          ? `15/06/${year}`
          : serial(year, 1, 2);
    return [
      i + 1,
      `Trần Văn Sơn ${i + 1}`,
      i % 5 < 3 ? SEX_F[i % SEX_F.length]! : SEX_M[i % SEX_M.length]!, // 30 women
      born,
      i % 2 === 0 ? LOANS[i % LOANS.length]! : i % 4 === 1 ? 0 : "Không", // 25 borrowers
      i < 3 ? HARD[i]! : null,
    ];
  });
  return {
    name: "Sheet2",
    rows: [
      ["HỘI NGƯỜI CAO TUỔI XÃ HƯƠNG MINH"],
      ["DANH SÁCH THÀNH VIÊN CLB XÃ HƯƠNG MINH"],
      ["STT", "Họ tên", "Giới tính", "Ngày sinh", "Số tiền vay", "Hoàn cảnh"],
      ...members,
      ["Tổng cộng", null, null, null, "…", null],
    ],
  };
}

/**
 * "Tổng hợp", a sheet for two clubs with a club column, sex as a number by the code its header
 * gives ("Giới tính (1: Nam, 2: Nữ)"). VQ-03: 55 members, 36 women, 36 older,
 * 30 borrowers, 2 in hardship. VQ-04: 48 members (too few), 25 women (too few), 30 older,
 * 20 borrowers (too few), none in hardship.
 */
function combined(): KeptSheet {
  const club = (
    id: string,
    n: number,
    women: number,
    older: number,
    borrowers: number,
    hard: number,
  ) =>
    Array.from({ length: n }, (_, i): Cell[] => [
      null,
      id,
      `Lê Văn Thuỷ ${id} ${i + 1}`,
      // Sex by the code in the header, as a number or as its text.
      i % 2 === 0 ? (i < women ? 2 : 1) : i < women ? "2" : "1",
      i < older ? 1945 + (i % 15) : 1985 + (i % 15),
      i < borrowers ? "Có" : "Không",
      i < hard ? "Neo đơn" : null,
    ]);
  const rows = [...club("VQ-03", 55, 36, 36, 30, 2), ...club("VQ-04", 48, 25, 30, 20, 0)].map(
    (r, i) => [i + 1, ...r.slice(1)],
  );
  return {
    name: "Tổng hợp",
    rows: [
      ["DANH SÁCH THÀNH VIÊN CÁC CLB"],
      [
        "TT",
        "Mã CLB",
        "Họ và tên",
        "Giới tính (1: Nam, 2: Nữ)",
        "Năm sinh",
        "Được vay vốn",
        "Hoàn cảnh khó khăn",
      ],
      ...rows.slice(0, 55),
      ["Cộng", null, null, null, null, 30, 2],
      [],
      ...rows.slice(55),
      ["Tổng cộng", null, null, null, null, 50, 2],
    ],
  };
}

/** Four clubs; VQ-04 lacks one activity area. Founding dates as serial, Date, text and a year. */
function clubs(): KeptSheet {
  const marks = ["x", "X", "Có", "có", "CÓ", "✓", "co", "x"];
  const row = (
    tt: number,
    id: string,
    name: string,
    unit: string,
    commune: string,
    founded: Cell,
    missing = -1,
  ): Cell[] => [
    tt,
    id,
    name,
    unit,
    commune,
    founded,
    ...marks.map((m, i) => (i === missing ? null : m)),
    tt % 2 === 0 ? "x" : "Có",
  ];
  return {
    name: "Danh sách CLB",
    rows: [
      ["HỘI NGƯỜI CAO TUỔI HUYỆN VŨ QUANG"],
      ["DANH SÁCH CÂU LẠC BỘ LIÊN THẾ HỆ TỰ GIÚP NHAU"],
      [],
      [
        "STT",
        "Mã CLB",
        "Tên CLB",
        "Huyện",
        "Xã",
        "Ngày thành lập",
        "Hoạt động",
        ...Array<null>(7).fill(null),
        "Quản lý tốt",
      ],
      [null, null, null, null, null, null, ...ACTIVITY_HEADERS, null],
      row(1, "VQ-01", "CLB xã Đức Giang", "Huyện Vũ Quang", "Đức Giang", serial(2016, 5, 20)),
      row(2, "VQ-02", "CLB xã Hương Minh", "H. Vũ Quang", "Hương Minh", utc(2018, 9, 1)),
      [],
      row(3, "VQ-03", "CLB thị trấn Vũ Quang", "Vũ Quang", "Vũ Quang", "12/10/2021"),
      row(4, "VQ-04", "CLB xã Ân Phú", "huyện Vũ Quang", "Ân Phú", 2022, 7),
      ["Tổng cộng", null, null, null, null, null, 4, 4, 4, 4, 4, 4, 4, 3, 4],
    ],
    merges: ["A4:A5", "B4:B5", "C4:C5", "D4:D5", "E4:E5", "F4:F5", "G4:N4", "O4:O5"],
  };
}

/** Funds with amounts as numbers and as text, and the regulation as Có / x. */
function funds(): KeptSheet {
  return {
    name: "Quỹ",
    rows: [
      ["QUỸ CỦA CÁC CLB"],
      ["Mã CLB", "Quỹ hoạt động (đồng)", "Quỹ tăng thu nhập", "Quy chế quản lý quỹ"],
      ["VQ-01", 5_000_000, "20.000.000", "Có"],
      ["VQ-02", "1.500.000đ", 15_000_000, "x"],
      ["VQ-03", "2.000.000 đồng", "12.500.000 đ", "có"],
      ["VQ-04", "3.000.000", null, "CÓ"],
      ["Tổng cộng", 11_500_000, null, null],
    ],
  };
}

/** The whole workbook; its counts are stated on each part above. */
export function keptWorkbook(): KeptSheet[] {
  return [
    clubs(),
    vq01(),
    vq02(),
    combined(),
    funds(),
    { name: "Ghi chú", rows: [["Số liệu do các xã gửi, tổng hợp ngày 31/12/2025"]] },
  ];
}

/** As plain data: a Date becomes its Excel serial, as every host hands dates over. */
export function asRaw(sheets: readonly KeptSheet[]): RawSheet[] {
  return sheets.map((s) => ({
    name: s.name,
    rows: s.rows.map((r) =>
      r.map((v) =>
        v instanceof Date ? serial(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate()) : v,
      ),
    ),
  }));
}

/** As an .xlsx written by ExcelJS, merged cells and real dates included. */
export async function asXlsx(sheets: readonly KeptSheet[]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) ws.getCell(r + 1, c + 1).value = v;
      }),
    );
    for (const m of s.merges ?? []) ws.mergeCells(m);
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** Every text cell rewritten (Unicode form, legacy encoding); sheet names stay. */
export function recoded(sheets: readonly KeptSheet[], f: (s: string) => string): KeptSheet[] {
  return sheets.map((s) => ({
    ...s,
    rows: s.rows.map((r) => r.map((v) => (typeof v === "string" ? f(v) : v))),
  }));
}
