import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { authenticator } from "otplib";
import type { Browser, Page } from "playwright-core";
import { DESKTOP, PHONE, expectNoHorizontalScroll, expectNoSeriousA11yViolations, launchBrowser, newContext } from "./browser";
import { type RunningServer, startServer } from "./server";

const PASSWORD = "sotay-demo-2026";
let server: RunningServer;
let browser: Browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function logIn(page: Page, identifier: string) {
  await page.goto("/");
  await page.waitForURL(/\/login/);
  await page.getByLabel("Số điện thoại, số thẻ đảng viên hoặc email").fill(identifier);
  await page.getByLabel("Mật khẩu", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
}

const totpSecrets = new Map<string, string>();
const lastTotpStep = new Map<string, number>();

/**
 * The second factor of a staff login: enrols TOTP at the account's first login (keeping the secret
 * for later logins in this run; `onEnrol` can check the enrolment page), else enters a fresh code.
 * A code is accepted once, so a second login within the same 30-second step waits for the next one.
 */
async function passSecondFactor(page: Page, identifier: string, onEnrol?: () => Promise<void>) {
  await page.waitForURL(/\/mfa(\/setup)?$/);
  if (/\/mfa\/setup$/.test(page.url())) {
    totpSecrets.set(identifier, (await page.getByTestId("totp-secret").innerText()).replace(/\s+/g, ""));
    await onEnrol?.();
  }
  const secret = totpSecrets.get(identifier);
  assert.ok(secret, `no TOTP secret known for ${identifier}`);
  let step = Math.floor(Date.now() / 30_000);
  if (step <= (lastTotpStep.get(identifier) ?? -1)) {
    await new Promise((r) => setTimeout(r, (step + 1) * 30_000 - Date.now() + 500));
    step += 1;
  }
  lastTotpStep.set(identifier, step);
  await page.getByLabel("Mã 6 chữ số").fill(authenticator.generate(secret));
  await page.getByRole("button", { name: "Xác nhận" }).click();
  await page.getByRole("heading", { level: 1, name: /Xin chào/ }).waitFor();
}

/** Checks a page the way every page must pass: accessible, no sideways scroll on a phone, no console errors (CSP included). */
async function checkPage(page: Page, label: string, consoleErrors: string[]) {
  await page.waitForLoadState("networkidle");
  await expectNoSeriousA11yViolations(page, label);
  if ((page.viewportSize()?.width ?? 0) <= PHONE.width) await expectNoHorizontalScroll(page, label);
  assert.deepEqual(consoleErrors, [], `console errors on ${label}`);
}

describe("a member on a 360 px phone", () => {
  it("logs in, moves around with the bottom navigation, switches to English and logs out", async () => {
    const { context, page, consoleErrors } = await newContext(browser, server.baseUrl, PHONE);
    try {
      await page.goto("/login");
      await checkPage(page, "login", consoleErrors);
      await logIn(page, "0900000001");
      await page.getByRole("heading", { level: 1, name: /Xin chào/ }).waitFor();
      await checkPage(page, "home", consoleErrors);

      const nav = page.getByRole("navigation", { name: "Điều hướng chính" });
      for (const [link, path] of [["Tin tức", "/news"], ["Tài liệu", "/documents"], ["Sinh hoạt", "/meetings"], ["Cá nhân", "/me"]] as const) {
        await nav.getByRole("link", { name: link }).click();
        await page.waitForURL(new RegExp(`${path}$`));
        await page.getByRole("heading", { level: 1 }).waitFor();
        await checkPage(page, path, consoleErrors);
      }

      await page.getByRole("radio", { name: "English" }).check();
      await page.getByRole("button", { name: "Log out" }).waitFor();
      assert.equal(await page.locator("html").getAttribute("lang"), "en");

      await page.getByRole("button", { name: "Log out" }).click();
      await page.waitForURL(/\/login/);
      const session = await page.request.get("/api/auth/session");
      assert.equal(session.status(), 401);
    } finally {
      await context.close();
    }
  });
});

describe("a cell secretary", () => {
  it("enrols TOTP at first login, then reaches the members of their cell", async () => {
    const { context, page, consoleErrors } = await newContext(browser, server.baseUrl, DESKTOP);
    try {
      await logIn(page, "0900000002");
      await passSecondFactor(page, "0900000002", () => checkPage(page, "TOTP enrolment", consoleErrors));
      await checkPage(page, "home (secretary)", consoleErrors);

      await page.getByRole("link", { name: "Cơ cấu tổ chức" }).click();
      await page.getByRole("heading", { level: 1 }).waitFor();
      await checkPage(page, "organisation tree", consoleErrors);
      await page.getByRole("link", { name: "Chi bộ tổ dân phố số 1" }).first().click();
      await page.getByRole("link", { name: /Đảng viên/ }).first().click();
      await page.getByRole("searchbox").or(page.getByLabel(/Tìm/)).first().waitFor();
      await checkPage(page, "members list", consoleErrors);
    } finally {
      await context.close();
    }
  });
});

describe("a unit admin and a new member", () => {
  it("issues an activation code that the member uses to set a password and log in", async () => {
    const admin = await newContext(browser, server.baseUrl, DESKTOP);
    let code = "";
    let phone = "";
    try {
      const { page, consoleErrors } = admin;
      await logIn(page, "0900000007");
      await passSecondFactor(page, "0900000007");

      await page.getByRole("link", { name: "Cơ cấu tổ chức" }).click();
      await page.getByRole("link", { name: "Quận ủy Ba Đình" }).first().click();
      await page.getByRole("heading", { level: 1, name: "Quận ủy Ba Đình" }).waitFor();
      await page.getByRole("link", { name: "Danh sách đảng viên" }).click();
      await page.getByRole("heading", { level: 1, name: "Đảng viên" }).waitFor();
      await checkPage(page, "members of the district", consoleErrors);

      const row = page.locator("li.item", { hasText: "Chưa có tài khoản" }).first();
      await row.getByRole("link").click();
      await page.getByRole("button", { name: "Cấp mã kích hoạt" }).waitFor();
      await checkPage(page, "member record", consoleErrors);
      phone = (await page.locator("dt", { hasText: "Số điện thoại" }).locator("xpath=following-sibling::dd[1]").innerText()).trim();
      await page.getByRole("button", { name: "Cấp mã kích hoạt" }).click();
      code = (await page.getByTestId("activation-code").innerText()).replace(/\D/g, "");
      assert.match(code, /^\d{8}$/);
    } finally {
      await admin.context.close();
    }

    const member = await newContext(browser, server.baseUrl, PHONE);
    try {
      const { page, consoleErrors } = member;
      await page.goto("/activate");
      await checkPage(page, "activation", consoleErrors);
      await page.getByLabel("Số điện thoại, số thẻ đảng viên hoặc email").fill(phone);
      await page.getByLabel("Mã kích hoạt (8 chữ số)").fill(code);
      await page.getByLabel("Mật khẩu mới", { exact: true }).fill("một câu mật khẩu dễ nhớ");
      await page.getByLabel("Nhập lại mật khẩu mới").fill("một câu mật khẩu dễ nhớ");
      await page.getByRole("button", { name: "Kích hoạt và đăng nhập" }).click();
      await page.getByRole("heading", { level: 1, name: /Xin chào/ }).waitFor();
      await checkPage(page, "home after activation", consoleErrors);
    } finally {
      await member.context.close();
    }
  });
});

/** The unread count in the header bell's name: "Thông báo, 3 chưa đọc", or "Thông báo" for none. */
async function bellCount(page: Page): Promise<number> {
  const label = (await page.getByRole("banner").getByRole("link", { name: /^Thông báo/ }).getAttribute("aria-label")) ?? "";
  return Number(/(\d+) chưa đọc/.exec(label)?.[1] ?? 0);
}
const bellName = (count: number) => (count > 0 ? `Thông báo, ${count} chưa đọc` : "Thông báo");

describe("two members of the same cell", () => {
  it("the secretary announces to the cell; the member's bell counts it live, and opening it in the inbox marks it read", async () => {
    const member = await newContext(browser, server.baseUrl, PHONE);
    const secretary = await newContext(browser, server.baseUrl, DESKTOP);
    const title = `Họp chi bộ tháng ${Date.now() % 1000}`;
    try {
      await logIn(member.page, "0900000001");
      await member.page.getByRole("heading", { level: 1, name: /Xin chào|Hello/ }).waitFor();
      // The account keeps the language chosen last (the first flow ends in English).
      if ((await member.page.locator("html").getAttribute("lang")) !== "vi") {
        await member.page.goto("/me");
        await member.page.getByRole("radio", { name: "Tiếng Việt" }).check();
        await member.page.getByRole("button", { name: "Đăng xuất" }).waitFor();
        await member.page.goto("/");
        await member.page.getByRole("heading", { level: 1, name: /Xin chào/ }).waitFor();
      }
      await member.page.waitForLoadState("networkidle");
      const before = await bellCount(member.page);

      const { page, consoleErrors } = secretary;
      await logIn(page, "0900000002");
      await passSecondFactor(page, "0900000002");
      await page.getByRole("link", { name: "Cơ cấu tổ chức" }).click();
      await page.getByRole("link", { name: "Chi bộ tổ dân phố số 1" }).first().click();
      await page.getByRole("heading", { level: 1, name: "Chi bộ tổ dân phố số 1" }).waitFor();
      await page.getByRole("heading", { name: "Gửi thông báo" }).waitFor();
      await checkPage(page, "unit page with the announcement form", consoleErrors);

      // An empty title is refused on the form, before anything is sent.
      await page.getByRole("button", { name: "Gửi thông báo" }).click();
      await page.getByText("Hãy nhập thông tin này.").waitFor();
      await page.getByLabel("Tiêu đề").fill(title);
      await page.getByLabel("Nội dung").fill("Chi bộ họp lúc 19 giờ thứ Năm tại nhà văn hóa tổ dân phố. Đề nghị các đồng chí có mặt đúng giờ.");
      await page.getByRole("button", { name: "Gửi thông báo" }).click();
      const dialog = page.getByRole("dialog");
      await dialog.getByText(/mọi đảng viên của Chi bộ tổ dân phố số 1 và của tất cả đơn vị trực thuộc/).waitFor();
      await checkPage(page, "announcement confirmation", consoleErrors);
      await dialog.getByRole("button", { name: "Gửi", exact: true }).click();
      await page.getByText(/Đã gửi thông báo/).waitFor();

      // The member's bell goes up without a reload (live stream; the fan-out runs as a job).
      await member.page.getByRole("banner").getByRole("link", { name: bellName(before + 1) }).waitFor({ timeout: 60_000 });
      await member.page.getByRole("banner").getByRole("link", { name: bellName(before + 1) }).click();
      await member.page.waitForURL(/\/notifications$/);
      await member.page.getByRole("heading", { level: 1, name: "Thông báo" }).waitFor();
      const item = member.page.getByRole("button", { name: title });
      await item.waitFor();
      assert.equal(await member.page.locator("li.notification-unread", { hasText: title }).getByText("Chưa đọc").count(), 1);
      await checkPage(member.page, "inbox", member.consoleErrors);

      await item.click();
      assert.equal(await item.getAttribute("aria-expanded"), "true");
      await member.page.getByRole("banner").getByRole("link", { name: bellName(before), exact: true }).waitFor();
      assert.equal(await member.page.locator("li.notification-unread", { hasText: title }).count(), 0);
      const count = await member.page.request.get("/api/notifications/unread-count");
      assert.deepEqual(await count.json(), { data: { unread: before } });
      await checkPage(member.page, "inbox after reading", member.consoleErrors);

      // The same pages in large-text mode still fit a 360 px phone.
      await member.page.getByRole("navigation", { name: "Điều hướng chính" }).getByRole("link", { name: "Cá nhân" }).click();
      await member.page.getByRole("heading", { name: "Thông báo", level: 2 }).waitFor();
      await member.page.getByRole("checkbox", { name: "Chữ lớn" }).check();
      await checkPage(member.page, "personal page with notification settings, large text", member.consoleErrors);
      await member.page.getByRole("banner").getByRole("link", { name: /^Thông báo/ }).click();
      await member.page.getByRole("button", { name: title }).waitFor();
      await checkPage(member.page, "inbox, large text", member.consoleErrors);
      await member.page.goBack();
      await member.page.getByRole("checkbox", { name: "Chữ lớn" }).uncheck();
      await member.page.waitForLoadState("networkidle");
    } finally {
      await member.context.close();
      await secretary.context.close();
    }
  });
});

/**
 * A stand-in for the browser's speech synthesis with one Vietnamese voice (headless Chromium has
 * none): utterances never end by themselves; `__speech.endCurrent()` ends the one being spoken, and
 * `__speech.spoken` lists what was handed to the engine. Plain JavaScript in a string: the test's
 * own compiled functions carry helpers (tsx's __name) that do not exist in the page.
 */
const FAKE_VIETNAMESE_SPEECH = `(() => {
  const voice = { name: "Giọng thử", lang: "vi-VN", localService: true, default: true, voiceURI: "test-vi" };
  let current = null;
  const spoken = [];
  const synth = Object.assign(new EventTarget(), {
    speaking: false, paused: false, pending: false,
    getVoices: () => [voice],
    speak: (u) => { spoken.push(u.text); current = u; },
    cancel: () => { const u = current; current = null; if (u && u.onerror) u.onerror({ error: "interrupted" }); },
    pause: () => undefined,
    resume: () => undefined,
  });
  function FakeUtterance(text) { this.text = text; this.lang = ""; this.voice = null; this.onend = null; this.onerror = null; }
  Object.defineProperty(window, "speechSynthesis", { value: synth, configurable: true });
  Object.defineProperty(window, "SpeechSynthesisUtterance", { value: FakeUtterance, configurable: true });
  Object.defineProperty(window, "__speech", {
    value: { spoken, endCurrent: () => { const u = current; current = null; if (u && u.onend) u.onend({}); } },
  });
})();`;

/** The account keeps the language chosen last (the first flow ends in English): back to Vietnamese. */
async function useVietnamese(page: Page) {
  if ((await page.locator("html").getAttribute("lang")) === "vi") return;
  await page.goto("/me");
  await page.getByRole("radio", { name: "Tiếng Việt" }).check();
  await page.getByRole("button", { name: "Đăng xuất" }).waitFor();
  await page.goto("/");
  await page.getByRole("heading", { level: 1, name: /Xin chào/ }).waitFor();
}

describe("a member reading the news on a 360 px phone", () => {
  it("sees pinned guidance first, opens an article that becomes read, listens to it, shares it and finds “Nghị quyết” typed without diacritics", async () => {
    const { context, page, consoleErrors } = await newContext(browser, server.baseUrl, PHONE);
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
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.baseUrl });
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
