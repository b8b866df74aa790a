import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import type { Page } from "playwright-core";
import { DESKTOP, PHONE, newContext } from "../browser";
import { assertFocus, checkPage, e2e, logIn, passSecondFactor, useVietnamese } from "../helpers";

// The demo data's drafts of Đảng ủy phường Điện Biên (apps/api/src/db/seed-feedback.ts).
const OPEN_DRAFT = "Dự thảo Báo cáo chính trị";
const CLOSED_DRAFT = "Dự thảo Quy chế làm việc";
const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const DEADLINE = /^Hạn góp ý: \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/;

type Context = Awaited<ReturnType<typeof newContext>>;

/** Finds the draft by the words of its summary and opens its page; returns the page's path. */
async function openDraft(page: Page, words: string): Promise<string> {
  await page.goto(`/documents/search?q=${encodeURIComponent(words)}`);
  await page.locator("main li.doc-item", { hasText: words }).first().getByRole("link").first().click();
  await page.waitForURL(/\/documents\/[0-9a-f-]{36}$/);
  return new URL(page.url()).pathname;
}

async function memberSession(identifier: string, viewport = PHONE): Promise<Context> {
  const ctx = await newContext(e2e.browser, e2e.server.baseUrl, viewport);
  await logIn(ctx.page, identifier);
  await ctx.page.getByRole("heading", { level: 1, name: /Xin chào|Hello/ }).waitFor();
  await useVietnamese(ctx.page);
  return ctx;
}

async function staffSession(identifier: string, viewport = DESKTOP): Promise<Context> {
  const ctx = await newContext(e2e.browser, e2e.server.baseUrl, viewport);
  await logIn(ctx.page, identifier);
  await passSecondFactor(ctx.page, identifier);
  await useVietnamese(ctx.page);
  return ctx;
}

async function setLargeText(page: Page, on: boolean) {
  await page.goto("/me");
  await page.getByRole("checkbox", { name: "Chữ lớn" }).setChecked(on);
  await page.waitForLoadState("networkidle");
}

/** Makes the unit's summary on the review page and forwards it up, after the confirmation. */
async function summariseAndForward(page: Page, consoleErrors: string[], label: string) {
  const summary = page.getByRole("region", { name: /^Tổng hợp của / });
  await summary.getByRole("button", { name: /^Tổng hợp (ý kiến|lại)$/ }).click();
  await summary.getByRole("status").filter({ hasText: "Đã tổng hợp, chưa gửi lên cấp trên." }).waitFor({ timeout: 60_000 });
  await summary.getByRole("link", { name: /^Tải DOCX tổng hợp của / }).waitFor();
  await checkPage(page, `${label}: summary made`, consoleErrors);
  await summary.getByRole("button", { name: "Gửi lên cấp trên" }).click();
  const confirm = page.getByRole("dialog", { name: "Gửi tổng hợp lên cấp trên?" });
  await confirm.getByText(/sẽ được gửi lên cấp ủy cấp trên/).waitFor();
  await checkPage(page, `${label}: forward confirmation`, consoleErrors);
  await confirm.getByRole("button", { name: "Gửi lên cấp trên" }).click();
  await summary.getByRole("status").filter({ hasText: "Đã gửi tổng hợp lên cấp trên." }).waitFor();
  await summary.getByText(/^Gửi lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}, người gửi: /).waitFor();
  assert.equal(await summary.getByRole("button", { name: /^Tổng hợp/ }).count(), 0, "a forwarded summary is not made again");
}

describe("drafts for feedback: members comment, committees answer, summarise and forward", () => {
  const opened: Context[] = [];
  const open = async (ctx: Promise<Context>) => {
    const c = await ctx;
    opened.push(c);
    return c;
  };
  let secretary1: Context | undefined;
  after(async () => {
    for (const c of opened) await c.context.close();
  });

  it("members of two cells comment on the open draft on a 360 px phone; the cell's secretary answers “Tiếp thu” and the member sees it", async () => {
    const body = `Đề nghị bổ sung chỉ tiêu về chuyển đổi số trong khu dân cư (${Date.now() % 100_000}).`;
    // ---- a member of Chi bộ tổ dân phố số 1
    const m1 = await open(memberSession("0900000001"));
    const page = m1.page;
    const draftUrl = await openDraft(page, OPEN_DRAFT);
    const card = page.getByRole("region", { name: "Góp ý dự thảo" });
    await card.getByText("Đang lấy ý kiến").waitFor();
    await card.getByText(DEADLINE).waitFor();
    await checkPage(page, "open draft's page", m1.consoleErrors);
    await card.getByRole("link", { name: "Góp ý dự thảo" }).click();
    await page.waitForURL(new RegExp(`${draftUrl}/feedback$`));
    await page.getByRole("heading", { level: 1, name: "Góp ý dự thảo" }).waitFor();
    await page.getByText(DEADLINE).waitFor();
    await checkPage(page, "feedback page", m1.consoleErrors);

    // Nothing typed: refused on the form, focus on the field.
    const form = page.getByRole("region", { name: "Gửi góp ý" });
    await form.getByRole("button", { name: "Gửi góp ý" }).click();
    await form.getByText("Hãy nhập thông tin này.").waitFor();
    await assertFocus(page, "@aria-invalid", "true", "focus on the invalid field");

    // A comment on Điều 3, page 2, with a quoted passage.
    await form.getByLabel("Nội dung góp ý").fill(body);
    await form.getByLabel("Phần, điều, mục").fill("Điều  3");
    await form.getByLabel("Trang", { exact: true }).fill("2");
    await form.getByLabel("Đoạn trích").fill("Phấn đấu 100% tổ dân phố có mô hình chi bộ số.");
    await form.getByRole("button", { name: "Gửi góp ý" }).click();
    await form.getByRole("status").filter({ hasText: "Đã gửi góp ý." }).waitFor();
    assert.equal(await form.getByLabel("Nội dung góp ý").inputValue(), "", "the form empties for the next comment");
    const mine = page.getByRole("region", { name: "Ý kiến của tôi" });
    const item = mine.locator("li.fb-comment", { hasText: body });
    await item.getByText("Điều 3 · Trang 2").waitFor();
    await item.getByText("Trạng thái: Chưa trả lời").waitFor();

    // A second one, on the whole draft: changed, then deleted.
    await form.getByLabel("Nội dung góp ý").fill("Ý kiến thử để xóa.");
    await form.getByRole("button", { name: "Gửi góp ý" }).click();
    await mine.locator("li.fb-comment", { hasText: "Ý kiến thử để xóa." }).getByText("Ý kiến chung").waitFor();
    await mine.getByRole("button", { name: "Sửa góp ý: Ý kiến thử để xóa." }).click();
    const edit = page.getByRole("dialog", { name: "Sửa góp ý" });
    await edit.getByLabel("Nội dung góp ý").fill("Ý kiến thử, đã sửa.");
    await checkPage(page, "editing a comment", m1.consoleErrors);
    await edit.getByRole("button", { name: "Lưu góp ý" }).click();
    await mine.getByRole("status").filter({ hasText: "Đã lưu góp ý." }).waitFor();
    await mine.getByRole("button", { name: "Xóa góp ý: Ý kiến thử, đã sửa." }).click();
    await page.getByRole("dialog", { name: "Xóa góp ý này?" }).getByRole("button", { name: "Xóa" }).click();
    await mine.getByRole("status").filter({ hasText: "Đã xóa góp ý." }).waitFor();
    assert.equal(await mine.getByText("Ý kiến thử, đã sửa.").count(), 0);
    await checkPage(page, "feedback page with a comment", m1.consoleErrors);

    // Large text: the page still fits the phone.
    await setLargeText(page, true);
    await page.goto(`${draftUrl}/feedback`);
    await mine.locator("li.fb-comment", { hasText: body }).waitFor();
    await checkPage(page, "feedback page, large text", m1.consoleErrors);
    await setLargeText(page, false);

    // ---- a member of Chi bộ tổ dân phố số 2: comments too, and never sees the other cell's comment
    const m2 = await open(memberSession("0900000008"));
    await openDraft(m2.page, OPEN_DRAFT);
    await m2.page.getByRole("region", { name: "Góp ý dự thảo" }).getByRole("link", { name: "Góp ý dự thảo" }).click();
    const form2 = m2.page.getByRole("region", { name: "Gửi góp ý" });
    await form2.getByLabel("Nội dung góp ý").fill("Đề nghị nêu rõ trách nhiệm của chi bộ trong giám sát đảng viên.");
    await form2.getByLabel("Phần, điều, mục").fill("Điều 5");
    await form2.getByRole("button", { name: "Gửi góp ý" }).click();
    await m2.page.getByRole("region", { name: "Ý kiến của tôi" }).getByText("Đề nghị nêu rõ trách nhiệm của chi bộ").waitFor();
    await m2.page.getByRole("region", { name: "Ý kiến khác trong chi bộ" }).waitFor();
    assert.equal(await m2.page.getByText(body).count(), 0, "another cell's comment stays hidden");
    await checkPage(m2.page, "feedback page, second cell", m2.consoleErrors);

    // ---- the secretary of Chi bộ tổ dân phố số 1 answers from the review
    secretary1 = await open(staffSession("0900000002"));
    const s = secretary1.page;
    await s.goto(draftUrl);
    await s.getByRole("region", { name: "Góp ý dự thảo" }).getByRole("link", { name: "Tổng hợp, trả lời góp ý" }).click();
    await s.getByRole("heading", { level: 1, name: "Tổng hợp góp ý" }).waitFor();
    await s.getByRole("region", { name: "Tổng hợp của Chi bộ tổ dân phố số 1" }).getByText("Tổng hợp và gửi lên cấp trên sau khi hết hạn góp ý.").waitFor();
    await s.getByLabel("Trạng thái").selectOption({ label: "Chưa trả lời" });
    await s.waitForURL(/status=pending/);
    const comments = s.getByRole("region", { name: "Ý kiến góp ý" });
    const theirs = comments.locator("li.fb-comment", { hasText: body });
    await theirs.waitFor();
    assert.equal(await comments.getByText("Đề nghị nêu rõ trách nhiệm của chi bộ").count(), 0, "the other cell's comment is not this secretary's");
    await checkPage(s, "review of the open draft", secretary1.consoleErrors);
    await theirs.getByRole("button", { name: /^Trả lời ý kiến: / }).click();
    const reply = s.getByRole("dialog", { name: "Trả lời ý kiến" });
    await reply.getByRole("button", { name: "Gửi trả lời" }).click();
    await reply.getByText("Hãy chọn tiếp thu, không tiếp thu hoặc ghi nhận.").waitFor();
    await reply.getByRole("radio", { name: "Tiếp thu", exact: true }).check();
    await reply.getByLabel("Nội dung trả lời (không bắt buộc)").fill("Chi bộ tiếp thu, sẽ đưa vào mục chỉ tiêu của dự thảo.");
    await checkPage(s, "answering a comment", secretary1.consoleErrors);
    await reply.getByRole("button", { name: "Gửi trả lời" }).click();
    await comments.getByRole("status").filter({ hasText: "Đã trả lời ý kiến: Tiếp thu." }).waitFor();
    // Filtered on "Chưa trả lời", the answered comment leaves the list; the keyboard stays in it.
    await theirs.waitFor({ state: "detached" });

    // ---- the member sees the answer (the notification leads to it)
    await page.goto("/notifications");
    await page.getByText(/^Ý kiến góp ý của đồng chí về dự thảo .*: Tiếp thu$/).first().click();
    await page.waitForURL(new RegExp(`${draftUrl}/feedback$`));
    const answered = page.getByRole("region", { name: "Ý kiến của tôi" }).locator("li.fb-comment", { hasText: body });
    await answered.getByText("Trạng thái: Tiếp thu").waitFor();
    await answered.getByText("Chi bộ tiếp thu, sẽ đưa vào mục chỉ tiêu của dự thảo.").waitFor();
    assert.equal(await answered.getByRole("button").count(), 0, "an answered comment is no longer changed");
    await checkPage(page, "feedback page with an answer", m1.consoleErrors);
  });

  it("after the deadline, both cells' secretaries summarise and forward; the ward's secretary receives them and downloads the DOCX", async () => {
    // ---- the secretary of Chi bộ tổ dân phố số 1
    const s1 = secretary1 ?? (await open(staffSession("0900000002")));
    const draftUrl = await openDraft(s1.page, CLOSED_DRAFT);
    await s1.page.getByRole("region", { name: "Góp ý dự thảo" }).getByText("Đã hết hạn góp ý").waitFor();
    await s1.page.goto(`${draftUrl}/feedback/review`);
    await s1.page.getByRole("heading", { level: 1, name: "Tổng hợp góp ý" }).waitFor();
    await s1.page.getByRole("region", { name: "Ý kiến góp ý" }).locator("li.fb-comment").first().waitFor();
    await checkPage(s1.page, "review of the closed draft", s1.consoleErrors);
    await summariseAndForward(s1.page, s1.consoleErrors, "cell 1");

    // ---- the secretary of Chi bộ tổ dân phố số 2, on a phone
    const s2 = await open(staffSession("0900000009", PHONE));
    await s2.page.goto(`${draftUrl}/feedback/review`);
    await s2.page.getByRole("region", { name: "Tổng hợp của Chi bộ tổ dân phố số 2" }).waitFor();
    await summariseAndForward(s2.page, s2.consoleErrors, "cell 2 on a phone");

    // ---- the ward's secretary: from the documents desk to the review of the whole ward
    const w = await open(staffSession("0900000010"));
    await w.page.goto("/admin/documents");
    await w.page.getByRole("link", { name: /Đảng ủy phường Điện Biên/ }).click();
    await w.page.getByRole("heading", { level: 1, name: "Văn bản của Đảng ủy phường Điện Biên" }).waitFor();
    const deskItem = w.page.locator("li.doc-item", { hasText: CLOSED_DRAFT });
    await deskItem.getByText(/^Dự thảo lấy ý kiến đến \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/).waitFor();
    await checkPage(w.page, "documents desk with drafts", w.consoleErrors);
    await deskItem.getByRole("link", { name: /^Tổng hợp góp ý: / }).click();
    await w.page.getByRole("heading", { level: 1, name: "Tổng hợp góp ý" }).waitFor();
    await w.page.getByRole("region", { name: "Tổng hợp của Đảng ủy phường Điện Biên" }).getByText("Đây là đơn vị ban hành dự thảo: các ý kiến được tổng hợp tại đây.").waitFor();
    const units = w.page.getByRole("region", { name: "Đơn vị trực thuộc" });
    await units.getByText(/^Đã nhận tổng hợp của 2\/\d+ đơn vị\.$/).waitFor();
    for (const cell of ["Chi bộ tổ dân phố số 1", "Chi bộ tổ dân phố số 2"]) {
      await units.locator("li.fb-unit", { hasText: cell }).getByText(/^Đã gửi tổng hợp lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2} \(.+\), \d+ ý kiến\.$/).waitFor();
    }
    await checkPage(w.page, "the ward's review", w.consoleErrors);

    // The cell's DOCX, downloaded with the ward secretary's session.
    const href = await units.getByRole("link", { name: "Tải DOCX tổng hợp của Chi bộ tổ dân phố số 1" }).getAttribute("href");
    assert.ok(href, "the DOCX link");
    const file = await w.page.request.get(href);
    assert.equal(file.status(), 200, await file.text());
    assert.equal(file.headers()["content-type"], DOCX);
    assert.equal((await file.body()).subarray(0, 2).toString("latin1"), "PK", "a DOCX is a ZIP");
  });

  it("the ward's secretary turns a plan into a draft for feedback in the document form: a past deadline is refused, a future one opens it", async () => {
    const w = await open(staffSession("0900000010"));
    const found = await w.page.request.get(`/api/documents?q=${encodeURIComponent("38-KH/ĐU")}`);
    const plan = ((await found.json()) as { data: { id: string; numberSymbol: string }[] }).data.find((d) => d.numberSymbol === "38-KH/ĐU");
    assert.ok(plan, "the ward's plan 38-KH/ĐU");
    await w.page.goto(`/admin/documents/${plan.id}/edit`);
    await w.page.getByRole("heading", { level: 1 }).waitFor();

    await w.page.getByRole("checkbox", { name: "Dự thảo lấy ý kiến đảng viên" }).check();
    const deadline = w.page.getByLabel(/^Hạn góp ý/);
    await deadline.fill("2020-01-01T17:00");
    await w.page.getByRole("button", { name: "Lưu thay đổi" }).click();
    await w.page.getByText("Hạn góp ý phải sau thời điểm hiện tại.").waitFor();
    await checkPage(w.page, "document form: a draft's deadline refused", w.consoleErrors);

    const next = new Date(Date.now() + 7 * 86_400_000).toLocaleDateString("sv-SE", { timeZone: "Asia/Ho_Chi_Minh" });
    await deadline.fill(`${next}T17:00`);
    await w.page.getByRole("checkbox", { name: "Đảng viên xem được góp ý của người khác trong chi bộ" }).check();
    await w.page.getByRole("button", { name: "Lưu thay đổi" }).click();
    await w.page.waitForURL(`**/documents/${plan.id}`);
    const card = w.page.getByRole("region", { name: "Góp ý dự thảo" });
    await card.getByText(new RegExp(`${next.split("-").reverse().join("/")} 17:00`)).first().waitFor();
    const saved = (await (await w.page.request.get(`/api/documents/${plan.id}`)).json()) as { data: { feedbackUntil: string; feedbackVisibility: string } };
    assert.equal(saved.data.feedbackUntil, new Date(`${next}T17:00:00+07:00`).toISOString());
    assert.equal(saved.data.feedbackVisibility, "all");
  });
});
