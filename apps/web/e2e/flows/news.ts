import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { BrowserContext, Page } from "playwright-core";
import { DESKTOP, PHONE, newContext } from "../browser";
import { FAKE_VIETNAMESE_SPEECH, assertFocus, checkPage, e2e, logIn, passSecondFactor, useVietnamese } from "../helpers";
import { BODY_PNG, COVER_PNG, onePagePdf } from "../samples";

interface StaffSession {
  context: BrowserContext;
  page: Page;
  /** The unit of the account's editor grant (its news channel). */
  unitId: string;
  call: <T>(method: "post" | "put", path: string, body?: unknown, contentType?: string) => Promise<T>;
}

/** A staff account logged in (second factor included) on a desktop, calling the API with its session and CSRF token. */
async function staffSession(identifier: string): Promise<StaffSession> {
  const { context, page } = await newContext(e2e.browser, e2e.server.baseUrl, DESKTOP);
  await logIn(page, identifier);
  await passSecondFactor(page, identifier);
  const session = (await (await page.request.get("/api/auth/session")).json()) as { data: { csrfToken: string; grants: { role: string; unit: { id: string } }[] } };
  const call = async <T>(method: "post" | "put", path: string, body?: unknown, contentType?: string): Promise<T> => {
    const headers: Record<string, string> = { "x-csrf-token": session.data.csrfToken };
    if (contentType) headers["content-type"] = contentType;
    const response = await page.request[method](`/api${path}`, { headers, data: body });
    assert.ok(response.ok(), `${method.toUpperCase()} ${path}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return { context, page, unitId: session.data.grants.find((g) => g.role === "editor")?.unit.id ?? "", call };
}

type Image = { id: string; variants: { url: string }[] };

/** The PDF attached to the article saved for offline reading. */
const ATTACHMENT_NAME = "phu-luc-doc-khi-mat-mang.pdf";
const ATTACHMENT_PDF = onePagePdf("Phu luc doc khi mat mang");

/** What the browser logs by itself for each request that fails while the network is off. */
const offlineNoise = (message: string) => /net::ERR_INTERNET_DISCONNECTED/.test(message);

/** The accounts whose articles the device holds (plain JavaScript in a string). */
const SAVED_ACCOUNTS = `new Promise((resolve, reject) => {
  const open = indexedDB.open("sotay-saved-articles");
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const keys = db.transaction("articles").objectStore("articles").getAllKeys();
    keys.onsuccess = () => { db.close(); resolve([...new Set(keys.result.map((k) => k[0]))]); };
    keys.onerror = () => reject(keys.error);
  };
})`;

/** Articles and pictures saved on the device, for every account (plain JavaScript in a string, like FAKE_VIETNAMESE_SPEECH). */
const SAVED_ROWS = `new Promise((resolve, reject) => {
  const open = indexedDB.open("sotay-saved-articles");
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    if (!db.objectStoreNames.contains("articles")) { db.close(); resolve(0); return; }
    const tx = db.transaction(["articles", "files"]);
    const a = tx.objectStore("articles").count();
    const f = tx.objectStore("files").count();
    tx.oncomplete = () => { db.close(); resolve(a.result + f.result); };
    tx.onerror = () => reject(tx.error);
  };
})`;

describe("a member reading the news on a 360 px phone", () => {
  it("sees pinned guidance first, opens an article that becomes read, listens to it, shares it and finds “Nghị quyết” typed without diacritics", async () => {
    const { context, page, consoleErrors } = await newContext(e2e.browser, e2e.server.baseUrl, PHONE);
    try {
      await logIn(page, "0900000001");
      await page.getByRole("heading", { level: 1, name: /Xin chào|Hello/ }).waitFor();
      await useVietnamese(page);

      // The home page's news card starts with the pinned guidance.
      const homeNews = page.getByRole("region", { name: "Tin mới" });
      await homeNews.locator("li.news-item").first().waitFor();
      assert.match(await homeNews.locator("li.news-item").first().innerText(), /Thông tin định hướng/);

      await page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Tin tức" }).click();
      await page.waitForURL(/\/news$/);
      await page.getByRole("heading", { level: 1, name: "Tin tức" }).waitFor();
      await page.locator("main li.news-item").first().waitFor();
      // Guidance first, under its own heading and marked in words; then the rest of the feed.
      assert.deepEqual(await page.locator("main h2").allInnerTexts(), ["Thông tin định hướng", "Tin mới"]);
      const guidance = page.getByRole("region", { name: "Thông tin định hướng" }).locator("li.news-item");
      assert.equal(await guidance.count(), 1);
      assert.equal(await guidance.locator(".badge-guidance").innerText(), "Thông tin định hướng");
      await checkPage(page, "news feed", consoleErrors);

      // The level filter: only the cell's own channel.
      await page.getByLabel("Cấp đăng tin").selectOption("cell");
      await page.waitForURL(/level=cell/);
      await page.getByRole("heading", { level: 2, name: "Tin theo bộ lọc" }).waitFor();
      await page.locator("main li.news-item").first().waitFor();
      for (const meta of await page.locator("main li.news-item .news-meta").allInnerTexts()) assert.match(meta, /Chi bộ tổ dân phố số 1 \(Chi bộ\)/);
      await page.getByLabel("Cấp đăng tin").selectOption("");
      await page.getByRole("heading", { level: 2, name: "Tin mới" }).waitFor();

      // Open the newest unread article of the feed: it is marked read once.
      const feed = page.getByRole("region", { name: "Tin mới" });
      const first = feed.locator("li.news-item").first();
      await first.waitFor();
      assert.doesNotMatch(await first.innerText(), /Đã đọc/);
      const title = (await first.locator("h3").innerText()).trim();
      const read = page.waitForResponse((r) => /\/api\/articles\/[0-9a-f-]+\/read$/.test(r.url()) && r.request().method() === "POST");
      await first.getByRole("link", { name: title }).click();
      await page.waitForURL(/\/news\/[0-9a-f-]{36}$/);
      await page.getByRole("heading", { level: 1, name: title }).waitFor();
      assert.equal((await read).status(), 200);
      const articleUrl = page.url();
      await checkPage(page, "article", consoleErrors);

      // Read aloud with the browser's own voices: a Vietnamese voice reads, else the page says there is none.
      const listen = page.getByRole("region", { name: "Nghe đọc bài" });
      const noVoice = listen.getByText(/Thiết bị này chưa có giọng đọc tiếng Việt/);
      await noVoice.or(listen.getByRole("button", { name: "Đọc to" })).waitFor();
      if (await noVoice.isVisible()) {
        assert.equal(await listen.getByRole("button", { name: "Đọc to" }).count(), 0, "no play button without a Vietnamese voice");
      } else {
        await listen.getByRole("button", { name: "Đọc to" }).click();
        await listen.getByRole("status").filter({ hasText: /Đang đọc to|Đã đọc xong/ }).waitFor();
        await listen.getByRole("button", { name: /Tạm dừng|Đọc to/ }).waitFor();
        if (await listen.getByRole("button", { name: "Dừng đọc" }).isEnabled()) await listen.getByRole("button", { name: "Dừng đọc" }).click();
      }

      // The same page with a Vietnamese voice: the title first, then the body as rendered; pause, resume, stop.
      await context.addInitScript({ content: FAKE_VIETNAMESE_SPEECH });
      await page.reload();
      await page.getByRole("heading", { level: 1, name: title }).waitFor();
      await listen.getByRole("button", { name: "Đọc to" }).click();
      await listen.getByRole("status").filter({ hasText: "Đang đọc to…" }).waitFor();
      const spoken = () => page.evaluate(() => (window as unknown as { __speech: { spoken: string[] } }).__speech.spoken);
      assert.deepEqual(await spoken(), [title]);
      await page.evaluate(() => (window as unknown as { __speech: { endCurrent: () => void } }).__speech.endCurrent());
      const firstParagraph = (await page.locator(".article-body p").first().innerText()).trim();
      assert.ok(firstParagraph.startsWith((await spoken())[1]?.slice(0, 40) ?? "?"), "the body is read after the title");
      await listen.getByRole("button", { name: "Tạm dừng" }).click();
      await listen.getByRole("status").filter({ hasText: "Đã tạm dừng." }).waitFor();
      await listen.getByRole("button", { name: "Đọc tiếp" }).click();
      await listen.getByRole("status").filter({ hasText: "Đang đọc to…" }).waitFor();
      await listen.getByRole("button", { name: "Dừng đọc" }).click();
      await listen.getByRole("button", { name: "Đọc to" }).waitFor();
      await assertFocus(page, "textContent", "Đọc to", "focus stays on the listen button");
      await checkPage(page, "article with a Vietnamese voice", consoleErrors);

      // Share: the in-app link goes to the clipboard (no share sheet in desktop Chromium on Linux).
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: e2e.server.baseUrl });
      await page.getByRole("button", { name: "Chia sẻ liên kết" }).click();
      const shared = page.getByRole("status").filter({ hasText: /Đã chép liên kết|Đã chia sẻ liên kết/ });
      await shared.waitFor();
      if (/Đã chép/.test(await shared.innerText())) assert.equal(await page.evaluate(() => navigator.clipboard.readText()), articleUrl);

      // Back in the feed, the article carries "Đã đọc".
      await page.getByRole("link", { name: "Về trang Tin tức" }).click();
      await page.waitForURL(/\/news$/);
      await feed.locator("li.news-item", { hasText: title }).getByText("Đã đọc").waitFor();

      // Search without diacritics: "nghi quyet" finds "Nghị quyết", marked.
      await page.getByLabel("Tìm tin, bài").fill("nghi quyet");
      await page.getByLabel("Tìm tin, bài").press("Enter");
      await page.waitForURL(/\/news\/search\?q=nghi\+quyet$/);
      await page.getByRole("heading", { level: 1, name: "Tìm tin, bài" }).waitFor();
      const hit = page.locator("main li.news-item").first();
      await hit.waitFor();
      const marks = await hit.locator("h3 mark").allInnerTexts();
      assert.ok(marks.includes("Nghị") && marks.includes("quyết"), `title marks: ${marks.join(", ")}`);
      assert.match(await hit.locator("h3").innerText(), /Nghị quyết/);
      await checkPage(page, "news search", consoleErrors);

      await page.getByLabel("Tìm tin, bài").fill("xyzzy");
      await page.getByRole("button", { name: "Tìm", exact: true }).click();
      await page.getByText("Không tìm thấy tin, bài nào có “xyzzy”", { exact: false }).waitFor();
      await checkPage(page, "news search without results", consoleErrors);

      // An unknown article: the app's "not found" page.
      await page.goto("/news/00000000-0000-4000-8000-000000000000");
      await page.getByRole("heading", { level: 1, name: "Không tìm thấy trang" }).waitFor();
      await page.waitForLoadState("networkidle");
      // The browser logs the API's 404 itself; nothing else may be logged.
      assert.deepEqual(consoleErrors.filter((e) => !/status of 404/.test(e)), [], "console errors on the unknown article");
      consoleErrors.length = 0;
      await checkPage(page, "unknown article", consoleErrors);

      // Large text: the feed and the article still fit the phone.
      await page.goto("/me");
      await page.getByRole("checkbox", { name: "Chữ lớn" }).check();
      await page.waitForLoadState("networkidle");
      await page.goto(articleUrl);
      await page.getByRole("heading", { level: 1, name: title }).waitFor();
      assert.ok(await page.locator("html.large-text").count(), "large-text mode is on");
      await checkPage(page, "article, large text", consoleErrors);
      await page.goto("/news");
      await page.locator("main li.news-item").first().waitFor();
      await checkPage(page, "news feed, large text", consoleErrors);
      await page.goto("/me");
      await page.getByRole("checkbox", { name: "Chữ lớn" }).uncheck();
      await page.waitForLoadState("networkidle");
    } finally {
      await context.close();
    }
  });

  it("saves an article with its pictures and attached file, reads it from /news/saved without network, and finds nothing saved after logging out", async () => {
    // ---- the district's editor writes an article with a cover, a picture in its body and an attached PDF; the approver publishes it
    const title = `Bài đọc khi không có mạng ${Date.now() % 100_000}`;
    const editor = await staffSession("0900000004");
    const approver = await staffSession("0900000005");
    let articleId = "";
    const content = async (articleTitle: string) => {
      const cover = (await editor.call<{ data: Image }>("post", "/images", COVER_PNG, "image/png")).data;
      const picture = (await editor.call<{ data: Image }>("post", "/images", BODY_PNG, "image/png")).data;
      const upload = (await editor.call<{ data: { id: string } }>("post", `/documents/uploads?name=${ATTACHMENT_NAME}&notClassified=true`, ATTACHMENT_PDF, "application/pdf")).data;
      return {
        title: articleTitle,
        summary: "Đảng viên đọc được bài này cả khi điện thoại mất mạng.",
        bodyHtml: `<p>Đoạn mở đầu của bài đã lưu trên máy.</p><figure><img src="${picture.variants[0]?.url}" alt="Sơ đồ hội trường"><figcaption>Sơ đồ hội trường</figcaption></figure><p>Đoạn kết của bài.</p>`,
        coverImageId: cover.id,
        coverAlt: "Cờ Đảng trong hội trường",
        attachments: [{ uploadId: upload.id }],
      };
    };
    try {
      const created = await editor.call<{ data: { id: string } }>("post", "/articles", { unitId: editor.unitId, ...(await content(title)) });
      articleId = created.data.id;
      await editor.call("post", `/articles/${articleId}/submit`);
      await approver.call("post", `/articles/${articleId}/approve`, {});
    } catch (error) {
      await editor.context.close();
      await approver.context.close();
      throw error;
    }
    const articleUrl = `/news/${articleId}`;
    const newTitle = `${title} (bản cập nhật)`;

    const { context, page, consoleErrors } = await newContext(e2e.browser, e2e.server.baseUrl, PHONE);
    try {
      await logIn(page, "0900000001");
      await page.getByRole("heading", { level: 1, name: /Xin chào|Hello/ }).waitFor();
      await useVietnamese(page);
      // The service worker (the app shell, nothing under /api) is installed before the network goes.
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => true));

      // ---- save the article with its pictures
      await page.goto(articleUrl);
      await page.getByRole("heading", { level: 1, name: title }).waitFor();
      const saveButton = page.getByRole("button", { name: "Lưu để đọc khi không có mạng" });
      await saveButton.click();
      await page.getByRole("status").filter({ hasText: "Đã lưu bài để đọc khi không có mạng." }).waitFor();
      const unsaveButton = page.locator(".save-offline").getByRole("button", { name: "Bỏ lưu" });
      await unsaveButton.waitFor();
      await assertFocus(page, "textContent", "Bỏ lưu", "focus stays on the button");
      await page.getByText(/^Đã lưu trên máy này \(bản lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}\)\.$/).waitFor();
      await checkPage(page, "article saved for offline reading", consoleErrors);

      // A second article (from the seed, no pictures), saved then removed from the list.
      await page.goto("/news");
      const other = page.getByRole("region", { name: "Tin mới" }).locator("li.news-item").filter({ hasNotText: title }).first();
      const otherTitle = (await other.locator("h3").innerText()).trim();
      await other.getByRole("link", { name: otherTitle }).click();
      await page.getByRole("heading", { level: 1, name: otherTitle }).waitFor();
      await saveButton.click();
      await unsaveButton.waitFor();

      // ---- the list of saved articles: title, channel, time saved, total size; "Bỏ lưu" removes one
      await page.getByRole("link", { name: "Xem các bài đã lưu" }).click();
      await page.waitForURL(/\/news\/saved$/);
      await page.getByRole("heading", { level: 1, name: "Bài đã lưu" }).waitFor();
      const items = page.locator("main li.saved-item");
      await page.getByText(/^Đã lưu 2 bài, chiếm [\d,.]+ (B|KB|MB) trên máy này\.$/).waitFor();
      assert.equal(await items.count(), 2);
      const mine = items.filter({ has: page.getByRole("link", { name: title, exact: true }) });
      assert.match(await mine.locator(".news-meta").innerText(), /Quận ủy Ba Đình \(Cấp huyện\/trực thuộc\)/);
      assert.match(await mine.locator(".news-meta").innerText(), /Lưu lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
      await checkPage(page, "saved articles", consoleErrors);
      await items.filter({ hasText: otherTitle }).getByRole("button", { name: `Bỏ lưu: ${otherTitle}` }).click();
      await page.getByRole("status").filter({ hasText: `Đã bỏ lưu bài “${otherTitle}”.` }).waitFor();
      await page.getByText(/^Đã lưu 1 bài, chiếm/).waitFor();
      assert.equal(await items.count(), 1);
      await assertFocus(page, "className", "saved-summary", "focus moves to the new count");
      // Stored under the member's account: the first part of every key.
      const me = ((await (await page.request.get("/api/auth/session")).json()) as { data: { account: { id: string } } }).data.account.id;
      assert.deepEqual(await page.evaluate(SAVED_ACCOUNTS), [me]);

      // Large text: the list and the article with its saving box still fit the phone.
      await page.goto("/me");
      await page.getByRole("checkbox", { name: "Chữ lớn" }).check();
      await page.waitForLoadState("networkidle");
      await page.goto("/news/saved");
      await items.first().waitFor();
      assert.ok(await page.locator("html.large-text").count(), "large-text mode is on");
      await checkPage(page, "saved articles, large text", consoleErrors);
      await page.goto(articleUrl);
      await unsaveButton.waitFor();
      await checkPage(page, "saved article online, large text", consoleErrors);
      await page.goto("/me");
      await page.getByRole("checkbox", { name: "Chữ lớn" }).uncheck();
      await page.waitForLoadState("networkidle");

      // ---- the article changes on the server: opening it online refreshes the saved copy silently
      const updated = await editor.call<{ data: unknown }>("put", `/articles/${articleId}`, await content(newTitle));
      assert.ok(updated.data);
      await editor.call("post", `/articles/${articleId}/submit`);
      await approver.call("post", `/articles/${articleId}/approve`, {});
      await page.goto(articleUrl);
      await page.getByRole("heading", { level: 1, name: newTitle }).waitFor();
      await page.getByRole("link", { name: "Xem các bài đã lưu" }).click();
      await items.getByRole("link", { name: newTitle, exact: true }).waitFor();

      // ---- no network: the app opens on /news/saved from the service worker, and the article from the device
      // While the network is off, the browser's own messages about failed requests are expected; nothing else is.
      const pushError = consoleErrors.push.bind(consoleErrors);
      Object.defineProperty(consoleErrors, "push", { value: (...messages: string[]) => pushError(...messages.filter((m) => !offlineNoise(m))), configurable: true, enumerable: false });
      const checkOffline = (label: string) => checkPage(page, label, consoleErrors);
      await context.setOffline(true);
      await page.goto("/news/saved");
      await page.getByRole("heading", { level: 1, name: "Bài đã lưu" }).waitFor();
      await page.getByText("Không có kết nối mạng.", { exact: false }).waitFor();
      await items.getByRole("link", { name: newTitle, exact: true }).waitFor();
      assert.equal(await items.count(), 1);
      await checkOffline("saved articles without network");

      const expectSavedCopy = async (label: string) => {
        await page.getByRole("heading", { level: 1, name: newTitle }).waitFor();
        await page.getByText(/^Bản đã lưu lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} — đang không có mạng$/).waitFor();
        await page.locator(".article-body", { hasText: "Đoạn mở đầu của bài đã lưu trên máy." }).waitFor();
        assert.match(await page.locator(".article-lead").innerText(), /cả khi điện thoại mất mạng/);
        for (const selector of [".article-cover img", ".article-body img"]) {
          const img = page.locator(selector);
          await img.waitFor();
          assert.match((await img.getAttribute("src")) ?? "", /^blob:/, `${label}: ${selector} comes from the device`);
          await page.waitForFunction((sel) => {
            const el = document.querySelector(sel) as HTMLImageElement | null;
            return el !== null && el.complete && el.naturalWidth > 0;
          }, selector);
        }
        assert.equal(await page.locator(".article-cover img").getAttribute("alt"), "Cờ Đảng trong hội trường");
        // The attached PDF is on the device too, downloaded under its own name.
        const attached = page.getByRole("link", { name: /^Tải phu-luc-doc-khi-mat-mang\.pdf \(PDF, / });
        assert.match((await attached.getAttribute("href")) ?? "", /^blob:/, `${label}: the attached file comes from the device`);
        assert.equal(await attached.getAttribute("download"), ATTACHMENT_NAME);
        const [download] = await Promise.all([page.waitForEvent("download"), attached.click()]);
        assert.equal(download.suggestedFilename(), ATTACHMENT_NAME);
        const chunks: Buffer[] = [];
        for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
        assert.ok(Buffer.concat(chunks).equals(ATTACHMENT_PDF), `${label}: the attached file is the PDF that was published`);
        await checkOffline(label);
      };
      await items.getByRole("link", { name: newTitle, exact: true }).click();
      await page.waitForURL(new RegExp(`${articleUrl}$`));
      await expectSavedCopy("saved article without network");
      await page.reload();
      await expectSavedCopy("saved article opened without network");

      // Other pages say what works without network.
      await page.goto("/");
      await page.getByRole("heading", { level: 1, name: "Đang không có mạng" }).waitFor();
      await page.getByRole("link", { name: "Đọc các bài đã lưu" }).waitFor();
      await checkOffline("home without network");

      // ---- the network is back: the article comes from the server again
      await context.setOffline(false);
      delete (consoleErrors as { push?: unknown }).push;
      await page.goto(articleUrl);
      await page.getByRole("heading", { level: 1, name: newTitle }).waitFor();
      await unsaveButton.waitFor();
      assert.equal(await page.getByText(/đang không có mạng/).count(), 0);
      assert.match((await page.locator(".article-cover img").getAttribute("src")) ?? "", /^\/api\/files\//);
      consoleErrors.length = 0;

      // ---- logging out deletes every saved article and picture of the device; the next login finds none
      assert.ok(((await page.evaluate(SAVED_ROWS)) as number) > 0);
      await page.goto("/me");
      await page.getByRole("button", { name: "Đăng xuất" }).click();
      await page.waitForURL(/\/login/);
      await page.waitForFunction(SAVED_ROWS.replace("resolve(a.result + f.result)", "resolve(a.result + f.result === 0)"));
      assert.equal(await page.evaluate(SAVED_ROWS), 0);
      await logIn(page, "0900000001");
      await page.getByRole("heading", { level: 1, name: /Xin chào/ }).waitFor();
      await page.goto("/news/saved");
      await page.getByText("Chưa có bài nào được lưu trên máy này.").waitFor();
      assert.equal(await items.count(), 0);
      await checkPage(page, "saved articles after logging out and in", consoleErrors);
    } finally {
      await context.close();
      await editor.context.close();
      await approver.context.close();
    }
  });
});
