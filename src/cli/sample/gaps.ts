/**
 * The deliberate gaps of the sample, and how often each appears. A checker is only as trustworthy
 * as the gaps it has been shown to find, so the sample carries every kind: the plan's criteria
 * failing club by club, and the cell-level mess of real registers (domain.md,
 * "How the data really looks"). Rates are "a few percent"; every kind appears at least once
 * however small the sample.
 */

/** Club-level gaps: what makes a club fail one of the plan's criteria. */
export type ClubGap =
  | "small" // fewer than 50 members
  | "large" // more than 70 members (a warning in the national decision)
  | "empty" // in the CLB sheet, no member rows at all
  | "fewWomen"
  | "fewOlder"
  | "fewBorrowers"
  | "noFund" // no row in Quỹ
  | "regulationNo" // Quy chế quản lý quỹ = Không
  | "activityNo" // one or two activity areas Không / blank
  | "managementNo" // Quản lý tốt = Không
  | "closed"; // Trạng thái = Ngừng hoạt động

/** Share of clubs with each gap; the first kinds are the commonest in real registers. */
export const CLUB_GAP_RATES: ReadonlyArray<readonly [ClubGap, number]> = [
  ["activityNo", 0.04],
  ["small", 0.03],
  ["fewWomen", 0.03],
  ["fewOlder", 0.03],
  ["fewBorrowers", 0.03],
  ["regulationNo", 0.03],
  ["managementNo", 0.03],
  ["noFund", 0.02],
  ["closed", 0.02],
  ["large", 0.01],
  ["empty", 0.005],
];

/** Member-level quirks: bad or merely unusual cells, and extra rows. */
export type MemberQuirk =
  | "badSex" // "?", "x", "Nam/Nữ": an error
  | "sexVariant" // "nữ", "NỮ", "nu", "nam": valid, must be normalised
  | "missingBirth"
  | "implausibleBirth" // 1850, 2030
  | "birthDate" // a real Excel date: valid
  | "birthText" // "dd/mm/yyyy" text: valid
  | "amountText" // "5.000.000 đ": a loan amount as text with "." thousands
  | "nfdName" // the name in decomposed Unicode (Windows keyboard): valid, compare after NFC
  | "leaver" // extra rows: left the club before the reference year
  | "duplicate" // extra row: same name and birth in the same club
  | "unknownClub"; // extra row: a club id that is not in the CLB sheet

/** Share of clubs that carry each quirk for sure (at least one club each). */
export const MEMBER_QUIRK_CARRIERS: ReadonlyArray<readonly [MemberQuirk, number]> = [
  ["badSex", 0],
  ["sexVariant", 0],
  ["missingBirth", 0],
  ["implausibleBirth", 0],
  ["birthDate", 0],
  ["birthText", 0],
  ["amountText", 0],
  ["nfdName", 0],
  ["leaver", 0.06],
  ["duplicate", 0.01],
  ["unknownClub", 0.005],
];

/** Per-member chance of each cell quirk on top of the forced ones (amountText: per borrower). */
export const MEMBER_QUIRK_RATES = {
  badSex: 0.0015,
  sexVariant: 0.02,
  missingBirth: 0.003,
  implausibleBirth: 0.001,
  birthDate: 0.1,
  birthText: 0.06,
  amountText: 0.04,
  nfdName: 0.01,
} as const;

export const BAD_SEX = ["?", "x", "Nam/Nữ"] as const;
export const FEMALE_VARIANTS = ["nữ", "NỮ", "nu"] as const;
export const MALE_VARIANTS = ["nam", "NAM"] as const;
export const IMPLAUSIBLE_BIRTH = [1850, 2030] as const;
