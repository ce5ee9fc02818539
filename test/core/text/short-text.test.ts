import fc from "fast-check";
import {
  cutText,
  ELLIPSIS,
  QUOTE_MAX,
  shortText,
  tailText,
  textHash,
} from "../../../src/core/text/short-text";

/**
 * The quoting helpers every message uses (issue 14): a value of any length is quoted by its start,
 * cut between characters as the user sees them. The texts below are built from pieces that make
 * cuts go wrong: surrogate pairs (an emoji, a rare Hán character), combining marks (NFD
 * Vietnamese), a zero-width joiner and skin-tone modifiers (emoji sequences).
 */

const PIECES = [
  "a",
  "N",
  " ",
  "ễ",
  "e\u0302\u0303", // "ễ" in NFD: a letter and two marks
  "o\u031B\u0323", // "ợ" in NFD
  "\u0301",
  "😀",
  "𠀀", // a Hán character beyond the BMP
  "👍\u{1F3FD}", // a thumb and its skin tone
  "👩\u200D👩\u200D👧", // a family: three emoji joined
  "…",
  "\u200B",
];

const text = (maxPieces = 80): fc.Arbitrary<string> =>
  fc.array(fc.constantFrom(...PIECES), { maxLength: maxPieces }).map((p) => p.join(""));

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
/** What may not follow a cut: a mark, a joiner, a skin tone (each belongs to what is before it). */
const JOINS_PREVIOUS = /^[\p{M}\u200D\u{1F3FB}-\u{1F3FF}]/u;

/** Whether cutting `s` at `end` keeps whole code points. */
const betweenCodePoints = (s: string, end: number): boolean =>
  end === 0 || end === s.length || !(isHigh(s.charCodeAt(end - 1)) && isLow(s.charCodeAt(end)));

/** Whether cutting `s` at `end` keeps every letter with its marks and every joined emoji whole. */
const betweenCharacters = (s: string, end: number): boolean =>
  end === s.length ||
  end === 0 ||
  (betweenCodePoints(s, end) &&
    !JOINS_PREVIOUS.test(String.fromCodePoint(s.codePointAt(end)!)) &&
    s.charCodeAt(end - 1) !== 0x200d);

describe("cutText", () => {
  it("returns the text itself up to the max", () => {
    fc.assert(
      fc.property(text(), fc.nat(300), (s, extra) => {
        expect(cutText(s, s.length + extra)).toBe(s);
      }),
    );
  });

  it("cuts a start of the text, at most max units long, between whole characters", () => {
    fc.assert(
      fc.property(text(), fc.integer({ min: 1, max: 120 }), (s, max) => {
        const cut = cutText(s, max);
        expect(s.startsWith(cut)).toBe(true);
        expect(cut.length).toBeLessThanOrEqual(max);
        expect(betweenCodePoints(s, cut.length)).toBe(true);
        // Between characters whenever a place a few units back is: else (a first character longer
        // than max, a run of marks no text has) between code points rather than nothing.
        const near = Array.from({ length: 32 }, (_, k) => max - k).filter(
          (e) => e > 0 && e <= s.length,
        );
        if (near.some((e) => betweenCharacters(s, e)))
          expect(betweenCharacters(s, cut.length)).toBe(true);
      }),
    );
  });

  it("steps back no further than the character the max falls in", () => {
    fc.assert(
      fc.property(text(), fc.integer({ min: 1, max: 120 }), (s, max) => {
        fc.pre(s.length > max);
        const cut = cutText(s, max);
        // No later place at or before max would have been a cut between characters.
        for (let end = cut.length + 1; end <= max; end++)
          expect({ end, between: betweenCharacters(s, end) }).toEqual({ end, between: false });
      }),
    );
  });

  it("never leaves half a surrogate pair", () => {
    expect(cutText("ab😀cd", 3)).toBe("ab");
    expect(cutText("ab😀cd", 4)).toBe("ab😀");
    expect(cutText("𠀀𠀀𠀀", 5)).toBe("𠀀𠀀");
  });

  it("keeps a letter with its combining marks", () => {
    const nfd = "Nguye\u0302\u0303n";
    expect(cutText(nfd, 5)).toBe("Nguy");
    expect(cutText(nfd, 6)).toBe("Nguy");
    expect(cutText(nfd, 7)).toBe("Nguye\u0302\u0303");
  });

  it("keeps emoji joined by a zero-width joiner together", () => {
    const family = "👩\u200D👩\u200D👧";
    expect(cutText(`x${family}y`, 4)).toBe("x");
    expect(cutText(`x${family}y`, 9)).toBe(`x${family}`);
  });

  it("cuts between two marks, still between code points, behind a run of marks no text has", () => {
    const marks = `a${"\u0301".repeat(200)}`;
    const cut = cutText(marks, 100);
    expect(cut.length).toBeGreaterThan(50);
    expect(cut.length).toBeLessThanOrEqual(100);
    expect(marks.startsWith(cut)).toBe(true);
    const astral = `a${"\u{1D167}".repeat(200)}`; // a combining mark beyond the BMP
    const cutAstral = cutText(astral, 101);
    expect(betweenCodePoints(astral, cutAstral.length)).toBe(true);
    expect(cutAstral.length).toBeGreaterThan(50);
  });

  it("returns a string of its own, not a view that keeps the long value alive", () => {
    // Not observable from JavaScript but by its cost; what can be checked is the content.
    const long = "Nguyễn Thị Hoa ".repeat(100_000);
    expect(cutText(long, 15)).toBe("Nguyễn Thị Hoa ");
  });
});

describe("shortText", () => {
  it("returns a text of up to QUOTE_MAX units whole", () => {
    fc.assert(
      fc.property(text(30), (s) => {
        fc.pre(s.length <= QUOTE_MAX);
        expect(shortText(s)).toBe(s);
      }),
    );
  });

  it("quotes a longer text by its start, cut between characters, and '…'", () => {
    fc.assert(
      fc.property(text(200), fc.integer({ min: 1, max: 150 }), (s, max) => {
        fc.pre(s.length > max);
        const q = shortText(s, max);
        expect(q.endsWith(ELLIPSIS)).toBe(true);
        const start = q.slice(0, -ELLIPSIS.length);
        expect(start).toBe(cutText(s, max).trimEnd());
        expect(q.length).toBeLessThanOrEqual(max + ELLIPSIS.length);
      }),
    );
  });

  it("quotes a value of a megabyte in about a hundred characters", () => {
    const value = "Câu lạc bộ Liên thế hệ tự giúp nhau ".repeat(30_000);
    const q = shortText(value);
    expect(q.length).toBeLessThanOrEqual(QUOTE_MAX + 1);
    expect(q).toMatch(/^Câu lạc bộ Liên thế hệ tự giúp nhau Câu lạc bộ/);
    expect(q.endsWith("…")).toBe(true);
    // No space before the ellipsis: the cut start is trimmed.
    expect(q).not.toMatch(/ …$/);
  });
});

describe("tailText", () => {
  it("is an end of the text, at most max units, starting on a whole code point", () => {
    fc.assert(
      fc.property(text(), fc.integer({ min: 1, max: 120 }), (s, max) => {
        const tail = tailText(s, max);
        expect(s.endsWith(tail)).toBe(true);
        expect(tail.length).toBeLessThanOrEqual(max);
        expect(tail.length).toBeGreaterThanOrEqual(Math.min(s.length, max - 1));
        expect(betweenCodePoints(s, s.length - tail.length)).toBe(true);
      }),
    );
  });
});

describe("textHash", () => {
  it("is a short base-36 word, the same for the same text", () => {
    fc.assert(
      fc.property(text(), (s) => {
        const h = textHash(s);
        expect(h).toMatch(/^[0-9a-z]{1,11}$/);
        expect(textHash(`${s}`)).toBe(h);
      }),
    );
  });

  it("tells apart long texts that share their start", () => {
    const start = "x".repeat(2000);
    const hashes = new Set(Array.from({ length: 300 }, (_, i) => textHash(`${start}${i}`)));
    expect(hashes.size).toBe(300);
  });

  it("tells apart random texts", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ unit: "grapheme", maxLength: 40 }), {
          minLength: 2,
          maxLength: 200,
        }),
        (texts) => {
          expect(new Set(texts.map(textHash)).size).toBe(texts.length);
        },
      ),
    );
  });
});
