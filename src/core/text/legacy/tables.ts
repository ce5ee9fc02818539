/**
 * Code tables of the two legacy 8-bit Vietnamese encodings met in old Excel registers.
 *
 * Excel stores such text as the Windows-1252 (or Latin-1) characters of the byte codes: the legacy
 * font only draws them as Vietnamese. Every code used below lies in 0xA0-0xFF, where Windows-1252
 * and Latin-1 agree, so one table serves both, and a byte code is its own UTF-16 code unit.
 *
 * Letters are listed lower case, row by row (a ă â đ e ê i o ô ơ u ư y), each row in the tone
 * order huyền, hỏi, ngã, sắc, nặng after the toneless letter; all strings here are NFC.
 */

/**
 * TCVN3 ("ABC", the 8-bit VN3 set of TCVN 5712:1993), byte by byte. Sources: the standard's code
 * table as published (Wikipedia "VSCII"/"TCVN 5712"), checked code by code against GNU libc's
 * TCVN5712-1 converter (`iconv -f TCVN5712-1`, the VN1 superset whose 0xA0-0xFF letters VN3
 * keeps) and against the TCVN3 table of the VBKey converter. TCVN3 has every lower-case letter but
 * only seven capitals (below); the other capitals exist only as the lower-case codes drawn by the
 * capital fonts (".VnTimeH"). Bytes 0xB0-0xB4 (combining tone marks in VN1) and the VN1-only
 * capitals are left unconverted: registers typed with ABC fonts do not use them.
 */
// prettier-ignore
export const TCVN3_LOWER: ReadonlyArray<readonly [letter: string, code: number]> = [
  // a: à ả ã á ạ
  ["à", 0xb5], ["ả", 0xb6], ["ã", 0xb7], ["á", 0xb8], ["ạ", 0xb9],
  // ă ằ ẳ ẵ ắ ặ
  ["ă", 0xa8], ["ằ", 0xbb], ["ẳ", 0xbc], ["ẵ", 0xbd], ["ắ", 0xbe], ["ặ", 0xc6],
  // â ầ ẩ ẫ ấ ậ
  ["â", 0xa9], ["ầ", 0xc7], ["ẩ", 0xc8], ["ẫ", 0xc9], ["ấ", 0xca], ["ậ", 0xcb],
  // đ
  ["đ", 0xae],
  // e: è ẻ ẽ é ẹ (0xCD is unused in VN3)
  ["è", 0xcc], ["ẻ", 0xce], ["ẽ", 0xcf], ["é", 0xd0], ["ẹ", 0xd1],
  // ê ề ể ễ ế ệ
  ["ê", 0xaa], ["ề", 0xd2], ["ể", 0xd3], ["ễ", 0xd4], ["ế", 0xd5], ["ệ", 0xd6],
  // i: ì ỉ ĩ í ị (0xD9-0xDB unused)
  ["ì", 0xd7], ["ỉ", 0xd8], ["ĩ", 0xdc], ["í", 0xdd], ["ị", 0xde],
  // o: ò ỏ õ ó ọ (0xE0 unused)
  ["ò", 0xdf], ["ỏ", 0xe1], ["õ", 0xe2], ["ó", 0xe3], ["ọ", 0xe4],
  // ô ồ ổ ỗ ố ộ
  ["ô", 0xab], ["ồ", 0xe5], ["ổ", 0xe6], ["ỗ", 0xe7], ["ố", 0xe8], ["ộ", 0xe9],
  // ơ ờ ở ỡ ớ ợ
  ["ơ", 0xac], ["ờ", 0xea], ["ở", 0xeb], ["ỡ", 0xec], ["ớ", 0xed], ["ợ", 0xee],
  // u: ù ủ ũ ú ụ (0xF0 unused)
  ["ù", 0xef], ["ủ", 0xf1], ["ũ", 0xf2], ["ú", 0xf3], ["ụ", 0xf4],
  // ư ừ ử ữ ứ ự
  ["ư", 0xad], ["ừ", 0xf5], ["ử", 0xf6], ["ữ", 0xf7], ["ứ", 0xf8], ["ự", 0xf9],
  // y: ỳ ỷ ỹ ý ỵ
  ["ỳ", 0xfa], ["ỷ", 0xfb], ["ỹ", 0xfc], ["ý", 0xfd], ["ỵ", 0xfe],
];

/** The seven capitals TCVN3 encodes, 0xA1-0xA7 (the lower-case forms sit at 0xA8-0xAE). */
// prettier-ignore
export const TCVN3_CAPITALS: ReadonlyArray<readonly [letter: string, code: number]> = [
  ["Ă", 0xa1], ["Â", 0xa2], ["Ê", 0xa3], ["Ô", 0xa4], ["Ơ", 0xa5], ["Ư", 0xa6], ["Đ", 0xa7],
];

/**
 * VNI Windows (VNI Software's 8-bit fonts "VNI-Times", "VNI-Helve", ...): a base letter followed by
 * one mark character, except for the letters that have a code of their own (đ ñ, ơ ô, ư ö, the
 * five i's, ỵ î). Marks: tones ø huyền, û hỏi, õ ngã, ù sắc, ï nặng; circumflex â (with tones à å
 * ã á ä); breve ê (with tones è ú ü é ë). Sources: the VNI Windows table of xvnkb (vni.h, Dao Hai
 * Lam, 2002) and of the VBKey converter, which agree on all 134 letters. Capitals are the same
 * strings in capitals ("AÙ" = "Á", "Ñ" = "Đ", "Ô" = "Ơ"): `toUpperCase` maps every code used here
 * one to one, within Latin-1.
 */
// prettier-ignore
export const VNI_LOWER: ReadonlyArray<readonly [letter: string, vni: string]> = [
  // a: à ả ã á ạ
  ["à", "aø"], ["ả", "aû"], ["ã", "aõ"], ["á", "aù"], ["ạ", "aï"],
  // ă ằ ẳ ẵ ắ ặ
  ["ă", "aê"], ["ằ", "aè"], ["ẳ", "aú"], ["ẵ", "aü"], ["ắ", "aé"], ["ặ", "aë"],
  // â ầ ẩ ẫ ấ ậ
  ["â", "aâ"], ["ầ", "aà"], ["ẩ", "aå"], ["ẫ", "aã"], ["ấ", "aá"], ["ậ", "aä"],
  // đ
  ["đ", "ñ"],
  // e: è ẻ ẽ é ẹ
  ["è", "eø"], ["ẻ", "eû"], ["ẽ", "eõ"], ["é", "eù"], ["ẹ", "eï"],
  // ê ề ể ễ ế ệ
  ["ê", "eâ"], ["ề", "eà"], ["ể", "eå"], ["ễ", "eã"], ["ế", "eá"], ["ệ", "eä"],
  // i: ì ỉ ĩ í ị (single codes; ì and í are their own Latin-1 characters)
  ["ì", "ì"], ["ỉ", "æ"], ["ĩ", "ó"], ["í", "í"], ["ị", "ò"],
  // o: ò ỏ õ ó ọ
  ["ò", "oø"], ["ỏ", "oû"], ["õ", "oõ"], ["ó", "où"], ["ọ", "oï"],
  // ô ồ ổ ỗ ố ộ
  ["ô", "oâ"], ["ồ", "oà"], ["ổ", "oå"], ["ỗ", "oã"], ["ố", "oá"], ["ộ", "oä"],
  // ơ ờ ở ỡ ớ ợ
  ["ơ", "ô"], ["ờ", "ôø"], ["ở", "ôû"], ["ỡ", "ôõ"], ["ớ", "ôù"], ["ợ", "ôï"],
  // u: ù ủ ũ ú ụ
  ["ù", "uø"], ["ủ", "uû"], ["ũ", "uõ"], ["ú", "uù"], ["ụ", "uï"],
  // ư ừ ử ữ ứ ự
  ["ư", "ö"], ["ừ", "öø"], ["ử", "öû"], ["ữ", "öõ"], ["ứ", "öù"], ["ự", "öï"],
  // y: ỳ ỷ ỹ ý ỵ (ỵ has a code of its own)
  ["ỳ", "yø"], ["ỷ", "yû"], ["ỹ", "yõ"], ["ý", "yù"], ["ỵ", "î"],
];

/** All 134 VNI letters: the lower-case table and its capitals. */
export const VNI_ALL: ReadonlyArray<readonly [letter: string, vni: string]> = [
  ...VNI_LOWER,
  ...VNI_LOWER.map(([u, v]) => [u.toUpperCase(), v.toUpperCase()] as const),
];
