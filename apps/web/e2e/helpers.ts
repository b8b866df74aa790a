import assert from "node:assert/strict";
import { authenticator } from "otplib";
import type { Browser, Page } from "playwright-core";
import { PHONE, expectNoHorizontalScroll, expectNoSeriousA11yViolations } from "./browser";
import type { RunningServer } from "./server";

/** What every flow runs against, set up once for the whole run by flows.test.ts. */
export const e2e = {} as { server: RunningServer; browser: Browser };

export const PASSWORD = "sotay-demo-2026";

export async function logIn(page: Page, identifier: string) {
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
export async function passSecondFactor(page: Page, identifier: string, onEnrol?: () => Promise<void>) {
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

/**
 * Where the keyboard focus is, read in the page: `textContent`, an attribute (`aria-invalid`) or `className` of the focused element.
 * Focus moves in an effect after the render that a test waits for, so this waits (up to 2 s) for the expected value before asserting.
 */
export async function assertFocus(page: Page, read: "textContent" | "className" | `@${string}`, expected: string, message: string) {
  const readFocus = () =>
    page.evaluate((what) => {
      const el = document.activeElement;
      if (!el) return null;
      if (what === "textContent") return el.textContent;
      if (what === "className") return el.className;
      return el.getAttribute(what.slice(1));
    }, read);
  const deadline = Date.now() + 2_000;
  let actual = await readFocus();
  while (actual !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    actual = await readFocus();
  }
  assert.equal(actual, expected, message);
}

/** Checks a page the way every page must pass: accessible, no sideways scroll on a phone, no console errors (CSP included). */
export async function checkPage(page: Page, label: string, consoleErrors: string[]) {
  await page.waitForLoadState("networkidle");
  await expectNoSeriousA11yViolations(page, label);
  if ((page.viewportSize()?.width ?? 0) <= PHONE.width) await expectNoHorizontalScroll(page, label);
  assert.deepEqual(consoleErrors, [], `console errors on ${label}`);
}

/**
 * A stand-in for the browser's speech synthesis with one Vietnamese voice (headless Chromium has
 * none): utterances never end by themselves; `__speech.endCurrent()` ends the one being spoken, and
 * `__speech.spoken` lists what was handed to the engine. Plain JavaScript in a string: the test's
 * own compiled functions carry helpers (tsx's __name) that do not exist in the page.
 */
export const FAKE_VIETNAMESE_SPEECH = `(() => {
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
export async function useVietnamese(page: Page) {
  if ((await page.locator("html").getAttribute("lang")) === "vi") return;
  await page.goto("/me");
  await page.getByRole("radio", { name: "Tiếng Việt" }).check();
  await page.getByRole("button", { name: "Đăng xuất" }).waitFor();
  await page.goto("/");
  await page.getByRole("heading", { level: 1, name: /Xin chào/ }).waitFor();
}
