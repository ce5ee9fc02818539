import fc from "fast-check";
import type { RawValue } from "../../../src/core/model/cells";
import {
  isValidDate,
  MAX_SERIAL,
  partsToSerial,
  serialToParts,
} from "../../../src/core/parse/dates";
import {
  parseAmount,
  parseCount,
  parseDateLike,
  parseHardship,
  parseSex,
  parseStatus,
  parseYesNo,
  parseYesNoOrAmount,
} from "../../../src/core/parse/values";
import { cleanText, foldDiacritics, headerKey, nameKey } from "../../../src/core/text/normalize";
import { matchUnit, parseUnit } from "../../../src/core/text/units";

/** Text met in registers: Vietnamese words (either form), digits, separators, odd spaces. */
const FRAGMENTS = (
  "Nguyễn|Thị|Hòa|Hoà|nữ|NAM|Có|không|Đạt|đồng|triệu|Huyện|TX.|5|0|1955|/|.|,|-| |\u00A0|\u200B|" +
  "\u0301|\u0323|✓|x|năm|tháng|ngày|29/02/|VNĐ|e+|NaN"
).split("|");
const fragmentText = fc
  .array(fc.constantFrom(...FRAGMENTS), { maxLength: 8 })
  .chain((parts) => fc.constantFrom(parts.join(""), parts.join("").normalize("NFD")));

const rawValue: fc.Arbitrary<RawValue | undefined> = fc.oneof(
  fc.string({ unit: "binary" }),
  fc.string({ unit: "grapheme" }),
  fragmentText,
  fc.double(),
  fc.constantFrom(
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    -0,
    60,
    MAX_SERIAL + 1,
  ),
  fc.integer({ min: -1e7, max: 1e7 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);

const PARSERS = {
  parseSex,
  parseYesNo,
  parseAmount,
  parseYesNoOrAmount,
  parseCount,
  parseStatus,
  parseHardship,
  parseDateLike: (v: RawValue | undefined) => parseDateLike(v, { minYear: 1900, maxYear: 2025 }),
};

describe("properties", () => {
  it.each(Object.entries(PARSERS))("%s never throws and answers in both languages", (_, parse) => {
    fc.assert(
      fc.property(rawValue, (v) => {
        const r = parse(v);
        if (r.ok) return true;
        return r.expected.vi.length > 0 && r.expected.en.length > 0;
      }),
      { numRuns: 2000 },
    );
  });

  it("text functions never throw", () => {
    fc.assert(
      fc.property(rawValue, (v) => {
        const s = cleanText(v);
        headerKey(s);
        nameKey(s);
        foldDiacritics(s);
        parseUnit(s);
        matchUnit(s, ["Huyện Kỳ Anh", "Thị xã Kỳ Anh", "Huyện Vũ Quang"]);
        return s === s.trim();
      }),
      { numRuns: 2000 },
    );
  });

  it("nameKey ignores Unicode form and case", () => {
    fc.assert(
      fc.property(fragmentText, (s) => {
        const k = nameKey(s);
        return (
          nameKey(s.normalize("NFD")) === k &&
          nameKey(s.normalize("NFC")) === k &&
          nameKey(s.toUpperCase()) === k &&
          nameKey(` ${s.toLowerCase()}  `) === k
        );
      }),
    );
    fc.assert(
      fc.property(
        fc.string({ unit: "binary" }),
        (s) => nameKey(s.normalize("NFD")) === nameKey(s.normalize("NFC")),
      ),
      { numRuns: 5000 },
    );
  });

  const TONES = ["\u0300", "\u0301", "\u0303", "\u0309", "\u0323"];
  /** Syllables whose tone can sit on either vowel (old vs new placement). */
  const SYLLABLES = ["hoa", "thuy", "khoa", "hoe", "quy", "tuy", "loa", "xoe"];

  it("nameKey ignores where the tone sits, not which tone it is", () => {
    const placed = fc.record({
      syl: fc.constantFrom(...SYLLABLES),
      tone: fc.constantFrom(...TONES),
      other: fc.constantFrom(...TONES),
      at: fc.nat(),
    });
    fc.assert(
      fc.property(placed, ({ syl, tone, other, at }) => {
        // Insert the mark after any letter of the vowel pair: both placements give one key.
        const i = syl.length - 2 + (at % 2);
        const put = (pos: number, mark: string) =>
          syl.slice(0, pos + 1) + mark + syl.slice(pos + 1);
        const a = nameKey(put(i, tone).normalize("NFC"));
        const b = nameKey(put(syl.length - 1, tone));
        const c = nameKey(put(i, other));
        return a === b && (tone === other) === (a === c) && a !== nameKey(syl);
      }),
    );
  });

  it("serials and dates round-trip (serial 60, Excel's 29/02/1900, aside)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_SERIAL }).filter((n) => n !== 60),
        (n) => partsToSerial(serialToParts(n)) === n,
      ),
      { numRuns: 5000 },
    );
    const date = fc
      .record({
        year: fc.integer({ min: 1900, max: 9999 }),
        month: fc.integer({ min: 1, max: 12 }),
        day: fc.integer({ min: 1, max: 31 }),
      })
      .filter(isValidDate);
    fc.assert(
      fc.property(date, (d) => {
        const back = serialToParts(partsToSerial(d));
        return back.year === d.year && back.month === d.month && back.day === d.day;
      }),
      { numRuns: 5000 },
    );
  });

  it("serials agree with Date.UTC from 01/03/1900 on", () => {
    const base = Date.UTC(1899, 11, 30);
    fc.assert(
      fc.property(fc.integer({ min: 61, max: MAX_SERIAL }), (n) => {
        const d = new Date(base + n * 86400000);
        const p = serialToParts(n);
        return (
          p.year === d.getUTCFullYear() &&
          p.month === d.getUTCMonth() + 1 &&
          p.day === d.getUTCDate()
        );
      }),
      { numRuns: 5000 },
    );
  });

  it("dd/mm/yyyy text and its serial give the same date", () => {
    const pad = (x: number) => String(x).padStart(2, "0");
    // Serials from 10000 (1927): below that an integer 1000-9999 is read as a year instead.
    fc.assert(
      fc.property(fc.integer({ min: 10000, max: MAX_SERIAL }), (n) => {
        const p = serialToParts(n);
        const text = parseDateLike(`${pad(p.day)}/${pad(p.month)}/${p.year}`);
        const serial = parseDateLike(n + 0.25);
        if (!text.ok || !serial.ok) return false;
        return JSON.stringify(text.value) === JSON.stringify(serial.value);
      }),
      { numRuns: 2000 },
    );
  });

  it("amounts written with any thousands separator read back", () => {
    const group = (n: number, sep: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.constantFrom(".", ",", " ", "\u00A0"),
        fc.constantFrom("", "đ", " đồng", " VNĐ"),
        (n, sep, unit) => {
          const r = parseAmount(group(n, sep) + unit);
          return r.ok && r.value === n;
        },
      ),
      { numRuns: 2000 },
    );
  });
});
