/**
 * Names for the Hanoi-scale organisation: the 30 former districts (with the real wards of the urban
 * ones) and about 20 sector committees. Rural communes and villages get plausible generated names.
 */

export type DistrictKind = "quận" | "huyện" | "thị xã";

export interface District {
  name: string;
  kind: DistrictKind;
  /** Real ward names (urban districts); rural districts generate `communes` names instead. */
  wards: string[];
  /** Rural communes (xã), the first one is the district town (thị trấn) for huyện. */
  communes: number;
}

const d = (name: string, kind: DistrictKind, wards: string, communes = 0): District => ({
  name,
  kind,
  wards: wards ? wards.split(", ") : [],
  communes,
});

export const DISTRICTS: District[] = [
  d("Ba Đình", "quận", "Cống Vị, Điện Biên, Đội Cấn, Giảng Võ, Kim Mã, Liễu Giai, Ngọc Hà, Ngọc Khánh, Nguyễn Trung Trực, Phúc Xá, Quán Thánh, Thành Công, Trúc Bạch, Vĩnh Phúc"),
  d("Hoàn Kiếm", "quận", "Chương Dương, Cửa Đông, Cửa Nam, Đồng Xuân, Hàng Bạc, Hàng Bài, Hàng Bồ, Hàng Bông, Hàng Buồm, Hàng Đào, Hàng Gai, Hàng Mã, Hàng Trống, Lý Thái Tổ, Phan Chu Trinh, Phúc Tân, Tràng Tiền, Trần Hưng Đạo"),
  d("Tây Hồ", "quận", "Bưởi, Nhật Tân, Phú Thượng, Quảng An, Thụy Khuê, Tứ Liên, Xuân La, Yên Phụ"),
  d("Long Biên", "quận", "Bồ Đề, Cự Khối, Đức Giang, Gia Thụy, Giang Biên, Long Biên, Ngọc Lâm, Ngọc Thụy, Phúc Đồng, Phúc Lợi, Sài Đồng, Thạch Bàn, Thượng Thanh, Việt Hưng"),
  d("Cầu Giấy", "quận", "Dịch Vọng, Dịch Vọng Hậu, Mai Dịch, Nghĩa Đô, Nghĩa Tân, Quan Hoa, Trung Hòa, Yên Hòa"),
  d("Đống Đa", "quận", "Cát Linh, Hàng Bột, Khâm Thiên, Khương Thượng, Kim Liên, Láng Hạ, Láng Thượng, Nam Đồng, Ngã Tư Sở, Ô Chợ Dừa, Phương Liên, Phương Mai, Quang Trung, Quốc Tử Giám, Thịnh Quang, Thổ Quan, Trung Liệt, Trung Phụng, Trung Tự, Văn Chương, Văn Miếu"),
  d("Hai Bà Trưng", "quận", "Bạch Đằng, Bách Khoa, Bạch Mai, Cầu Dền, Đống Mác, Đồng Nhân, Đồng Tâm, Lê Đại Hành, Minh Khai, Nguyễn Du, Phạm Đình Hổ, Phố Huế, Quỳnh Lôi, Quỳnh Mai, Thanh Lương, Thanh Nhàn, Trương Định, Vĩnh Tuy"),
  d("Hoàng Mai", "quận", "Đại Kim, Định Công, Giáp Bát, Hoàng Liệt, Hoàng Văn Thụ, Lĩnh Nam, Mai Động, Tân Mai, Thanh Trì, Thịnh Liệt, Trần Phú, Tương Mai, Vĩnh Hưng, Yên Sở"),
  d("Thanh Xuân", "quận", "Hạ Đình, Khương Đình, Khương Mai, Khương Trung, Kim Giang, Nhân Chính, Phương Liệt, Thanh Xuân Bắc, Thanh Xuân Nam, Thanh Xuân Trung, Thượng Đình"),
  d("Nam Từ Liêm", "quận", "Cầu Diễn, Đại Mỗ, Mễ Trì, Mỹ Đình 1, Mỹ Đình 2, Phú Đô, Phương Canh, Tây Mỗ, Trung Văn, Xuân Phương"),
  d("Bắc Từ Liêm", "quận", "Cổ Nhuế 1, Cổ Nhuế 2, Đông Ngạc, Đức Thắng, Liên Mạc, Minh Khai, Phú Diễn, Phúc Diễn, Tây Tựu, Thượng Cát, Thụy Phương, Xuân Đỉnh, Xuân Tảo"),
  d("Hà Đông", "quận", "Biên Giang, Dương Nội, Đồng Mai, Hà Cầu, Kiến Hưng, La Khê, Mộ Lao, Nguyễn Trãi, Phú La, Phú Lãm, Phú Lương, Phúc La, Quang Trung, Vạn Phúc, Văn Quán, Yên Nghĩa, Yết Kiêu"),
  d("Sơn Tây", "thị xã", "Lê Lợi, Ngô Quyền, Phú Thịnh, Quang Trung, Sơn Lộc, Trung Hưng, Trung Sơn Trầm, Viên Sơn, Xuân Khanh", 6),
  d("Ba Vì", "huyện", "", 31),
  d("Chương Mỹ", "huyện", "", 32),
  d("Đan Phượng", "huyện", "", 16),
  d("Đông Anh", "huyện", "", 24),
  d("Gia Lâm", "huyện", "", 22),
  d("Hoài Đức", "huyện", "", 20),
  d("Mê Linh", "huyện", "", 18),
  d("Mỹ Đức", "huyện", "", 22),
  d("Phú Xuyên", "huyện", "", 27),
  d("Phúc Thọ", "huyện", "", 23),
  d("Quốc Oai", "huyện", "", 21),
  d("Sóc Sơn", "huyện", "", 26),
  d("Thạch Thất", "huyện", "", 23),
  d("Thanh Oai", "huyện", "", 21),
  d("Thanh Trì", "huyện", "", 16),
  d("Thường Tín", "huyện", "", 29),
  d("Ứng Hòa", "huyện", "", 29),
];

/** "Quận ủy Ba Đình", "Huyện ủy Ba Vì", "Thị ủy Sơn Tây". */
export const districtCommitteeName = (x: District): string =>
  `${x.kind === "quận" ? "Quận ủy" : x.kind === "huyện" ? "Huyện ủy" : "Thị ủy"} ${x.name}`;

/** What a sector committee's grassroots units and cells look like. */
export type SectorStyle = "agencies" | "enterprises" | "police" | "military" | "university" | "hospital" | "corporation";

export interface Sector {
  name: string;
  style: SectorStyle;
  /** Grassroots committees below it. */
  grassroots: number;
}

export const SECTORS: Sector[] = [
  { name: "Đảng ủy Khối các cơ quan Thành phố", style: "agencies", grassroots: 150 },
  { name: "Đảng ủy Khối doanh nghiệp Thành phố", style: "enterprises", grassroots: 190 },
  { name: "Đảng ủy Công an Thành phố", style: "police", grassroots: 80 },
  { name: "Đảng ủy Quân sự Thành phố", style: "military", grassroots: 40 },
  { name: "Đảng ủy Đại học Quốc gia Hà Nội", style: "university", grassroots: 16 },
  { name: "Đảng ủy Đại học Bách khoa Hà Nội", style: "university", grassroots: 12 },
  { name: "Đảng ủy Trường Đại học Sư phạm Hà Nội", style: "university", grassroots: 10 },
  { name: "Đảng ủy Trường Đại học Kinh tế Quốc dân", style: "university", grassroots: 10 },
  { name: "Đảng ủy Trường Đại học Y Hà Nội", style: "university", grassroots: 8 },
  { name: "Đảng ủy Trường Đại học Xây dựng Hà Nội", style: "university", grassroots: 8 },
  { name: "Đảng ủy Trường Đại học Giao thông vận tải", style: "university", grassroots: 8 },
  { name: "Đảng ủy Trường Đại học Thủy lợi", style: "university", grassroots: 6 },
  { name: "Đảng ủy Trường Đại học Thương mại", style: "university", grassroots: 6 },
  { name: "Đảng ủy Học viện Nông nghiệp Việt Nam", style: "university", grassroots: 8 },
  { name: "Đảng ủy Trường Đại học Thủ đô Hà Nội", style: "university", grassroots: 5 },
  { name: "Đảng ủy Bệnh viện Bạch Mai", style: "hospital", grassroots: 10 },
  { name: "Đảng ủy Bệnh viện Hữu nghị Việt Đức", style: "hospital", grassroots: 8 },
  { name: "Đảng ủy Tổng công ty Điện lực Thành phố Hà Nội", style: "corporation", grassroots: 30 },
  { name: "Đảng ủy Tổng công ty Vận tải Hà Nội", style: "corporation", grassroots: 14 },
  { name: "Đảng ủy Tổng công ty Du lịch Hà Nội", style: "corporation", grassroots: 10 },
];

/** Two-syllable Sino-Vietnamese place names: "Tân Hội", "Phú Minh", "Đại Thịnh"… */
const PLACE_FIRST = "Tân, Phú, Đại, Thanh, Hồng, Minh, Kim, Vạn, Cổ, Đông, Tam, Liên, Hòa, An, Trung, Yên, Quang, Đồng, Phúc, Xuân, Văn, Hợp, Thọ, Vĩnh, Tiên, Bình, Hương, Nam, Bắc, Cao, Thượng, Hạ, Sơn, Tản, Vân, Ngọc, Tuyết, Lam, Hiền, Thụy".split(", ");
const PLACE_SECOND = "Hội, Minh, Thịnh, Lập, Phong, Hòa, Tiến, Lộc, Xá, Mỹ, Dương, Sơn, Đình, Khê, Lâm, Thái, Nghĩa, Tảo, Lĩnh, Hưng, Đức, Phương, Châu, Cường, Quang, Tân, Viên, Yên, Trì, Đồng, Hạ, Thượng, Trung, Phú, An, Lạc, Kỳ, Định, Sở, Bình".split(", ");

/** `count` distinct generated place names, deterministic for a given `rand`. */
export function placeNames(count: number, rand: () => number, avoid: ReadonlySet<string> = new Set()): string[] {
  const out = new Set<string>();
  while (out.size < count) {
    const a = PLACE_FIRST[Math.floor(rand() * PLACE_FIRST.length)];
    const b = PLACE_SECOND[Math.floor(rand() * PLACE_SECOND.length)];
    const name = `${a} ${b}`;
    if (a !== b && !avoid.has(name)) out.add(name);
  }
  return [...out];
}

/** Schools are named after historical figures. */
export const NOTABLES = "Nguyễn Trãi, Lê Quý Đôn, Chu Văn An, Trần Phú, Lý Thường Kiệt, Trần Hưng Đạo, Nguyễn Du, Ngô Quyền, Lê Lợi, Quang Trung, Phan Đình Phùng, Nguyễn Huệ, Hai Bà Trưng, Tô Hiến Thành, Lương Thế Vinh, Nguyễn Bỉnh Khiêm, Phan Chu Trinh, Võ Thị Sáu, Kim Đồng, Lê Hồng Phong, Nguyễn Văn Cừ, Hoàng Hoa Thám, Đinh Tiên Hoàng, Lý Tự Trọng".split(", ");

/** Departments and sections that give cells their names, per kind of organisation. */
export const SECTIONS = {
  office: "phòng Hành chính – Tổng hợp, phòng Tổ chức cán bộ, phòng Kế hoạch – Tài chính, phòng Thanh tra, phòng Pháp chế, phòng Quản lý đô thị, phòng Kinh tế, phòng Văn hóa – Thông tin, phòng Tài nguyên và Môi trường, phòng Nội vụ, Văn phòng".split(", "),
  company: "phòng Kinh doanh, phòng Kỹ thuật, phòng Tài chính – Kế toán, phòng Tổ chức – Hành chính, phòng Kế hoạch – Đầu tư, phòng Vật tư, Xí nghiệp số 1, Xí nghiệp số 2, Xí nghiệp số 3, Phân xưởng sản xuất, Đội thi công số 1, Đội thi công số 2".split(", "),
  school: "tổ Toán – Tin, tổ Ngữ văn, tổ Ngoại ngữ, tổ Khoa học tự nhiên, tổ Khoa học xã hội, khối Văn phòng, tổ Giáo dục thể chất".split(", "),
  hospital: "khoa Nội, khoa Ngoại, khoa Sản, khoa Nhi, khoa Hồi sức cấp cứu, khoa Xét nghiệm, khoa Chẩn đoán hình ảnh, khoa Dược, phòng Kế hoạch tổng hợp, phòng Điều dưỡng, khoa Khám bệnh, khoa Truyền nhiễm".split(", "),
  police: "Đội Cảnh sát giao thông, Đội Điều tra tổng hợp, Đội Cảnh sát hình sự, Đội An ninh, Đội Tham mưu, Đội Cảnh sát kinh tế, Đội Quản lý hành chính về trật tự xã hội, Đội Cảnh sát phòng cháy chữa cháy".split(", "),
  military: "Ban Tham mưu, Ban Chính trị, Ban Hậu cần – Kỹ thuật, Đại đội 1, Đại đội 2, Đại đội 3, Tiểu đoàn 1, Tiểu đoàn 2".split(", "),
  university: "Bộ môn Toán, Bộ môn Vật lý, Bộ môn Hóa học, Bộ môn Tin học, Bộ môn Kinh tế học, Bộ môn Ngoại ngữ, Bộ môn Lý luận chính trị, phòng Đào tạo, phòng Tổ chức cán bộ, phòng Khoa học công nghệ, sinh viên khóa 1, sinh viên khóa 2".split(", "),
} as const;
