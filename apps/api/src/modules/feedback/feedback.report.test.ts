import ExcelJS from "exceljs";
import mammoth from "mammoth";
import { describe, expect, it } from "vitest";
import type { SummaryComment } from "./feedback.repo";
import { groupBySection, type ReportInput, summaryDocx, summaryXlsx, vnDate } from "./feedback.report";

// Pure: the report's layout from rows, no database.

let n = 0;
const row = (overrides: Partial<SummaryComment> = {}): SummaryComment => ({
  id: `c${++n}`,
  accountId: "a1",
  unitId: "cell-1",
  unitName: "Chi bộ tổ dân phố số 1",
  section: null,
  sectionKey: null,
  page: null,
  quote: null,
  body: `Ý kiến ${n}`,
  status: "pending",
  reply: null,
  createdAt: new Date("2026-03-01T03:00:00Z"),
  ...overrides,
});
const section = (s: string) => ({ section: s, sectionKey: s.toLowerCase() });

const input = (comments: SummaryComment[], extra: Partial<ReportInput> = {}): ReportInput => ({
  document: { numberSymbol: "20-DT/TU", summary: "Dự thảo báo cáo chính trị", issuingBody: "Thành ủy", unitName: "Thành ủy Thử nghiệm" },
  unit: { id: "ward", name: "Đảng ủy phường Điện Biên" },
  deadline: new Date("2026-03-15T10:00:00Z"),
  generatedAt: new Date("2026-03-16T01:00:00Z"),
  counts: { total: comments.length, commenters: 1, units: 2, byStatus: { pending: comments.length, accepted: 0, rejected: 0, noted: 0 } },
  comments,
  notForwarded: [],
  ...extra,
});

describe("the feedback summary files", () => {
  it("orders sections as a reader would (Điều 2 before Điều 10), the whole-draft comments first, one group per section whatever its case", () => {
    const groups = groupBySection([row(section("Điều 10")), row(section("Điều 2")), row(), row({ section: "ĐIỀU 2", sectionKey: "điều 2" })]);
    expect(groups.map((g) => [g.title, g.comments.length])).toEqual([
      ["Ý kiến chung", 1],
      ["Điều 2", 2],
      ["Điều 10", 1],
    ]);
  });

  it("writes dates as dd/mm/yyyy in Vietnam's time zone", () => {
    expect(vnDate(new Date("2026-03-14T20:00:00Z"))).toBe("15/03/2026");
  });

  it("groups comments by cell inside a section when several cells contributed, and lists the cells that have not forwarded", async () => {
    const comments = [row({ ...section("Điều 1"), unitId: "cell-2", unitName: "Chi bộ tổ dân phố số 2", body: "Từ chi bộ 2" }), row({ ...section("Điều 1"), body: "Từ chi bộ 1" })];
    const docx = await summaryDocx(input(comments, { notForwarded: [{ name: "Chi bộ tổ dân phố số 3", total: 4 }] }));
    const text = (await mammoth.extractRawText({ buffer: docx })).value;

    expect(text).toContain("Hạn góp ý: 17:00 ngày 15/03/2026");
    expect(text.indexOf("Chi bộ tổ dân phố số 1\n")).toBeLessThan(text.indexOf("Từ chi bộ 1"));
    expect(text.indexOf("Từ chi bộ 1")).toBeLessThan(text.indexOf("Chi bộ tổ dân phố số 2\n", text.indexOf("II. Ý kiến theo mục")));
    expect(text).toContain("- Chi bộ tổ dân phố số 3: 4 ý kiến");
  });

  it("puts the counts on a second sheet of the XLSX", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await summaryXlsx(input([row(), row()]))) as unknown as ArrayBuffer);
    const totals = workbook.getWorksheet("Tổng hợp")!;
    expect(totals.getCell("A1").value).toBe("Tổng hợp ý kiến góp ý dự thảo 20-DT/TU Dự thảo báo cáo chính trị");
    expect(totals.getRow(5).values).toEqual([undefined, "Tổng số ý kiến", 2]);
  });
});
