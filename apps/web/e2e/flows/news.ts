import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { PHONE, newContext } from "../browser";
import { FAKE_VIETNAMESE_SPEECH, checkPage, e2e, logIn, useVietnamese } from "../helpers";

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
        await listen.getByRole("status").filter({ hasText: /Đang đọc bài|Đã đọc xong/ }).waitFor();
        await listen.getByRole("button", { name: /Tạm dừng|Đọc to/ }).waitFor();
        if (await listen.getByRole("button", { name: "Dừng đọc" }).isEnabled()) await listen.getByRole("button", { name: "Dừng đọc" }).click();
      }

      // The same page with a Vietnamese voice: the title first, then the body as rendered; pause, resume, stop.
      await context.addInitScript({ content: FAKE_VIETNAMESE_SPEECH });
      await page.reload();
      await page.getByRole("heading", { level: 1, name: title }).waitFor();
      await listen.getByRole("button", { name: "Đọc to" }).click();
      await listen.getByRole("status").filter({ hasText: "Đang đọc bài…" }).waitFor();
      const spoken = () => page.evaluate(() => (window as unknown as { __speech: { spoken: string[] } }).__speech.spoken);
      assert.deepEqual(await spoken(), [title]);
      await page.evaluate(() => (window as unknown as { __speech: { endCurrent: () => void } }).__speech.endCurrent());
      const firstParagraph = (await page.locator(".article-body p").first().innerText()).trim();
      assert.ok(firstParagraph.startsWith((await spoken())[1]?.slice(0, 40) ?? "?"), "the body is read after the title");
      await listen.getByRole("button", { name: "Tạm dừng" }).click();
      await listen.getByRole("status").filter({ hasText: "Đã tạm dừng." }).waitFor();
      await listen.getByRole("button", { name: "Đọc tiếp" }).click();
      await listen.getByRole("status").filter({ hasText: "Đang đọc bài…" }).waitFor();
      await listen.getByRole("button", { name: "Dừng đọc" }).click();
      await listen.getByRole("button", { name: "Đọc to" }).waitFor();
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Đọc to");
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
});

/** A 96×64 PNG (red and yellow squares), uploaded as a cover picture. */
