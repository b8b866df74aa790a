/**
 * The texts of the ward's two demo drafts for feedback (dự thảo lấy ý kiến). Invented for the demo.
 * "# " is a centred title, "## " a heading, "^ " a centred line (see docxOf in seed-publisher.ts).
 */

export const POLITICAL_REPORT = {
  numberSymbol: "03-DT/ĐU",
  summary: "Dự thảo Báo cáo chính trị Đại hội Đảng bộ phường Điện Biên nhiệm kỳ 2025–2030",
  tags: ["Đại hội Đảng bộ", "văn kiện", "lấy ý kiến"],
  file: "du-thao-bao-cao-chinh-tri.docx",
  text: [
    "^ ĐẢNG BỘ QUẬN BA ĐÌNH",
    "^ ĐẢNG ỦY PHƯỜNG ĐIỆN BIÊN",
    "^ ĐẢNG CỘNG SẢN VIỆT NAM",
    "^ DỰ THẢO (lấy ý kiến đảng viên)",
    "# BÁO CÁO CHÍNH TRỊ",
    "^ của Ban Chấp hành Đảng bộ phường Điện Biên trình Đại hội đại biểu Đảng bộ phường nhiệm kỳ 2025–2030",
    "## Phần I. KẾT QUẢ THỰC HIỆN NGHỊ QUYẾT ĐẠI HỘI NHIỆM KỲ 2020–2025",
    "1. Về quản lý đô thị và phát triển kinh tế: trật tự xây dựng, trật tự vỉa hè có chuyển biến rõ; nhiều tuyến phố, ngõ được chỉnh trang; thu ngân sách trên địa bàn hằng năm vượt dự toán.",
    "2. Về văn hóa – xã hội: phong trào xây dựng gia đình văn hóa, tổ dân phố văn hóa được duy trì; công tác an sinh xã hội, chăm lo gia đình chính sách được thực hiện đầy đủ, kịp thời.",
    "3. Về quốc phòng, an ninh: an ninh chính trị, trật tự an toàn xã hội được giữ vững; không để xảy ra điểm nóng.",
    "4. Về xây dựng Đảng và hệ thống chính trị: chất lượng sinh hoạt chi bộ được nâng lên; kết nạp đảng viên mới đạt chỉ tiêu; việc ứng dụng Sổ tay đảng viên điện tử bước đầu có hiệu quả.",
    "5. Hạn chế, nguyên nhân: một số chỉ tiêu về chỉnh trang ngõ xóm chưa đạt; việc tập hợp đảng viên trẻ ở khu dân cư còn khó khăn; công tác nắm bắt dư luận có lúc chưa kịp thời.",
    "## Phần II. PHƯƠNG HƯỚNG, MỤC TIÊU NHIỆM KỲ 2025–2030",
    "Mục tiêu tổng quát: xây dựng Đảng bộ phường trong sạch, vững mạnh; phát huy sức mạnh đại đoàn kết; xây dựng phường Điện Biên văn minh, hiện đại, đáng sống.",
    "Các chỉ tiêu chủ yếu: 100% chi bộ hoàn thành tốt nhiệm vụ trở lên; 95% hộ gia đình đạt danh hiệu gia đình văn hóa; 80% hồ sơ thủ tục hành chính được nộp trực tuyến.",
    "## Phần III. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU",
    "1. Nâng cao chất lượng sinh hoạt chi bộ, tăng cường kiểm tra, giám sát; đẩy mạnh chuyển đổi số trong công tác đảng.",
    "2. Tập trung chỉnh trang đô thị, giữ gìn trật tự vỉa hè, vệ sinh môi trường; phát huy vai trò tự quản của tổ dân phố.",
    "3. Chăm lo đời sống nhân dân, nhất là người cao tuổi, gia đình chính sách, hộ khó khăn.",
    "## DỰ KIẾN NGHỊ QUYẾT ĐẠI HỘI",
    "Điều 1. Tán thành nội dung Báo cáo chính trị của Ban Chấp hành Đảng bộ phường nhiệm kỳ 2020–2025.",
    "Điều 2. Thông qua phương hướng, mục tiêu, các chỉ tiêu chủ yếu và nhiệm vụ, giải pháp nhiệm kỳ 2025–2030.",
    "Điều 3. Giao Ban Chấp hành Đảng bộ phường khóa mới xây dựng chương trình hành động thực hiện Nghị quyết Đại hội.",
  ],
};

export const WORKING_RULES = {
  numberSymbol: "04-DT/ĐU",
  summary: "Dự thảo Quy chế làm việc của Đảng ủy phường Điện Biên",
  tags: ["quy chế làm việc", "lấy ý kiến"],
  file: "du-thao-quy-che-lam-viec.docx",
  text: [
    "^ ĐẢNG BỘ QUẬN BA ĐÌNH",
    "^ ĐẢNG ỦY PHƯỜNG ĐIỆN BIÊN",
    "^ ĐẢNG CỘNG SẢN VIỆT NAM",
    "^ DỰ THẢO (lấy ý kiến đảng viên)",
    "# QUY CHẾ LÀM VIỆC",
    "^ của Ban Chấp hành Đảng bộ phường Điện Biên",
    "## Chương I. NHỮNG QUY ĐỊNH CHUNG",
    "Điều 1. Phạm vi điều chỉnh. Quy chế này quy định trách nhiệm, quyền hạn, chế độ làm việc của Ban Chấp hành, Ban Thường vụ, Bí thư, Phó Bí thư Đảng ủy phường và mối quan hệ công tác.",
    "Điều 2. Nguyên tắc làm việc. Bảo đảm nguyên tắc tập trung dân chủ, tập thể lãnh đạo, cá nhân phụ trách; đề cao trách nhiệm người đứng đầu.",
    "## Chương II. TRÁCH NHIỆM, QUYỀN HẠN",
    "Điều 3. Ban Chấp hành Đảng bộ lãnh đạo thực hiện nghị quyết đại hội, quyết định các chủ trương lớn về phát triển kinh tế – xã hội, quốc phòng, an ninh và xây dựng Đảng của phường.",
    "Điều 4. Ban Thường vụ lãnh đạo, chỉ đạo thực hiện nghị quyết của Ban Chấp hành giữa hai kỳ họp; quyết định những vấn đề về công tác cán bộ theo phân cấp.",
    "Điều 5. Bí thư chủ trì công việc của Ban Chấp hành, Ban Thường vụ; Phó Bí thư thường trực giúp Bí thư giải quyết công việc thường xuyên và ký thay khi được ủy quyền.",
    "Điều 6. Cấp ủy viên phụ trách chi bộ dự sinh hoạt chi bộ ít nhất mỗi quý một lần, nắm tình hình và phản ánh với Ban Thường vụ.",
    "## Chương III. CHẾ ĐỘ LÀM VIỆC",
    "Điều 7. Chế độ họp. Ban Chấp hành Đảng bộ họp thường kỳ mỗi tháng một lần; Ban Thường vụ họp ít nhất hai lần mỗi tháng; họp bất thường khi cần.",
    "Điều 8. Chế độ thông tin, báo cáo. Các chi bộ báo cáo tình hình hằng tháng; Ban Thường vụ thông báo kết quả hội nghị đến các chi bộ qua Sổ tay đảng viên điện tử.",
    "## Chương IV. ĐIỀU KHOẢN THI HÀNH",
    "Điều 9. Quy chế có hiệu lực từ ngày ký; việc sửa đổi, bổ sung do Ban Chấp hành Đảng bộ phường xem xét, quyết định.",
  ],
};
