import type { Rng } from "./random";

/**
 * The words of the bench's news: titles, summaries and bodies composed from templates about what
 * party channels in Hanoi publish (resolutions to study, congresses, building the Party, digital
 * transformation, fighting corruption, good examples…), so that realistic searches ("nghi quyet 57",
 * "chuyen doi so", "phong chong tham nhung", a ward's name) hit realistic numbers of articles.
 * `{slot}` placeholders are filled from an article's context (see `Slots`).
 */

export type Topic =
  | "resolution"
  | "congress"
  | "building"
  | "digital"
  | "anticorruption"
  | "inspection"
  | "hcm"
  | "example"
  | "documents"
  | "activity"
  | "guidance";

/** How often each topic is written about (guidance is chosen apart). */
export const TOPIC_WEIGHTS: [Topic, number][] = [
  ["activity", 26],
  ["building", 18],
  ["resolution", 12],
  ["congress", 8],
  ["digital", 8],
  ["hcm", 8],
  ["example", 8],
  ["anticorruption", 5],
  ["inspection", 4],
  ["documents", 3],
];

/** Category names (chuyên mục), the topics each one files. The first ones are the most common. */
export const CATEGORIES: { name: string; topics: Topic[] }[] = [
  { name: "Tin hoạt động", topics: ["activity", "congress"] },
  { name: "Xây dựng Đảng", topics: ["building", "resolution", "inspection"] },
  { name: "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh", topics: ["hcm"] },
  { name: "Gương người tốt việc tốt", topics: ["example"] },
  { name: "Văn bản mới", topics: ["documents", "resolution"] },
  { name: "Thông tin định hướng", topics: ["guidance"] },
  { name: "Chuyển đổi số", topics: ["digital"] },
  { name: "Phòng chống tham nhũng, tiêu cực", topics: ["anticorruption", "inspection"] },
  { name: "Đại hội Đảng các cấp", topics: ["congress"] },
  { name: "Công tác kiểm tra, giám sát", topics: ["inspection"] },
  { name: "Dân vận khéo", topics: ["example", "activity"] },
  { name: "Sinh hoạt chi bộ", topics: ["building"] },
];

export interface Resolution {
  kind: string;
  code: string;
  date: string;
  year: number;
  by: string;
  about: string;
}

const BCT = "Bộ Chính trị";
const BCH = "Ban Chấp hành Trung ương Đảng";
export const RESOLUTIONS: Resolution[] = [
  { kind: "Nghị quyết", code: "57-NQ/TW", date: "22/12/2024", year: 2024, by: BCT, about: "đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia" },
  { kind: "Nghị quyết", code: "66-NQ/TW", date: "30/4/2025", year: 2025, by: BCT, about: "đổi mới công tác xây dựng và thi hành pháp luật đáp ứng yêu cầu phát triển đất nước trong kỷ nguyên mới" },
  { kind: "Nghị quyết", code: "68-NQ/TW", date: "4/5/2025", year: 2025, by: BCT, about: "phát triển kinh tế tư nhân" },
  { kind: "Nghị quyết", code: "59-NQ/TW", date: "24/1/2025", year: 2025, by: BCT, about: "hội nhập quốc tế trong tình hình mới" },
  { kind: "Nghị quyết", code: "71-NQ/TW", date: "22/8/2025", year: 2025, by: BCT, about: "đột phá phát triển giáo dục và đào tạo" },
  { kind: "Nghị quyết", code: "18-NQ/TW", date: "25/10/2017", year: 2017, by: BCH, about: "một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả" },
  { kind: "Nghị quyết", code: "15-NQ/TW", date: "5/5/2022", year: 2022, by: BCT, about: "phương hướng, nhiệm vụ phát triển Thủ đô Hà Nội đến năm 2030, tầm nhìn đến năm 2045" },
  { kind: "Nghị quyết", code: "21-NQ/TW", date: "16/6/2022", year: 2022, by: BCH, about: "tăng cường củng cố, xây dựng tổ chức cơ sở đảng và nâng cao chất lượng đội ngũ đảng viên trong giai đoạn mới" },
  { kind: "Nghị quyết", code: "27-NQ/TW", date: "9/11/2022", year: 2022, by: BCH, about: "tiếp tục xây dựng và hoàn thiện Nhà nước pháp quyền xã hội chủ nghĩa Việt Nam trong giai đoạn mới" },
  { kind: "Kết luận", code: "21-KL/TW", date: "25/10/2021", year: 2021, by: BCH, about: "đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị; kiên quyết ngăn chặn, đẩy lùi, xử lý nghiêm cán bộ, đảng viên suy thoái về tư tưởng chính trị, đạo đức, lối sống" },
  { kind: "Chỉ thị", code: "05-CT/TW", date: "15/5/2016", year: 2016, by: BCT, about: "đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh" },
  { kind: "Chỉ thị", code: "35-CT/TW", date: "14/6/2024", year: 2024, by: BCT, about: "đại hội đảng bộ các cấp tiến tới Đại hội đại biểu toàn quốc lần thứ XIV của Đảng" },
  { kind: "Quy định", code: "144-QĐ/TW", date: "9/5/2024", year: 2024, by: BCT, about: "chuẩn mực đạo đức cách mạng của cán bộ, đảng viên trong giai đoạn mới" },
  { kind: "Quy định", code: "37-QĐ/TW", date: "25/10/2021", year: 2021, by: BCH, about: "những điều đảng viên không được làm" },
];

const T: Record<Topic, string[]> = {
  resolution: [
    "Hội nghị quán triệt {resShort} của {resBy}",
    "{org} quán triệt, triển khai thực hiện {resShort}",
    "Học tập, quán triệt {resNick} đến 100% cán bộ, đảng viên {place}",
    "Đưa {resNick} vào cuộc sống: kết quả bước đầu ở {place}",
    "Triển khai kế hoạch thực hiện {resShort} về {resAbout}",
    "Sơ kết việc thực hiện {resShort} năm {year}",
    "{org} ban hành chương trình hành động thực hiện {resNick}",
    "Quán triệt {resNick}: cụ thể hóa bằng việc làm thiết thực ở {place}",
  ],
  congress: [
    "Đại hội đại biểu {org} lần thứ {roman}, nhiệm kỳ 2025–2030",
    "{org} tổ chức thành công Đại hội điểm nhiệm kỳ 2025–2030",
    "Góp ý dự thảo các văn kiện trình Đại hội XIV của Đảng tại {place}",
    "Chuẩn bị chu đáo nhân sự đại hội đảng bộ các cấp theo Chỉ thị số 35-CT/TW",
    "Thi đua lập thành tích chào mừng Đại hội Đảng bộ Thành phố Hà Nội lần thứ XVIII",
    "Đại hội chi bộ ở {place}: dân chủ, đoàn kết, đổi mới",
    "{org} rút kinh nghiệm đại hội chi bộ trực thuộc nhiệm kỳ 2025–2027",
  ],
  building: [
    "{org} tổng kết công tác xây dựng Đảng năm {year}",
    "{org} sơ kết công tác 6 tháng đầu năm {year}",
    "Nâng cao chất lượng sinh hoạt chi bộ ở {place}",
    "Kết nạp {n} đảng viên mới tại {place}",
    "Trao Huy hiệu {badge} năm tuổi Đảng cho đảng viên {place}",
    "Hội nghị Ban Chấp hành {org} lần thứ {n2}",
    "Đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm {prevYear}",
    "Bồi dưỡng nhận thức về Đảng cho quần chúng ưu tú ở {place}",
    "Xây dựng Đảng bộ trong sạch, vững mạnh: kinh nghiệm từ {place}",
  ],
  digital: [
    "Đẩy mạnh chuyển đổi số trong công tác xây dựng Đảng tại {place}",
    "{org} ứng dụng Sổ tay đảng viên điện tử trong sinh hoạt chi bộ",
    "Chuyển đổi số: {place} số hóa hồ sơ đảng viên",
    "Chi bộ không giấy tờ: kinh nghiệm từ {place}",
    "Bình dân học vụ số: phổ cập kỹ năng số cho cán bộ, đảng viên {place}",
    "Thực hiện Nghị quyết 57: đột phá chuyển đổi số ở {place}",
    "Hội nghị chuyên đề về chuyển đổi số và đổi mới sáng tạo năm {year}",
  ],
  anticorruption: [
    "Tăng cường công tác phòng chống tham nhũng, tiêu cực tại {place}",
    "{org} quán triệt các văn bản về phòng, chống tham nhũng, lãng phí, tiêu cực",
    "Kiểm soát quyền lực, phòng chống tham nhũng trong công tác cán bộ",
    "Kê khai tài sản, thu nhập năm {year}: nghiêm túc, đúng quy định",
    "Thực hành tiết kiệm, chống lãng phí trong cơ quan, đơn vị ở {place}",
    "Phòng chống tham nhũng vặt trong giải quyết thủ tục hành chính tại {place}",
  ],
  inspection: [
    "Ủy ban Kiểm tra {org} kiểm tra việc thực hiện nhiệm vụ tại {place}",
    "Giám sát chuyên đề việc thực hiện {resShort}",
    "Tổng kết công tác kiểm tra, giám sát và thi hành kỷ luật đảng năm {year}",
    "Kiểm tra việc chấp hành Quy định số 37-QĐ/TW về những điều đảng viên không được làm",
  ],
  hcm: [
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh: mô hình {model} ở {place}",
    "Chuyên đề năm {year}: {hcmTopic}",
    "Sinh hoạt chuyên đề học tập và làm theo Bác tại {place}",
    "Lan tỏa việc làm theo Bác từ những việc nhỏ ở {place}",
    "{org} sơ kết {ct05} năm thực hiện Chỉ thị số 05-CT/TW",
  ],
  example: [
    "Gương người tốt việc tốt: đồng chí {person} {deed}",
    "Đồng chí {person} – người bí thư chi bộ tận tụy ở {place}",
    "Đảng viên {person}: {deed}",
    "Dân vận khéo: {place} {deed}",
    "Tuyên dương {n} điển hình học tập và làm theo Bác của {org}",
  ],
  documents: [
    "Văn bản mới: {resShort} về {resAbout}",
    "Giới thiệu {resShort} ngày {resDate} của {resBy}",
    "Những điểm mới của {resShort}",
    "Luật Thủ đô năm 2024: những điểm cán bộ, đảng viên cần biết",
  ],
  activity: [
    "{org} tổ chức Hội nghị báo cáo viên tháng {month}/{year}",
    "Ra quân tổng vệ sinh môi trường tại {place}",
    "{org} gặp mặt kỷ niệm {annivParty} năm Ngày thành lập Đảng Cộng sản Việt Nam",
    "Kỷ niệm {annivNation} năm Cách mạng Tháng Tám và Quốc khánh 2/9 tại {place}",
    "Trao quà Tết cho gia đình chính sách, hộ nghèo ở {place}",
    "Đối thoại giữa người đứng đầu cấp ủy với nhân dân {place}",
    "Xây dựng tuyến phố văn minh đô thị ở {place}",
    "Ngày hội Đại đoàn kết toàn dân tộc năm {year} tại {place}",
    "{org} triển khai nhiệm vụ trọng tâm quý {quarter} năm {year}",
    "{place} ổn định tổ chức, bộ máy sau sắp xếp đơn vị hành chính",
    "Hưởng ứng Tết trồng cây đời đời nhớ ơn Bác Hồ tại {place}",
    "Xây dựng nông thôn mới nâng cao ở {place}",
  ],
  guidance: [
    "Thông tin định hướng: tuyên truyền kỷ niệm {annivParty} năm Ngày thành lập Đảng Cộng sản Việt Nam",
    "Định hướng tuyên truyền {resShort} của {resBy}",
    "Hướng dẫn tuyên truyền Đại hội đại biểu Đảng bộ Thành phố Hà Nội lần thứ XVIII",
    "Thông tin định hướng về công tác phòng chống tham nhũng, tiêu cực tháng {month}/{year}",
    "Định hướng thông tin: đấu tranh phản bác các quan điểm sai trái, thù địch trên không gian mạng",
    "Hướng dẫn triển khai chuyển đổi số trong sinh hoạt chi bộ",
  ],
};

/** First sentence of the summary (and of the body), per topic. */
const LEAD: Record<Topic, string[]> = {
  resolution: [
    "Ngày {day}/{month}/{year}, {org} tổ chức hội nghị học tập, quán triệt và triển khai {resLong}.",
    "Thực hiện kế hoạch của Thành ủy Hà Nội, {org} đã hoàn thành việc quán triệt {resShort} đến toàn thể cán bộ, đảng viên.",
  ],
  congress: [
    "Ngày {day}/{month}/{year}, {org} long trọng tổ chức Đại hội đại biểu lần thứ {roman}, nhiệm kỳ 2025–2030.",
    "Thực hiện Chỉ thị số 35-CT/TW của Bộ Chính trị, {org} đã chỉ đạo các chi bộ trực thuộc chuẩn bị chu đáo nội dung, nhân sự đại hội.",
  ],
  building: [
    "Ngày {day}/{month}/{year}, {org} tổ chức hội nghị đánh giá kết quả công tác xây dựng Đảng và triển khai nhiệm vụ thời gian tới.",
    "Năm {year}, công tác xây dựng Đảng của {org} có nhiều chuyển biến tích cực, chất lượng sinh hoạt chi bộ được nâng lên rõ rệt.",
  ],
  digital: [
    "Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị, {org} xác định chuyển đổi số là nhiệm vụ trọng tâm, đột phá của năm {year}.",
    "Ngày {day}/{month}/{year}, {org} tổ chức hội nghị chuyên đề về chuyển đổi số trong công tác xây dựng Đảng.",
  ],
  anticorruption: [
    "Ngày {day}/{month}/{year}, {org} tổ chức hội nghị quán triệt các văn bản của Trung ương và Thành ủy về công tác phòng chống tham nhũng, lãng phí, tiêu cực.",
    "Công tác phòng chống tham nhũng, tiêu cực tại {place} được cấp ủy lãnh đạo, chỉ đạo quyết liệt, thường xuyên.",
  ],
  inspection: [
    "Thực hiện chương trình kiểm tra, giám sát năm {year}, Ủy ban Kiểm tra {org} đã tiến hành kiểm tra tại {place}.",
    "Ngày {day}/{month}/{year}, {org} tổng kết công tác kiểm tra, giám sát và thi hành kỷ luật đảng.",
  ],
  hcm: [
    "Việc học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh tại {place} đã trở thành nền nếp, gắn với nhiệm vụ chính trị hằng ngày.",
    "Ngày {day}/{month}/{year}, {org} tổ chức sinh hoạt chuyên đề năm {year}: {hcmTopic}.",
  ],
  example: [
    "Đảng viên {person} là tấm gương tiêu biểu trong phong trào thi đua của {place}.",
    "Nhắc đến đồng chí {person}, cán bộ, đảng viên và nhân dân {place} đều dành sự quý trọng.",
  ],
  documents: [
    "{resBy} đã ban hành {resLong}.",
    "{org} giới thiệu những nội dung chính của {resShort} để cán bộ, đảng viên nghiên cứu, quán triệt.",
  ],
  activity: [
    "Ngày {day}/{month}/{year}, {org} tổ chức hội nghị triển khai nhiệm vụ trọng tâm tháng {month}/{year}.",
    "Sáng {day}/{month}/{year}, tại {place}, {org} phối hợp với Ủy ban Mặt trận Tổ quốc tổ chức chương trình với sự tham gia của đông đảo nhân dân.",
    "Hưởng ứng phong trào thi đua của Thành phố, {place} đã triển khai nhiều hoạt động thiết thực trong tháng {month}/{year}.",
  ],
  guidance: [
    "Ban Tuyên giáo và Dân vận {unit} định hướng nội dung tuyên truyền trong tháng {month}/{year}, đề nghị các cấp ủy triển khai đến toàn thể cán bộ, đảng viên.",
    "Để thống nhất nhận thức và hành động, {org} hướng dẫn các cấp ủy trực thuộc nội dung tuyên truyền {resShort}.",
  ],
};

/** Sentences written about each topic: bodies pick from these, then from GENERIC. */
const BODY: Record<Topic, string[]> = {
  resolution: [
    "Tại hội nghị, báo cáo viên đã truyền đạt những nội dung cốt lõi, điểm mới của {resShort}, đồng thời liên hệ với thực tiễn của {place}.",
    "{resNick} đặt ra những mục tiêu cụ thể, đòi hỏi mỗi cấp ủy, mỗi cán bộ, đảng viên phải có tư duy đổi mới, hành động quyết liệt.",
    "Sau khi quán triệt, 100% chi bộ trực thuộc đã xây dựng kế hoạch thực hiện, phân công rõ người, rõ việc, rõ thời gian và rõ kết quả.",
    "Đồng chí Bí thư đề nghị các chi bộ tổ chức thảo luận sâu về {resShort}, gắn với đặc điểm, tình hình của từng địa bàn, đơn vị.",
    "Việc quán triệt {resNick} được kết hợp với học tập chuyên đề năm và thực hiện Quy định số 144-QĐ/TW về chuẩn mực đạo đức cách mạng.",
    "Các đại biểu đều cho rằng {resNick} là bước đột phá về tư duy, tạo động lực mới cho sự phát triển của Thủ đô và đất nước.",
    "Bài thu hoạch của cán bộ, đảng viên sau hội nghị được chấm nghiêm túc; nhiều bài có đề xuất sát thực tiễn {place}.",
    "Ban Thường vụ giao Ban Tuyên giáo và Dân vận theo dõi, đôn đốc việc triển khai {resShort}, định kỳ báo cáo kết quả.",
  ],
  congress: [
    "Đại hội đã thảo luận, thông qua báo cáo chính trị, xác định mục tiêu, phương hướng, nhiệm vụ nhiệm kỳ 2025–2030 với nhiều chỉ tiêu quan trọng.",
    "Đại hội đã bầu Ban Chấp hành nhiệm kỳ mới gồm {n2} đồng chí và đoàn đại biểu dự Đại hội cấp trên.",
    "Các ý kiến góp ý vào dự thảo văn kiện Đại hội XIV của Đảng tập trung vào chuyển đổi số, phát triển kinh tế tư nhân và xây dựng, chỉnh đốn Đảng.",
    "Công tác chuẩn bị nhân sự được thực hiện chặt chẽ, đúng quy trình, bảo đảm dân chủ, công khai theo Chỉ thị số 35-CT/TW.",
    "Khâu đột phá của nhiệm kỳ được xác định là cải cách hành chính gắn với chuyển đổi số và xây dựng chính quyền đô thị.",
    "Đại hội diễn ra trong không khí dân chủ, đoàn kết, đổi mới, thể hiện quyết tâm chính trị cao của toàn Đảng bộ.",
    "Nhiều đại biểu đề nghị tiếp tục nâng cao chất lượng sinh hoạt chi bộ và phát huy vai trò nêu gương của cán bộ, đảng viên.",
    "Thành ủy Hà Nội đánh giá Đại hội điểm của {org} là mẫu để các đảng bộ khác rút kinh nghiệm.",
  ],
  building: [
    "Toàn Đảng bộ hiện có {members} đảng viên sinh hoạt tại {n2} chi bộ trực thuộc; {pct2}% tổ chức đảng được đánh giá hoàn thành tốt nhiệm vụ trở lên.",
    "Nội dung sinh hoạt chi bộ được đổi mới theo hướng thiết thực, bám sát những vấn đề nhân dân quan tâm; nhiều chi bộ duy trì sinh hoạt chuyên đề hằng quý.",
    "Công tác phát triển đảng viên được chú trọng, nhất là trong đoàn viên thanh niên, người lao động ở khu vực kinh tế tư nhân.",
    "Tại buổi lễ, các đảng viên mới đã tuyên thệ dưới cờ Đảng, hứa suốt đời phấn đấu cho lý tưởng của Đảng.",
    "Các đồng chí được trao Huy hiệu Đảng là những tấm gương sáng về tinh thần tận tụy, gương mẫu, suốt đời phấn đấu vì lý tưởng của Đảng.",
    "Công tác đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên được tiến hành thực chất, gắn với kết quả thực hiện nhiệm vụ được giao.",
    "Việc thực hiện Nghị quyết số 21-NQ/TW về củng cố, xây dựng tổ chức cơ sở đảng đã tạo chuyển biến rõ nét ở {place}.",
    "Cấp ủy đã giới thiệu {n} quần chúng ưu tú tham dự lớp bồi dưỡng nhận thức về Đảng, trong đó có nhiều đoàn viên thanh niên.",
  ],
  digital: [
    "Đến nay, 100% chi bộ của {org} đã gửi tài liệu sinh hoạt qua Sổ tay đảng viên điện tử, tiết kiệm hàng nghìn trang giấy mỗi tháng.",
    "Hồ sơ đảng viên được số hóa, cập nhật trên phần mềm quản lý, giúp cấp ủy nắm chắc tình hình đội ngũ đảng viên.",
    "Các chi bộ sử dụng ứng dụng để thông báo lịch sinh hoạt, biểu quyết và ghi biên bản, bảo đảm nguyên tắc và bảo mật thông tin.",
    "Phong trào Bình dân học vụ số được triển khai sâu rộng, giúp đảng viên cao tuổi sử dụng thành thạo điện thoại thông minh.",
    "Chuyển đổi số trong công tác xây dựng Đảng được xác định là nhiệm vụ thường xuyên, gắn với cải cách hành chính và chính quyền số.",
    "{org} phấn đấu đến hết năm {year} có trên {pct2}% đảng viên sử dụng ứng dụng Sổ tay đảng viên điện tử.",
    "Tổ công nghệ số cộng đồng ở {place} đã hướng dẫn người dân cài đặt ứng dụng dịch vụ công trực tuyến và thanh toán không dùng tiền mặt.",
    "Theo đồng chí Bí thư, chuyển đổi số không chỉ là ứng dụng công nghệ mà trước hết là đổi mới tư duy, phương thức lãnh đạo của cấp ủy.",
  ],
  anticorruption: [
    "Cấp ủy chỉ đạo thực hiện nghiêm việc kê khai, công khai tài sản, thu nhập; kiểm soát chặt chẽ quyền lực trong công tác cán bộ.",
    "Công tác phòng chống tham nhũng, lãng phí, tiêu cực được gắn với thực hiện Kết luận số 21-KL/TW về xây dựng, chỉnh đốn Đảng.",
    "Các thủ tục hành chính được công khai, minh bạch tại bộ phận một cửa, góp phần phòng ngừa tham nhũng vặt.",
    "Qua kiểm tra, giám sát, không phát hiện trường hợp cán bộ, đảng viên vi phạm trong lĩnh vực quản lý đất đai, đầu tư công.",
    "Cấp ủy yêu cầu người đứng đầu các cơ quan, đơn vị phải gương mẫu, chịu trách nhiệm trực tiếp về công tác phòng chống tham nhũng.",
    "Việc thực hành tiết kiệm, chống lãng phí được cụ thể hóa bằng các quy định về sử dụng tài sản công, kinh phí hội nghị.",
  ],
  inspection: [
    "Đoàn kiểm tra đã làm việc với cấp ủy, kiểm tra hồ sơ, sổ sách và việc thực hiện quy chế làm việc của {place}.",
    "Qua kiểm tra cho thấy cấp ủy đã lãnh đạo thực hiện nghiêm túc các nghị quyết, chỉ thị của Đảng, chính sách, pháp luật của Nhà nước.",
    "Ủy ban Kiểm tra đề nghị cấp ủy khắc phục một số hạn chế về lưu trữ hồ sơ và việc ghi biên bản sinh hoạt chi bộ.",
    "Trong năm, các cấp ủy và ủy ban kiểm tra đã kiểm tra {n2} tổ chức đảng và {n} đảng viên, giám sát chuyên đề đúng kế hoạch.",
    "Công tác giám sát được thực hiện thường xuyên, kịp thời phát hiện và chấn chỉnh những biểu hiện vi phạm ngay từ khi mới manh nha.",
  ],
  hcm: [
    "Mô hình {model} được nhân dân đồng tình, hưởng ứng, trở thành điểm sáng trong việc học tập và làm theo Bác.",
    "Mỗi cán bộ, đảng viên đăng ký ít nhất một việc làm cụ thể theo Bác, được chi bộ theo dõi, đánh giá hằng quý.",
    "Việc thực hiện Chỉ thị số 05-CT/TW gắn với Quy định số 144-QĐ/TW về chuẩn mực đạo đức cách mạng đã tạo sức lan tỏa mạnh mẽ.",
    "Chuyên đề năm {year} với chủ đề {hcmTopic} được các chi bộ thảo luận sôi nổi, liên hệ sát với thực tiễn.",
    "Những tấm gương điển hình được biểu dương kịp thời, góp phần xây dựng môi trường văn hóa trong cơ quan, khu dân cư.",
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh đã trở thành việc làm thường xuyên, tự giác của cán bộ, đảng viên {place}.",
  ],
  example: [
    "Dù tuổi cao, đồng chí {person} vẫn nhiệt tình tham gia công tác ở tổ dân phố, luôn gương mẫu đi đầu trong mọi phong trào.",
    "Được bà con tin tưởng, đồng chí {person} đã vận động các hộ dân hiến đất, góp công mở rộng ngõ xóm, xây dựng tuyến phố văn minh.",
    "Việc làm của đồng chí {person} là minh chứng sinh động cho phương châm “dân biết, dân bàn, dân làm, dân kiểm tra, dân giám sát, dân thụ hưởng”.",
    "Nhiều năm liền, đồng chí {person} được công nhận đảng viên hoàn thành xuất sắc nhiệm vụ và được khen thưởng vì thành tích trong học tập và làm theo Bác.",
    "Theo đồng chí {person}, làm công tác dân vận phải kiên trì, lắng nghe, nói để dân hiểu và làm để dân tin.",
    "Câu chuyện của đồng chí {person} đã được chi bộ đưa vào nội dung sinh hoạt chuyên đề, lan tỏa tinh thần trách nhiệm của người đảng viên.",
  ],
  documents: [
    "Văn bản gồm những nội dung chính về quan điểm chỉ đạo, mục tiêu, nhiệm vụ và giải pháp chủ yếu về {resAbout}.",
    "{resShort} có hiệu lực từ ngày ký và được phổ biến đến chi bộ để cán bộ, đảng viên nghiên cứu, thực hiện.",
    "Cán bộ, đảng viên có thể đọc toàn văn {resShort} trên Sổ tay đảng viên điện tử và Cổng thông tin điện tử Thành ủy Hà Nội.",
    "Luật Thủ đô năm 2024 trao cho Hà Nội nhiều cơ chế, chính sách đặc thù, đòi hỏi các cấp ủy phải chủ động, sáng tạo trong tổ chức thực hiện.",
    "Các chi bộ được đề nghị tổ chức nghiên cứu văn bản mới tại kỳ sinh hoạt gần nhất và phản ánh kết quả về cấp ủy cấp trên.",
  ],
  activity: [
    "Tại hội nghị báo cáo viên, đại biểu được thông tin về tình hình thời sự trong nước, quốc tế và những vấn đề dư luận quan tâm.",
    "Đông đảo cán bộ, đảng viên, đoàn viên thanh niên và nhân dân {place} đã tham gia dọn vệ sinh, khơi thông cống rãnh, trồng cây xanh.",
    "Nhân dịp Tết Nguyên đán, cấp ủy đã trao hàng trăm suất quà tới gia đình chính sách, người có công, hộ nghèo và hộ cận nghèo trên địa bàn.",
    "Tại buổi đối thoại, người dân {place} đã nêu nhiều kiến nghị về trật tự đô thị, vệ sinh môi trường và thủ tục hành chính; các kiến nghị đều được trả lời thẳng thắn.",
    "Kỷ niệm {annivParty} năm Ngày thành lập Đảng Cộng sản Việt Nam (3/2/1930 – 3/2/{year}), các chi bộ đã tổ chức ôn lại truyền thống vẻ vang của Đảng.",
    "Sau sắp xếp đơn vị hành chính, bộ máy của {place} đi vào hoạt động ổn định, thông suốt, phục vụ người dân và doanh nghiệp tốt hơn.",
    "Ngày hội Đại đoàn kết toàn dân tộc là dịp để nhân dân {place} ôn lại truyền thống, biểu dương các gia đình văn hóa tiêu biểu.",
    "Xây dựng nông thôn mới nâng cao được các chi bộ thôn đưa vào nghị quyết sinh hoạt, gắn với phát triển sản phẩm OCOP của địa phương.",
    "Tết trồng cây năm {year}, {place} đã trồng mới hàng nghìn cây xanh tại các tuyến đường, trường học và khu dân cư.",
  ],
  guidance: [
    "Các cấp ủy tập trung tuyên truyền kết quả nổi bật của Thủ đô, những chủ trương lớn của Trung ương và Thành ủy trong thời gian tới.",
    "Chủ động đấu tranh, phản bác các thông tin sai trái, thù địch trên không gian mạng; không chia sẻ thông tin chưa được kiểm chứng.",
    "Mỗi đảng viên là một tuyên truyền viên, chia sẻ thông tin chính thống đến gia đình, khu dân cư và nơi làm việc.",
    "Nội dung tuyên truyền cần ngắn gọn, dễ hiểu, đa dạng hình thức: hệ thống loa truyền thanh cơ sở, trang thông tin điện tử, mạng xã hội.",
    "Kết quả triển khai định hướng được báo cáo về Ban Tuyên giáo và Dân vận {unit} trước ngày 25 hằng tháng.",
    "Tuyên truyền về thành tựu của công cuộc đổi mới, về công tác phòng chống tham nhũng, tiêu cực và xây dựng, chỉnh đốn Đảng.",
  ],
};

/** Sentences any article may use: none of them names a hot topic, so searches for one hit its articles only. */
const GENERIC = [
  "Phát biểu chỉ đạo, đồng chí Bí thư {unit} đề nghị các cấp ủy, tổ chức đảng tiếp tục nâng cao nhận thức, trách nhiệm của cán bộ, đảng viên trong thực hiện nhiệm vụ chính trị.",
  "Hội nghị được tổ chức theo hình thức trực tiếp kết hợp trực tuyến đến các điểm cầu của các đảng bộ, chi bộ trực thuộc.",
  "Tham dự hội nghị có các đồng chí Ủy viên Ban Thường vụ, Ủy viên Ban Chấp hành {org}, bí thư các chi bộ và đông đảo cán bộ, đảng viên.",
  "Năm {year}, {org} đã lãnh đạo hoàn thành và hoàn thành vượt mức nhiều chỉ tiêu kinh tế – xã hội, quốc phòng – an ninh.",
  "Các cấp ủy đã chủ động xây dựng chương trình hành động, kế hoạch thực hiện cụ thể, phân công rõ người, rõ việc, rõ thời gian, rõ trách nhiệm và rõ kết quả.",
  "Công tác dân vận được quan tâm; mối quan hệ mật thiết giữa Đảng với nhân dân tiếp tục được củng cố, khối đại đoàn kết toàn dân tộc được tăng cường.",
  "Ý kiến phát biểu tại hội nghị tập trung làm rõ nguyên nhân của những hạn chế, đồng thời đề xuất nhiều giải pháp sát với thực tiễn cơ sở.",
  "Cấp ủy đề nghị mỗi cán bộ, đảng viên phải thực sự gương mẫu, nói đi đôi với làm, gắn bó mật thiết với nhân dân nơi cư trú.",
  "Nhân dịp này, {org} đã khen thưởng {n} tập thể và {n2} cá nhân có thành tích xuất sắc.",
  "Các đại biểu thống nhất cao với dự thảo báo cáo và chương trình công tác trọng tâm thời gian tới.",
  "Theo đồng chí Bí thư, điều quan trọng nhất là phát huy vai trò nêu gương của người đứng đầu và sự đồng thuận của nhân dân.",
  "Tình hình an ninh chính trị, trật tự an toàn xã hội trên địa bàn {place} được giữ vững, không để xảy ra vụ việc phức tạp.",
  "Đời sống vật chất và tinh thần của nhân dân không ngừng được cải thiện; các chính sách an sinh xã hội được thực hiện kịp thời, đúng đối tượng.",
  "Mỗi cán bộ, đảng viên cần nâng cao tinh thần tự học, tự rèn luyện, chủ động nắm bắt các chủ trương mới của Đảng, chính sách, pháp luật của Nhà nước.",
  "Hội nghị là dịp để các cấp ủy đánh giá, rút kinh nghiệm trong công tác lãnh đạo, chỉ đạo, từ đó đề ra giải pháp phù hợp với tình hình thực tế.",
  "Công tác tuyên truyền được triển khai đa dạng trên hệ thống loa truyền thanh, trang thông tin điện tử và các nhóm mạng xã hội của tổ dân phố.",
  "Kết thúc hội nghị, các đại biểu đã làm bài thu hoạch cá nhân và đăng ký kế hoạch làm theo năm {year}.",
  "Trong thời gian tới, {org} xác định tiếp tục thực hiện hiệu quả chủ đề năm của Thành ủy Hà Nội, gắn với triển khai Luật Thủ đô năm 2024.",
  "Nhiều mô hình hay, cách làm sáng tạo đã được nhân rộng, tạo sức lan tỏa tích cực trong cán bộ, đảng viên và nhân dân.",
  "Đồng chí đề nghị Mặt trận Tổ quốc và các đoàn thể chính trị – xã hội phối hợp chặt chẽ, tuyên truyền, vận động hội viên, đoàn viên và nhân dân cùng thực hiện.",
  "Đánh giá chung cho thấy sự lãnh đạo, chỉ đạo của cấp ủy là quyết liệt, sát sao, có trọng tâm, trọng điểm.",
  "Cấp ủy cũng lưu ý quan tâm, chăm lo đời sống đảng viên cao tuổi, đảng viên có hoàn cảnh khó khăn.",
  "Ban Thường vụ đánh giá cao tinh thần chủ động, sáng tạo của các tổ chức đảng ở {place} trong tổ chức thực hiện.",
  "Thu ngân sách trên địa bàn đạt {pct}% dự toán; nhiều công trình dân sinh được đầu tư, đưa vào sử dụng.",
  "Công tác bảo đảm trật tự đô thị, vệ sinh môi trường có chuyển biến; nhiều tuyến phố, ngõ xóm ở {place} được chỉnh trang sạch, đẹp.",
  "Phong trào “Toàn dân đoàn kết xây dựng đời sống văn hóa” được nhân dân hưởng ứng, tỷ lệ gia đình văn hóa đạt trên {pct2}%.",
  "Các đồng chí lãnh đạo đã lắng nghe, ghi nhận và trả lời trực tiếp nhiều ý kiến, kiến nghị của cử tri.",
  "Công tác cải cách hành chính được đẩy mạnh, thời gian giải quyết hồ sơ cho người dân và doanh nghiệp được rút ngắn.",
  "Lực lượng đoàn viên thanh niên tiếp tục phát huy vai trò xung kích trong các hoạt động tình nguyện vì cộng đồng.",
  "Hội Cựu chiến binh, Hội Liên hiệp Phụ nữ và Hội Người cao tuổi tích cực tham gia các phong trào thi đua ở khu dân cư.",
  "Quy chế dân chủ ở cơ sở được thực hiện nghiêm túc; các nội dung liên quan đến quyền lợi của nhân dân đều được công khai.",
  "Năm {year}, toàn địa bàn không phát sinh hộ nghèo mới; các gia đình chính sách được thăm hỏi, tặng quà đầy đủ, kịp thời.",
  "Ngay sau hội nghị, các đơn vị đã bắt tay triển khai nhiệm vụ, phấn đấu hoàn thành sớm các chỉ tiêu được giao.",
  "Báo cáo tại hội nghị nêu rõ những kết quả nổi bật, đồng thời chỉ ra những tồn tại cần khắc phục trong thời gian tới.",
  "Công tác chăm sóc sức khỏe nhân dân, phòng ngừa dịch bệnh được triển khai chủ động, hiệu quả.",
  "Các trường học trên địa bàn hoàn thành tốt nhiệm vụ năm học, chất lượng giáo dục toàn diện được nâng lên.",
  "Hội nghị cũng dành thời gian thảo luận về công tác chuẩn bị các ngày lễ lớn và sự kiện chính trị quan trọng của Thủ đô.",
  "Đồng chí nhấn mạnh, kết quả công việc phải được đo bằng sự hài lòng của người dân và doanh nghiệp.",
];

/** Sentences that name a hot topic in passing: an article uses at most two of them. */
const CROSS = [
  "Công tác xây dựng Đảng được chú trọng, chất lượng sinh hoạt chi bộ từng bước được nâng lên, nội dung sinh hoạt thiết thực, gắn với nhiệm vụ chính trị của địa phương, đơn vị.",
  "Bên cạnh kết quả đạt được, hội nghị cũng thẳng thắn chỉ ra một số hạn chế như việc cụ thể hóa nghị quyết ở một số chi bộ còn chậm, tỷ lệ đảng viên trẻ tham gia sinh hoạt chưa cao.",
  "Đến nay, 100% chi bộ trực thuộc đã tổ chức quán triệt, học tập nghiêm túc, đúng kế hoạch đề ra.",
  "Trong năm, toàn Đảng bộ đã kết nạp {n} đảng viên mới, đạt {pct}% chỉ tiêu được giao.",
  "Công tác kiểm tra, giám sát được thực hiện thường xuyên, đúng quy định, góp phần giữ nghiêm kỷ luật, kỷ cương trong Đảng.",
  "Việc ứng dụng công nghệ thông tin trong quản lý đảng viên, gửi tài liệu sinh hoạt chi bộ qua ứng dụng điện tử bước đầu mang lại hiệu quả rõ rệt.",
  "Cấp ủy yêu cầu các chi bộ tiếp tục đổi mới nội dung, phương thức sinh hoạt, tăng cường sinh hoạt chuyên đề, gắn với giải quyết những vấn đề bức xúc ở cơ sở.",
  "Tỷ lệ đảng viên tham gia sinh hoạt chi bộ định kỳ đạt trên {pct2}%, cao hơn cùng kỳ năm trước.",
  "Việc thực hiện Quy định số 144-QĐ/TW về chuẩn mực đạo đức cách mạng và Quy định số 37-QĐ/TW về những điều đảng viên không được làm được quán triệt nghiêm túc.",
  "Công tác phòng chống tham nhũng, lãng phí, tiêu cực tiếp tục được quan tâm, gắn với thực hành tiết kiệm trong chi tiêu hành chính.",
  "Đẩy mạnh chuyển đổi số, cải cách hành chính là một trong những nhiệm vụ trọng tâm được {org} xác định cho giai đoạn tới.",
];

const HEADINGS = [
  "Kết quả nổi bật",
  "Những cách làm hay",
  "Nhiệm vụ trọng tâm thời gian tới",
  "Phát huy vai trò nêu gương",
  "Một số giải pháp chủ yếu",
  "Bài học kinh nghiệm",
  "Chuyển biến rõ nét từ cơ sở",
  "Đưa nghị quyết vào cuộc sống",
  "Những hạn chế cần khắc phục",
];

const TASKS = [
  "Tiếp tục quán triệt, triển khai nghiêm túc các nghị quyết, chỉ thị của Trung ương và Thành ủy Hà Nội.",
  "Đẩy mạnh chuyển đổi số, ứng dụng công nghệ thông tin trong công tác xây dựng Đảng.",
  "Nâng cao chất lượng sinh hoạt chi bộ, chú trọng sinh hoạt chuyên đề.",
  "Tăng cường công tác kiểm tra, giám sát; phòng chống tham nhũng, lãng phí, tiêu cực.",
  "Làm tốt công tác phát triển đảng viên, nhất là trong đoàn viên thanh niên.",
  "Thực hiện tốt công tác dân vận, giải quyết kịp thời kiến nghị chính đáng của nhân dân.",
  "Giữ vững an ninh chính trị, trật tự an toàn xã hội trên địa bàn.",
  "Chăm lo đời sống gia đình chính sách, hộ nghèo, hộ cận nghèo.",
  "Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
  "Chuẩn bị tốt các điều kiện tổ chức đại hội chi bộ, đại hội đảng bộ nhiệm kỳ mới.",
  "Thực hiện nghiêm Quy định số 144-QĐ/TW về chuẩn mực đạo đức cách mạng.",
  "Xây dựng văn minh đô thị, giữ gìn vệ sinh môi trường khu dân cư.",
];

const MODELS = [
  "“Dân vận khéo” trong giải phóng mặt bằng",
  "“Tuyến phố văn minh, không rác thải nhựa”",
  "“Chi bộ bốn tốt”",
  "“Đảng viên gương mẫu nơi cư trú”",
  "“Mỗi tuần một việc tốt”",
  "“Ngõ xóm sạch, an toàn”",
  "“Tủ sách Bác Hồ trong khu dân cư”",
  "“Bữa cơm nghĩa tình”",
];
const HCM_TOPICS = [
  "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về xây dựng văn hóa, con người Hà Nội thanh lịch, văn minh",
  "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về phát huy khối đại đoàn kết toàn dân tộc",
  "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về ý chí tự lực, tự cường và khát vọng phát triển đất nước",
  "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về tiết kiệm, chống lãng phí",
];
const DEEDS = [
  "hiến đất mở rộng ngõ xóm",
  "hai mươi năm gắn bó với công tác dân vận",
  "trả lại tài sản cho người đánh rơi",
  "xây dựng mô hình kinh tế trang trại hiệu quả",
  "vận động nhân dân xây dựng tuyến phố văn minh",
  "tình nguyện hiến máu ba mươi lần",
  "giúp đỡ hộ nghèo thoát nghèo bền vững",
  "có sáng kiến số hóa hồ sơ tổ dân phố",
  "tận tụy với công tác hòa giải ở cơ sở",
];

const TAGS: Record<Topic, string[]> = {
  resolution: ["quán triệt nghị quyết", "Nghị quyết 57", "Nghị quyết 66", "Nghị quyết 68", "học tập nghị quyết"],
  congress: ["Đại hội Đảng", "Đại hội XIV", "nhiệm kỳ 2025–2030", "văn kiện Đại hội"],
  building: ["xây dựng Đảng", "sinh hoạt chi bộ", "kết nạp đảng viên", "Huy hiệu Đảng"],
  digital: ["chuyển đổi số", "Nghị quyết 57", "Sổ tay đảng viên", "Bình dân học vụ số"],
  anticorruption: ["phòng chống tham nhũng", "kiểm soát quyền lực", "chống lãng phí"],
  inspection: ["kiểm tra giám sát", "ủy ban kiểm tra", "kỷ luật đảng"],
  hcm: ["học tập và làm theo Bác", "Chỉ thị 05", "chuyên đề năm"],
  example: ["người tốt việc tốt", "dân vận khéo", "điển hình tiên tiến"],
  documents: ["văn bản mới", "Luật Thủ đô", "quy định"],
  activity: ["an sinh xã hội", "văn minh đô thị", "nông thôn mới", "hội nghị báo cáo viên"],
  guidance: ["thông tin định hướng", "tuyên truyền", "bảo vệ nền tảng tư tưởng của Đảng"],
};

const SOURCES = [
  "Ban Tuyên giáo và Dân vận {unit}",
  "Văn phòng {unit}",
  "{person} – {unit}",
  "Theo Báo Hànộimới",
  "Theo Báo Kinh tế & Đô thị",
  "Cổng thông tin điện tử Thành ủy Hà Nội",
  "Theo Báo Nhân Dân",
];

const ROMAN = ["XIX", "XX", "XXI", "XXII", "XXIII", "XXIV", "XXV", "XXVI"];

/** What a template's `{slot}`s are filled with (`{place}` comes from `places()`, drawn anew each time). */
export interface Slots {
  org: string;
  unit: string;
  person: string;
  members: string;
  year: number;
  month: number;
  day: number;
  res: Resolution;
}

export interface Composed {
  title: string;
  summary: string;
  html: string;
  text: string;
  tags: string[];
  source: string;
}

/**
 * One article about `topic`. The body is 3–8 blocks of simple HTML (<p>, <h2>, <ul><li>, <strong>)
 * of about `targetBytes` in all; `text` is the same words without tags, blocks separated by blank
 * lines (as the API's htmlToText makes it).
 */
export function compose(rng: Rng, topic: Topic, s: Slots, targetBytes: number, places: () => string): Composed {
  const values: Record<string, string> = {
    org: s.org,
    unit: s.unit,
    person: s.person,
    members: s.members,
    year: String(s.year),
    prevYear: String(s.year - 1),
    month: String(s.month),
    day: String(s.day),
    quarter: ["I", "II", "III", "IV"][Math.floor((s.month - 1) / 3)],
    n: String(rng.int(3, 25)),
    n2: String(rng.int(7, 35)),
    pct: String(rng.int(100, 135)),
    pct2: String(rng.int(85, 99)),
    badge: String(rng.pick([30, 40, 45, 50, 55, 60, 65, 70, 75])),
    roman: rng.pick(ROMAN),
    annivParty: String(s.year - 1930),
    annivNation: String(s.year - 1945),
    ct05: String(s.year - 2016),
    resShort: `${s.res.kind} số ${s.res.code}`,
    resNick: `${s.res.kind} ${s.res.code.split("-")[0]}`,
    resLong: `${s.res.kind} số ${s.res.code} ngày ${s.res.date} của ${s.res.by} về ${s.res.about}`,
    resBy: s.res.by,
    resAbout: s.res.about,
    resDate: s.res.date,
    model: rng.pick(MODELS),
    hcmTopic: rng.pick(HCM_TOPICS),
    deed: rng.pick(DEEDS),
  };
  // Each {place} is drawn anew: an article names its own unit and some below it.
  const fill = (template: string) =>
    template.replace(/\{(\w+)\}/g, (_, key: string) => (key === "place" ? places() : (values[key] ?? `{${key}}`)));
  const upper = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

  const title = upper(fill(rng.pick(T[topic])));
  const lead = upper(fill(rng.pick(LEAD[topic])));
  const own = shuffled(rng, BODY[topic]);
  const generic = shuffled(rng, [...GENERIC, ...shuffled(rng, CROSS).slice(0, rng.int(0, 2))]);
  const nextSentence = () => upper(fill(own.length > 0 && (generic.length === 0 || rng.chance(0.55)) ? own.pop()! : (generic.pop() ?? rng.pick(GENERIC))));
  const summary = rng.chance(0.6) ? `${lead} ${nextSentence()}` : lead;

  // 3–8 paragraphs sharing the target size; maybe a heading before one of them and a list after one.
  const paragraphs = rng.int(3, 8);
  const headingAt = rng.chance(0.35) ? rng.int(1, paragraphs - 1) : -1;
  const listAfter = rng.chance(0.25) ? rng.int(1, paragraphs - 1) : -1;
  const html: string[] = [];
  const text: string[] = [];
  let remaining = targetBytes;
  for (let b = 0; b < paragraphs; b++) {
    if (b === headingAt) {
      const h = rng.pick(HEADINGS);
      html.push(`<h2>${h}</h2>`);
      text.push(h);
      remaining -= Buffer.byteLength(h) + 9;
    }
    const goal = remaining / (paragraphs - b);
    const sentences: string[] = b === 0 ? [lead] : [];
    let bytes = b === 0 ? Buffer.byteLength(lead) : 0;
    while (sentences.length < 2 || (bytes < goal && sentences.length < 12)) {
      const next = nextSentence();
      sentences.push(next);
      bytes += Buffer.byteLength(next) + 1;
    }
    remaining -= bytes + 7;
    // Some emphasis, as editors write it: one sentence in bold.
    const bold = rng.chance(0.3) ? rng.int(0, sentences.length - 1) : -1;
    html.push(`<p>${sentences.map((x, i) => (i === bold ? `<strong>${x}</strong>` : x)).join(" ")}</p>`);
    text.push(sentences.join(" "));
    if (b === listAfter) {
      const items = shuffled(rng, TASKS).slice(0, rng.int(3, 5));
      html.push(`<ul>${items.map((i) => `<li>${i}</li>`).join("")}</ul>`);
      text.push(...items);
    }
  }

  const tagPool = [...TAGS[topic], ...(rng.chance(0.3) ? [places()] : [])];
  const tags = shuffled(rng, tagPool).slice(0, rng.int(0, Math.min(4, tagPool.length)));
  return { title, summary, html: html.join("\n"), text: text.join("\n\n"), tags, source: fill(rng.pick(SOURCES)) };
}

function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
