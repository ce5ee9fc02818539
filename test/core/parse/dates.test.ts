import {
  ageAt,
  daysInMonth,
  isBefore,
  isLeapYear,
  isValidDate,
  MAX_SERIAL,
  parseIsoDate,
  partsToSerial,
  serialToParts,
} from "../../../src/core/parse/dates";

const ymd = (year: number, month: number, day: number) => ({ year, month, day });

describe("Excel serials", () => {
  it.each([
    [1, ymd(1900, 1, 1)],
    [31, ymd(1900, 1, 31)],
    [59, ymd(1900, 2, 28)],
    // 60 is Excel's fictitious 29/02/1900: mapped to 01/03/1900, like a 29/02 birthday in a
    // common year; 61 is the real 01/03/1900.
    [60, ymd(1900, 3, 1)],
    [61, ymd(1900, 3, 1)],
    [367, ymd(1901, 1, 1)],
    [25569, ymd(1970, 1, 1)],
    [36526, ymd(2000, 1, 1)],
    [36585, ymd(2000, 2, 29)],
    [45657, ymd(2024, 12, 31)],
    [MAX_SERIAL, ymd(9999, 12, 31)],
  ])("serial %p is %p", (serial, date) => {
    expect(serialToParts(serial)).toEqual(date);
  });

  it("drops the time of day", () => {
    expect(serialToParts(45657.99)).toEqual(ymd(2024, 12, 31));
  });

  it("refuses a non-finite serial", () => {
    expect(() => serialToParts(Number.NaN)).toThrow(RangeError);
  });

  it.each([
    [ymd(1900, 1, 1), 1],
    [ymd(1900, 2, 28), 59],
    [ymd(1900, 3, 1), 61],
    [ymd(1955, 3, 5), 20153],
    [ymd(2024, 12, 31), 45657],
  ])("%p has serial %p", (date, serial) => {
    expect(partsToSerial(date)).toBe(serial);
  });
});

describe("calendar", () => {
  it.each([
    [2000, true],
    [2024, true],
    [1900, false],
    [2023, false],
    [2100, false],
  ])("leap year %p: %p", (y, leap) => {
    expect(isLeapYear(y)).toBe(leap);
    expect(daysInMonth(y, 2)).toBe(leap ? 29 : 28);
  });

  it("knows month lengths", () => {
    expect([1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2023, m))).toEqual([
      31, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ]);
  });

  it.each([ymd(2023, 2, 29), ymd(2024, 4, 31), ymd(2024, 13, 1), ymd(2024, 0, 1), ymd(2024, 1, 0)])(
    "%p is not a date",
    (d) => {
      expect(isValidDate(d)).toBe(false);
    },
  );
});

describe("parseIsoDate", () => {
  it.each([
    ["2024-12-31", ymd(2024, 12, 31)],
    [" 2024-02-29 ", ymd(2024, 2, 29)],
    ["2023-02-29", null],
    ["2024-2-3", null],
    ["31/12/2024", null],
    ["2024-12-31T00:00", null],
    ["", null],
  ])("%p -> %p", (s, want) => {
    expect(parseIsoDate(s)).toEqual(want);
  });
});

describe("ageAt", () => {
  const ref = ymd(2024, 12, 31);

  it("reaches 60 on the 60th birthday, not the day before", () => {
    expect(ageAt(ymd(1964, 12, 31), ref)).toBe(60);
    expect(ageAt(ymd(1964, 12, 31), ymd(2024, 12, 30))).toBe(59);
    expect(ageAt(ymd(1965, 1, 1), ref)).toBe(59);
  });

  it("differs from the year difference with a full date before the birthday", () => {
    expect(ageAt(ymd(1964, 6, 15), ymd(2024, 3, 1))).toBe(59);
    expect(ageAt({ year: 1964 }, ymd(2024, 3, 1))).toBe(60);
  });

  it("counts year-only and month-year births the register way", () => {
    expect(ageAt({ year: 1964 }, ymd(2024, 1, 1))).toBe(60);
    expect(ageAt({ year: 1964, month: 12 }, ymd(2024, 1, 1))).toBe(60);
  });

  it("gives a 29 February birthday on 1 March in common years", () => {
    const leapling = ymd(1964, 2, 29);
    expect(ageAt(leapling, ymd(2023, 2, 28))).toBe(58);
    expect(ageAt(leapling, ymd(2023, 3, 1))).toBe(59);
    expect(ageAt(leapling, ymd(2024, 2, 28))).toBe(59);
    expect(ageAt(leapling, ymd(2024, 2, 29))).toBe(60);
  });
});

describe("isBefore (leave date against the reference date)", () => {
  it("compares full dates strictly", () => {
    expect(isBefore(ymd(2024, 12, 30), ymd(2024, 12, 31))).toBe(true);
    expect(isBefore(ymd(2024, 12, 31), ymd(2024, 12, 31))).toBe(false);
    expect(isBefore(ymd(2025, 1, 1), ymd(2024, 12, 31))).toBe(false);
  });

  it("takes a year-only date as 31/12", () => {
    expect(isBefore({ year: 2024 }, ymd(2024, 12, 31))).toBe(false);
    expect(isBefore({ year: 2024 }, ymd(2025, 1, 1))).toBe(true);
    expect(isBefore({ year: 2023 }, ymd(2024, 6, 1))).toBe(true);
  });

  it("takes a month-year date as the month's last day", () => {
    expect(isBefore({ year: 2024, month: 2 }, ymd(2024, 2, 29))).toBe(false);
    expect(isBefore({ year: 2024, month: 2 }, ymd(2024, 3, 1))).toBe(true);
    expect(isBefore({ year: 2023, month: 2 }, ymd(2023, 3, 1))).toBe(true);
  });
});
