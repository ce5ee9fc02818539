import { cellOf } from "../model/records";
import { say } from "../model/i18n";
import { ACTIVITY_FIELDS } from "../sheets/specs";
import { ClubRule } from "./rule";

/** "thực hiện đầy đủ các hoạt động": all eight activity areas active. */
export const clubActivities: ClubRule = {
  id: "club.activities",
  title: say("Đủ 8 nhóm hoạt động", "All eight activities"),
  criterion: true,
  evaluate({ club }) {
    const missing = ACTIVITY_FIELDS.filter((_, i) => !club.activities[i]);
    if (missing.length === 0) return null;
    const names = missing.map((f) => f.header).join(", ");
    return {
      severity: "error",
      cells: missing.map((f) => cellOf(club.origin, f.key)),
      message: say(
        `CLB ${club.id} chưa thực hiện: ${names}.`,
        `Club ${club.id} does not run: ${names}.`,
      ),
    };
  },
};

/** "được quản lý tốt". */
export const clubManagement: ClubRule = {
  id: "club.management",
  title: say("Quản lý tốt", "Well managed"),
  criterion: true,
  evaluate({ club }) {
    if (club.wellManaged) return null;
    return {
      severity: "error",
      cells: [cellOf(club.origin, "wellManaged")],
      message: say(
        `CLB ${club.id} chưa được đánh giá quản lý tốt.`,
        `Club ${club.id} is not marked as well managed.`,
      ),
    };
  },
};
