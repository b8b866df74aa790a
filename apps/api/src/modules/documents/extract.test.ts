import path from "node:path";
import { Document, ExternalHyperlink, Footer, Header, Packer, Paragraph, TextRun } from "docx";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coreProperties, FIXTURES, openDocumentPackage, presentationPackage, tempFolder, wordPackage } from "../../../test/fixtures/documents/builders";
import { findClassificationMark } from "./classification";
import { docxPreviewHtml, extractText, type ExtractedText } from "./extract";

let folder: Awaited<ReturnType<typeof tempFolder>>;
beforeAll(async () => void (folder = await tempFolder()));
afterAll(() => folder.remove());

const isNfc = (text: string) => text === text.normalize("NFC");
const gate = (text: ExtractedText) => findClassificationMark({ firstPage: text.pages[0] ?? "", headers: text.headers, metadata: text.metadata });

describe("extractText from PDF", () => {
  const resolution = path.join(FIXTURES, "nghi-quyet-57.pdf");

  it("reads Vietnamese text page by page from a real PDF", async () => {
    const text = await extractText(resolution, "pdf");
    expect(text.pages).toHaveLength(2);
    expect(text.pages[0]).toContain("ĐẢNG CỘNG SẢN VIỆT NAM\nNGHỊ QUYẾT CỦA BỘ CHÍNH TRỊ");
    expect(text.pages[0]).toContain("Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ, đổi mới");
    expect(text.pages[0]).not.toContain("Trang hai");
    expect(text.pages[1]).toMatch(/^Trang hai: Đẩy mạnh nghiên cứu, ứng dụng trí tuệ nhân tạo/);
    expect(text.pages.every(isNfc)).toBe(true);
    expect(text.pages.join(" ")).not.toMatch(/ {2}/);
    expect(text.metadata).toMatchObject({ title: "Nghị quyết số 57-NQ/TW", keywords: "khoa học, chuyển đổi số" });
    expect(text.headers).toBe("");
  });

  it("reads only the first page when asked", async () => {
    const text = await extractText(resolution, "pdf", { firstPageOnly: true });
    expect(text.pages).toHaveLength(1);
    expect(text.pages[0]).toContain("57-NQ/TW");
  });

  it("stops at maxChars", async () => {
    const text = await extractText(resolution, "pdf", { maxChars: 100 });
    expect(text.pages.join("").length).toBeLessThanOrEqual(100);
    expect(text.pages[0]).toMatch(/^ĐẢNG CỘNG SẢN/);
  });

  it("keeps a stamp on its own line, so the gate finds TỐI MẬT and passes the ordinary resolution", async () => {
    const classified = await extractText(path.join(FIXTURES, "toi-mat.pdf"), "pdf", { firstPageOnly: true });
    expect(classified.pages[0].split("\n")[0]).toBe("TỐI MẬT");
    expect(gate(classified)).toBe("toi_mat");
    expect(gate(await extractText(resolution, "pdf", { firstPageOnly: true }))).toBeNull();
  });

  it("throws a plain Error for a password-protected PDF", async () => {
    await expect(extractText(path.join(FIXTURES, "encrypted.pdf"), "pdf")).rejects.toThrow(/^The PDF file could not be read: /);
  });

  it("throws a plain Error for a damaged PDF", async () => {
    const file = await folder.write("hong.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog >>\nnot a pdf at all");
    await expect(extractText(file, "pdf")).rejects.toThrow(/^The PDF file could not be read: /);
  });
});

describe("extractText from DOCX", () => {
  const paragraph = (i: number) => `Đoạn ${i}: Đảng bộ lãnh đạo thực hiện thắng lợi nhiệm vụ chính trị, đẩy mạnh chuyển đổi số, đổi mới sáng tạo; xây dựng Đảng trong sạch, vững mạnh. `.repeat(2).trim();
  let file: string;
  beforeAll(async () => {
    const doc = new Document({
      title: "Nghị quyết Đại hội",
      subject: "Phương hướng nhiệm kỳ",
      keywords: "đại hội, nghị quyết",
      creator: "Văn phòng Đảng ủy",
      description: "Bản lấy ý kiến",
      sections: [
        {
          headers: { default: new Header({ children: [new Paragraph("Độ mật: Tối mật")] }) },
          footers: { default: new Footer({ children: [new Paragraph("Lưu hành nội bộ")] }) },
          children: [
            new Paragraph({ children: [new TextRun({ text: "NGHỊ QUYẾT", bold: true })] }),
            ...Array.from({ length: 30 }, (_, i) => new Paragraph(paragraph(i + 1))),
            new Paragraph({ children: [new ExternalHyperlink({ link: "javascript:alert(1)", children: [new TextRun("liên kết")] })] }),
          ],
        },
      ],
    });
    file = await folder.write("nghi-quyet.docx", await Packer.toBuffer(doc));
  });

  it("reads the body, the header and footer text and the core properties", async () => {
    const text = await extractText(file, "docx");
    expect(text.pages[0]).toMatch(/^NGHỊ QUYẾT\nĐoạn 1: Đảng bộ lãnh đạo/);
    expect(text.headers).toContain("Độ mật: Tối mật");
    expect(text.headers).toContain("Lưu hành nội bộ");
    expect(text.metadata).toMatchObject({ title: "Nghị quyết Đại hội", subject: "Phương hướng nhiệm kỳ", keywords: "đại hội, nghị quyết", author: "Văn phòng Đảng ủy", description: "Bản lấy ý kiến" });
    expect(gate(text)).toBe("toi_mat");
  });

  it("cuts the body into pieces of about 3,000 characters at paragraph ends", async () => {
    const text = await extractText(file, "docx");
    expect(text.pages.length).toBeGreaterThanOrEqual(3);
    for (const page of text.pages) expect(page.length).toBeLessThanOrEqual(3_000);
    // No paragraph is cut: each piece ends where a paragraph ends.
    for (const page of text.pages.slice(0, -1)) expect(page).toMatch(/vững mạnh\.$/);
    expect(text.pages.join("\n")).toContain(paragraph(30));
  });

  it("gives only the first piece when asked", async () => {
    expect((await extractText(file, "docx", { firstPageOnly: true })).pages).toHaveLength(1);
  });

  it("makes a sanitised HTML preview", async () => {
    const html = await docxPreviewHtml(file);
    expect(html).toContain("<p><strong>NGHỊ QUYẾT</strong></p>");
    expect(html).toContain("liên kết");
    expect(html).not.toMatch(/javascript|<script|<img|style=/i);
  });

  it("throws a plain Error for a damaged DOCX", async () => {
    const zip = await wordPackage();
    const damaged = await folder.write("hong.docx", zip.subarray(0, zip.length - 40));
    await expect(extractText(damaged, "docx")).rejects.toThrow(/^The DOCX file could not be read: /);
  });
});

describe("extractText from XLSX", () => {
  it("reads each sheet as a page, its name then its rows, with header codes stripped", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.title = "Danh sách đảng viên";
    workbook.creator = "Chi bộ 3";
    workbook.keywords = "Mật";
    const members = workbook.addWorksheet("Chi bộ 3");
    members.headerFooter.oddHeader = '&L&"Arial,Bold"&14TỐI MẬT&RTrang &P';
    members.addRow(["Họ và tên", "Ngày vào Đảng", "Số đảng viên"]);
    members.addRow(["Nguyễn Thị Hương", new Date(Date.UTC(2015, 1, 3)), 42]);
    members.addRow([{ richText: [{ text: "Trần " }, { text: "Đức", font: { bold: true } }] }, null, { formula: "B1+1", result: 43 }]);
    workbook.addWorksheet("Tổng hợp").addRow(["Tổng số", 2]);
    const file = await folder.write("danh-sach.xlsx", Buffer.from(await workbook.xlsx.writeBuffer()));

    const text = await extractText(file, "xlsx");
    expect(text.pages).toEqual(["Chi bộ 3\nHọ và tên | Ngày vào Đảng | Số đảng viên\nNguyễn Thị Hương | 3/2/2015 | 42\nTrần Đức | 43", "Tổng hợp\nTổng số | 2"]);
    expect(text.headers).toBe("TỐI MẬT\nTrang");
    expect(text.metadata).toMatchObject({ title: "Danh sách đảng viên", author: "Chi bộ 3", keywords: "Mật" });
    expect(gate(text)).toBe("toi_mat");
  });
});

describe("extractText from PPTX", () => {
  it("reads each slide as a page, in slide-number order", async () => {
    const pptx = await presentationPackage(
      [
        { number: 10, paragraphs: ["Trang mười: Kết luận"] },
        { number: 2, paragraphs: ["Trang hai: Chuyển đổi số"] },
        { number: 1, paragraphs: ["Trang một: Đại hội Đảng", "Nhiệm kỳ 2025–2030"] },
      ],
      coreProperties({ title: "Bài trình bày", creator: "Ban Tuyên giáo" }),
    );
    const text = await extractText(await folder.write("trinh-bay.pptx", pptx), "pptx");
    expect(text.pages).toEqual(["Trang một: Đại hội Đảng\nNhiệm kỳ 2025–2030", "Trang hai: Chuyển đổi số", "Trang mười: Kết luận"]);
    expect(text.metadata).toEqual({ title: "Bài trình bày", author: "Ban Tuyên giáo" });
  });
});

describe("extractText from ODT", () => {
  it("reads headings and paragraphs, the page header and the properties, leaving out deleted text", async () => {
    const odt = await openDocumentPackage({
      body:
        '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>Đoạn đã xóa</text:p></text:deletion></text:changed-region></text:tracked-changes>' +
        "<text:h>Kết luận của Bộ Chính trị</text:h>" +
        '<text:p>Về <text:span>đổi mới</text:span><text:s text:c="3"/>sáng tạo<text:line-break/>và chuyển đổi số.</text:p>',
      header: "Độ mật: Tuyệt mật",
      meta: "<dc:title>Kết luận số 12-KL/TW</dc:title><meta:keyword>kết luận</meta:keyword><meta:keyword>Bộ Chính trị</meta:keyword><meta:initial-creator>Văn phòng Trung ương</meta:initial-creator>",
    });
    const text = await extractText(await folder.write("ket-luan.odt", odt), "odt");
    expect(text.pages).toEqual(["Kết luận của Bộ Chính trị\nVề đổi mới sáng tạo\nvà chuyển đổi số."]);
    expect(text.headers).toBe("Độ mật: Tuyệt mật");
    expect(text.metadata).toEqual({ title: "Kết luận số 12-KL/TW", keywords: "kết luận, Bộ Chính trị", author: "Văn phòng Trung ương" });
    expect(gate(text)).toBe("tuyet_mat");
  });
});

describe("extractText from pictures", () => {
  it("has no text for a picture", async () => {
    expect(await extractText(path.join(FIXTURES, "nghi-quyet-57.pdf"), "png")).toEqual({ pages: [], metadata: {}, headers: "" });
  });
});
