import { FullDate } from "../model/dates";
import { say } from "../model/i18n";
import { CellRef, cellOf, Fund, Member } from "../model/records";
import { FindingSink } from "../findings/sink";
import { ageAt } from "../parse/dates";
import { nameKey } from "../text/normalize";
import { formatDate } from "../check/dates";
import { findOutliers, isOutside, OUTLIER_MIN_VALUES, outsideText, robustRange } from "./outliers";
import { shortText } from "../text/short-text";

/**
 * Values far from the rest (warnings, never errors: an unusual value may be true): the funds of
 * the judged clubs, the loan amounts of counted members where the register gives an amount (both
 * on a log scale, see outliers.ts), and the ages of counted members at the reference date. Each
 * series is taken over the whole check (every club of the workbook), since one club's 50 members
 * or one district's few funds are too few to say what is usual; a series too short or without
 * spread is not tested (outliers.ts).
 */

export const FUND_OUTLIER = "fund.amountOutlier";
export const LOAN_OUTLIER = "member.loanOutlier";
export const AGE_OUTLIER = "member.ageOutlier";

const DONG = { vi: " đ", en: " đ" };
/** Amounts are shown to three significant digits (rounded inwards), never below 0. */
const AMOUNT_DISPLAY = { significant: 3, floor: 0 } as const;

/** A member's stable key, as the reader's and the counting's findings build it. */
export const memberKey = (clubId: string, m: Member): string =>
  `${clubId}/${nameKey(m.name)}/${m.birth ? formatDate(m.birth) : ""}`;

/** What tells apart two members with the same key whatever the rows' order (FindingSink). */
const memberContent = (m: Member): string =>
  JSON.stringify([m.sex, m.hardship, m.borrowed, m.joined, m.left, m.name, m.clubId]);

const memberLabel = (clubId: string, m: Member) =>
  say(
    `"${shortText(m.name)}"${m.birth ? ` (sinh ${formatDate(m.birth)})` : ""}, CLB ${shortText(clubId)}`,
    `"${shortText(m.name)}"${m.birth ? ` (born ${formatDate(m.birth)})` : ""}, club ${shortText(clubId)}`,
  );

const FUND_FIELDS = [
  { field: "operatingFund", name: say("quỹ hoạt động", "operating fund") },
  { field: "incomeFund", name: say("quỹ tăng thu nhập", "income-generation fund") },
] as const;

/**
 * Each of the two funds is its own series: the operating fund and the income-generation fund of
 * the judged clubs. Zero and unreadable amounts are left out: a club without an operating fund is
 * already an error of club.fund, and a row of zeros must not pull the median down.
 */
export function checkFundOutliers(
  funds: readonly { readonly clubId: string; readonly fund: Fund }[],
  k: number,
  sink: FindingSink,
  minValues = OUTLIER_MIN_VALUES,
): void {
  for (const { field, name } of FUND_FIELDS) {
    const series = funds.filter((f) => (f.fund[field] ?? 0) > 0);
    const found = findOutliers(series, (f) => f.fund[field]!, k, minValues, "log");
    if (!found) continue;
    for (const { clubId, fund } of found.outliers) {
      const text = outsideText(fund[field]!, found.range, DONG, AMOUNT_DISPLAY);
      sink.add(
        FUND_OUTLIER,
        "warning",
        `${clubId}/${field}`,
        say(
          `CLB ${shortText(clubId)}: ${name.vi} ${text.vi}.`,
          `Club ${shortText(clubId)}: ${name.en} ${text.en}.`,
        ),
        cellOf(fund.origin, field),
      );
    }
  }
}

/** The members counted in judged clubs, in the order they were counted (CountedList). */
export interface CountedMembers {
  readonly length: number;
  member(i: number): Member;
  /** The club the `i`th counts in, as the club list spells its id. */
  clubId(i: number): string;
  /** Its person (PersonIds: normalised name and birth as written; NO_PERSON without). */
  person(i: number): number;
}

/**
 * Loan amounts, where the register gives one ("Được vay vốn" holds "5.000.000" rather than "Có"):
 * the reader keeps it on the member (`loanAmount`, null for Có / Không / blank).
 */
export function checkLoanOutliers(
  counted: CountedMembers,
  k: number,
  sink: FindingSink,
  minValues = OUTLIER_MIN_VALUES,
): void {
  // Each member's amount by position, NaN where it has none: robustRange leaves NaN out, and a
  // position needs no second array (see checkAgeOutliers).
  const amounts = new Float64Array(counted.length);
  for (let i = 0; i < counted.length; i++) {
    const a = counted.member(i).loanAmount;
    amounts[i] = a !== null && a > 0 ? a : NaN;
  }
  const range = robustRange(amounts, k, minValues, "log");
  if (!range) return;
  for (let i = 0; i < amounts.length; i++) {
    const amount = amounts[i]!;
    if (Number.isNaN(amount) || !isOutside(range, amount)) continue;
    const m = counted.member(i);
    const clubId = counted.clubId(i);
    const who = memberLabel(clubId, m);
    const text = outsideText(amount, range, DONG, AMOUNT_DISPLAY);
    sink.add(
      LOAN_OUTLIER,
      "warning",
      memberKey(clubId, m),
      say(`${who.vi}: số tiền vay ${text.vi}.`, `${who.en}: loan amount ${text.en}.`),
      cellOf(m.origin, "borrowed"),
      memberContent(m),
    );
  }
}

/** Where a member's birth is written: its column, or the "Nam"/"Nữ" sub-column it stands under. */
export function birthCell(m: Member): CellRef {
  const own = cellOf(m.origin, "birth");
  if (own.cell) return own;
  for (const field of m.sex === "F" ? ["birthFemale", "birthMale"] : ["birthMale", "birthFemale"]) {
    const c = cellOf(m.origin, field);
    if (c.cell) return c;
  }
  return cellOf(m.origin, "name");
}

/**
 * Ages at the reference date, judged within each of the plan's two groups: the older members
 * (from the age line) and the younger ones. A club mixes them on purpose (60-70 % older, 30-40 %
 * younger), so over all members the median and the MAD describe only the older majority, and a
 * whole generation of younger members would fall outside their range. Within a group the test
 * catches what is plausible on its own but far from that group (a 104-year-old among members of
 * 60 to 85, often a birth year typed with the wrong decade). Ages outside [minAge, maxAge] were
 * already refused by the reader.
 */
export function checkAgeOutliers(
  counted: CountedMembers,
  ref: FullDate,
  ageLine: number,
  k: number,
  sink: FindingSink,
  minValues = OUTLIER_MIN_VALUES,
): void {
  // Each member's age by position (NaN without a birth), then each group's ages alone, as long as
  // the group: a country's 600,000 members took a position and an age per member in each group
  // (14 MB) beside the series' sorted copies (issue 15).
  const ages = new Float64Array(counted.length);
  for (let i = 0; i < counted.length; i++) {
    const birth = counted.member(i).birth;
    ages[i] = birth ? ageAt(birth, ref) : NaN;
  }
  const groups = [
    {
      older: false,
      name: say(`của nhóm dưới ${ageLine} tuổi`, `for members under ${ageLine}`),
    },
    {
      older: true,
      name: say(`của nhóm từ ${ageLine} tuổi trở lên`, `for members aged ${ageLine} and over`),
    },
  ] as const;
  for (const g of groups) {
    const inGroup = (age: number): boolean => (g.older ? age >= ageLine : age < ageLine);
    const range = robustRange(seriesOf(ages, inGroup), k, minValues);
    if (!range) continue;
    const unit = { vi: " tuổi", en: "" };
    const bounds = g.older ? { floor: ageLine } : { floor: 0, ceiling: ageLine - 1 };
    for (let i = 0; i < ages.length; i++) {
      const age = ages[i]!;
      if (!inGroup(age) || !isOutside(range, age)) continue;
      const m = counted.member(i);
      const clubId = counted.clubId(i);
      const who = memberLabel(clubId, m);
      const text = outsideText(age, range, unit, bounds, g.name);
      sink.add(
        AGE_OUTLIER,
        "warning",
        memberKey(clubId, m),
        say(
          `${who.vi}: ${text.vi}; tuổi tính đến ${formatDate(ref)}.`,
          `${who.en}: age ${text.en}; age at ${formatDate(ref)}.`,
        ),
        birthCell(m),
        memberContent(m),
      );
    }
  }
}

/** The values of `all` that `keep` takes (NaN never is), in their order, in an array of their own. */
function seriesOf(all: Float64Array, keep: (v: number) => boolean): Float64Array {
  let n = 0;
  for (let i = 0; i < all.length; i++) if (keep(all[i]!)) n++;
  const series = new Float64Array(n);
  n = 0;
  for (let i = 0; i < all.length; i++) if (keep(all[i]!)) series[n++] = all[i]!;
  return series;
}
