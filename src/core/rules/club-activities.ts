import { cellOf } from "../model/records";
import { say } from "../model/i18n";
import { ACTIVITY_FIELDS } from "../sheets/specs";
import { ClubRuleSpec } from "./rule";
import { PLAN } from "./plan-sentences";
import { shortText } from "../text/short-text";

/** "thực hiện đầy đủ các hoạt động và được quản lý tốt": two parts of the plan's 70% sentence. */
export const ACTIVITY_RULES = {
  "club.activities": {
    scope: "club",
    partOf: "fullyActive",
    severities: ["error"],
    criterion: true,
    plan: PLAN.activeClubs,
    settings: [],
    title: say("Đủ 8 nhóm hoạt động", "All eight activities"),
    help: say(
      "CLB thực hiện đủ 8 nhóm hoạt động (sinh kế, sức khỏe, chăm sóc tại nhà, tự giúp nhau, quyền lợi, học tập, văn hóa - thể thao, huy động nguồn lực).",
      "The club runs all eight activity areas (livelihoods, health, home care, self-help, rights, learning, culture and sports, resource mobilisation).",
    ),
    evaluate({ club }) {
      const missing = ACTIVITY_FIELDS.filter((_, i) => !club.activities[i]);
      if (missing.length === 0) return null;
      const names = missing.map((f) => f.header).join(", ");
      return {
        severity: "error",
        cells: missing.map((f) => cellOf(club.origin, f.key)),
        message: say(
          `CLB ${shortText(club.id)} chưa thực hiện: ${names}.`,
          `Club ${shortText(club.id)} does not run: ${names}.`,
        ),
      };
    },
  },
  "club.management": {
    scope: "club",
    partOf: "fullyActive",
    severities: ["error"],
    criterion: true,
    plan: PLAN.activeClubs,
    settings: [],
    title: say("Quản lý tốt", "Well managed"),
    help: say(
      "CLB được đánh giá quản lý tốt (cột Quản lý tốt ở sheet CLB là Có).",
      "The club is marked as well managed (the club sheet's well-managed column says Có).",
    ),
    evaluate({ club }) {
      if (club.wellManaged) return null;
      return {
        severity: "error",
        cells: [cellOf(club.origin, "wellManaged")],
        message: say(
          `CLB ${shortText(club.id)} chưa được đánh giá quản lý tốt.`,
          `Club ${shortText(club.id)} is not marked as well managed.`,
        ),
      };
    },
  },
} satisfies Record<string, ClubRuleSpec>;
