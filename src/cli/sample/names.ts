import { Rng } from "./rng";

/**
 * Vietnamese full names: family name + middle name + given name. Family names follow their rough
 * national frequency (Nguyễn about 4 in 10), with the names common in Hà Tĩnh (Võ, Đậu, Thái)
 * given a little more weight. Middle names carry the sex (Văn, Thị), so a sample member called
 * "Nguyễn Thị Hoa" is never written down as "Nam": a checker that cross-checks sex against the
 * middle name must not be tripped up by the sample itself.
 */
const FAMILY: ReadonlyArray<readonly [string, number]> = [
  ["Nguyễn", 36],
  ["Trần", 11],
  ["Lê", 9],
  ["Phạm", 6],
  ["Hoàng", 4],
  ["Phan", 5],
  ["Võ", 5],
  ["Đặng", 2],
  ["Bùi", 2],
  ["Đỗ", 1.5],
  ["Hồ", 2],
  ["Ngô", 1.5],
  ["Dương", 1.2],
  ["Lý", 0.5],
  ["Đậu", 1.5],
  ["Thái", 1.5],
  ["Đinh", 1.2],
  ["Hà", 1],
  ["Chu", 0.8],
  ["Cao", 0.8],
  ["Trương", 0.8],
  ["Tôn", 0.4],
];

/** Older generations are overwhelmingly "Văn"/"Thị"; the young get more varied middle names. */
const MIDDLE_MALE_OLD: ReadonlyArray<readonly [string, number]> = [
  ["Văn", 70],
  ["Đình", 10],
  ["Hữu", 8],
  ["Xuân", 5],
  ["Công", 4],
  ["Bá", 3],
];
const MIDDLE_MALE_YOUNG: ReadonlyArray<readonly [string, number]> = [
  ["Văn", 30],
  ["Đình", 10],
  ["Hữu", 10],
  ["Đức", 12],
  ["Quang", 10],
  ["Minh", 12],
  ["Xuân", 6],
  ["Trọng", 6],
  ["Ngọc", 4],
];
const MIDDLE_FEMALE_OLD: ReadonlyArray<readonly [string, number]> = [
  ["Thị", 85],
  ["Thị Thu", 4],
  ["Thị Kim", 4],
  ["Thị Minh", 3],
  ["Thị Hồng", 4],
];
const MIDDLE_FEMALE_YOUNG: ReadonlyArray<readonly [string, number]> = [
  ["Thị", 50],
  ["Thị Thu", 10],
  ["Thị Thanh", 8],
  ["Thị Hồng", 6],
  ["Thị Ngọc", 6],
  ["Thu", 6],
  ["Ngọc", 6],
  ["Thanh", 4],
  ["Hồng", 4],
];

// prettier-ignore
const GIVEN_FEMALE = [
  "Hoa", "Lan", "Hương", "Hằng", "Mai", "Nga", "Hà", "Thủy", "Hạnh", "Loan",
  "Liên", "Hồng", "Nhung", "Tâm", "Xuân", "Thảo", "Dung", "Phương", "Yến", "Oanh",
  "Vân", "Hiền", "Cúc", "Đào", "Lý", "Huệ", "Sen", "Ngân", "Trang", "Linh",
  "Huyền", "Quyên", "Thắm", "Tuyết", "Châu", "Hòa", "Lài", "Thơm", "Nhàn", "Lựu",
] as const;

// prettier-ignore
const GIVEN_MALE = [
  "Hùng", "Dũng", "Minh", "Tuấn", "Hải", "Sơn", "Thắng", "Cường", "Hòa", "Bình",
  "Long", "Nam", "Quang", "Thành", "Trung", "Đức", "Tâm", "Phúc", "Lộc", "Thọ",
  "Tú", "Hiếu", "Khánh", "Lâm", "Toàn", "Vinh", "Hưng", "Kỳ", "Tiến", "Thanh",
  "Chiến", "Hoàng", "Anh", "Tính", "Nhân", "Lợi", "Việt", "Hậu", "Thiện", "Mậu",
] as const;

/** A full name in NFC, consistent with the sex; `older` picks the older generation's middle names. */
export function personName(rng: Rng, female: boolean, older: boolean): string {
  const family = rng.weighted(FAMILY);
  const middles = female
    ? older
      ? MIDDLE_FEMALE_OLD
      : MIDDLE_FEMALE_YOUNG
    : older
      ? MIDDLE_MALE_OLD
      : MIDDLE_MALE_YOUNG;
  const given = rng.pick(female ? GIVEN_FEMALE : GIVEN_MALE);
  return `${family} ${rng.weighted(middles)} ${given}`;
}
