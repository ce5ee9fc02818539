import { fromTcvn3, fromVni, toTcvn3, toVni } from "../../../../src/core/text/legacy";
import { TCVN3_LOWER, VNI_ALL } from "../../../../src/core/text/legacy/tables";

/**
 * Every letter, both directions, against tables written out independently of the source ones:
 * TCVN3 as GNU libc's `iconv -f TCVN5712-1` decodes each byte 0xA1-0xFE (the VN1-only capitals and
 * the combining tones 0xB0-0xB4, which VN3 fonts do not use, left out), VNI as xvnkb's vni.h lists
 * it (tone order sắc, huyền, hỏi, ngã, nặng; capitals written out, not derived).
 */
const TCVN3_BYTES = `
A1 Ă  A2 Â  A3 Ê  A4 Ô  A5 Ơ  A6 Ư  A7 Đ  A8 ă  A9 â  AA ê  AB ô  AC ơ  AD ư  AE đ
B5 à  B6 ả  B7 ã  B8 á  B9 ạ  BB ằ  BC ẳ  BD ẵ  BE ắ  C6 ặ  C7 ầ  C8 ẩ  C9 ẫ  CA ấ
CB ậ  CC è  CE ẻ  CF ẽ  D0 é  D1 ẹ  D2 ề  D3 ể  D4 ễ  D5 ế  D6 ệ  D7 ì  D8 ỉ  DC ĩ
DD í  DE ị  DF ò  E1 ỏ  E2 õ  E3 ó  E4 ọ  E5 ồ  E6 ổ  E7 ỗ  E8 ố  E9 ộ  EA ờ  EB ở
EC ỡ  ED ớ  EE ợ  EF ù  F1 ủ  F2 ũ  F3 ú  F4 ụ  F5 ừ  F6 ử  F7 ữ  F8 ứ  F9 ự  FA ỳ
FB ỷ  FC ỹ  FD ý  FE ỵ`;

const VNI_PAIRS = `
á aù  à aø  ả aû  ã aõ  ạ aï    Á AÙ  À AØ  Ả AÛ  Ã AÕ  Ạ AÏ
â aâ  ấ aá  ầ aà  ẩ aå  ẫ aã  ậ aä    Â AÂ  Ấ AÁ  Ầ AÀ  Ẩ AÅ  Ẫ AÃ  Ậ AÄ
ă aê  ắ aé  ằ aè  ẳ aú  ẵ aü  ặ aë    Ă AÊ  Ắ AÉ  Ằ AÈ  Ẳ AÚ  Ẵ AÜ  Ặ AË
é eù  è eø  ẻ eû  ẽ eõ  ẹ eï    É EÙ  È EØ  Ẻ EÛ  Ẽ EÕ  Ẹ EÏ
ê eâ  ế eá  ề eà  ể eå  ễ eã  ệ eä    Ê EÂ  Ế EÁ  Ề EÀ  Ể EÅ  Ễ EÃ  Ệ EÄ
ó où  ò oø  ỏ oû  õ oõ  ọ oï    Ó OÙ  Ò OØ  Ỏ OÛ  Õ OÕ  Ọ OÏ
ô oâ  ố oá  ồ oà  ổ oå  ỗ oã  ộ oä    Ô OÂ  Ố OÁ  Ồ OÀ  Ổ OÅ  Ỗ OÃ  Ộ OÄ
ơ ô  ớ ôù  ờ ôø  ở ôû  ỡ ôõ  ợ ôï    Ơ Ô  Ớ ÔÙ  Ờ ÔØ  Ở ÔÛ  Ỡ ÔÕ  Ợ ÔÏ
ú uù  ù uø  ủ uû  ũ uõ  ụ uï    Ú UÙ  Ù UØ  Ủ UÛ  Ũ UÕ  Ụ UÏ
ư ö  ứ öù  ừ öø  ử öû  ữ öõ  ự öï    Ư Ö  Ứ ÖÙ  Ừ ÖØ  Ử ÖÛ  Ữ ÖÕ  Ự ÖÏ
í í  ì ì  ỉ æ  ĩ ó  ị ò    Í Í  Ì Ì  Ỉ Æ  Ĩ Ó  Ị Ò
ý yù  ỳ yø  ỷ yû  ỹ yõ  ỵ î    Ý YÙ  Ỳ YØ  Ỷ YÛ  Ỹ YÕ  Ỵ Î
đ ñ    Đ Ñ`;

function pairs(table: string): Array<[string, string]> {
  const items = table.trim().split(/\s+/);
  const out: Array<[string, string]> = [];
  for (let i = 0; i < items.length; i += 2) out.push([items[i] ?? "", items[i + 1] ?? ""]);
  return out;
}

const tcvn3 = pairs(TCVN3_BYTES).map(([hex, letter]) => [
  letter,
  String.fromCharCode(parseInt(hex, 16)),
]);
const vni = pairs(VNI_PAIRS);
const LOWER_67 = "àảãáạăằẳẵắặâầẩẫấậđèẻẽéẹêềểễếệìỉĩíịòỏõóọôồổỗốộơờởỡớợùủũúụưừửữứựỳỷỹýỵ";

describe("the tables", () => {
  it("cover the 67 lower-case letters (TCVN3) and the 134 letters (VNI), in NFC", () => {
    expect(tcvn3).toHaveLength(67 + 7);
    expect(vni).toHaveLength(134);
    expect(new Set(tcvn3.map(([u]) => u))).toEqual(new Set([...LOWER_67, ..."ĂÂÊÔƠƯĐ"]));
    const all = new Set([...LOWER_67, ...LOWER_67.toUpperCase()]);
    expect(new Set(vni.map(([u]) => u))).toEqual(all);
    expect(new Set(VNI_ALL.map(([u]) => u))).toEqual(all);
    expect(TCVN3_LOWER.map(([u]) => u).join("")).toBe(LOWER_67);
    for (const u of all) expect(u.normalize("NFC")).toBe(u);
  });
});

describe("TCVN3, letter by letter", () => {
  it.each(tcvn3)("%s is code %j", (letter, code) => {
    expect(fromTcvn3(code ?? "")).toBe(letter);
    expect(toTcvn3(letter ?? "")).toBe(code);
  });

  it("writes capitals it lacks with the lower-case code", () => {
    expect(toTcvn3("Á")).toBe("\u00b8");
    expect(toTcvn3("Ễ")).toBe(toTcvn3("ễ"));
    expect(fromTcvn3(toTcvn3("ÀẢÃÁẠẰẲẴẮẶẦẨẪẤẬ"))).toBe("àảãáạằẳẵắặầẩẫấậ");
  });

  it("matches the examples Excel shows", () => {
    expect(toTcvn3("á")).toBe("¸");
    expect(toTcvn3("à")).toBe("µ");
    expect(toTcvn3("đ")).toBe("®");
    expect(toTcvn3("Đ")).toBe("§");
  });
});

describe("VNI, letter by letter", () => {
  it.each(vni)("%s is %j", (letter, code) => {
    expect(fromVni(code)).toBe(letter);
    expect(toVni(letter)).toBe(code);
  });
});
