import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Page } from "playwright-core";
import { DESKTOP, PHONE, newContext } from "../browser";
import { checkPage, e2e, logIn, passSecondFactor } from "../helpers";

async function bellCount(page: Page): Promise<number> {
  const label = (await page.getByRole("banner").getByRole("link", { name: /^Thông báo/ }).getAttribute("aria-label")) ?? "";
  return Number(/(\d+) chưa đọc/.exec(label)?.[1] ?? 0);
}
const bellName = (count: number) => (count > 0 ? `Thông báo, ${count} chưa đọc` : "Thông báo");

describe("two members of the same cell", () => {
  it("the secretary announces to the cell; the member's bell counts it live, and opening it in the inbox marks it read", async () => {
    const member = await newContext(e2e.browser, e2e.server.baseUrl, PHONE);
    const secretary = await newContext(e2e.browser, e2e.server.baseUrl, DESKTOP);
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
      // The bell counts down at once (optimistically); the server agrees once the mark-read request lands.
      let unread: unknown;
      for (let tries = 0; tries < 50; tries++) {
        unread = await (await member.page.request.get("/api/notifications/unread-count")).json();
        if ((unread as { data: { unread: number } }).data.unread === before) break;
        await member.page.waitForTimeout(100);
      }
      assert.deepEqual(unread, { data: { unread: before } });
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
