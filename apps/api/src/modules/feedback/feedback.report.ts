import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, TextRun } from "docx";
import ExcelJS from "exceljs";
import type { FeedbackCounts, FeedbackStatus } from "../../db/schema";
import type { SummaryComment } from "./feedback.repo";

/**
 * The files of a unit's feedback summary (tổng hợp ý kiến góp ý), in Vietnamese: a DOCX report
 * (counts, then the comments grouped by section and, when several cells contributed, by cell) and an
 * XLSX table with one row per comment. Commenters are not named: each comment is signed "Đảng viên
 * <cell>", because the files leave the app's access control once downloaded and travel up the tree,
 * and what the unit above needs is the opinion and where it comes from, not who holds it (Decree
 * 13/2023: political opinions are sensitive data; the committee sees names in the app).
 */

export const STATUS_LABELS: Record<FeedbackStatus, string> = {
  pending: "Chưa trả lời",
  accepted: "Tiếp thu",
  rejected: "Không tiếp thu",
  noted: "Ghi nhận",
};
export const GENERAL_SECTION = "Ý kiến chung";

const TIME_ZONE = "Asia/Ho_Chi_Minh";
const dateFormat = new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric" });
const timeFormat = new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
/** dd/mm/yyyy in Vietnam. */
export const vnDate = (d: Date): string => dateFormat.format(d);
/** "17:00 ngày 15/12/2026". */
const vnDeadline = (d: Date): string => `${timeFormat.format(d)} ngày ${vnDate(d)}`;

const collator = new Intl.Collator("vi", { numeric: true, sensitivity: "base" });

export interface ReportInput {
  document: { numberSymbol: string | null; summary: string; issuingBody: string; unitName: string };
  unit: { id: string; name: string };
  deadline: Date;
  generatedAt: Date;
  counts: FeedbackCounts;
  comments: SummaryComment[];
  /** Units directly below with comments that have not forwarded their summary (not included). */
  notForwarded: { name: string; total: number }[];
}

export const reportTitle = (d: ReportInput["document"]): string => `Tổng hợp ý kiến góp ý dự thảo ${d.numberSymbol ?? ""} ${d.summary}`.replace(/\s+/g, " ").trim();
export const commenterLabel = (unitName: string): string => `Đảng viên ${unitName}`;

interface SectionGroup {
  title: string;
  comments: SummaryComment[];
}

/** Sections in reading order ("Điều 2" before "Điều 10"), the whole-draft comments first; comments by cell, then by time. */
export function groupBySection(comments: SummaryComment[]): SectionGroup[] {
  const groups = new Map<string, SectionGroup>();
  for (const c of comments) {
    const key = c.sectionKey ?? "";
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { title: c.section ?? GENERAL_SECTION, comments: [] }));
    group.comments.push(c);
  }
  const byTime = (a: SummaryComment, b: SummaryComment) => collator.compare(a.unitName, b.unitName) || a.unitId.localeCompare(b.unitId) || a.createdAt.getTime() - b.createdAt.getTime();
  const general = groups.get("");
  groups.delete("");
  const sorted = [...groups.values()].sort((a, b) => collator.compare(a.title, b.title));
  return (general ? [general, ...sorted] : sorted).map((g) => ({ ...g, comments: g.comments.sort(byTime) }));
}

/** Paragraph runs keeping the text's line breaks. */
const runs = (text: string, options: { bold?: boolean; italics?: boolean } = {}): TextRun[] =>
  text.split(/\r?\n/).map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...options }));

const line = (label: string, value: string) => new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), ...runs(value)] });

function countParagraphs(counts: FeedbackCounts): Paragraph[] {
  return [
    line("Tổng số ý kiến", String(counts.total)),
    line("Số đảng viên góp ý", String(counts.commenters)),
    line("Số chi bộ có ý kiến", String(counts.units)),
    ...(["accepted", "rejected", "noted", "pending"] as const).map((s) => new Paragraph({ text: `- ${STATUS_LABELS[s]}: ${counts.byStatus[s]}`, indent: { left: 360 } })),
  ];
}

function commentParagraph(c: SummaryComment, n: number): Paragraph {
  const where = [c.page !== null ? `trang ${c.page}` : null, c.quote ? `đoạn “${c.quote}”` : null].filter(Boolean).join(", ");
  const answer = c.reply ? `${STATUS_LABELS[c.status]}. Trả lời: ${c.reply}` : STATUS_LABELS[c.status];
  // One paragraph per comment, its parts on their own lines: a few thousand comments stay quick to write.
  return new Paragraph({
    spacing: { before: 160 },
    children: [
      new TextRun({ text: `${n}. `, bold: true }),
      ...runs(c.body),
      ...(where ? [new TextRun({ text: `Về ${where}`, italics: true, break: 1 })] : []),
      new TextRun({ text: `${commenterLabel(c.unitName)}, ngày ${vnDate(c.createdAt)}`, break: 1 }),
      new TextRun({ text: "Trạng thái: ", bold: true, break: 1 }),
      ...runs(answer),
    ],
  });
}

/** The DOCX report. */
export async function summaryDocx(input: ReportInput): Promise<Buffer> {
  const { document: d, unit, counts, comments } = input;
  const cells = new Map<string, { name: string; total: number }>();
  for (const c of comments) cells.set(c.unitId, { name: c.unitName, total: (cells.get(c.unitId)?.total ?? 0) + 1 });
  const severalCells = cells.size > 1;

  const children: Paragraph[] = [
    new Paragraph({ text: reportTitle(d), heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
    line("Đơn vị tổng hợp", unit.name),
    line("Dự thảo của", `${d.unitName} (${d.issuingBody})`),
    line("Hạn góp ý", vnDeadline(input.deadline)),
    line("Ngày tổng hợp", vnDate(input.generatedAt)),
    new Paragraph({ text: "I. Số liệu tổng hợp", heading: HeadingLevel.HEADING_1 }),
    ...countParagraphs(counts),
  ];
  if (severalCells) {
    children.push(new Paragraph({ text: "Theo đơn vị:", spacing: { before: 120 } }));
    const sorted = [...cells.values()].sort((a, b) => collator.compare(a.name, b.name));
    for (const cell of sorted) children.push(new Paragraph({ text: `- ${cell.name}: ${cell.total} ý kiến`, indent: { left: 360 } }));
  }
  if (input.notForwarded.length > 0) {
    children.push(new Paragraph({ text: "Đơn vị chưa gửi tổng hợp (không tính ở trên):", spacing: { before: 120 } }));
    for (const u of input.notForwarded) children.push(new Paragraph({ text: `- ${u.name}: ${u.total} ý kiến`, indent: { left: 360 } }));
  }

  children.push(new Paragraph({ text: "II. Ý kiến theo mục", heading: HeadingLevel.HEADING_1 }));
  if (comments.length === 0) children.push(new Paragraph({ text: "Không có ý kiến góp ý." }));
  for (const group of groupBySection(comments)) {
    children.push(new Paragraph({ text: `${group.title} (${group.comments.length} ý kiến)`, heading: HeadingLevel.HEADING_2 }));
    let n = 0;
    let lastCell: string | null = null;
    for (const c of group.comments) {
      if (severalCells && c.unitId !== lastCell) {
        children.push(new Paragraph({ text: c.unitName, heading: HeadingLevel.HEADING_3 }));
        lastCell = c.unitId;
      }
      children.push(commentParagraph(c, ++n));
    }
  }

  const doc = new Document({
    creator: "Sổ tay đảng viên",
    title: reportTitle(d),
    styles: { default: { document: { run: { font: "Times New Roman", size: 26 } } } },
    sections: [{ children }],
  });
  return Packer.toBuffer(doc);
}

export const XLSX_COLUMNS = ["Đơn vị", "Mục/Điều", "Trang", "Ý kiến", "Trạng thái", "Trả lời", "Ngày", "Trích đoạn"] as const;

/** The XLSX: a sheet with one row per comment (in the report's order), and a sheet with the counts. */
export async function summaryXlsx(input: ReportInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "Sổ tay đảng viên";
  workbook.created = input.generatedAt;
  const sheet = workbook.addWorksheet("Ý kiến góp ý", { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = XLSX_COLUMNS.map((header, i) => ({ header, width: [28, 18, 7, 60, 14, 50, 12, 40][i] }));
  for (const group of groupBySection(input.comments)) {
    for (const c of group.comments) {
      sheet.addRow([c.unitName, c.section ?? GENERAL_SECTION, c.page, c.body, STATUS_LABELS[c.status], c.reply ?? "", vnDate(c.createdAt), c.quote ?? ""]);
    }
  }
  sheet.getRow(1).font = { bold: true };
  for (const key of [4, 6, 8]) sheet.getColumn(key).alignment = { wrapText: true, vertical: "top" };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: XLSX_COLUMNS.length } };

  const totals = workbook.addWorksheet("Tổng hợp");
  totals.columns = [{ width: 30 }, { width: 60 }];
  const { counts } = input;
  totals.addRows([
    [reportTitle(input.document)],
    ["Đơn vị tổng hợp", input.unit.name],
    ["Hạn góp ý", vnDeadline(input.deadline)],
    ["Ngày tổng hợp", vnDate(input.generatedAt)],
    ["Tổng số ý kiến", counts.total],
    ["Số đảng viên góp ý", counts.commenters],
    ["Số chi bộ có ý kiến", counts.units],
    ...(["accepted", "rejected", "noted", "pending"] as const).map((s) => [STATUS_LABELS[s], counts.byStatus[s]]),
    ...input.notForwarded.map((u) => [`Chưa gửi tổng hợp: ${u.name}`, u.total]),
  ]);
  totals.getRow(1).font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
