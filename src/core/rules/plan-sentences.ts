/**
 * The plan's sentences that rules check, quoted as the plan words them (docs/plan/, section I.2 and
 * the appendix), so that `ishc rules` and the help can say which sentence a finding is about.
 */
export interface PlanSentence {
  /** Where it stands in the plan: "I.2.b" or "Phụ lục". */
  readonly section: string;
  readonly quote: string;
}

const sentence = (section: string, quote: string): PlanSentence => ({ section, quote });

export const PLAN = {
  composition: sentence(
    "I.2.b",
    "Các CLB đảm bảo chất lượng về cơ cấu, thành phần: mỗi CLB có 50 thành viên, trong đó có 60% - 70% là phụ nữ; 60% - 70% là người cao tuổi, 30% - 40% là người trẻ tuổi, ưu tiên người có hoàn cảnh khó khăn.",
  ),
  activeClubs: sentence(
    "I.2.b",
    "Có ít nhất 70% CLB thực hiện đầy đủ các hoạt động và được quản lý tốt để có ít nhất 50% thành viên được vay vốn để sản xuất, kinh doanh tăng thu nhập.",
  ),
  fund: sentence(
    "I.2.b",
    "100% CLB có quỹ hoạt động do câu lạc bộ tự quản lý theo quy chế do câu lạc bộ ban hành.",
  ),
  roadmap: sentence("Phụ lục", "Lộ trình thành lập, nhân rộng mô hình câu lạc bộ"),
} as const;
