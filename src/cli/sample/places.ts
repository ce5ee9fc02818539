import { HA_TINH_ROADMAP } from "../../core/roadmap/ha-tinh";

/**
 * The 13 district-level units of Hà Tĩnh before the 2025 reform, with a club-id code and communes
 * as they were named in 2020-2024 (level: "xã", "phường" or "thị trấn"). The unit names come from
 * the roadmap itself so that the sample and the default appendix always agree.
 */
export interface Commune {
  readonly level: "xã" | "phường" | "thị trấn";
  readonly name: string;
}

export interface UnitPlace {
  /** Exactly the roadmap's unit name, e.g. "Huyện Vũ Quang". */
  readonly unit: string;
  /** Club ids are "<code>-001", "<code>-002", … */
  readonly code: string;
  /** How officials also write the unit: without prefix, abbreviated prefix. */
  readonly variants: readonly string[];
  readonly communes: readonly Commune[];
}

const x = (...names: string[]): Commune[] => names.map((name) => ({ level: "xã", name }));
const p = (...names: string[]): Commune[] => names.map((name) => ({ level: "phường", name }));
const tt = (...names: string[]): Commune[] => names.map((name) => ({ level: "thị trấn", name }));

/** Keyed by the roadmap's unit name; [code, short name, short prefix, communes]. */
// prettier-ignore
const PLACES: Readonly<Record<string, readonly [string, string, string, Commune[]]>> = {
  "Huyện Kỳ Anh": [
    "KA",
    "Kỳ Anh",
    "H.",
    x("Kỳ Đồng", "Kỳ Khang", "Kỳ Phong", "Kỳ Bắc", "Kỳ Xuân", "Kỳ Phú", "Kỳ Tiến", "Kỳ Giang",
      "Kỳ Tân", "Kỳ Văn", "Kỳ Thượng", "Kỳ Sơn", "Kỳ Lạc", "Kỳ Tây", "Kỳ Trung", "Kỳ Thọ",
      "Kỳ Hải", "Kỳ Thư", "Lâm Hợp"),
  ],
  "Thị xã Kỳ Anh": [
    "TKA",
    "Kỳ Anh",
    "TX",
    [
      ...p("Hưng Trí", "Kỳ Trinh", "Kỳ Thịnh", "Kỳ Long", "Kỳ Liên", "Kỳ Phương"),
      ...x("Kỳ Hà", "Kỳ Hoa", "Kỳ Ninh", "Kỳ Lợi", "Kỳ Nam", "Kỳ Hưng"),
    ],
  ],
  "Huyện Cẩm Xuyên": [
    "CX",
    "Cẩm Xuyên",
    "H.",
    [
      ...tt("Cẩm Xuyên", "Thiên Cầm"),
      ...x("Cẩm Bình", "Cẩm Duệ", "Cẩm Dương", "Cẩm Hà", "Cẩm Hưng", "Cẩm Lạc", "Cẩm Lĩnh",
        "Cẩm Lộc", "Cẩm Minh", "Cẩm Mỹ", "Cẩm Nhượng", "Cẩm Quan", "Cẩm Sơn", "Cẩm Thạch",
        "Cẩm Thành", "Cẩm Thịnh", "Cẩm Trung", "Cẩm Vịnh", "Cẩm Yên"),
    ],
  ],
  "Huyện Lộc Hà": [
    "LH",
    "Lộc Hà",
    "H.",
    [
      ...tt("Lộc Hà"),
      ...x("Thạch Kim", "Thạch Châu", "Thạch Mỹ", "Hộ Độ", "Mai Phụ", "Thịnh Lộc", "Bình An",
        "Ích Hậu", "Phù Lưu", "Hồng Lộc", "Thạch Bằng"),
    ],
  ],
  "Huyện Nghi Xuân": [
    "NX",
    "Nghi Xuân",
    "H.",
    [
      ...tt("Xuân An", "Tiên Điền"),
      ...x("Xuân Hội", "Xuân Trường", "Xuân Đan", "Xuân Phổ", "Xuân Hải", "Xuân Yên",
        "Xuân Thành", "Cổ Đạm", "Xuân Liên", "Cương Gián", "Xuân Lĩnh", "Xuân Hồng",
        "Xuân Viên", "Xuân Lam", "Xuân Giang"),
    ],
  ],
  "Huyện Thạch Hà": [
    "TH",
    "Thạch Hà",
    "H.",
    [
      ...tt("Thạch Hà"),
      ...x("Thạch Hải", "Thạch Khê", "Thạch Lạc", "Thạch Long", "Thạch Sơn", "Thạch Kênh",
        "Thạch Liên", "Thạch Ngọc", "Thạch Đài", "Thạch Xuân", "Nam Điền", "Thạch Thắng",
        "Thạch Hội", "Thạch Văn", "Thạch Trị", "Việt Tiến", "Lưu Vĩnh Sơn", "Tượng Sơn",
        "Đỉnh Bàn", "Ngọc Sơn"),
    ],
  ],
  "Huyện Can Lộc": [
    "CL",
    "Can Lộc",
    "H.",
    [
      ...tt("Nghèn"),
      ...x("Đồng Lộc", "Gia Hanh", "Khánh Vĩnh Yên", "Kim Song Trường", "Mỹ Lộc", "Phú Lộc",
        "Quang Lộc", "Sơn Lộc", "Thanh Lộc", "Thiên Lộc", "Thuần Thiện", "Thượng Lộc",
        "Trung Lộc", "Tùng Lộc", "Vượng Lộc", "Xuân Lộc"),
    ],
  ],
  "Huyện Đức Thọ": [
    "DT",
    "Đức Thọ",
    "H.",
    [
      ...tt("Đức Thọ"),
      ...x("Tùng Ảnh", "Trường Sơn", "Liên Minh", "Đức Đồng", "Đức Lạng", "Tân Hương",
        "Quang Vĩnh", "Bùi La Nhân", "Yên Hồ", "Thanh Bình Thịnh", "Lâm Trung Thủy",
        "Tùng Châu", "Hòa Lạc", "Tân Dân", "An Dũng"),
    ],
  ],
  "Huyện Hương Sơn": [
    "HS",
    "Hương Sơn",
    "H.",
    [
      ...tt("Phố Châu", "Tây Sơn"),
      ...x("Sơn Hồng", "Sơn Tiến", "Sơn Lâm", "Sơn Lễ", "Sơn Giang", "Sơn Lĩnh", "An Hòa Thịnh",
        "Sơn Tây", "Sơn Ninh", "Sơn Châu", "Tân Mỹ Hà", "Quang Diệm", "Sơn Trung", "Sơn Bằng",
        "Sơn Bình", "Sơn Kim 1", "Sơn Kim 2", "Sơn Trà", "Sơn Long", "Kim Hoa", "Sơn Hàm",
        "Sơn Phú", "Sơn Trường"),
    ],
  ],
  "Huyện Hương Khê": [
    "HK",
    "Hương Khê",
    "H.",
    [
      ...tt("Hương Khê"),
      ...x("Điền Mỹ", "Hà Linh", "Hương Thủy", "Hòa Hải", "Phúc Đồng", "Hương Giang", "Lộc Yên",
        "Hương Bình", "Hương Long", "Phú Gia", "Gia Phố", "Phú Phong", "Hương Đô", "Hương Vĩnh",
        "Hương Xuân", "Phúc Trạch", "Hương Trà", "Hương Trạch", "Hương Lâm", "Hương Liên"),
    ],
  ],
  "Huyện Vũ Quang": [
    "VQ",
    "Vũ Quang",
    "H.",
    [
      ...x("Đức Giang", "Hương Minh", "Ân Phú", "Đức Lĩnh", "Đức Bồng", "Đức Hương", "Đức Liên",
        "Hương Điền", "Hương Quang", "Quang Thọ", "Thọ Điền"),
      ...tt("Vũ Quang"),
    ],
  ],
  "Thành phố Hà Tĩnh": [
    "HT",
    "Hà Tĩnh",
    "TP",
    [
      ...p("Bắc Hà", "Nam Hà", "Trần Phú", "Tân Giang", "Hà Huy Tập", "Văn Yên", "Thạch Quý",
        "Thạch Linh", "Đại Nài", "Nguyễn Du"),
      ...x("Thạch Trung", "Thạch Hạ", "Đồng Môn", "Thạch Hưng", "Thạch Bình"),
    ],
  ],
  "Thị xã Hồng Lĩnh": [
    "HL",
    "Hồng Lĩnh",
    "TX",
    [...p("Bắc Hồng", "Nam Hồng", "Trung Lương", "Đức Thuận", "Đậu Liêu"), ...x("Thuận Lộc")],
  ],
};

const shortNames = Object.values(PLACES).map(([, short]) => short);

/** In the roadmap's order, which is also the order the sample writes clubs in. */
export const UNIT_PLACES: readonly UnitPlace[] = HA_TINH_ROADMAP.map(({ unit }) => {
  const entry = PLACES[unit];
  if (!entry) throw new Error(`sample: no places for roadmap unit "${unit}"`);
  const [code, short, prefix, communes] = entry;
  // A bare "Kỳ Anh" could be the district or the town: a real gap, but not one the sample plans.
  const shared = shortNames.filter((s) => s === short).length > 1;
  return {
    unit,
    code,
    variants: shared ? [`${prefix} ${short}`] : [short, `${prefix} ${short}`],
    communes,
  };
});
