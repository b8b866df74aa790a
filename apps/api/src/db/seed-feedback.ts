import { CreateCommentBody, ReplyBody } from "@party/shared/schemas/feedback";
import { sql } from "kysely";
import * as documentsRepo from "../modules/documents/documents.repo";
import { createComment, replyToComment } from "../modules/feedback/feedback.commands";
import * as feedbackRepo from "../modules/feedback/feedback.repo";
import type { Db } from "./db";
import { POLITICAL_REPORT, WORKING_RULES } from "./demo/drafts";
import { type DemoPublisher, docxOf, vnDateDaysAgo } from "./seed-publisher";

interface DemoComment {
  /** The demo login that writes it (from their cell). */
  by: string;
  section?: string;
  quote?: string;
  body: string;
  /** Written this many days ago; an answer follows a day later. */
  daysAgo: number;
  answer?: { by: string; status: "accepted" | "rejected" | "noted"; reply: string | null };
}

// The open draft: a few comments, none answered yet. Its comments are visible to the commenter's cell ('all').
const ON_THE_REPORT: DemoComment[] = [
  { by: "0900000003", section: "Phần II", body: "Đề nghị bổ sung chỉ tiêu về tỷ lệ người cao tuổi được hướng dẫn sử dụng dịch vụ công trực tuyến.", daysAgo: 3 },
  {
    by: "0900000008",
    section: "Phần I",
    quote: "việc tập hợp đảng viên trẻ ở khu dân cư còn khó khăn",
    body: "Nên nêu rõ nguyên nhân: đảng viên trẻ phần lớn sinh hoạt ở cơ quan, chỉ sinh hoạt hai chiều ở nơi cư trú.",
    daysAgo: 2,
  },
];

// The closed draft: comments from both cells on sections and on the whole draft; most answered by their cell's secretary.
const ON_THE_RULES: DemoComment[] = [
  {
    by: "0900000001",
    section: "Điều 5",
    body: "Đề nghị quy định rõ những loại văn bản Phó Bí thư thường trực được ký thay Bí thư.",
    daysAgo: 14,
    answer: { by: "0900000002", status: "accepted", reply: "Chi bộ tiếp thu, sẽ đề nghị Đảng ủy bổ sung danh mục văn bản được ký thay vào Điều 5." },
  },
  {
    by: "0900000001",
    section: "Điều 7",
    quote: "Ban Thường vụ họp ít nhất hai lần mỗi tháng",
    body: "Trước Đại hội khối lượng công việc rất lớn, đề nghị Ban Thường vụ họp hằng tuần.",
    daysAgo: 12,
    answer: { by: "0900000002", status: "rejected", reply: "Không tiếp thu: họp hai lần mỗi tháng đã phù hợp; khi có việc gấp Ban Thường vụ họp bất thường theo Điều 7." },
  },
  {
    by: "0900000001",
    body: "Quy chế nên có điều khoản về việc dùng Sổ tay đảng viên điện tử để gửi tài liệu họp và lấy ý kiến đảng viên.",
    daysAgo: 10,
    answer: { by: "0900000002", status: "noted", reply: "Ghi nhận, chi bộ chuyển ý kiến lên Đảng ủy." },
  },
  { by: "0900000001", section: "Điều 8", body: "Đề nghị quy định thời hạn Đảng ủy trả lời kiến nghị của chi bộ, ví dụ 15 ngày làm việc.", daysAgo: 7 },
  {
    by: "0900000003",
    section: "Điều 6",
    body: "Cấp ủy viên phụ trách nên dự sinh hoạt chi bộ hai tháng một lần thì mới nắm chắc tình hình.",
    daysAgo: 11,
    answer: { by: "0900000002", status: "accepted", reply: "Tiếp thu." },
  },
  {
    by: "0900000008",
    section: "Điều 6",
    body: "Đồng tình cấp ủy viên phụ trách dự sinh hoạt thường xuyên hơn; đề nghị ghi rõ trách nhiệm báo cáo lại với chi bộ.",
    daysAgo: 13,
    answer: { by: "0900000009", status: "accepted", reply: "Chi bộ tiếp thu và đưa vào báo cáo tổng hợp gửi Đảng ủy." },
  },
  {
    by: "0900000008",
    section: "Điều 2",
    body: "Bổ sung nguyên tắc công khai, minh bạch trong hoạt động của Đảng ủy.",
    daysAgo: 9,
    answer: { by: "0900000009", status: "noted", reply: null },
  },
  { by: "0900000008", body: "Dự thảo ngắn gọn, dễ hiểu; tôi đồng tình với cơ bản nội dung dự thảo.", daysAgo: 6 },
];

/** 17:00 in Vietnam, `days` days from today (negative: in the past). */
const deadline = (days: number) => new Date(`${vnDateDaysAgo(-days)}T17:00:00+07:00`);

/** Writes the comments through the feedback commands, answers them, and dates them as in `comments`. */
async function discuss(trx: Db, publisher: DemoPublisher, documentId: string, comments: DemoComment[]): Promise<void> {
  for (const c of comments) {
    const doc = (await documentsRepo.findDocument(trx, documentId)) as documentsRepo.DocumentRow & { feedbackUntil: Date };
    const { id } = await createComment(await publisher.as(c.by), doc, CreateCommentBody.parse({ section: c.section ?? null, quote: c.quote ?? null, body: c.body }));
    if (c.answer) {
      const comment = await feedbackRepo.findComment(trx, id);
      await replyToComment(await publisher.as(c.answer.by), doc, comment!, ReplyBody.parse({ status: c.answer.status, reply: c.answer.reply }));
    }
    const at = new Date(Date.now() - c.daysAgo * 86_400_000);
    const answeredAt = sql`${at}::timestamptz + interval '1 day'`;
    await sql`
      UPDATE feedback_comments
         SET created_at = ${at},
             replied_at = CASE WHEN replied_at IS NULL THEN NULL ELSE ${answeredAt} END,
             updated_at = CASE WHEN replied_at IS NULL THEN ${at}::timestamptz ELSE ${answeredAt} END
       WHERE id = ${id}`.execute(trx);
  }
}

/**
 * The ward's two drafts for feedback, published by its secretary (0900000010): the political report
 * for its congress, open for two more weeks, its comments visible within each cell; and its working
 * rules, closed four days ago, with comments from the first two cells answered by their secretaries
 * (tiếp thu, không tiếp thu, ghi nhận) and some left unanswered, ready to be summarised and forwarded.
 */
export async function seedDemoDrafts(trx: Db, publisher: DemoPublisher, wardName: string): Promise<void> {
  const draft = async (d: typeof POLITICAL_REPORT, type: "report" | "regulation", issuedDaysAgo: number, until: Date, visibility: "own" | "all") => {
    const file = { name: d.file, format: "docx" as const, bytes: await docxOf(d.text) };
    const metadata = { numberSymbol: d.numberSymbol, type, issuingBody: wardName, issuedOn: vnDateDaysAgo(issuedDaysAgo), summary: d.summary, tags: d.tags };
    return publisher.publish("ward", { ...metadata, feedbackUntil: until, feedbackVisibility: visibility }, [file]);
  };

  const report = await draft(POLITICAL_REPORT, "report", 7, deadline(14), "all");
  await discuss(trx, publisher, report, ON_THE_REPORT);

  // Published while open (comments are only taken then), then its deadline is moved into the past.
  const rules = await draft(WORKING_RULES, "regulation", 24, deadline(1), "own");
  await discuss(trx, publisher, rules, ON_THE_RULES);
  await sql`UPDATE documents SET feedback_until = ${deadline(-4)} WHERE id = ${rules}`.execute(trx);
}
