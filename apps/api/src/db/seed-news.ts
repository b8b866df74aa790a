import { htmlToText, sanitizeArticleHtml } from "../modules/news/news.sanitize";
import type { Db } from "./db";

type Channel = { id: string; path: string };
type ChannelKey = "city" | "district" | "ward" | "cell";

interface DemoArticle {
  channel: ChannelKey;
  /** The unit below that proposed it, when not the channel itself. */
  origin?: ChannelKey;
  category?: string;
  /** How long ago it was published. */
  daysAgo: number;
  guidance?: boolean;
  title: string;
  summary: string;
  body: string;
  tags: string[];
  sourceLine?: string;
}

/** Categories (chuyên mục) of the demo channels, in order. */
const CATEGORIES: Record<Exclude<ChannelKey, "cell">, string[]> = {
  city: ["Thời sự – Chính trị", "Xây dựng Đảng", "Học tập và làm theo Bác"],
  district: ["Tin hoạt động", "Gương điển hình"],
  ward: ["Tin phường"],
};

const ARTICLES: DemoArticle[] = [
  {
    channel: "city",
    category: "Thời sự – Chính trị",
    daysAgo: 1,
    guidance: true,
    title: "Định hướng thông tin: không chia sẻ tin chưa kiểm chứng về sắp xếp tổ dân phố",
    summary: "Ban Tuyên giáo và Dân vận Thành ủy đề nghị đảng viên chỉ tiếp nhận, chia sẻ thông tin từ nguồn chính thức và kịp thời phản bác thông tin sai lệch.",
    body: `<p>Thời gian qua, trên một số trang mạng xã hội xuất hiện thông tin chưa được kiểm chứng về việc sắp xếp, sáp nhập tổ dân phố, thôn trên địa bàn thành phố, gây hoang mang trong một bộ phận nhân dân.</p>
<h2>Đề nghị đối với đảng viên</h2>
<ul>
<li>Chỉ tiếp nhận và chia sẻ thông tin từ cơ quan có thẩm quyền, báo chí chính thống và kênh tin của cấp ủy trên Sổ tay đảng viên.</li>
<li>Không bình luận, chia sẻ lại các bài viết chưa rõ nguồn gốc; khi phát hiện thông tin sai lệch, báo cáo ngay với chi bộ.</li>
<li>Tích cực giải thích để quần chúng nơi cư trú hiểu đúng chủ trương, bảo đảm ổn định tư tưởng.</li>
</ul>
<p>Các chi bộ phổ biến nội dung định hướng này trong kỳ sinh hoạt gần nhất và phản ánh tình hình tư tưởng của đảng viên, nhân dân về cấp ủy cấp trên trực tiếp.</p>`,
    tags: ["định hướng", "mạng xã hội"],
    sourceLine: "Ban Tuyên giáo và Dân vận Thành ủy",
  },
  {
    channel: "city",
    category: "Xây dựng Đảng",
    daysAgo: 2,
    title: "Hà Nội quán triệt, triển khai Nghị quyết 57-NQ/TW về đột phá phát triển khoa học, công nghệ và chuyển đổi số",
    summary: "Thành ủy yêu cầu mỗi chi bộ xây dựng chương trình hành động cụ thể, gắn việc học tập Nghị quyết với nhiệm vụ chuyển đổi số ở cơ sở.",
    body: `<p>Thực hiện Nghị quyết số 57-NQ/TW của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia, Ban Thường vụ Thành ủy đã ban hành kế hoạch học tập, quán triệt đến toàn thể cán bộ, đảng viên.</p>
<p>Theo kế hoạch, việc học tập <strong>Nghị quyết</strong> được tổ chức theo hình thức trực tiếp kết hợp trực tuyến; tài liệu được đăng trên Sổ tay đảng viên để đảng viên chủ động nghiên cứu trước khi sinh hoạt.</p>
<blockquote><p>Mỗi đảng viên là một hạt nhân của chuyển đổi số ở nơi mình sinh sống và làm việc.</p></blockquote>
<p>Các chi bộ khu dân cư chú trọng hướng dẫn người dân sử dụng dịch vụ công trực tuyến, thanh toán không dùng tiền mặt và ứng dụng định danh điện tử.</p>`,
    tags: ["Nghị quyết 57", "chuyển đổi số"],
    sourceLine: "Theo Báo Hà Nội Mới",
  },
  {
    channel: "city",
    category: "Học tập và làm theo Bác",
    daysAgo: 5,
    title: "Hướng dẫn sinh hoạt chuyên đề học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2026",
    summary: "Chuyên đề năm nay tập trung vào tác phong gần dân, trọng dân, vì dân của cán bộ, đảng viên ở cơ sở.",
    body: `<p>Ban Thường vụ Thành ủy hướng dẫn các tổ chức cơ sở đảng tổ chức sinh hoạt chuyên đề ít nhất một lần mỗi quý, gắn với việc kiểm điểm việc thực hiện cam kết rèn luyện của từng đảng viên.</p>
<h2>Gợi ý nội dung sinh hoạt</h2>
<ol>
<li>Đọc và thảo luận một bài viết, câu chuyện về Bác liên quan đến chuyên đề.</li>
<li>Liên hệ việc làm cụ thể của chi bộ và của từng đảng viên.</li>
<li>Biểu dương những tấm gương tiêu biểu, đề ra việc làm trong quý tới.</li>
</ol>
<p>Tài liệu sinh hoạt chuyên đề được đăng tải trong mục Tài liệu của ứng dụng.</p>`,
    tags: ["học tập và làm theo Bác", "sinh hoạt chuyên đề"],
  },
  {
    channel: "city",
    category: "Thời sự – Chính trị",
    daysAgo: 12,
    title: "Phát động phong trào thi đua “Dân vận khéo” năm 2026",
    summary: "Phong trào hướng tới những mô hình dân vận thiết thực ở khu dân cư: giữ gìn vệ sinh môi trường, trật tự đô thị và chăm lo người có hoàn cảnh khó khăn.",
    body: `<p>Thành ủy phát động phong trào thi đua “Dân vận khéo” năm 2026 trong toàn Đảng bộ thành phố. Mỗi chi bộ khu dân cư đăng ký ít nhất một mô hình, điển hình dân vận khéo.</p>
<p>Kết quả phong trào là một tiêu chí đánh giá, xếp loại chất lượng tổ chức cơ sở đảng và đảng viên cuối năm.</p>`,
    tags: ["dân vận khéo", "thi đua"],
  },
  {
    channel: "district",
    category: "Tin hoạt động",
    daysAgo: 3,
    title: "Quận ủy Ba Đình sơ kết việc thực hiện Nghị quyết Đại hội Đảng bộ quận 6 tháng đầu năm",
    summary: "Nhiều chỉ tiêu về chỉnh trang đô thị, cải cách hành chính đạt và vượt kế hoạch; công tác phát triển đảng viên ở khu dân cư còn chậm.",
    body: `<p>Hội nghị Ban Chấp hành Đảng bộ quận đã đánh giá kết quả thực hiện <strong>Nghị quyết</strong> Đại hội Đảng bộ quận trong 6 tháng đầu năm và đề ra nhiệm vụ trọng tâm những tháng cuối năm.</p>
<h2>Kết quả nổi bật</h2>
<ul>
<li>Hoàn thành chỉnh trang 12 tuyến phố, ngõ xóm.</li>
<li>Tỷ lệ hồ sơ thủ tục hành chính giải quyết trực tuyến đạt trên 90%.</li>
<li>100% chi bộ tổ chức sinh hoạt định kỳ đúng quy định.</li>
</ul>
<h2>Hạn chế cần khắc phục</h2>
<p>Công tác tạo nguồn, phát triển đảng viên ở các chi bộ khu dân cư chưa đạt kế hoạch; tỷ lệ đảng viên trẻ tham gia sinh hoạt còn thấp.</p>`,
    tags: ["Nghị quyết Đại hội", "sơ kết"],
    sourceLine: "Văn phòng Quận ủy Ba Đình",
  },
  {
    channel: "district",
    origin: "ward",
    category: "Gương điển hình",
    daysAgo: 7,
    title: "Gương đảng viên cao tuổi tận tụy với công việc tổ dân phố",
    summary: "Gần 20 năm làm tổ trưởng tổ dân phố, đồng chí vẫn là người đầu tiên có mặt trong mọi phong trào của khu dân cư.",
    body: `<p>Ở tuổi 72, với hơn 40 năm tuổi Đảng, đồng chí vẫn đều đặn đi từng ngõ nhỏ để nắm tình hình, lắng nghe ý kiến của bà con.</p>
<p>Nhờ cách làm gần gũi, tổ dân phố nhiều năm liền không có đơn thư vượt cấp, không có tệ nạn xã hội, được công nhận tổ dân phố văn hóa tiêu biểu.</p>
<blockquote><p>“Việc gì có lợi cho dân thì mình làm trước, làm cho đến nơi đến chốn.”</p></blockquote>`,
    tags: ["gương điển hình", "đảng viên cao tuổi"],
  },
  {
    channel: "district",
    category: "Tin hoạt động",
    daysAgo: 15,
    title: "Ra mắt mô hình “Chi bộ số” tại các chi bộ khu dân cư",
    summary: "Chi bộ thông báo lịch sinh hoạt, gửi tài liệu và điểm danh qua ứng dụng Sổ tay đảng viên.",
    body: `<p>Quận ủy Ba Đình chọn 10 chi bộ khu dân cư làm điểm mô hình “Chi bộ số”: tài liệu sinh hoạt được gửi trước trên ứng dụng, đảng viên điểm danh bằng điện thoại và góp ý dự thảo trực tuyến.</p>
<p>Sau ba tháng, thời gian chuẩn bị mỗi kỳ sinh hoạt giảm rõ rệt, tỷ lệ đảng viên đọc tài liệu trước khi họp tăng lên.</p>`,
    tags: ["chi bộ số", "chuyển đổi số"],
  },
  {
    channel: "ward",
    category: "Tin phường",
    daysAgo: 4,
    title: "Phường Điện Biên ra quân tổng vệ sinh môi trường “Ngày Chủ nhật xanh”",
    summary: "Hơn 500 cán bộ, đảng viên và nhân dân tham gia dọn dẹp ngõ xóm, khơi thông cống rãnh.",
    body: `<p>Sáng Chủ nhật, Đảng ủy phường Điện Biên phối hợp với Ủy ban Mặt trận Tổ quốc phường tổ chức ra quân tổng vệ sinh môi trường tại tất cả tổ dân phố.</p>
<p>Các chi bộ phân công đảng viên phụ trách từng đoạn ngõ, vận động hộ gia đình phân loại rác tại nguồn.</p>`,
    tags: ["môi trường", "Chủ nhật xanh"],
  },
  {
    channel: "ward",
    category: "Tin phường",
    daysAgo: 9,
    title: "Lịch tiếp công dân của Bí thư Đảng ủy phường trong tháng",
    summary: "Bí thư Đảng ủy phường tiếp công dân vào sáng thứ Năm tuần thứ hai và tuần thứ tư, tại trụ sở Đảng ủy phường.",
    body: `<p>Thực hiện quy định về trách nhiệm của người đứng đầu cấp ủy trong việc tiếp công dân, Bí thư Đảng ủy phường Điện Biên tiếp công dân định kỳ:</p>
<ul>
<li>Thời gian: 8 giờ 00 đến 11 giờ 00, thứ Năm tuần thứ hai và tuần thứ tư.</li>
<li>Địa điểm: phòng tiếp công dân, trụ sở Đảng ủy – Ủy ban nhân dân phường.</li>
</ul>
<p>Đề nghị các chi bộ thông báo rộng rãi đến nhân dân nơi cư trú.</p>`,
    tags: ["tiếp công dân"],
  },
  {
    channel: "ward",
    daysAgo: 20,
    title: "Hướng dẫn chuẩn bị kiểm điểm, đánh giá, xếp loại chất lượng cuối năm",
    summary: "Các chi bộ hoàn thành kiểm điểm tập thể, cá nhân trước ngày 15 tháng 12; bản kiểm điểm nộp qua ứng dụng.",
    body: `<p>Đảng ủy phường hướng dẫn các chi bộ trực thuộc tổ chức kiểm điểm, đánh giá, xếp loại chất lượng tổ chức đảng và đảng viên năm nay.</p>
<p>Đảng viên hoàn thành bản tự kiểm điểm theo mẫu, gửi chi bộ trước kỳ họp ít nhất ba ngày để chi ủy tổng hợp.</p>`,
    tags: ["kiểm điểm", "đánh giá xếp loại"],
  },
  {
    channel: "cell",
    daysAgo: 6,
    title: "Chi bộ thăm hỏi, tặng quà đảng viên cao tuổi nhân dịp trao Huy hiệu Đảng",
    summary: "Chi ủy đến thăm, chúc mừng hai đồng chí được trao Huy hiệu 50 năm tuổi Đảng.",
    body: `<p>Thay mặt chi bộ, đồng chí Bí thư chi bộ đã đến thăm hỏi sức khỏe, chúc mừng hai đồng chí đảng viên được trao Huy hiệu 50 năm tuổi Đảng đợt này.</p>
<p>Chi bộ mong các đồng chí tiếp tục giữ gìn sức khỏe, là tấm gương sáng để các đảng viên trẻ noi theo.</p>`,
    tags: ["Huy hiệu Đảng"],
  },
  {
    channel: "cell",
    daysAgo: 18,
    title: "Kết quả vận động ủng hộ Quỹ “Vì người nghèo” của tổ dân phố",
    summary: "Đảng viên và nhân dân tổ dân phố số 1 ủng hộ gần 15 triệu đồng, hỗ trợ ba hộ có hoàn cảnh khó khăn.",
    body: `<p>Hưởng ứng lời kêu gọi của Ủy ban Mặt trận Tổ quốc phường, chi bộ đã vận động đảng viên và nhân dân ủng hộ Quỹ “Vì người nghèo”.</p>
<p>Toàn bộ số tiền được công khai tại buổi họp tổ dân phố và trao tận tay các hộ gia đình trước Tết.</p>`,
    tags: ["an sinh xã hội"],
  },
];

const DAY_MS = 86_400_000;

/**
 * Adds the demo news to a freshly seeded organisation, inside the seed's transaction: categories
 * of the city, district and ward channels, and published articles in the channels above the demo
 * member's cell (one pinned guidance item for 30 days, one proposal from the ward), each with its
 * one approved revision. Records no events and sends no notifications (nobody published them in
 * this system).
 */
export async function seedDemoNews(
  trx: Db,
  channels: Record<ChannelKey, Channel>,
  staff: { editorId: string | null; approverId: string | null },
): Promise<void> {
  const categoryIds = new Map<string, string>();
  for (const [key, names] of Object.entries(CATEGORIES) as [Exclude<ChannelKey, "cell">, string[]][]) {
    const rows = await trx
      .insertInto("newsCategories")
      .values(names.map((name, position) => ({ unitId: channels[key].id, name, position })))
      .returning(["id", "name", "unitId"])
      .execute();
    for (const row of rows) categoryIds.set(`${row.unitId}:${row.name}`, row.id);
  }

  const now = Date.now();
  for (const a of ARTICLES) {
    const channel = channels[a.channel];
    const publishedAt = new Date(now - a.daysAgo * DAY_MS);
    const bodyHtml = sanitizeArticleHtml(a.body);
    const content = {
      title: a.title,
      summary: a.summary,
      bodyHtml,
      bodyText: htmlToText(bodyHtml),
      categoryId: a.category ? (categoryIds.get(`${channel.id}:${a.category}`) ?? null) : null,
      tags: a.tags,
      sourceLine: a.sourceLine ?? "",
    };
    // Ba Đình's demo editor and approver wrote and approved the district's items; the others came from before the system.
    const byDistrictStaff = a.channel === "district";
    const author = byDistrictStaff ? staff.editorId : null;
    const reviewer = byDistrictStaff ? staff.approverId : null;
    const article = await trx
      .insertInto("articles")
      .values({
        ...content,
        unitId: channel.id,
        unitPath: channel.path,
        originUnitId: channels[a.origin ?? a.channel].id,
        status: "published",
        publishedRevision: 1,
        workingRevision: null,
        publishedAt,
        isGuidance: a.guidance ?? false,
        pinnedUntil: a.guidance ? new Date(now + 30 * DAY_MS) : null,
        createdBy: author,
        createdAt: new Date(publishedAt.getTime() - 2 * 3_600_000),
        updatedAt: publishedAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("articleRevisions")
      .values({
        ...content,
        articleId: article.id,
        number: 1,
        state: "approved",
        createdBy: author,
        createdAt: new Date(publishedAt.getTime() - 2 * 3_600_000),
        updatedBy: author,
        updatedAt: new Date(publishedAt.getTime() - 3_600_000),
        submittedBy: author,
        submittedAt: new Date(publishedAt.getTime() - 3_600_000),
        reviewedBy: reviewer,
        reviewedAt: publishedAt,
      })
      .execute();
  }
}
