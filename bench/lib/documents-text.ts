import type { Resolution } from "./news-text";
import type { Rng } from "./random";

/**
 * The words of the bench's documents (văn bản – tài liệu): trích yếu per type composed from
 * templates, tags, and the extracted text of each file page by page (a header block as party
 * documents print it, numbered sections, items, the signature), so that realistic searches
 * ("nghi quyet", "chuyen doi so", "ke hoach to chuc dai hoi", "bao cao tong ket") hit realistic
 * numbers of documents. `{slot}` placeholders are filled from the document's context (`Slots`).
 */

export type DocType = "resolution" | "directive" | "conclusion" | "regulation" | "decision" | "guidance" | "notice" | "plan" | "report" | "meeting_material" | "other";
export type DocLevel = "central" | "province" | "district" | "grassroots" | "cell";
export type DocTopic = "resolution" | "congress" | "building" | "digital" | "anticorruption" | "inspection" | "hcm" | "socioeconomic" | "propaganda" | "personnel";

/** The type's name as printed ("NGHỊ QUYẾT" in the header) and its code in the number ("57-NQ/TW"). */
export const TYPE_NAME: Record<DocType, string> = {
  resolution: "Nghị quyết",
  directive: "Chỉ thị",
  conclusion: "Kết luận",
  regulation: "Quy định",
  decision: "Quyết định",
  guidance: "Hướng dẫn",
  notice: "Thông báo",
  plan: "Kế hoạch",
  report: "Báo cáo",
  meeting_material: "Tài liệu sinh hoạt",
  other: "Công văn",
};
/** Quy định and Quyết định share "QĐ" (and so one register per issuer); meeting materials are mostly unnumbered. */
export const TYPE_CODE: Record<DocType, string> = {
  resolution: "NQ",
  directive: "CT",
  conclusion: "KL",
  regulation: "QĐ",
  decision: "QĐ",
  guidance: "HD",
  notice: "TB",
  plan: "KH",
  report: "BC",
  meeting_material: "TL",
  other: "CV",
};

/** How often each level issues each type (the rest of the mix comes from who publishes how much). */
export const TYPE_WEIGHTS: Record<DocLevel, [DocType, number][]> = {
  central: [["resolution", 10], ["directive", 7], ["conclusion", 28], ["regulation", 12], ["decision", 9], ["guidance", 14], ["notice", 12], ["plan", 4], ["report", 2], ["other", 2]],
  province: [["resolution", 7], ["directive", 5], ["conclusion", 6], ["regulation", 4], ["decision", 10], ["guidance", 12], ["notice", 15], ["plan", 20], ["report", 13], ["meeting_material", 5], ["other", 3]],
  district: [["resolution", 7], ["directive", 3], ["conclusion", 4], ["regulation", 3], ["decision", 12], ["guidance", 9], ["notice", 14], ["plan", 22], ["report", 16], ["meeting_material", 7], ["other", 3]],
  grassroots: [["resolution", 14], ["directive", 1], ["decision", 10], ["guidance", 3], ["notice", 12], ["plan", 21], ["report", 19], ["meeting_material", 15], ["other", 5]],
  cell: [["resolution", 24], ["plan", 8], ["report", 14], ["meeting_material", 48], ["other", 6]],
};

/** What each type is about, weighted. */
export const TOPIC_WEIGHTS: Record<DocType, [DocTopic, number][]> = {
  resolution: [["socioeconomic", 30], ["resolution", 18], ["digital", 12], ["building", 15], ["congress", 8], ["anticorruption", 6], ["personnel", 5], ["hcm", 6]],
  directive: [["congress", 20], ["anticorruption", 20], ["building", 15], ["propaganda", 10], ["socioeconomic", 20], ["digital", 15]],
  conclusion: [["resolution", 30], ["socioeconomic", 25], ["building", 15], ["personnel", 10], ["anticorruption", 10], ["digital", 10]],
  regulation: [["building", 35], ["personnel", 25], ["inspection", 20], ["anticorruption", 20]],
  decision: [["personnel", 45], ["building", 25], ["inspection", 10], ["socioeconomic", 10], ["digital", 10]],
  guidance: [["congress", 20], ["building", 25], ["propaganda", 20], ["resolution", 15], ["digital", 10], ["inspection", 10]],
  notice: [["socioeconomic", 35], ["personnel", 15], ["building", 15], ["congress", 10], ["anticorruption", 10], ["resolution", 15]],
  plan: [["resolution", 22], ["congress", 16], ["inspection", 12], ["digital", 12], ["hcm", 10], ["propaganda", 10], ["socioeconomic", 12], ["anticorruption", 6]],
  report: [["building", 25], ["socioeconomic", 25], ["resolution", 15], ["inspection", 10], ["anticorruption", 10], ["digital", 10], ["hcm", 5]],
  meeting_material: [["hcm", 25], ["resolution", 25], ["propaganda", 20], ["building", 15], ["digital", 15]],
  other: [["socioeconomic", 30], ["building", 20], ["digital", 15], ["personnel", 15], ["propaganda", 20]],
};

/** Subjects of each topic as noun or verb phrases ("Nghị quyết về …", "Kế hoạch …", "Hướng dẫn …"). */
const PHRASES: Record<DocTopic, string[]> = {
  resolution: [
    "quán triệt, triển khai thực hiện {resShort} ngày {resDate} của {resBy} về {resAbout}",
    "tiếp tục thực hiện {resShort} của {resBy} về {resAbout}",
    "chương trình hành động thực hiện {resShort} của {resBy}",
    "học tập, quán triệt và tổ chức thực hiện {resNick}",
  ],
  congress: [
    "đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng",
    "tổ chức đại hội chi bộ trực thuộc nhiệm kỳ 2025–2027",
    "tổ chức Đại hội đại biểu {org} lần thứ {roman}, nhiệm kỳ 2025–2030",
    "công tác chuẩn bị nhân sự đại hội đảng bộ nhiệm kỳ 2025–2030",
    "góp ý dự thảo các văn kiện trình Đại hội XIV của Đảng",
    "tổ chức đại hội điểm cấp cơ sở nhiệm kỳ 2025–2030",
  ],
  building: [
    "nâng cao chất lượng sinh hoạt chi bộ",
    "kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm {year}",
    "công tác phát triển đảng viên năm {year}",
    "xây dựng tổ chức cơ sở đảng trong sạch, vững mạnh",
    "công tác xây dựng Đảng và hệ thống chính trị năm {year}",
    "trao tặng Huy hiệu Đảng đợt {holiday} năm {year}",
    "sắp xếp, kiện toàn tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả",
    "chế độ sinh hoạt chi bộ và sinh hoạt chuyên đề",
  ],
  digital: [
    "đẩy mạnh chuyển đổi số trong công tác xây dựng Đảng",
    "ứng dụng Sổ tay đảng viên điện tử trong sinh hoạt chi bộ",
    "triển khai phong trào Bình dân học vụ số",
    "đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số",
    "số hóa hồ sơ đảng viên và quản lý văn bản, tài liệu điện tử",
  ],
  anticorruption: [
    "tăng cường công tác phòng, chống tham nhũng, lãng phí, tiêu cực",
    "kiểm soát quyền lực, phòng, chống tham nhũng, tiêu cực trong công tác cán bộ",
    "kê khai, công khai tài sản, thu nhập năm {year}",
    "thực hành tiết kiệm, chống lãng phí năm {year}",
    "phòng, chống tham nhũng vặt trong giải quyết thủ tục hành chính",
  ],
  inspection: [
    "chương trình kiểm tra, giám sát năm {year}",
    "kiểm tra việc chấp hành Quy định số 37-QĐ/TW về những điều đảng viên không được làm",
    "giám sát chuyên đề việc thực hiện {resShort}",
    "công tác kiểm tra, giám sát và thi hành kỷ luật đảng năm {year}",
    "giải quyết tố cáo, khiếu nại kỷ luật đảng",
  ],
  hcm: [
    "học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm {year}",
    "chuyên đề năm {year}: {hcmTopic}",
    "thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị gắn với Quy định số 144-QĐ/TW về chuẩn mực đạo đức cách mạng",
  ],
  socioeconomic: [
    "lãnh đạo thực hiện nhiệm vụ chính trị năm {year}",
    "nhiệm vụ trọng tâm quý {quarter} năm {year}",
    "phát triển kinh tế – xã hội, bảo đảm quốc phòng – an ninh năm {year}",
    "tổ chức Tết Nguyên đán {nextYear} vui tươi, lành mạnh, an toàn, tiết kiệm",
    "xây dựng nông thôn mới nâng cao, nông thôn mới kiểu mẫu",
    "bảo đảm trật tự đô thị, vệ sinh môi trường, xây dựng tuyến phố văn minh",
    "triển khai thi hành Luật Thủ đô năm 2024",
    "công tác dân vận và thực hiện quy chế dân chủ ở cơ sở",
  ],
  propaganda: [
    "công tác tuyên truyền kỷ niệm {annivParty} năm Ngày thành lập Đảng Cộng sản Việt Nam",
    "đấu tranh phản bác các quan điểm sai trái, thù địch, bảo vệ nền tảng tư tưởng của Đảng",
    "công tác tuyên truyền, định hướng thông tin tháng {month}/{year}",
    "tuyên truyền kỷ niệm {annivNation} năm Cách mạng Tháng Tám và Quốc khánh 2/9",
  ],
  personnel: [
    "công tác cán bộ và quy hoạch cán bộ nhiệm kỳ 2025–2030",
    "luân chuyển, điều động và bố trí cán bộ",
    "đánh giá cán bộ hằng năm gắn với kết quả thực hiện nhiệm vụ",
    "chế độ, chính sách đối với cán bộ sau sắp xếp tổ chức bộ máy",
    "quy chế làm việc của Ban Chấp hành {org} nhiệm kỳ 2025–2030",
  ],
};

/** Trích yếu patterns per type; `{phrase}` is one of PHRASES of the document's topic. */
const SUMMARY: Record<DocType, string[]> = {
  resolution: ["Nghị quyết về {phrase}"],
  directive: ["Chỉ thị về {phrase}", "Chỉ thị về tăng cường sự lãnh đạo của Đảng đối với {phrase}"],
  conclusion: ["Kết luận của {issuer} về {phrase}", "Kết luận về {phrase}"],
  regulation: ["Quy định về {phrase}", "Quy định thực hiện {phrase}"],
  decision: [
    "Quyết định về việc thành lập Ban Chỉ đạo {phrase}",
    "Quyết định ban hành Quy chế làm việc của Ban Chấp hành {org} nhiệm kỳ 2025–2030",
    "Quyết định kết nạp đảng viên",
    "Quyết định công nhận đảng viên chính thức",
    "Quyết định về việc khen thưởng tổ chức đảng và đảng viên tiêu biểu năm {prevYear}",
    "Quyết định tặng Huy hiệu {badge} năm tuổi Đảng",
    "Quyết định phân công nhiệm vụ các đồng chí Ủy viên Ban Thường vụ",
  ],
  guidance: ["Hướng dẫn {phrase}", "Hướng dẫn thực hiện {phrase}"],
  notice: ["Thông báo kết luận của {issuer} về {phrase}", "Thông báo ý kiến chỉ đạo của {issuer} về {phrase}"],
  plan: ["Kế hoạch {phrase}", "Kế hoạch thực hiện {phrase}"],
  report: ["Báo cáo kết quả {phrase}", "Báo cáo sơ kết 6 tháng đầu năm {year} về {phrase}", "Báo cáo tổng kết công tác xây dựng Đảng năm {year}", "Báo cáo tổng kết {phrase}"],
  meeting_material: ["Tài liệu sinh hoạt chi bộ tháng {month}/{year}", "Tài liệu học tập chuyên đề: {phrase}", "Tài liệu hội nghị về {phrase}", "Đề cương tuyên truyền {phrase}"],
  other: ["Công văn về việc {phrase}", "Công văn về việc báo cáo kết quả {phrase}"],
};

/** Plans and reports about congresses name them plainly, as members search for them. */
const CONGRESS_PLANS = [
  "Kế hoạch tổ chức đại hội chi bộ trực thuộc nhiệm kỳ 2025–2027",
  "Kế hoạch tổ chức Đại hội đại biểu {org} lần thứ {roman}, nhiệm kỳ 2025–2030",
  "Kế hoạch tổ chức đại hội điểm cấp cơ sở nhiệm kỳ 2025–2030",
];
const CONGRESS_REPORTS = ["Báo cáo chính trị của Ban Chấp hành {org} trình Đại hội đại biểu lần thứ {roman}, nhiệm kỳ 2025–2030", "Báo cáo kiểm điểm sự lãnh đạo, chỉ đạo của Ban Chấp hành {org} nhiệm kỳ 2020–2025"];
/** Cells and grassroots committees pass a resolution every month (only a cell calls it its chi bộ's). */
const MONTHLY = ["Nghị quyết lãnh đạo thực hiện nhiệm vụ tháng {month}/{year}", "Nghị quyết chi bộ tháng {month}/{year}"];

export const TAGS: Record<DocTopic, string[]> = {
  resolution: ["quán triệt nghị quyết", "Nghị quyết 57", "Nghị quyết 66", "Nghị quyết 68", "học tập nghị quyết"],
  congress: ["Đại hội Đảng", "Đại hội XIV", "nhiệm kỳ 2025–2030", "văn kiện Đại hội", "nhân sự đại hội"],
  building: ["xây dựng Đảng", "sinh hoạt chi bộ", "kết nạp đảng viên", "đánh giá xếp loại", "Huy hiệu Đảng"],
  digital: ["chuyển đổi số", "Nghị quyết 57", "Sổ tay đảng viên", "Bình dân học vụ số"],
  anticorruption: ["phòng chống tham nhũng", "kiểm soát quyền lực", "chống lãng phí", "kê khai tài sản"],
  inspection: ["kiểm tra giám sát", "ủy ban kiểm tra", "kỷ luật đảng"],
  hcm: ["học tập và làm theo Bác", "Chỉ thị 05", "chuyên đề năm", "Quy định 144"],
  socioeconomic: ["nhiệm vụ chính trị", "kinh tế – xã hội", "văn minh đô thị", "nông thôn mới", "Luật Thủ đô"],
  propaganda: ["tuyên truyền", "thông tin định hướng", "bảo vệ nền tảng tư tưởng của Đảng"],
  personnel: ["công tác cán bộ", "quy hoạch cán bộ", "tổ chức bộ máy"],
};

/** Section headings per type, as party documents number them. */
const SECTIONS: Record<DocType, string[]> = {
  resolution: ["TÌNH HÌNH VÀ NGUYÊN NHÂN", "QUAN ĐIỂM CHỈ ĐẠO", "MỤC TIÊU", "NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU", "TỔ CHỨC THỰC HIỆN"],
  directive: ["YÊU CẦU", "NHIỆM VỤ TRỌNG TÂM", "TỔ CHỨC THỰC HIỆN"],
  conclusion: ["ĐÁNH GIÁ KẾT QUẢ", "NHIỆM VỤ, GIẢI PHÁP THỜI GIAN TỚI", "TỔ CHỨC THỰC HIỆN"],
  regulation: ["QUY ĐỊNH CHUNG", "NỘI DUNG CỤ THỂ", "TRÁCH NHIỆM THI HÀNH"],
  decision: ["QUYẾT ĐỊNH", "ĐIỀU KHOẢN THI HÀNH"],
  guidance: ["MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG HƯỚNG DẪN", "THỜI GIAN THỰC HIỆN", "TỔ CHỨC THỰC HIỆN"],
  notice: ["KẾT LUẬN", "GIAO NHIỆM VỤ"],
  plan: ["MỤC ĐÍCH, YÊU CẦU", "NỘI DUNG", "THỜI GIAN, ĐỊA ĐIỂM", "PHÂN CÔNG NHIỆM VỤ", "TỔ CHỨC THỰC HIỆN"],
  report: ["TÌNH HÌNH CHUNG", "KẾT QUẢ THỰC HIỆN", "HẠN CHẾ, KHUYẾT ĐIỂM VÀ NGUYÊN NHÂN", "BÀI HỌC KINH NGHIỆM", "PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", "ĐỀ XUẤT, KIẾN NGHỊ"],
  meeting_material: ["THÔNG TIN THỜI SỰ", "NỘI DUNG SINH HOẠT CHUYÊN ĐỀ", "ĐỊNH HƯỚNG THẢO LUẬN", "NHIỆM VỤ THÁNG TỚI"],
  other: ["NỘI DUNG", "ĐỀ NGHỊ"],
};

/** Sentences written about each topic: items pick from these, then from GENERIC. */
const BODY: Record<DocTopic, string[]> = {
  resolution: [
    "{resLong} là văn bản có ý nghĩa đặc biệt quan trọng, thể hiện tầm nhìn chiến lược của Đảng trong giai đoạn phát triển mới.",
    "Các cấp ủy, tổ chức đảng tổ chức học tập, quán triệt {resShort} đến 100% cán bộ, đảng viên, bảo đảm nghiêm túc, chất lượng, hiệu quả.",
    "Cụ thể hóa {resNick} thành chương trình, kế hoạch hành động phù hợp với đặc điểm, tình hình của {place}.",
    "Phân công rõ người, rõ việc, rõ thời gian, rõ trách nhiệm, rõ kết quả trong triển khai {resShort}.",
    "Định kỳ sơ kết, đánh giá việc thực hiện {resNick}, kịp thời biểu dương các tập thể, cá nhân có cách làm hay, hiệu quả.",
    "Gắn việc thực hiện {resShort} với thực hiện nhiệm vụ chính trị của từng cơ quan, đơn vị và với Chỉ thị số 05-CT/TW.",
    "Ban Tuyên giáo và Dân vận chủ trì, phối hợp với các ban xây dựng Đảng theo dõi, đôn đốc, tổng hợp kết quả thực hiện {resNick}.",
  ],
  congress: [
    "Đại hội đảng bộ các cấp nhiệm kỳ 2025–2030 là sinh hoạt chính trị sâu rộng trong toàn Đảng, toàn dân, có ý nghĩa đặc biệt quan trọng.",
    "Công tác chuẩn bị nhân sự cấp ủy phải thực hiện chặt chẽ, đúng quy trình, bảo đảm dân chủ, công khai, minh bạch theo Chỉ thị số 35-CT/TW.",
    "Các chi bộ trực thuộc hoàn thành đại hội trước ngày {day}/{month}/{year}; đảng bộ cơ sở tổ chức đại hội điểm để rút kinh nghiệm.",
    "Báo cáo chính trị trình đại hội phải đánh giá đúng kết quả nhiệm kỳ qua, xác định rõ mục tiêu, chỉ tiêu, nhiệm vụ và đột phá chiến lược nhiệm kỳ tới.",
    "Tổ chức lấy ý kiến góp ý của cán bộ, đảng viên và nhân dân vào dự thảo các văn kiện trình Đại hội XIV của Đảng và văn kiện đại hội cấp mình.",
    "Đại hội chi bộ được tổ chức ở {place} với sự tham dự của {n} đảng viên, bầu chi ủy gồm {small} đồng chí.",
    "Cơ cấu cấp ủy bảo đảm tỷ lệ cán bộ trẻ, cán bộ nữ theo hướng dẫn của cấp trên; không để xảy ra tình trạng vận động, lôi kéo phiếu bầu.",
  ],
  building: [
    "Nâng cao chất lượng sinh hoạt chi bộ, bảo đảm tính lãnh đạo, tính giáo dục, tính chiến đấu; mỗi quý ít nhất một lần sinh hoạt chuyên đề.",
    "Kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm {year} thực chất, gắn với kết quả thực hiện nhiệm vụ được giao.",
    "Năm {year}, toàn đảng bộ kết nạp {n} đảng viên mới, đạt {pct}% chỉ tiêu; chú trọng phát triển đảng viên trong đoàn viên thanh niên ưu tú.",
    "Xây dựng tổ chức cơ sở đảng trong sạch, vững mạnh, không để xảy ra tình trạng chi bộ yếu kém, kéo dài.",
    "Thực hiện nghiêm nguyên tắc tập trung dân chủ, tự phê bình và phê bình; đề cao trách nhiệm nêu gương của người đứng đầu.",
    "Quản lý chặt chẽ đảng viên, nhất là đảng viên đang công tác, sinh hoạt nơi cư trú theo Quy định số 213-QĐ/TW.",
    "Trao tặng Huy hiệu Đảng cho {n} đồng chí đảng viên cao tuổi Đảng, bảo đảm trang trọng, đúng quy định.",
  ],
  digital: [
    "Chuyển đổi số trong công tác xây dựng Đảng là nhiệm vụ trọng tâm, đột phá, gắn với thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị.",
    "100% chi bộ sử dụng Sổ tay đảng viên điện tử để gửi tài liệu sinh hoạt, thông báo lịch họp và ghi nhận ý kiến của đảng viên.",
    "Số hóa hồ sơ đảng viên, văn bản, tài liệu của cấp ủy; bảo đảm an toàn, an ninh thông tin, bảo vệ bí mật nhà nước trên không gian mạng.",
    "Triển khai phong trào Bình dân học vụ số, phổ cập kỹ năng số cơ bản cho cán bộ, đảng viên, nhất là đảng viên cao tuổi ở {place}.",
    "Ứng dụng công nghệ thông tin trong quản lý đảng viên, theo dõi sinh hoạt chi bộ và tổng hợp báo cáo của các tổ chức đảng trực thuộc.",
    "Đẩy mạnh chuyển đổi số gắn với cải cách hành chính, rút ngắn thời gian giải quyết thủ tục cho người dân và doanh nghiệp.",
  ],
  anticorruption: [
    "Tăng cường công tác phòng, chống tham nhũng, lãng phí, tiêu cực; kiên quyết xử lý nghiêm các vi phạm, không có vùng cấm, không có ngoại lệ.",
    "Thực hiện nghiêm việc kê khai, công khai tài sản, thu nhập năm {year} của cán bộ, đảng viên thuộc diện phải kê khai.",
    "Kiểm soát quyền lực trong công tác cán bộ; phòng ngừa, ngăn chặn tình trạng chạy chức, chạy quyền, chạy tuổi, chạy thành tích.",
    "Thực hành tiết kiệm, chống lãng phí trong sử dụng ngân sách, tài sản công, đất đai và đầu tư công trên địa bàn {place}.",
    "Tiếp nhận, xử lý kịp thời phản ánh, kiến nghị của người dân về hành vi nhũng nhiễu, tiêu cực trong giải quyết thủ tục hành chính.",
    "Người đứng đầu cấp ủy, cơ quan, đơn vị chịu trách nhiệm trực tiếp khi để xảy ra tham nhũng, lãng phí, tiêu cực trong phạm vi quản lý.",
  ],
  inspection: [
    "Ủy ban Kiểm tra tiến hành kiểm tra {n} tổ chức đảng và {n2} đảng viên, trong đó có đảng viên là cấp ủy viên cùng cấp.",
    "Giám sát chuyên đề việc thực hiện {resShort} tại {place}; chỉ ra ưu điểm, hạn chế và kiến nghị biện pháp khắc phục.",
    "Kiểm tra việc chấp hành Quy định số 37-QĐ/TW về những điều đảng viên không được làm và Quy định số 144-QĐ/TW về chuẩn mực đạo đức cách mạng.",
    "Thi hành kỷ luật đảng nghiêm minh, kịp thời, đúng nguyên tắc, thủ tục; kết hợp giữa xử lý kỷ luật đảng với xử lý kỷ luật hành chính.",
    "Giải quyết dứt điểm các đơn thư tố cáo, khiếu nại kỷ luật đảng thuộc thẩm quyền, không để tồn đọng, kéo dài.",
  ],
  hcm: [
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh phải trở thành việc làm tự giác, thường xuyên của mỗi cán bộ, đảng viên.",
    "Chuyên đề năm {year}: {hcmTopic}.",
    "Mỗi chi bộ đăng ký ít nhất một mô hình, cách làm hay; mỗi đảng viên đăng ký một việc làm cụ thể để làm theo Bác.",
    "Gắn việc thực hiện Chỉ thị số 05-CT/TW với Quy định số 144-QĐ/TW về chuẩn mực đạo đức cách mạng của cán bộ, đảng viên trong giai đoạn mới.",
    "Biểu dương, khen thưởng các tập thể, cá nhân tiêu biểu trong học tập và làm theo Bác ở {place}.",
  ],
  socioeconomic: [
    "Năm {year}, tăng trưởng kinh tế trên địa bàn đạt khá; thu ngân sách đạt {pct}% dự toán; an sinh xã hội được bảo đảm.",
    "Tập trung giải phóng mặt bằng các dự án trọng điểm, bảo đảm tiến độ theo kế hoạch của Thành phố.",
    "Đẩy mạnh xây dựng văn minh đô thị, giữ gìn trật tự, vệ sinh môi trường; xây dựng tuyến phố văn minh ở {place}.",
    "Triển khai thi hành Luật Thủ đô năm 2024 và các nghị quyết của Hội đồng nhân dân Thành phố quy định chi tiết.",
    "Chăm lo đời sống gia đình chính sách, người có công, hộ nghèo, hộ cận nghèo, nhất là dịp Tết Nguyên đán {nextYear}.",
    "Giữ vững an ninh chính trị, trật tự an toàn xã hội; không để xảy ra điểm nóng, vụ việc phức tạp trên địa bàn {place}.",
    "Thực hiện tốt công tác dân vận và quy chế dân chủ ở cơ sở; giải quyết kịp thời kiến nghị chính đáng của nhân dân.",
  ],
  propaganda: [
    "Tuyên truyền sâu rộng về truyền thống vẻ vang của Đảng, thành tựu của công cuộc đổi mới và của Thủ đô Hà Nội.",
    "Chủ động đấu tranh phản bác các quan điểm sai trái, thù địch, thông tin xấu độc trên không gian mạng, bảo vệ nền tảng tư tưởng của Đảng.",
    "Nắm bắt tình hình tư tưởng của cán bộ, đảng viên và nhân dân; kịp thời định hướng thông tin trước các vấn đề dư luận quan tâm.",
    "Đa dạng hóa hình thức tuyên truyền: hệ thống loa truyền thanh cơ sở, trang thông tin điện tử, mạng xã hội và pa-nô, áp phích ở {place}.",
    "Tổ chức các hoạt động kỷ niệm {annivParty} năm Ngày thành lập Đảng Cộng sản Việt Nam trang trọng, thiết thực, tiết kiệm.",
  ],
  personnel: [
    "Rà soát, bổ sung quy hoạch cán bộ nhiệm kỳ 2025–2030 bảo đảm tính liên thông, đồng bộ giữa các cấp.",
    "Thực hiện luân chuyển, điều động cán bộ gắn với quy hoạch, đào tạo, bồi dưỡng và sử dụng cán bộ.",
    "Đánh giá cán bộ hằng năm bằng kết quả, sản phẩm cụ thể; lấy sự hài lòng của người dân làm thước đo.",
    "Thực hiện đầy đủ chế độ, chính sách đối với cán bộ, công chức dôi dư sau sắp xếp tổ chức bộ máy.",
    "Ban Tổ chức chủ trì tham mưu quy chế làm việc, phân công nhiệm vụ các đồng chí cấp ủy viên nhiệm kỳ 2025–2030.",
  ],
};

/** Sentences any document may use; none names a hot topic, so a search for one hits its documents only. */
const GENERIC = [
  "Các cấp ủy, tổ chức đảng tập trung lãnh đạo, chỉ đạo, tổ chức thực hiện nghiêm túc, hiệu quả các nhiệm vụ đề ra.",
  "Phát huy vai trò nêu gương của cán bộ, đảng viên, trước hết là người đứng đầu cấp ủy, cơ quan, đơn vị.",
  "Đổi mới phương thức lãnh đạo của cấp ủy; tăng cường kiểm tra, đôn đốc việc thực hiện ở cơ sở.",
  "Mặt trận Tổ quốc và các đoàn thể chính trị – xã hội tuyên truyền, vận động hội viên, đoàn viên và nhân dân cùng thực hiện.",
  "Định kỳ hằng quý, các chi bộ, đảng bộ trực thuộc báo cáo kết quả thực hiện về Văn phòng trước ngày 20 của tháng cuối quý.",
  "Quá trình tổ chức thực hiện, nếu có vướng mắc, các đơn vị phản ánh kịp thời để xem xét, giải quyết.",
  "Văn phòng có trách nhiệm theo dõi, đôn đốc, tổng hợp tình hình, kết quả thực hiện, báo cáo Thường trực.",
  "Bảo đảm kinh phí thực hiện từ nguồn ngân sách được giao và các nguồn huy động hợp pháp khác.",
  "Các đồng chí cấp ủy viên phụ trách địa bàn, lĩnh vực theo dõi, chỉ đạo, kiểm tra việc thực hiện ở đơn vị được phân công.",
  "Kết quả thực hiện là một tiêu chí đánh giá, xếp loại tổ chức đảng, đảng viên và thi đua, khen thưởng cuối năm.",
  "Phấn đấu đến năm {nextYear}, 100% tổ chức đảng hoàn thành tốt nhiệm vụ trở lên, trên {pct2}% đảng viên hoàn thành tốt nhiệm vụ.",
  "Tập trung khắc phục những hạn chế, khuyết điểm đã được chỉ ra qua kiểm điểm năm {prevYear}.",
  "Tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn cơ bản ổn định; đời sống nhân dân từng bước được nâng lên.",
  "Bên cạnh kết quả đạt được, vẫn còn một số hạn chế: việc cụ thể hóa ở một số nơi còn chậm, chất lượng chưa đồng đều.",
  "Nguyên nhân của hạn chế chủ yếu là do nhận thức, trách nhiệm của một số cấp ủy, người đứng đầu chưa cao.",
  "Bài học kinh nghiệm là phải bám sát thực tiễn cơ sở, phát huy dân chủ, đoàn kết, thống nhất trong cấp ủy.",
  "Đề nghị cấp trên quan tâm bố trí nguồn lực, hướng dẫn nghiệp vụ để cơ sở thực hiện thuận lợi.",
  "Các đơn vị chủ động xây dựng kế hoạch cụ thể, xác định rõ lộ trình, bước đi phù hợp với điều kiện thực tế.",
  "Thời gian thực hiện từ tháng {month}/{year} đến hết tháng 12/{year}; tổng kết, đánh giá vào quý I năm {nextYear}.",
  "Tỷ lệ đảng viên tham gia sinh hoạt chi bộ định kỳ đạt {pct2}%; nội dung sinh hoạt thiết thực, gắn với nhiệm vụ của đơn vị.",
  "Toàn đảng bộ hiện có {n} tổ chức cơ sở đảng với {members} đảng viên, sinh hoạt tại các chi bộ trực thuộc.",
  "Công tác tuyên truyền được thực hiện thường xuyên, tạo sự đồng thuận cao trong cán bộ, đảng viên và nhân dân.",
  "Mỗi cán bộ, đảng viên nêu cao tinh thần trách nhiệm, dám nghĩ, dám làm, dám chịu trách nhiệm vì lợi ích chung.",
  "Phối hợp chặt chẽ giữa cấp ủy với chính quyền, Mặt trận Tổ quốc và các đoàn thể trong tổ chức thực hiện.",
  "Văn bản này được phổ biến đến chi bộ và đảng viên; các đơn vị triển khai thực hiện kể từ ngày ký.",
  "Giao các ban xây dựng Đảng theo chức năng, nhiệm vụ hướng dẫn, kiểm tra, giám sát việc thực hiện.",
  "Công tác khen thưởng bảo đảm đúng người, đúng thành tích, kịp thời động viên phong trào thi đua.",
  "Các chỉ tiêu chủ yếu đều đạt và vượt kế hoạch; nhiều mô hình hay, cách làm sáng tạo được nhân rộng ở {place}.",
  "Tiếp tục rà soát, sửa đổi, bổ sung quy chế làm việc, bảo đảm phân định rõ chức năng, nhiệm vụ, quyền hạn.",
  "Cấp ủy các cấp tổ chức quán triệt đến cán bộ, đảng viên trong tháng {month}/{year}.",
];

const HCM_TOPICS = [
  "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về xây dựng văn hóa, con người Hà Nội thanh lịch, văn minh",
  "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về phát huy khối đại đoàn kết toàn dân tộc",
  "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về ý chí tự lực, tự cường và khát vọng phát triển đất nước",
  "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về tiết kiệm, chống lãng phí",
];
const ROMAN = ["XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI"];
const HOLIDAYS = ["3/2", "19/5", "2/9", "7/11"];
const RECIPIENTS = ["Các đảng bộ, chi bộ trực thuộc", "Các đồng chí cấp ủy viên", "Các ban xây dựng Đảng", "Ủy ban Mặt trận Tổ quốc và các đoàn thể", "Lưu Văn phòng"];
/** Columns of an annex table (XLSX sheet) and what each row holds. */
const ANNEX_COLUMNS = "STT | Đơn vị | Số tổ chức đảng | Số đảng viên | Đã quán triệt | Tỷ lệ (%) | Ghi chú";

/** What a template's `{slot}`s are filled with; `{place}` comes from `places()`, drawn anew each time. */
export interface Slots {
  org: string;
  issuer: string;
  members: string;
  year: number;
  month: number;
  day: number;
  res: Resolution;
  person: string;
}

export function pickWeighted<T>(rng: Rng, options: readonly [T, number][]): T {
  let roll = rng.next() * options.reduce((s, [, w]) => s + w, 0);
  for (const [value, w] of options) if ((roll -= w) < 0) return value;
  return options[0][0];
}

function slotValues(rng: Rng, s: Slots): Record<string, string> {
  return {
    org: s.org,
    issuer: s.issuer,
    members: s.members,
    year: String(s.year),
    prevYear: String(s.year - 1),
    nextYear: String(s.year + 1),
    month: String(s.month),
    day: String(s.day),
    quarter: ["I", "II", "III", "IV"][Math.floor((s.month - 1) / 3)],
    n: String(rng.int(3, 40)),
    n2: String(rng.int(5, 60)),
    small: String(rng.int(3, 5)),
    pct: String(rng.int(100, 135)),
    pct2: String(rng.int(85, 99)),
    badge: String(rng.pick([30, 40, 45, 50, 55, 60, 65, 70, 75])),
    roman: rng.pick(ROMAN),
    holiday: rng.pick(HOLIDAYS),
    annivParty: String(s.year - 1930),
    annivNation: String(s.year - 1945),
    resShort: `${s.res.kind} số ${s.res.code}`,
    resNick: `${s.res.kind} ${s.res.code.split("-")[0]}`,
    resLong: `${s.res.kind} số ${s.res.code} ngày ${s.res.date} của ${s.res.by} về ${s.res.about}`,
    resBy: s.res.by,
    resAbout: s.res.about,
    resDate: s.res.date,
    hcmTopic: rng.pick(HCM_TOPICS),
    person: s.person,
  };
}

const filler = (values: Record<string, string>, places: () => string) => (template: string) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => (key === "place" ? places() : (values[key] ?? `{${key}}`)));

/**
 * The trích yếu of a document of `type` about `topic`, with the type's name first ("Nghị quyết về
 * đột phá phát triển khoa học, …"), and its tags. `monthly`: a resolution of the month, of a cell
 * or of a grassroots committee.
 */
export function composeSummary(rng: Rng, type: DocType, topic: DocTopic, s: Slots, places: () => string, monthly: "cell" | "committee" | null): { summary: string; tags: string[] } {
  const fill = filler(slotValues(rng, s), places);
  let template: string;
  if (type === "resolution" && monthly) template = monthly === "cell" ? rng.pick(MONTHLY) : MONTHLY[0];
  else if (type === "plan" && topic === "congress" && rng.chance(0.7)) template = rng.pick(CONGRESS_PLANS);
  else if (type === "report" && topic === "congress") template = rng.pick(CONGRESS_REPORTS);
  else if (type === "meeting_material" && topic !== "resolution" && rng.chance(0.5)) template = SUMMARY.meeting_material[0];
  else template = rng.pick(SUMMARY[type]);
  const summary = fill(template.replace("{phrase}", rng.pick(PHRASES[topic])));
  const pool = [...TAGS[topic], ...(rng.chance(0.3) ? [TYPE_NAME[type].toLowerCase()] : [])];
  const tags = shuffled(rng, pool).slice(0, rng.int(0, Math.min(4, pool.length)));
  return { summary, tags };
}

/** How the first page of a document opens, as printed. */
export interface Heading {
  /** The party organisation above the issuer, upper case ("ĐẢNG BỘ THÀNH PHỐ HÀ NỘI", "BAN CHẤP HÀNH TRUNG ƯƠNG"). */
  above: string;
  numberSymbol: string | null;
  type: DocType;
  summary: string;
  /** "Hà Nội, ngày 22 tháng 12 năm 2024". */
  placeDate: string;
  /** Who signs for whom ("T/M BAN THƯỜNG VỤ\nBÍ THƯ"). */
  signs: string;
}

/**
 * The pages of a document's main file: the header block, numbered sections of items (sentences of
 * the topic, then generic ones), the recipients and signature on the last page. Each page holds
 * about `pageChars()` characters (cut at item ends), lines separated by \n as extraction gives them.
 */
export function composePages(rng: Rng, topic: DocTopic, h: Heading, s: Slots, places: () => string, pageCount: number, pageChars: () => number): string[] {
  const fill = filler(slotValues(rng, s), places);
  const own = BODY[topic];
  const sentence = () => fill(rng.chance(0.5) ? rng.pick(own) : rng.pick(GENERIC));
  const title = TYPE_NAME[h.type].toUpperCase();
  const rest = h.summary.startsWith(TYPE_NAME[h.type]) ? h.summary.slice(TYPE_NAME[h.type].length).trim() : h.summary;
  const header = [
    `ĐẢNG CỘNG SẢN VIỆT NAM`,
    h.above,
    s.issuer.toUpperCase(),
    "*",
    h.numberSymbol ? `Số ${h.numberSymbol}` : "",
    h.placeDate,
    title,
    rest,
    "-----",
  ].filter(Boolean);
  const sections = SECTIONS[h.type];
  const pages: string[] = [];
  let lines: string[] = [...header];
  let chars = header.reduce((n, l) => n + l.length + 1, 0);
  let target = pageChars();
  let section = 0;
  let item = 0;
  const roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
  while (pages.length < pageCount - 1 || chars < target * 0.6) {
    if (item === 0 || (item > 2 && rng.chance(0.18))) {
      const heading = `${roman[section % roman.length]}. ${sections[section % sections.length]}`;
      section++;
      item = 0;
      lines.push(heading);
      chars += heading.length + 1;
    }
    item++;
    // 2–5 different sentences.
    const count = rng.int(2, 5);
    const parts = new Set<string>();
    for (let k = 0; k < count * 3 && parts.size < count; k++) parts.add(sentence());
    const text = `${item}. ${[...parts].join(" ")}`;
    // A list of dashes under some items, as plans and reports have.
    const dashes = rng.chance(0.2) ? Array.from({ length: rng.int(2, 4) }, () => `- ${sentence()}`) : [];
    for (const l of [text, ...dashes]) {
      lines.push(l);
      chars += l.length + 1;
    }
    if (chars >= target) {
      pages.push(lines.join("\n"));
      lines = [];
      chars = 0;
      target = pageChars();
      if (pages.length >= pageCount) break;
    }
  }
  const closing = ["Nơi nhận:", ...shuffled(rng, RECIPIENTS).slice(0, 3).map((r) => `- ${r},`), h.signs, s.person];
  if (lines.length === 0 && pages.length > 0) lines = [pages.pop()!];
  lines.push(...closing);
  pages.push(lines.join("\n"));
  return pages;
}

/**
 * The pages of an annex (phụ lục): a table per page for spreadsheets (one row per unit below the
 * issuer), a few slides for presentations, or more items for documents.
 */
export function composeAnnex(rng: Rng, format: "pdf" | "docx" | "xlsx" | "pptx", index: number, topic: DocTopic, s: Slots, places: () => string, units: string[], pageCount: number, pageChars: () => number): string[] {
  const fill = filler(slotValues(rng, s), places);
  const pages: string[] = [];
  for (let p = 0; p < pageCount; p++) {
    const target = pageChars();
    const lines: string[] = [];
    let chars = 0;
    if (format === "xlsx") {
      lines.push(`Phụ lục ${index}`, `BIỂU TỔNG HỢP SỐ LIỆU NĂM ${s.year}`, ANNEX_COLUMNS);
      // One row per unit below, in order, then more rows of places.
      const rows = shuffled(rng, units);
      for (let row = 1; chars < target; row++) {
        const members = rng.int(8, 900);
        const done = Math.round(members * (0.85 + 0.15 * rng.next()));
        const line = `${row} | ${rows[row - 1] ?? places()} | ${rng.int(1, 40)} | ${members} | ${done} | ${((100 * done) / members).toFixed(1).replace(".", ",")} | `;
        lines.push(line);
        chars += line.length + 1;
      }
    } else if (format === "pptx") {
      lines.push(p === 0 ? fill(rng.pick(PHRASES[topic])).toUpperCase() : `${p + 1}. ${rng.pick(SECTIONS.meeting_material)}`);
      while (chars < target) {
        const line = `• ${fill(rng.pick(BODY[topic]))}`;
        lines.push(line);
        chars += line.length + 1;
      }
    } else {
      if (p === 0) lines.push(`PHỤ LỤC ${index}`, fill(rng.pick(PHRASES[topic])).toUpperCase());
      while (chars < target) {
        const line = `- ${fill(rng.chance(0.6) ? rng.pick(BODY[topic]) : rng.pick(GENERIC))}`;
        lines.push(line);
        chars += line.length + 1;
      }
    }
    pages.push(lines.join("\n"));
  }
  return pages;
}

export function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
