import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { Document, HeadingLevel, Packer, Paragraph } from "docx";
import type { Page } from "playwright-core";
import { PHONE, newContext } from "../browser";
import { FAKE_VIETNAMESE_SPEECH, assertFocus, checkPage, e2e, logIn, passSecondFactor, useVietnamese } from "../helpers";

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../api/test/fixtures/documents");

/** A small DOCX built here with the `docx` package: a heading and two paragraphs. */
async function guidanceDocx(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({ text: "Hướng dẫn thực hiện Nghị quyết 57", heading: HeadingLevel.HEADING_1 }),
          new Paragraph("Các chi bộ tổ chức học tập, quán triệt nghị quyết trong quý I."),
          new Paragraph("Đảng viên đăng ký một việc làm cụ thể về chuyển đổi số."),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

/** The bytes of a Windows program, named like a PDF. */
const EXE_AS_PDF = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00", "binary"), Buffer.alloc(4096, 1)]);

/** What the browser logs by itself for each request that fails while the network is off. */
const offlineNoise = (message: string) => /net::ERR_INTERNET_DISCONNECTED/.test(message);

/** The session's CSRF token and grants, to prepare data through the API as the logged-in staff member. */
async function sessionOf(page: Page) {
  return ((await (await page.request.get("/api/auth/session")).json()) as { data: { csrfToken: string; grants: { role: string; unit: { id: string; name: string } }[] } }).data;
}

/** Waits until the file's row in the upload list says what became of it. */
const uploadRow = (page: Page, name: string) => page.locator("li.doc-upload", { hasText: name });

describe("documents: a unit admin publishes, members read them on a 360 px phone", () => {
  it("uploads a PDF and a DOCX (a program and a TỐI MẬT file refused), publishes; a member below finds, reads, searches, bookmarks, notes and saves it, and reads it offline; a sibling unit's member gets not found", async () => {
    const staff = await newContext(e2e.browser, e2e.server.baseUrl, PHONE);
    const member = await newContext(e2e.browser, e2e.server.baseUrl, PHONE);
    const sibling = await newContext(e2e.browser, e2e.server.baseUrl, PHONE);
    const summary = "Nghị quyết của Bộ Chính trị về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia";
    let documentUrl = "";
    let siblingPhone = "";
    let siblingCode = "";
    try {
      // ---- the unit admin of Quận ủy Ba Đình publishes for Đảng ủy phường Điện Biên, on a phone
      const s = staff.page;
      await logIn(s, "0900000007");
      await passSecondFactor(s, "0900000007");
      await useVietnamese(s);
      await s.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Cá nhân" }).click();
      await s.getByRole("link", { name: "Văn bản", exact: true }).click();
      await s.getByRole("heading", { level: 1, name: "Văn bản" }).waitFor();
      await s.getByRole("link", { name: /Quận ủy Ba Đình/ }).waitFor();
      await checkPage(s, "documents desk", staff.consoleErrors);

      await s.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Cá nhân" }).click();
      await s.getByRole("link", { name: "Cơ cấu tổ chức" }).click();
      await s.getByRole("link", { name: "Quận ủy Ba Đình" }).first().click();
      await s.getByRole("heading", { level: 1, name: "Quận ủy Ba Đình" }).waitFor();
      await s.getByRole("link", { name: "Đảng ủy phường Điện Biên" }).click();
      await s.getByRole("heading", { level: 1, name: "Đảng ủy phường Điện Biên" }).waitFor();
      await s.getByRole("link", { name: "Văn bản của đơn vị" }).click();
      await s.getByRole("heading", { level: 1, name: "Văn bản của Đảng ủy phường Điện Biên" }).waitFor();
      // The demo ward has published its own documents (seed-documents.ts).
      await s.getByRole("link", { name: /45-TB\/ĐU/ }).first().waitFor();
      await checkPage(s, "a unit's documents desk", staff.consoleErrors);

      await s.getByRole("link", { name: "Đăng văn bản mới" }).click();
      await s.getByRole("heading", { level: 1, name: "Đăng văn bản mới" }).waitFor();
      const picker = s.getByLabel("Chọn tệp");
      assert.ok(await picker.isDisabled(), "no file before the confirmation");
      await checkPage(s, "new document form", staff.consoleErrors);

      // The confirmation, then a real PDF and a DOCX, each uploaded at once.
      await s.getByRole("checkbox", { name: "Tôi xác nhận văn bản này không chứa bí mật nhà nước" }).check();
      const docx = await guidanceDocx();
      await picker.setInputFiles([
        { name: "nghi-quyet-57.pdf", mimeType: "application/pdf", buffer: await readFile(path.join(FIXTURES, "nghi-quyet-57.pdf")) },
        { name: "huong-dan-thuc-hien.docx", mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", buffer: docx },
      ]);
      await uploadRow(s, "nghi-quyet-57.pdf").getByText(/PDF · [\d,.]+ KB · Đã tải lên/).waitFor();
      await uploadRow(s, "huong-dan-thuc-hien.docx").getByText(/Word \(DOCX\) · [\d,.]+ KB · Đã tải lên/).waitFor();

      // A program renamed to .pdf, and a PDF stamped TỐI MẬT: refused, each with its reason.
      await picker.setInputFiles({ name: "giay-moi-hop.pdf", mimeType: "application/pdf", buffer: EXE_AS_PDF });
      await uploadRow(s, "giay-moi-hop.pdf").getByText(/^Tệp này là chương trình chạy được \(\.exe, script…\), không được phép tải lên\./).waitFor();
      await picker.setInputFiles(path.join(FIXTURES, "toi-mat.pdf"));
      await uploadRow(s, "toi-mat.pdf").getByText("Văn bản có dấu mật (TỐI MẬT) — không được lưu trên hệ thống nối mạng.").waitFor();
      await s.getByRole("status").filter({ hasText: "Tệp toi-mat.pdf bị từ chối" }).waitFor();
      // The browser logs the two refusals (415, 422) itself; nothing else may be logged.
      assert.deepEqual(staff.consoleErrors.filter((e) => !/status of (415|422)/.test(e)), [], "console errors while uploading");
      staff.consoleErrors.length = 0;
      await checkPage(s, "new document form with refused files", staff.consoleErrors);

      // Publishing is held while refused files are listed, and without the required fields.
      await s.getByRole("button", { name: "Đăng văn bản" }).click();
      await s.getByText("Hãy bỏ các tệp bị từ chối khỏi danh sách.").waitFor();
      await s.getByText("Hãy nhập thông tin này.").first().waitFor();
      await assertFocus(s, "@aria-invalid", "true", "focus goes to the first invalid field");
      await s.getByRole("button", { name: "Bỏ tệp giay-moi-hop.pdf" }).click();
      await s.getByRole("button", { name: "Bỏ tệp toi-mat.pdf" }).click();

      // Reorder: the DOCX up, then back down; the PDF stays first.
      const names = () => s.locator("li.doc-upload .doc-file-name").allInnerTexts();
      await s.getByRole("button", { name: "Đưa tệp huong-dan-thuc-hien.docx lên trên" }).click();
      assert.deepEqual(await names(), ["Tệp 1: huong-dan-thuc-hien.docx", "Tệp 2: nghi-quyet-57.pdf"]);
      await s.getByRole("button", { name: "Đưa tệp huong-dan-thuc-hien.docx xuống dưới" }).click();
      assert.deepEqual(await names(), ["Tệp 1: nghi-quyet-57.pdf", "Tệp 2: huong-dan-thuc-hien.docx"]);

      // The metadata: a number checked like the schema, then the real one.
      await s.getByLabel("Loại văn bản").selectOption({ label: "Nghị quyết" });
      await s.getByLabel("Số, ký hiệu").fill("57 NQ/TW!");
      await s.getByLabel("Cơ quan ban hành").fill("Bộ Chính trị");
      await s.getByLabel("Ngày ban hành").fill("2024-12-22");
      await s.getByLabel("Ngày hiệu lực (không bắt buộc)").fill("2024-12-22");
      await s.getByLabel("Trích yếu").fill(summary);
      await s.getByLabel("Từ khóa").fill("khoa học công nghệ, chuyển đổi số");
      await s.getByRole("button", { name: "Đăng văn bản" }).click();
      await s.getByText("Chỉ gồm chữ và số, ngăn cách bằng - / . hoặc dấu cách (ví dụ 57-NQ/TW).").waitFor();
      await s.getByLabel("Số, ký hiệu").fill("57-NQ/TW");
      await checkPage(s, "new document form filled", staff.consoleErrors);
      await s.getByRole("button", { name: "Đăng văn bản" }).click();
      await s.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
      documentUrl = new URL(s.url()).pathname;
      await s.getByRole("heading", { level: 1, name: "Nghị quyết số 57-NQ/TW" }).waitFor();
      await s.getByText("Đã đăng văn bản.", { exact: false }).waitFor();
      const facts = await s.locator(".doc-facts").innerText();
      for (const fact of ["57-NQ/TW", "Bộ Chính trị", "22/12/2024", "Trung ương", "Đảng ủy phường Điện Biên", "khoa học công nghệ, chuyển đổi số"]) assert.match(facts, new RegExp(fact.replace(/[/.]/g, "\\$&")));
      await checkPage(s, "the published document (staff)", staff.consoleErrors);

      // An edit: leaving with unsaved changes asks first; the saved change is version 2 in the history.
      await s.getByRole("link", { name: "Sửa văn bản" }).click();
      await s.getByRole("heading", { level: 1, name: "Sửa văn bản" }).waitFor();
      await s.getByLabel("Từ khóa").fill("khoa học công nghệ, chuyển đổi số, đổi mới sáng tạo");
      await checkPage(s, "edit document form", staff.consoleErrors);
      await s.getByRole("link", { name: "Về trang văn bản" }).click();
      const leave = s.getByRole("dialog", { name: "Rời trang khi chưa lưu?" });
      await leave.waitFor();
      await leave.getByRole("button", { name: "Hủy" }).click();
      await s.getByRole("heading", { level: 1, name: "Sửa văn bản" }).waitFor();
      await s.getByRole("button", { name: "Lưu thay đổi" }).click();
      await s.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
      await s.getByText("Đã lưu thay đổi của văn bản.").waitFor();
      await s.getByRole("button", { name: "Xem lịch sử thay đổi" }).click();
      await s.getByText("Đã đổi: từ khóa").waitFor();
      await s.getByText("Bản đăng đầu tiên.").waitFor();
      await checkPage(s, "the document's history (staff)", staff.consoleErrors);

      // A member of a sibling unit (a cell of Đảng ủy phường Kim Mã) with an account, prepared through the API.
      const session = await sessionOf(s);
      const headers = { "x-csrf-token": session.csrfToken };
      const district = session.grants.find((g) => g.role === "unit_admin")?.unit.id ?? "";
      const wards = (await (await s.request.get(`/api/units/${district}/children`)).json()) as { data: { id: string; name: string }[] };
      const kimMa = wards.data.find((u) => u.name === "Đảng ủy phường Kim Mã")?.id ?? "";
      const cells = (await (await s.request.get(`/api/units/${kimMa}/children`)).json()) as { data: { id: string }[] };
      siblingPhone = `09${String(Date.now()).slice(-8)}`;
      const created = await s.request.post("/api/members", { headers, data: { cellId: cells.data[0]?.id, fullName: "Trần Thị Thử", sex: "female", phone: siblingPhone } });
      assert.equal(created.status(), 201, await created.text());
      const memberId = ((await created.json()) as { data: { id: string } }).data.id;
      const code = await s.request.post(`/api/members/${memberId}/activation-code`, { headers });
      assert.equal(code.status(), 201, await code.text());
      siblingCode = ((await code.json()) as { data: { code: string } }).data.code;
    } finally {
      await staff.context.close();
    }

    try {
      // ---- a member of Chi bộ tổ dân phố số 1 (below Điện Biên) on a 360 px phone
      const { context, page, consoleErrors } = member;
      await context.addInitScript({ content: FAKE_VIETNAMESE_SPEECH });
      await logIn(page, "0900000001");
      await page.getByRole("heading", { level: 1, name: /Xin chào|Hello/ }).waitFor();
      await useVietnamese(page);
      // The service worker (the app shell and the viewer, nothing under /api) is installed before the network goes.
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));
      // The home card shows the newest three (the demo's, newer than the 57-NQ/TW of 22/12/2024 published above).
      await page.getByRole("region", { name: "Tài liệu cần đọc" }).getByRole("link").first().waitFor();

      await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Tài liệu" }).click();
      await page.getByRole("heading", { level: 1, name: "Văn bản – Tài liệu" }).waitFor();
      await page.getByRole("region", { name: "Trung ương" }).getByRole("link", { name: "Nghị quyết số 57-NQ/TW" }).waitFor();
      await checkPage(page, "document library", consoleErrors);

      // Search without diacritics, then by number and symbol.
      await page.getByLabel("Tìm văn bản").fill("nghi quyet 57");
      await page.getByLabel("Tìm văn bản").press("Enter");
      await page.waitForURL(/\/documents\/search\?q=nghi\+quyet\+57$/);
      await page.getByRole("heading", { level: 1, name: "Tìm văn bản" }).waitFor();
      const hit = page.locator("main li.doc-item").first();
      await hit.getByRole("link", { name: "Nghị quyết số 57-NQ/TW" }).waitFor();
      const marks = await hit.locator(".doc-summary mark").allInnerTexts();
      assert.ok(marks.includes("Nghị") && marks.includes("quyết"), `summary marks: ${marks.join(", ")}`);
      assert.match(await hit.locator(".doc-meta").innerText(), /Nghị quyết.*Bộ Chính trị.*Ban hành 22\/12\/2024/s);
      await checkPage(page, "document search", consoleErrors);

      await page.getByLabel("Tìm văn bản").fill("57-NQ");
      await page.getByLabel("Loại văn bản").selectOption({ label: "Nghị quyết" });
      await page.getByLabel("Năm ban hành").fill("2024");
      await page.getByRole("button", { name: "Tìm", exact: true }).click();
      await page.waitForURL(/q=57-NQ&type=resolution&year=2024$/);
      await page.locator("main li.doc-item").first().getByRole("link", { name: "Nghị quyết số 57-NQ/TW" }).waitFor();
      assert.equal(await page.getByLabel("Loại văn bản").inputValue(), "resolution", "the filters stay in the form");
      await checkPage(page, "document search by number", consoleErrors);

      // The document: bookmark it and write a private note on page 2.
      await page.locator("main li.doc-item").first().getByRole("link", { name: "Nghị quyết số 57-NQ/TW" }).click();
      await page.waitForURL(new RegExp(`${documentUrl}$`));
      await page.getByRole("heading", { level: 1, name: "Nghị quyết số 57-NQ/TW" }).waitFor();
      await page.getByText(summary).waitFor();
      await page.getByRole("button", { name: "Lưu dấu", exact: true }).click();
      await page.getByRole("status").filter({ hasText: "Đã lưu dấu văn bản." }).waitFor();
      await page.getByRole("button", { name: "Bỏ lưu dấu" }).waitFor();
      await page.getByLabel("Nội dung ghi chú").fill("Đọc kỹ đoạn về trí tuệ nhân tạo trước buổi sinh hoạt.");
      await page.getByLabel("Trang (không bắt buộc)").fill("2");
      await page.getByRole("button", { name: "Thêm ghi chú" }).click();
      await page.getByRole("status").filter({ hasText: "Đã thêm ghi chú." }).waitFor();
      const note = page.locator("li.doc-note");
      await note.getByText("Trang 2").waitFor();
      await note.getByText("Đọc kỹ đoạn về trí tuệ nhân tạo trước buổi sinh hoạt.").waitFor();
      await checkPage(page, "document page", consoleErrors);

      // Read aloud (a stand-in Vietnamese voice): the name, the summary, then the files' text.
      const listen = page.getByRole("region", { name: "Nghe đọc văn bản" });
      await listen.getByRole("button", { name: "Đọc to" }).click();
      await listen.getByRole("status").filter({ hasText: "Đang đọc to…" }).waitFor();
      const spoken = () => page.evaluate(() => (window as unknown as { __speech: { spoken: string[] } }).__speech.spoken);
      assert.deepEqual(await spoken(), ["Nghị quyết số 57-NQ/TW"]);
      await page.evaluate(() => (window as unknown as { __speech: { endCurrent: () => void } }).__speech.endCurrent());
      assert.match((await spoken())[1] ?? "", /^Nghị quyết của Bộ Chính trị về đột phá/);
      await listen.getByRole("button", { name: "Dừng đọc" }).click();
      await listen.getByRole("button", { name: "Đọc to" }).waitFor();

      // The viewer: pdf.js pages with their text layer; page 2 by the page jump; search inside.
      await page.getByRole("link", { name: "Xem tệp nghi-quyet-57.pdf" }).click();
      await page.waitForURL(new RegExp(`${documentUrl}/files/1$`));
      await page.getByRole("heading", { level: 1, name: "nghi-quyet-57.pdf" }).waitFor();
      await page.locator('.pdf-page[data-page="1"] .textLayer span', { hasText: "NGHỊ QUYẾT" }).first().waitFor();
      await page.getByText("Đang xem trang 1 / 2").waitFor();
      await checkPage(page, "PDF viewer", consoleErrors);

      await page.getByLabel("Trang", { exact: true }).fill("2");
      await page.getByRole("button", { name: "Đến trang" }).click();
      await page.getByText("Đang xem trang 2 / 2").waitFor();
      await page.locator('.pdf-page[data-page="2"] .textLayer span', { hasText: "Trang hai" }).first().waitFor();
      await assertFocus(page, "textContent", "Trang 2 / 2", "focus on page 2's heading");

      const find = page.getByLabel("Tìm trong văn bản");
      await find.fill("chuyen doi so");
      await find.press("Enter");
      await page.getByRole("status").filter({ hasText: "Kết quả 1 / 2, ở trang 1" }).waitFor();
      await page.getByText("Đang xem trang 1 / 2").waitFor();
      await page.locator('.pdf-page[data-page="1"] .textLayer .pdf-hit').first().waitFor();
      await page.getByRole("button", { name: "Kết quả sau" }).click();
      await page.getByRole("status").filter({ hasText: "Kết quả 2 / 2, ở trang 1" }).waitFor();
      await find.fill("tri tue nhan tao");
      await find.press("Enter");
      await page.getByRole("status").filter({ hasText: "Kết quả 1 / 1, ở trang 2" }).waitFor();
      await page.locator('.pdf-page[data-page="2"] .textLayer .pdf-hit').first().waitFor();
      await checkPage(page, "PDF viewer, searching", consoleErrors);

      // The text view: every page as text, the result marked.
      await page.getByRole("button", { name: "Xem dạng chữ (dễ đọc trên điện thoại)" }).click();
      await page.getByRole("heading", { level: 2, name: "Trang 2", exact: true }).waitFor();
      assert.match(await page.locator(".text-page-body mark.current").innerText(), /trí tuệ nhân tạo/i);
      await checkPage(page, "PDF as text", consoleErrors);
      await page.getByRole("button", { name: "Xem bản gốc" }).click();

      // Large text: the viewer and the document page still fit the phone.
      const viewerUrl = new URL(page.url()).pathname;
      await page.goto("/me");
      await page.getByRole("checkbox", { name: "Chữ lớn" }).check();
      await page.waitForLoadState("networkidle");
      await page.goto(viewerUrl);
      await page.locator('.pdf-page[data-page="1"] .textLayer span', { hasText: "NGHỊ QUYẾT" }).first().waitFor();
      assert.ok(await page.locator("html.large-text").count(), "large-text mode is on");
      await checkPage(page, "PDF viewer, large text", consoleErrors);
      await page.goto(documentUrl);
      await page.locator("li.doc-note").waitFor();
      await checkPage(page, "document page, large text", consoleErrors);
      await page.goto("/me");
      await page.getByRole("checkbox", { name: "Chữ lớn" }).uncheck();
      await page.waitForLoadState("networkidle");

      // The DOCX as the server's preview.
      await page.goto(`${documentUrl}/files/2`);
      await page.getByRole("heading", { level: 1, name: "huong-dan-thuc-hien.docx" }).waitFor();
      await page.locator(".doc-preview", { hasText: "Các chi bộ tổ chức học tập, quán triệt nghị quyết trong quý I." }).waitFor();
      await checkPage(page, "DOCX preview", consoleErrors);

      // Saved for offline reading: the files, their text and the preview go to the device.
      await page.goto(documentUrl);
      await page.getByRole("button", { name: "Lưu để đọc khi không có mạng" }).click();
      await page.getByRole("status").filter({ hasText: "Đã lưu văn bản để đọc khi không có mạng." }).waitFor();
      await page.getByText(/^Đã lưu trên máy này \(bản lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\)\.$/).waitFor();
      await checkPage(page, "document saved for offline reading", consoleErrors);

      await page.goto("/documents/bookmarks");
      await page.getByRole("heading", { level: 1, name: "Văn bản đã lưu dấu" }).waitFor();
      await page.getByRole("link", { name: "Nghị quyết số 57-NQ/TW" }).waitFor();
      await checkPage(page, "bookmarked documents", consoleErrors);
      await page.goto("/documents/saved");
      await page.getByText(/^Đã lưu 1 văn bản, chiếm [\d,.]+ (KB|MB) trên máy này\.$/).waitFor();
      await checkPage(page, "saved documents", consoleErrors);

      // ---- no network: the document and its PDF open from the device
      const pushError = consoleErrors.push.bind(consoleErrors);
      Object.defineProperty(consoleErrors, "push", { value: (...messages: string[]) => pushError(...messages.filter((m) => !offlineNoise(m))), configurable: true, enumerable: false });
      await context.setOffline(true);
      await page.goto(documentUrl);
      await page.getByRole("heading", { level: 1, name: "Nghị quyết số 57-NQ/TW" }).waitFor();
      await page.getByText(/^Bản đã lưu lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} — đang không có mạng$/).waitFor();
      await checkPage(page, "saved document without network", consoleErrors);
      await page.getByRole("link", { name: "Xem tệp nghi-quyet-57.pdf" }).click();
      await page.getByRole("heading", { level: 1, name: "nghi-quyet-57.pdf" }).waitFor();
      await page.locator('.pdf-page[data-page="1"] .textLayer span', { hasText: "NGHỊ QUYẾT" }).first().waitFor();
      await page.getByText("Đang xem trang 1 / 2").waitFor();
      await checkPage(page, "saved PDF without network", consoleErrors);
      await page.reload();
      await page.locator('.pdf-page[data-page="1"] .textLayer span', { hasText: "NGHỊ QUYẾT" }).first().waitFor();
      await page.goto(`${documentUrl}/files/2`);
      await page.locator(".doc-preview", { hasText: "Các chi bộ tổ chức học tập" }).waitFor();
      await checkPage(page, "saved DOCX without network", consoleErrors);
      await context.setOffline(false);
      delete (consoleErrors as { push?: unknown }).push;
    } finally {
      await member.context.close();
    }

    try {
      // ---- a member of a sibling ward's cell: the document does not exist for them
      const { page, consoleErrors } = sibling;
      await page.goto("/activate");
      await page.getByLabel("Số điện thoại, số thẻ đảng viên hoặc email").fill(siblingPhone);
      await page.getByLabel("Mã kích hoạt (8 chữ số)").fill(siblingCode);
      await page.getByLabel("Mật khẩu mới", { exact: true }).fill("một câu mật khẩu dễ nhớ");
      await page.getByLabel("Nhập lại mật khẩu mới").fill("một câu mật khẩu dễ nhớ");
      await page.getByRole("button", { name: "Kích hoạt và đăng nhập" }).click();
      await page.getByRole("heading", { level: 1, name: /Xin chào/ }).waitFor();
      const search = (await (await page.request.get("/api/documents?q=57-NQ")).json()) as { data: unknown[] };
      assert.deepEqual(search.data, [], "the sibling's search finds nothing");
      for (const url of [documentUrl, `${documentUrl}/files/1`]) {
        await page.goto(url);
        await page.getByRole("heading", { level: 1, name: "Không tìm thấy trang" }).waitFor();
        await page.waitForLoadState("networkidle");
        // The browser logs the API's 404 itself; nothing else may be logged.
        assert.deepEqual(consoleErrors.filter((e) => !/status of 404/.test(e)), [], `console errors on ${url}`);
        consoleErrors.length = 0;
        await checkPage(page, "another unit's document", consoleErrors);
      }
    } finally {
      await sibling.context.close();
    }
  });
});
