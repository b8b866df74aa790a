import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DESKTOP, PHONE, newContext } from "../browser";
import { checkPage, e2e, logIn, passSecondFactor, useVietnamese } from "../helpers";
import { COVER_PNG, onePagePdf } from "../samples";

const ATTACHMENT_PDF = onePagePdf("Ke hoach hoc tap nghi quyet");

/**
 * Pastes HTML into the focused rich text editor the way a browser does (a paste event carrying
 * text/html). Plain JavaScript in a string, like FAKE_VIETNAMESE_SPEECH.
 */
const pasteHtml = (html: string) => `(() => {
  const target = document.querySelector(".rte-content");
  const data = new DataTransfer();
  data.setData("text/html", ${JSON.stringify(html)});
  data.setData("text/plain", "Dán vào");
  target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
})()`;

describe("the news desk: an editor and an approver", () => {
  it("writes with a heading, a bold word and a cover; is returned, fixes and resubmits; is approved; the member reads it; pasted hostile HTML never runs", async () => {
    const editor = await newContext(e2e.browser, e2e.server.baseUrl, PHONE);
    const approver = await newContext(e2e.browser, e2e.server.baseUrl, DESKTOP);
    const title = `Hội nghị quán triệt nghị quyết ${Date.now() % 100_000}`;
    const reason = "Cần bổ sung số liệu đảng viên tham dự.";
    let articleUrl = "";
    try {
      // ---- the editor (Quận ủy Ba Đình) on a 360 px phone: the desk is under Cá nhân → Quản trị
      const e = editor.page;
      await logIn(e, "0900000004");
      await passSecondFactor(e, "0900000004");
      await e.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Cá nhân" }).click();
      await e.getByRole("link", { name: "Tin bài" }).click();
      await e.getByRole("heading", { level: 1, name: "Tin bài" }).waitFor();
      await checkPage(e, "news desk (editor)", editor.consoleErrors);

      // A draft with hostile HTML pasted into the editor: nothing runs, nothing of it is saved, then it is deleted.
      await e.getByRole("link", { name: "Viết bài mới" }).first().click();
      await e.getByRole("heading", { level: 1, name: "Viết bài mới" }).waitFor();
      await e.getByLabel("Tiêu đề", { exact: true }).fill("Bản nháp thử dán");
      // Leaving with unsaved changes asks first; staying keeps what was typed.
      await e.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Cá nhân" }).click();
      const leave = e.getByRole("dialog", { name: "Rời trang khi chưa lưu?" });
      await leave.waitFor();
      await leave.getByRole("button", { name: "Hủy" }).click();
      await e.getByRole("heading", { level: 1, name: "Viết bài mới" }).waitFor();
      assert.equal(await e.getByLabel("Tiêu đề", { exact: true }).inputValue(), "Bản nháp thử dán");
      const body = e.getByRole("textbox", { name: "Nội dung bài" });
      await body.click();
      await e.evaluate(pasteHtml('<p>Dán vào<img src="x" onerror="window.__pwned=1"><img src="/api/files/00000000-0000-4000-8000-000000000000" onerror="window.__pwned=4"></p><script>window.__pwned=2</script><a href="javascript:window.__pwned=3">bấm</a><p style="color:red" onclick="window.__pwned=5">hết</p>'));
      await body.getByText("hết").waitFor();
      // What is left in the editor: the text, and the picture from this server without its handler (it loads nothing: 404).
      assert.deepEqual(await e.locator(".rte-content script, .rte-content [onerror], .rte-content [onclick], .rte-content [style], .rte-content img[src='x'], .rte-content a").evaluateAll((els) => els.map((el) => el.outerHTML)), []);
      const created = e.waitForResponse((r) => r.url().endsWith("/api/articles") && r.request().method() === "POST");
      await e.getByRole("button", { name: "Lưu bản nháp" }).click();
      const draft = (await (await created).json()) as { data: { id: string; working: { bodyHtml: string } } };
      await e.getByText("Đã lưu bản nháp.").waitFor();
      const saved = draft.data.working.bodyHtml;
      assert.match(saved, /Dán vào/);
      assert.doesNotMatch(saved, /onerror|onclick|<script|javascript:|src="x"|style=/i, `saved body: ${saved}`);
      assert.equal(await e.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined, "pasted script ran");
      await e.getByRole("button", { name: "Xóa bản nháp" }).click();
      await e.getByRole("dialog").getByRole("button", { name: "Xóa", exact: true }).click();
      await e.getByText("Đã xóa bản nháp.").waitFor();
      assert.equal((await e.request.get(`/api/articles/${draft.data.id}`)).status(), 404);
      // The picture pasted with a path of this server points at no file: its 404s are the only console errors allowed here.
      await e.waitForLoadState("networkidle");
      assert.deepEqual(editor.consoleErrors.filter((m) => !/status of 404/.test(m)), [], "console errors after the paste");
      editor.consoleErrors.length = 0;
      await checkPage(e, "channel desk after deleting a draft", editor.consoleErrors);

      // The article: own channel preselected, proposals to the city offered; heading, bold word, cover with its description.
      await e.getByRole("link", { name: "Viết bài mới" }).first().click();
      await e.getByRole("heading", { level: 1, name: "Viết bài mới" }).waitFor();
      const channel = e.getByLabel("Kênh đăng");
      assert.equal(await channel.locator("option:checked").innerText(), "Quận ủy Ba Đình");
      await channel.locator("option", { hasText: "Đề xuất lên Thành ủy Hà Nội" }).waitFor({ state: "attached" });
      await e.getByLabel("Tiêu đề", { exact: true }).fill(title);
      await e.getByLabel("Tóm tắt").fill("Đảng bộ quận quán triệt nghị quyết đến từng chi bộ.");
      await e.getByLabel("Từ khóa").fill("nghị quyết, học tập");
      await e.getByLabel("Nguồn, tác giả").fill("Ban Tuyên giáo Quận ủy");
      await e.getByLabel("Chọn ảnh đại diện").setInputFiles({ name: "hoi-nghi.png", mimeType: "image/png", buffer: COVER_PNG });
      await e.getByText("Đã tải ảnh lên.").waitFor();
      await e.getByLabel("Mô tả ảnh").fill("Hội trường Quận ủy trong buổi hội nghị");
      // An attachment: uploaded at once after the not-classified confirmation, checked by content like a document.
      const attachments = e.getByRole("group", { name: "Tệp đính kèm" });
      await attachments.getByRole("checkbox", { name: "Tôi xác nhận văn bản này không chứa bí mật nhà nước" }).check();
      await attachments.getByLabel("Chọn tệp").setInputFiles({ name: "ke-hoach-hoc-tap.pdf", mimeType: "application/pdf", buffer: ATTACHMENT_PDF });
      await attachments.getByText(/PDF · [\d,.]+ (B|KB) · Đã tải lên/).waitFor();
      const toolbar = e.getByRole("toolbar", { name: "Định dạng văn bản" });
      await body.click();
      await toolbar.getByRole("button", { name: "Tiêu đề mục" }).click();
      assert.equal(await toolbar.getByRole("button", { name: "Tiêu đề mục" }).getAttribute("aria-pressed"), "true");
      await e.keyboard.type("Nội dung chính");
      await e.keyboard.press("Enter");
      await e.keyboard.type("Các chi bộ cần ");
      await toolbar.getByRole("button", { name: "In đậm" }).click();
      await e.keyboard.type("khẩn trương");
      assert.equal(await toolbar.getByRole("button", { name: "In đậm" }).getAttribute("aria-pressed"), "true");
      await e.keyboard.press("Control+b");
      await e.keyboard.type(" tổ chức học tập.");
      // The toolbar is one tab stop; arrow keys move along it.
      await toolbar.getByRole("button", { name: "Tiêu đề mục" }).focus();
      await e.keyboard.press("ArrowRight");
      assert.ok(await toolbar.getByRole("button", { name: "Tiêu đề nhỏ" }).evaluate((el) => el === document.activeElement), "ArrowRight moves to the next button");
      assert.equal(await toolbar.locator('button[tabindex="0"]').count(), 1);
      await checkPage(e, "article form with the editor", editor.consoleErrors);

      await e.getByRole("button", { name: "Gửi duyệt" }).click();
      const submit = e.getByRole("dialog", { name: "Gửi bài cho người duyệt?" });
      await checkPage(e, "submit confirmation", editor.consoleErrors);
      await submit.getByRole("button", { name: "Gửi duyệt" }).click();
      await e.getByText("Đã gửi bài cho người duyệt tin.").waitFor();
      await e.waitForURL(/\/admin\/news\/[0-9a-f-]{36}$/);
      const deskUrl = e.url();
      const articleId = deskUrl.split("/").at(-1)!;
      articleUrl = `/news/${articleId}`;
      assert.equal(await e.locator(".status-panel .badge-status").innerText(), "Chờ duyệt");
      await checkPage(e, "article desk page (submitted)", editor.consoleErrors);

      // ---- the approver (same district), on a desktop: the queue, the submitted version, return with a reason
      const a = approver.page;
      await logIn(a, "0900000005");
      await passSecondFactor(a, "0900000005");
      await a.getByRole("navigation", { name: "Quản trị" }).getByRole("link", { name: "Tin bài" }).click();
      await a.getByRole("heading", { level: 1, name: "Tin bài" }).waitFor();
      await a.getByRole("region", { name: "Bài chờ duyệt" }).getByRole("link", { name: title }).click();
      await a.getByRole("heading", { level: 1, name: title }).waitFor();
      const preview = a.locator(".article-preview .article-body");
      assert.equal(await preview.locator("h2").innerText(), "Nội dung chính");
      assert.equal(await preview.locator("strong").innerText(), "khẩn trương");
      assert.ok(await a.locator(".article-preview .article-cover img[srcset][alt='Hội trường Quận ủy trong buổi hội nghị']").count());
      await checkPage(a, "review page", approver.consoleErrors);
      await a.getByRole("button", { name: "Trả lại" }).click();
      const returning = a.getByRole("dialog", { name: "Trả lại bài" });
      await returning.getByRole("button", { name: "Trả lại" }).click();
      await returning.getByText("Hãy ghi lý do.").waitFor();
      await returning.getByLabel("Lý do trả lại").fill(reason);
      await checkPage(a, "return dialog", approver.consoleErrors);
      await returning.getByRole("button", { name: "Trả lại" }).click();
      await a.getByText("Đã trả lại bài cho biên tập viên.").waitFor();

      // ---- the editor sees the reason, fixes the text and sends it again
      await e.reload();
      await e.getByText("Người duyệt trả lại bài, lý do:").waitFor();
      await e.getByText(reason).waitFor();
      assert.equal(await e.locator(".status-panel .badge-status").innerText(), "Bị trả lại");
      await checkPage(e, "returned article", editor.consoleErrors);
      await e.getByRole("link", { name: "Sửa bài" }).click();
      await e.getByRole("heading", { level: 1, name: "Sửa bài" }).waitFor();
      await e.getByRole("textbox", { name: "Nội dung bài" }).click();
      await e.keyboard.press("Control+End");
      await e.keyboard.type(" Có 120 đảng viên tham dự.");
      await e.getByRole("button", { name: "Gửi duyệt" }).click();
      await e.getByRole("dialog", { name: "Gửi bài cho người duyệt?" }).getByRole("button", { name: "Gửi duyệt" }).click();
      await e.getByText("Đã gửi bài cho người duyệt tin.").waitFor();

      // ---- the approver: a publication time in the past is refused on its field; then publish now
      await a.goto("/admin/news/review");
      await a.getByRole("heading", { level: 1, name: "Bài chờ duyệt" }).waitFor();
      await checkPage(a, "review queue", approver.consoleErrors);
      await a.getByRole("link", { name: title }).click();
      await a.getByRole("heading", { level: 1, name: title }).waitFor();
      await a.locator(".article-preview .article-body", { hasText: "Có 120 đảng viên tham dự." }).waitFor();
      await a.getByRole("radio", { name: "Hẹn giờ đăng" }).check();
      await a.getByLabel("Đăng lúc").fill("2020-01-01T08:00");
      await a.getByRole("button", { name: "Duyệt và hẹn giờ" }).click();
      await a.getByText("Thời điểm đăng đã qua. Hãy chọn một thời điểm sắp tới.").waitFor();
      assert.equal(await a.getByLabel("Đăng lúc").getAttribute("aria-invalid"), "true");
      // The browser logs the API's 400 itself; nothing else may be logged.
      assert.deepEqual(approver.consoleErrors.filter((m) => !/status of 400/.test(m)), [], "console errors on the refused approval");
      approver.consoleErrors.length = 0;
      await checkPage(a, "approval with a time in the past", approver.consoleErrors);
      await a.getByRole("radio", { name: "Đăng ngay khi duyệt" }).check();
      await a.getByRole("button", { name: "Duyệt và đăng" }).click();
      await a.getByText("Đã duyệt bài.").waitFor();
      assert.equal(await a.locator(".status-panel .badge-status").innerText(), "Đã đăng");

      // ---- the editor opens a new revision of the live article: the published one stays, the changes are marked
      await e.goto(deskUrl);
      await e.getByRole("link", { name: "Sửa bài (tạo bản sửa mới)" }).click();
      await e.getByRole("heading", { level: 1, name: "Sửa bài" }).waitFor();
      await e.getByLabel("Tiêu đề", { exact: true }).fill(`${title} (cập nhật)`);
      await e.getByRole("button", { name: "Lưu bản nháp" }).click();
      await e.getByText("Đã lưu bản nháp.").waitFor();
      await e.getByText(/Bản đã đăng vẫn hiển thị với đảng viên/).waitFor();
      await e.goto(deskUrl);
      const changes = e.getByRole("region", { name: /Thay đổi so với bản đang đăng/ });
      assert.match(await changes.locator(".diff-text ins").first().innerText(), /cập nhật/);
      await checkPage(e, "article desk with a revision of a live article", editor.consoleErrors);
      await e.getByRole("link", { name: "Lịch sử sửa đổi" }).click();
      await e.getByRole("heading", { level: 1, name: "Lịch sử sửa đổi" }).waitFor();
      await e.getByRole("button", { name: "Xem thay đổi so với lần 1" }).click();
      await e.locator(".revision-diff .diff-text ins", { hasText: "cập nhật" }).waitFor();
      await checkPage(e, "revision history with changes", editor.consoleErrors);

      // The channel's desk: the article in the list and in this month's calendar.
      await e.goto("/admin/news");
      await e.getByRole("link", { name: /Quận ủy Ba Đình/ }).click();
      await e.getByRole("heading", { level: 1, name: "Tin bài: Quận ủy Ba Đình" }).waitFor();
      await e.getByRole("region", { name: "Lịch đăng tin" }).getByRole("link", { name: title }).waitFor();
      await checkPage(e, "channel desk", editor.consoleErrors);

      // Large text: the form with its editor still fits the phone.
      await e.goto("/me");
      await e.getByRole("checkbox", { name: "Chữ lớn" }).check();
      await e.waitForLoadState("networkidle");
      await e.goto("/admin/news/new");
      await e.getByRole("toolbar", { name: "Định dạng văn bản" }).waitFor();
      await checkPage(e, "article form, large text", editor.consoleErrors);
      await e.goto("/me");
      await e.getByRole("checkbox", { name: "Chữ lớn" }).uncheck();
      await e.waitForLoadState("networkidle");
    } finally {
      await editor.context.close();
      await approver.context.close();
    }

    // ---- the member (a cell in the district) reads it in the feed, with its cover; the live version is the approved one
    const member = await newContext(e2e.browser, e2e.server.baseUrl, PHONE);
    try {
      const { page, consoleErrors } = member;
      await logIn(page, "0900000001");
      await page.getByRole("heading", { level: 1, name: /Xin chào|Hello/ }).waitFor();
      await useVietnamese(page);
      await page.goto("/news");
      const item = page.locator("main li.news-item", { has: page.getByRole("link", { name: title, exact: true }) });
      await item.waitFor();
      const thumb = item.locator("img.news-item-cover");
      assert.equal(await thumb.getAttribute("alt"), "Hội trường Quận ủy trong buổi hội nghị");
      assert.match((await thumb.getAttribute("srcset")) ?? "", /^\/api\/files\/[0-9a-f-]+ \d+w/);
      assert.ok(await thumb.getAttribute("sizes"));
      await checkPage(page, "news feed with a cover", consoleErrors);
      await item.getByRole("link", { name: title, exact: true }).click();
      await page.waitForURL(new RegExp(`${articleUrl}$`));
      await page.getByRole("heading", { level: 1, name: title, exact: true }).waitFor();
      const cover = page.locator(".article-cover img");
      assert.equal(await cover.getAttribute("alt"), "Hội trường Quận ủy trong buổi hội nghị");
      assert.ok(await cover.evaluate((img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0), "the cover loads");
      assert.equal(await page.locator(".article-body h2").innerText(), "Nội dung chính");
      assert.equal(await page.locator(".article-body strong").innerText(), "khẩn trương");
      await page.locator(".article-body", { hasText: "Có 120 đảng viên tham dự." }).waitFor();
      // The attachment downloads for the member, as the PDF it was.
      const attached = page.getByRole("link", { name: /^Tải ke-hoach-hoc-tap\.pdf \(PDF, / });
      const download = await page.request.get((await attached.getAttribute("href"))!);
      assert.equal(download.status(), 200);
      assert.equal(download.headers()["content-type"], "application/pdf");
      assert.ok((await download.body()).equals(ATTACHMENT_PDF));
      await checkPage(page, "article with a cover", consoleErrors);
    } finally {
      await member.context.close();
    }
  });
});
