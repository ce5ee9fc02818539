import fc from "fast-check";
import {
  detectLegacy,
  fromTcvn3,
  fromVni,
  toTcvn3,
  toUnicode,
  toVni,
} from "../../../../src/core/text/legacy";

const LOWER = "àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵ";
const LETTERS_134 = [...LOWER, ...LOWER.toUpperCase()];
const ASCII_LETTERS = [..."abcdeghiklmnopqrstuvxyABCDEGHIKLMNOPQRSTUVXY"];

/** Random Vietnamese-looking text: the 134 letters, ASCII letters and spaces, in any order. */
const vietnamese = (alphabet: readonly string[]) =>
  fc.array(fc.constantFrom(...alphabet, " "), { maxLength: 40 }).map((cs) => cs.join(""));

/** Any string at all, lone surrogates included. */
const anything = fc.string({ unit: "binary", maxLength: 60 });

describe("properties", () => {
  it("VNI round-trips the 134 letters and spaces", () => {
    fc.assert(
      fc.property(vietnamese(LETTERS_134), (s) => fromVni(toVni(s)) === s),
      { numRuns: 2000 },
    );
  });

  it("VNI round-trips them mixed with ASCII letters", () => {
    fc.assert(
      fc.property(vietnamese([...LETTERS_134, ...ASCII_LETTERS]), (s) => fromVni(toVni(s)) === s),
      { numRuns: 2000 },
    );
  });

  it("TCVN3 round-trips lower case, its seven capitals and ASCII", () => {
    const alphabet = [...LOWER, ..."ĂÂÊÔƠƯĐ", ...ASCII_LETTERS];
    fc.assert(
      fc.property(vietnamese(alphabet), (s) => fromTcvn3(toTcvn3(s)) === s),
      {
        numRuns: 2000,
      },
    );
  });

  it("TCVN3 round-trips any Vietnamese text up to case", () => {
    fc.assert(
      fc.property(
        vietnamese([...LETTERS_134, ...ASCII_LETTERS]),
        (s) => fromTcvn3(toTcvn3(s), true) === s.toUpperCase(),
      ),
      { numRuns: 1000 },
    );
  });

  it("never throws on arbitrary strings", () => {
    fc.assert(
      fc.property(anything, fc.boolean(), fc.string(), (s, upper, font) => {
        fromVni(s);
        fromTcvn3(s, upper);
        toVni(s);
        toTcvn3(s);
        detectLegacy(s);
        toUnicode(s);
        toUnicode(s, { font });
      }),
      { numRuns: 2000 },
    );
  });

  it("decoders leave ASCII alone", () => {
    const ascii = fc.string({
      unit: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)),
    });
    fc.assert(
      fc.property(ascii, (s) => fromVni(s) === s && fromTcvn3(s) === s && detectLegacy(s) === null),
    );
  });

  it("never converts Unicode text holding a Unicode-only letter", () => {
    fc.assert(
      fc.property(vietnamese(LETTERS_134), (s) => {
        fc.pre(/[^\u0000-\u00ff]/.test(s));
        return toUnicode(s).converted === null && toUnicode(s, { font: ".VnTime" }).text === s;
      }),
      { numRuns: 1000 },
    );
  });
});
