/**
 * The corpus's ground truth: a small district (Huyện Vũ Quang) of six clubs whose members are
 * drawn by a seeded generator to exact counts. Every variant of test/corpus/variants.ts renders
 * this same data (or a stated subset of it); the expected results are computed from it here, by
 * plain arithmetic, never from what the reader makes of a rendering.
 */
import { DEFAULT_SETTINGS, Settings } from "../../src/core/model/settings";
import { mulberry32 } from "../../src/cli/sample/rng";

/** An ISO day, "YYYY-MM-DD". */
export type Iso = string;

export const AS_OF: Iso = "2025-12-31";
export const AS_OF_YEAR = 2025;
export const UNIT = "Huyện Vũ Quang";
export const SETTINGS: Settings = { ...DEFAULT_SETTINGS, asOf: AS_OF };

export const HARDSHIP = ["Hộ nghèo", "Cận nghèo", "DTTS", "Neo đơn", "Khuyết tật", "Khác"] as const;
export type Hardship = (typeof HARDSHIP)[number];

export interface GtMember {
  readonly name: string;
  readonly sex: "M" | "F";
  readonly birthYear: number;
  readonly hardship: Hardship | null;
  /** The loan from the club's fund in đồng; 0: no loan. */
  readonly loan: number;
  readonly joined: Iso;
  readonly left: Iso | null;
}

export interface GtFund {
  /** Operating fund, đồng. */
  readonly operating: number;
  /** Income-generation (loan) fund, đồng. */
  readonly income: number;
  readonly regulation: boolean;
}

export interface GtClub {
  readonly id: string;
  readonly name: string;
  readonly commune: string;
  readonly founded: Iso;
  /** The eight activity areas, in the plan's order. */
  readonly activities: readonly boolean[];
  readonly wellManaged: boolean;
  /** No row in the fund sheet when null. */
  readonly fund: GtFund | null;
  readonly members: readonly GtMember[];
}

export interface District {
  readonly unit: string;
  readonly clubs: readonly GtClub[];
}

/**
 * What each club is drawn to: `n` members who count at the reference date, of whom `women`
 * women, `older` aged 62 or more (the others 58 or less: never within 2 years of the age line),
 * `borrowers` with a loan and `hardship` in a hardship category; besides them, `leavers` who left
 * before the reference date and `late` who joined after it (neither counts).
 */
interface ClubPlan {
  readonly id: string;
  readonly name: string;
  readonly commune: string;
  readonly founded: Iso;
  readonly n: number;
  readonly women: number;
  readonly older: number;
  readonly borrowers: number;
  readonly hardship: number;
  readonly leavers: number;
  readonly late: number;
  /** Indexes (0-7) of the activity areas the club does not run. */
  readonly missing: readonly number[];
  readonly wellManaged: boolean;
  readonly fund: GtFund | null;
}

/*
 * VQ-01 and VQ-02 pass everything (VQ-02 exactly on every bound: 30/50 women, 35/50 older, 15/50
 * younger, 25/50 borrowers); VQ-03 has 48 members (51 rows: 3 left), too many women, too few
 * borrowers, no hardship, no regulation and one activity missing; VQ-04 has too many older people
 * (so too few younger), no fund row and is not well managed; VQ-05 too few women and a fund of 0;
 * VQ-06 misses two activities only.
 */
const PLANS: readonly ClubPlan[] = [
  {
    id: "VQ-01",
    name: "CLB liên thế hệ tự giúp nhau xã Đức Giang",
    commune: "Đức Giang",
    founded: "2016-05-12",
    n: 55,
    women: 36,
    older: 35,
    borrowers: 30,
    hardship: 12,
    leavers: 2,
    late: 1,
    missing: [],
    wellManaged: true,
    fund: { operating: 5_000_000, income: 40_000_000, regulation: true },
  },
  {
    id: "VQ-02",
    name: "CLB LTH TGN thôn Kim Thành",
    commune: "Hương Minh",
    founded: "2019-09-20",
    n: 50,
    women: 30,
    older: 35,
    borrowers: 25,
    hardship: 8,
    leavers: 1,
    late: 0,
    missing: [],
    wellManaged: true,
    fund: { operating: 3_500_000, income: 25_000_000, regulation: true },
  },
  {
    id: "VQ-03",
    name: "CLB liên thế hệ tự giúp nhau xã Ân Phú",
    commune: "Ân Phú",
    founded: "2021-03-08",
    n: 48,
    women: 38,
    older: 30,
    borrowers: 20,
    hardship: 0,
    leavers: 3,
    late: 0,
    missing: [4],
    wellManaged: true,
    fund: { operating: 2_000_000, income: 15_000_000, regulation: false },
  },
  {
    id: "VQ-04",
    name: "CLB liên thế hệ tự giúp nhau thị trấn Vũ Quang",
    commune: "Thị trấn Vũ Quang",
    founded: "2022-06-15",
    n: 58,
    women: 40,
    older: 42,
    borrowers: 35,
    hardship: 10,
    leavers: 0,
    late: 2,
    missing: [],
    wellManaged: false,
    fund: null,
  },
  {
    id: "VQ-05",
    name: "CLB LTH TGN thôn Tân Hương",
    commune: "Đức Lĩnh",
    founded: "2023-10-02",
    n: 52,
    women: 28,
    older: 33,
    borrowers: 30,
    hardship: 5,
    leavers: 2,
    late: 1,
    missing: [],
    wellManaged: true,
    fund: { operating: 0, income: 10_000_000, regulation: true },
  },
  {
    id: "VQ-06",
    name: "CLB liên thế hệ tự giúp nhau xã Hương Điền",
    commune: "Hương Điền",
    founded: "2024-04-19",
    n: 60,
    women: 40,
    older: 38,
    borrowers: 33,
    hardship: 15,
    leavers: 1,
    late: 1,
    missing: [2, 7],
    wellManaged: true,
    fund: { operating: 4_200_000, income: 30_000_000, regulation: true },
  },
];

/** The sample generator's seeded PRNG, so that the district is the same on every run. */
export const prng = mulberry32;

type Rng = () => number;
const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)]!;

function shuffle<T>(rng: Rng, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** `k` of the indexes 0..n-1, drawn at random. */
const subset = (rng: Rng, n: number, k: number): Set<number> =>
  new Set(
    shuffle(
      rng,
      Array.from({ length: n }, (_, i) => i),
    ).slice(0, k),
  );

const p2 = (n: number) => String(n).padStart(2, "0");
const iso = (y: number, m: number, d: number): Iso => `${y}-${p2(m)}-${p2(d)}`;
const dayIn = (rng: Rng, y0: number, y1: number): Iso =>
  iso(int(rng, y0, y1), int(rng, 1, 12), int(rng, 1, 28));

/** Text without Vietnamese diacritics ("Đức Giang" -> "Duc Giang"), as typed on a bare keyboard. */
export function fold(s: string): string {
  return s
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .normalize("NFC");
}

const SURNAMES = [
  "Nguyễn",
  "Trần",
  "Lê",
  "Phạm",
  "Hoàng",
  "Phan",
  "Võ",
  "Đặng",
  "Bùi",
  "Đỗ",
  "Hồ",
  "Ngô",
  "Dương",
  "Lý",
];
const WOMEN_MIDDLE = ["Thị", "Thị Thu", "Thị Kim", "Thị Minh", "Thị Hồng"];
const MEN_MIDDLE = ["Văn", "Đình", "Hữu", "Xuân", "Quang", "Minh", "Công"];
const WOMEN_GIVEN = [
  "Lan",
  "Hoa",
  "Hương",
  "Mai",
  "Hằng",
  "Thủy",
  "Nga",
  "Loan",
  "Hạnh",
  "Liên",
  "Tâm",
  "Yến",
  "Nhung",
  "Thảo",
  "Dung",
  "Huệ",
  "Lụa",
  "Sen",
  "Cúc",
  "Đào",
  "Oanh",
  "Vân",
];
const MEN_GIVEN = [
  "Hùng",
  "Dũng",
  "Sơn",
  "Hải",
  "Tuấn",
  "Long",
  "Bình",
  "Thắng",
  "Cường",
  "Quý",
  "Thành",
  "Tùng",
  "Việt",
  "Đức",
  "Lộc",
  "Phúc",
  "Tài",
  "Khánh",
];

function drawClub(plan: ClubPlan, rng: Rng, names: Set<string>): GtClub {
  const { n } = plan;
  const woman = subset(rng, n, plan.women);
  const older = subset(rng, n, plan.older);
  const borrower = subset(rng, n, plan.borrowers);
  const hardship = subset(rng, n, plan.hardship);
  const foundedYear = Number(plan.founded.slice(0, 4));
  const name = (sex: "M" | "F"): string => {
    for (;;) {
      const full =
        sex === "F"
          ? `${pick(rng, SURNAMES)} ${pick(rng, WOMEN_MIDDLE)} ${pick(rng, WOMEN_GIVEN)}`
          : `${pick(rng, SURNAMES)} ${pick(rng, MEN_MIDDLE)} ${pick(rng, MEN_GIVEN)}`;
      // Unique in the district even without accents: no variant can make two members one.
      const key = fold(full).toLowerCase();
      if (names.has(key)) continue;
      names.add(key);
      return full;
    }
  };
  const member = (
    sex: "M" | "F",
    isOlder: boolean,
    isBorrower: boolean,
    inHardship: boolean,
    joined: Iso,
    left: Iso | null,
  ): GtMember => ({
    name: name(sex),
    sex,
    birthYear: AS_OF_YEAR - (isOlder ? int(rng, 62, 88) : int(rng, 25, 58)),
    hardship: inHardship ? pick(rng, HARDSHIP) : null,
    loan: isBorrower ? int(rng, 6, 20) * 500_000 : 0,
    joined,
    left,
  });
  const counted = Array.from({ length: n }, (_, i) =>
    member(
      woman.has(i) ? "F" : "M",
      older.has(i),
      borrower.has(i),
      hardship.has(i),
      dayIn(rng, foundedYear, 2025).replace(/^2025-(1[0-2])/, "2025-09"),
      null,
    ),
  ).map((m) => (m.joined < plan.founded ? { ...m, joined: plan.founded } : m));
  // Leavers joined with the club and left before the reference date; late joiners joined after it.
  const leavers = Array.from({ length: plan.leavers }, () => {
    const left = dayIn(rng, Math.max(foundedYear + 1, 2023), 2025).replace(
      /^2025-(1[0-2])/,
      "2025-09",
    );
    return member(
      rng() < 0.6 ? "F" : "M",
      rng() < 0.6,
      rng() < 0.5,
      rng() < 0.3,
      plan.founded,
      left,
    );
  });
  const late = Array.from({ length: plan.late }, () =>
    member(
      rng() < 0.6 ? "F" : "M",
      rng() < 0.6,
      false,
      rng() < 0.3,
      iso(2026, int(rng, 1, 3), int(rng, 1, 28)),
      null,
    ),
  );
  return {
    id: plan.id,
    name: plan.name,
    commune: plan.commune,
    founded: plan.founded,
    activities: Array.from({ length: 8 }, (_, i) => !plan.missing.includes(i)),
    wellManaged: plan.wellManaged,
    fund: plan.fund,
    members: shuffle(rng, [...counted, ...leavers, ...late]),
  };
}

/** The district, drawn with a fixed seed: the same on every run. */
export function district(seed = 20251231): District {
  const rng = prng(seed);
  const names = new Set<string>();
  return { unit: UNIT, clubs: PLANS.map((p) => drawClub(p, rng, names)) };
}

/** The district restricted to some clubs (a commune's or a cluster's own workbook). */
export const subsetOf = (d: District, ids: readonly string[]): District => ({
  ...d,
  clubs: d.clubs.filter((c) => ids.includes(c.id)),
});
