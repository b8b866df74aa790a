import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContext, type Page, chromium } from "playwright-core";

/** Debian's chromium, never a downloaded browser; flags that keep it off the (closed) network. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}

export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };

/** A fresh context (no cookies, no storage) that records console errors, CSP violations included. */
export async function newContext(browser: Browser, baseURL: string, viewport = PHONE) {
  const context: BrowserContext = await browser.newContext({ baseURL, viewport, locale: "vi-VN", timezoneId: "Asia/Ho_Chi_Minh" });
  const page: Page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on("console", (msg) => {
    // A 401 from the session probe before login is how the app learns it is logged out, not an error.
    if (msg.type() === "error" && !/status of 401/.test(msg.text())) consoleErrors.push(msg.text());
  });
  page.on("pageerror", (error) => consoleErrors.push(String(error)));
  return { context, page, consoleErrors };
}

/** Fails with the list of violations when axe finds anything serious or critical on the page. */
export async function expectNoSeriousA11yViolations(page: Page, label: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (bad.length > 0) {
    const summary = bad.map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")})`).join("\n");
    throw new Error(`axe found serious or critical violations on ${label}:\n${summary}`);
  }
}

/** The page must not scroll sideways at its current width (360 px phones). */
export async function expectNoHorizontalScroll(page: Page, label: string): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 1) throw new Error(`${label} scrolls sideways by ${overflow}px`);
}
