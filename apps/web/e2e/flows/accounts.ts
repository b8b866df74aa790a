import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DESKTOP, PHONE, newContext } from "../browser";
import { checkPage, e2e, logIn, passSecondFactor } from "../helpers";

describe("a member on a 360 px phone", () => {
  it("logs in, moves around with the bottom navigation, switches to English and logs out", async () => {
    const { context, page, consoleErrors } = await newContext(e2e.browser, e2e.server.baseUrl, PHONE);
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
    const { context, page, consoleErrors } = await newContext(e2e.browser, e2e.server.baseUrl, DESKTOP);
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
    const admin = await newContext(e2e.browser, e2e.server.baseUrl, DESKTOP);
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

    const member = await newContext(e2e.browser, e2e.server.baseUrl, PHONE);
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
