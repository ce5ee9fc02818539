import { Lang } from "./i18n";

/**
 * Every threshold of the plan is a setting; the defaults are the Vũ Quang / Hà Tĩnh 2020 plan's
 * values (docs/domain.md). Bounds are inclusive.
 */
export interface Settings {
  /** The reference date (report date), ISO "YYYY-MM-DD": ages, leavers and roadmap years count to it. */
  readonly asOf: string;
  readonly lang: Lang;
  /** Age from which a member counts as older (người cao tuổi): 60 by law, 55 in many clubs. */
  readonly ageLine: number;
  readonly minMembers: number;
  /** The national decision says 50-70 members; above this a club gets a warning. */
  readonly maxMembers: number;
  readonly womenMin: number;
  readonly womenMax: number;
  readonly olderMin: number;
  readonly olderMax: number;
  readonly youngerMin: number;
  readonly youngerMax: number;
  readonly borrowersMin: number;
  /** Share of clubs per unit that pass activities, management and loans. */
  readonly activeShareMin: number;
  /** Share of clubs per unit with an operating fund under a regulation. */
  readonly fundShareMin: number;
  /** Birth years outside [referenceYear - maxAge, referenceYear - minAge] are implausible. */
  readonly minAge: number;
  readonly maxAge: number;
  /**
   * Outliers (warnings): a fund, a loan amount or an age is flagged when it lies more than
   * outlierK robust standard deviations (MAD × 1.4826) from the median of its series. 3.5 is
   * Iglewicz and Hoaglin's cut-off for the modified z-score: it lets normal variation through and
   * catches a digit typed too many or a wrong decade.
   */
  readonly outlierK: number;
}

export const DEFAULT_SETTINGS: Settings = {
  asOf: "2025-12-31",
  lang: "vi",
  ageLine: 60,
  minMembers: 50,
  maxMembers: 70,
  womenMin: 0.6,
  womenMax: 0.7,
  olderMin: 0.6,
  olderMax: 0.7,
  youngerMin: 0.3,
  youngerMax: 0.4,
  borrowersMin: 0.5,
  activeShareMin: 0.7,
  fundShareMin: 1,
  minAge: 16,
  maxAge: 110,
  outlierK: 3.5,
};
