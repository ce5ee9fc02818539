/**
 * The eight activity areas as officials head their columns, in the plan's order: typed here for
 * the test registers, not read from src/core/sheets/specs.ts, so that a fixture does not share the
 * reader's assumptions.
 */
export const ACTIVITY_HEADERS = [
  "Sinh kế",
  "Chăm sóc sức khỏe",
  "Chăm sóc tại nhà",
  "Tự giúp nhau",
  "Quyền lợi",
  "Học tập suốt đời",
  "Văn hóa - thể thao",
  "Huy động nguồn lực",
] as const;
