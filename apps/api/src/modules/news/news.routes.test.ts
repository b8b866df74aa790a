import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { buildAccount, buildTree } from "../../../test/factories";
import { createTestApp } from "../../../test/server";
import { runNewsSchedule } from "./news.jobs";

const t = await createTestApp();

/** A small newsroom on a fresh tree: editors and approvers of the district and the ward, members of a cell and of a sibling district. */
async function newsroom() {
  const tree = await buildTree(t.db);
  const people = {
    districtEditor: await buildAccount(t.db, { cell: tree.cell, roles: [["editor", tree.district]] }),
    districtApprover: await buildAccount(t.db, { cell: tree.cell, roles: [["approver", tree.district]] }),
    wardEditor: await buildAccount(t.db, { cell: tree.cell, roles: [["editor", tree.ward]] }),
    wardApprover: await buildAccount(t.db, { cell: tree.cell, roles: [["approver", tree.ward]] }),
    member: await buildAccount(t.db, { cell: tree.cell }),
    cellMate: await buildAccount(t.db, { cell: tree.cell }),
    otherCellMember: await buildAccount(t.db, { cell: tree.otherCell }),
    siblingMember: await buildAccount(t.db, { cell: tree.siblingCell }),
    admin: await buildAccount(t.db, { homeUnit: tree.district, roles: [["unit_admin", tree.district]] }),
  };
  const as = async (who: keyof typeof people) => t.as(people[who]);
  return { tree, people, as };
}

const content = (title: string, extra: Record<string, unknown> = {}) => ({ title, summary: `Tóm tắt: ${title}`, bodyHtml: `<p>${title} — nội dung chi tiết.</p>`, ...extra });

/** Writes, submits and approves an article in `unitId`'s channel; returns its id. */
async function publish(room: Awaited<ReturnType<typeof newsroom>>, unitId: string, title: string, approve: Record<string, unknown> = {}) {
  const editor = unitId === room.tree.ward.id ? await room.as("wardEditor") : await room.as("districtEditor");
  const approver = unitId === room.tree.ward.id ? await room.as("wardApprover") : await room.as("districtApprover");
  const created = await editor.post("/api/articles", { unitId, ...content(title) });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().data.id;
  expect((await editor.post(`/api/articles/${id}/submit`)).statusCode).toBe(200);
  const approved = await approver.post(`/api/articles/${id}/approve`, approve);
  expect(approved.statusCode, approved.body).toBe(200);
  return id as string;
}

describe("the editorial workflow", () => {
  it("goes draft → submitted → returned with a reason → draft → submitted → published, each step audited and the editor notified", async () => {
    const room = await newsroom();
    const editor = await room.as("districtEditor");
    const approver = await room.as("districtApprover");

    const created = await editor.post("/api/articles", { unitId: room.tree.district.id, ...content("Hội nghị quán triệt Nghị quyết 57") });
    expect(created.statusCode).toBe(201);
    const id = created.json().data.id;
    expect(created.json().data).toMatchObject({ status: "draft", publishedAt: null, working: { number: 1, state: "draft" } });
    expect(created.json().abilities).toMatchObject({ edit: true, submit: true, approve: false });

    expect((await editor.post(`/api/articles/${id}/submit`)).json().data.status).toBe("submitted");
    expect((await approver.get("/api/news/review-queue")).json().data.map((i: { id: string }) => i.id)).toContain(id);
    const returned = await approver.post(`/api/articles/${id}/return`, { reason: "Bổ sung số liệu" });
    expect(returned.json().data).toMatchObject({ status: "returned", statusReason: "Bổ sung số liệu", working: { state: "returned", reviewReason: "Bổ sung số liệu" } });
    await t.drainJobs();
    const inbox = (await editor.get("/api/notifications")).json().data;
    expect(inbox[0]).toMatchObject({ type: "editorial.returned", body: "Bổ sung số liệu", link: `/news/${id}` });

    expect((await editor.put(`/api/articles/${id}`, content("Hội nghị quán triệt Nghị quyết 57 (có số liệu)"))).json().data.status).toBe("draft");
    await editor.post(`/api/articles/${id}/submit`);
    const published = await approver.post(`/api/articles/${id}/approve`, {});
    expect(published.json().data).toMatchObject({ status: "published", title: "Hội nghị quán triệt Nghị quyết 57 (có số liệu)", publishedRevision: 1, working: null });

    const events = await t.db.selectFrom("events").select("name").where("subjectId", "=", id).orderBy("occurredAt").execute();
    expect(events.map((e) => e.name)).toEqual([
      "news.article_created",
      "news.article_submitted",
      "news.article_returned",
      "news.article_submitted",
      "news.article_approved",
      "news.article_published",
    ]);
  });

  it("never lets an editor publish: approve is 403 for the editor, and an approver may not approve what they submitted", async () => {
    const room = await newsroom();
    const both = await buildAccount(t.db, { cell: room.tree.cell, roles: [["editor", room.tree.district], ["approver", room.tree.district]] });
    const editor = await room.as("districtEditor");
    const a = (await editor.post("/api/articles", { unitId: room.tree.district.id, ...content("Bài của biên tập viên") })).json().data.id;
    await editor.post(`/api/articles/${a}/submit`);
    expect((await editor.post(`/api/articles/${a}/approve`, {})).statusCode).toBe(403);

    const self = await t.as(both);
    const b = (await self.post("/api/articles", { unitId: room.tree.district.id, ...content("Tự viết tự duyệt") })).json().data.id;
    await self.post(`/api/articles/${b}/submit`);
    expect((await self.post(`/api/articles/${b}/approve`, {})).statusCode).toBe(403);
  });

  it("keeps the published version live while an edit goes through review, then replaces it; history shows both with a diff and restore", async () => {
    const room = await newsroom();
    const id = await publish(room, room.tree.district.id, "Tổng kết công tác năm");
    const editor = await room.as("districtEditor");
    const approver = await room.as("districtApprover");
    const member = await room.as("member");

    const edited = await editor.put(`/api/articles/${id}`, content("Tổng kết công tác năm 2026"));
    expect(edited.json().data).toMatchObject({ status: "published", title: "Tổng kết công tác năm", working: { number: 2, state: "draft" } });
    await editor.post(`/api/articles/${id}/submit`);
    const forMember = (await member.get(`/api/articles/${id}`)).json().data;
    expect(forMember).toMatchObject({ title: "Tổng kết công tác năm", working: null });

    await approver.post(`/api/articles/${id}/approve`, {});
    expect((await member.get(`/api/articles/${id}`)).json().data).toMatchObject({ title: "Tổng kết công tác năm 2026", publishedRevision: 2 });

    const revisions = (await editor.get(`/api/articles/${id}/revisions`)).json().data;
    expect(revisions.map((r: { number: number; state: string }) => [r.number, r.state])).toEqual([
      [2, "approved"],
      [1, "superseded"],
    ]);
    const diff = (await editor.get(`/api/articles/${id}/diff?from=1&to=2`)).json().data.fields.title;
    expect(diff).toContainEqual({ text: " 2026", change: "added" });

    const restored = await editor.post(`/api/articles/${id}/restore`, { number: 1 });
    expect(restored.json().data.working).toMatchObject({ number: 3, state: "draft", title: "Tổng kết công tác năm", restoredFrom: 1 });
    expect((await member.get(`/api/articles/${id}/revisions`)).statusCode).toBe(403);
  });

  it("takes a proposal from a ward up to the district: declined with a reason, or accepted and credited to the ward", async () => {
    const room = await newsroom();
    const wardEditor = await room.as("wardEditor");
    const districtApprover = await room.as("districtApprover");
    const wardApprover = await room.as("wardApprover");

    const proposal = (await wardEditor.post("/api/articles", { unitId: room.tree.district.id, ...content("Gương người tốt ở phường") })).json().data.id;
    await wardEditor.post(`/api/articles/${proposal}/submit`);
    expect((await wardApprover.post(`/api/articles/${proposal}/approve`, {})).statusCode).toBe(404); // not the ward's channel
    expect((await districtApprover.post(`/api/articles/${proposal}/return`, { reason: "x" })).statusCode).toBe(403); // proposals are declined
    const declined = await districtApprover.post(`/api/articles/${proposal}/decline`, { reason: "Trùng nội dung" });
    expect(declined.json().data).toMatchObject({ status: "declined", statusReason: "Trùng nội dung" });

    await wardEditor.put(`/api/articles/${proposal}`, content("Gương người tốt ở phường (bản mới)"));
    await wardEditor.post(`/api/articles/${proposal}/submit`);
    await districtApprover.post(`/api/articles/${proposal}/approve`, {});
    const feed = (await (await room.as("otherCellMember")).get("/api/news/feed")).json().data;
    expect(feed[0]).toMatchObject({ id: proposal, unit: { id: room.tree.district.id }, originUnit: { id: room.tree.ward.id, name: room.tree.ward.name } });
  });

  it("publishes at the scheduled time and unpublishes at the set time, through the minute scheduler", async () => {
    const room = await newsroom();
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    const id = await publish(room, room.tree.district.id, "Lịch tiếp công dân", { publishAt: inAnHour, unpublishAt: new Date(Date.now() + 7_200_000).toISOString() });
    const member = await room.as("member");
    expect((await member.get(`/api/articles/${id}`)).statusCode).toBe(404);
    const calendar = await (await room.as("districtEditor")).get(
      `/api/units/${room.tree.district.id}/news-calendar?from=${inAnHour.slice(0, 10)}&to=${new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)}`,
    );
    expect(calendar.json().data.map((i: { id: string; status: string }) => [i.id, i.status])).toContainEqual([id, "scheduled"]);

    await sql`UPDATE articles SET publish_at = now() - interval '1 second' WHERE id = ${id}`.execute(t.db);
    await runNewsSchedule(t.jobDeps);
    expect((await member.get(`/api/articles/${id}`)).json().data.status).toBe("published");

    await sql`UPDATE articles SET unpublish_at = now() - interval '1 second' WHERE id = ${id}`.execute(t.db);
    await runNewsSchedule(t.jobDeps);
    expect((await member.get(`/api/articles/${id}`)).statusCode).toBe(404);
    await runNewsSchedule(t.jobDeps); // again: nothing left to do
  });

  it("pins guidance on top of the feed and notifies everyone in the channel's subtree once", async () => {
    const room = await newsroom();
    const older = await publish(room, room.tree.district.id, "Tin thường");
    const guidance = await publish(room, room.tree.district.id, "Thông tin định hướng về dư luận", { guidancePinnedUntil: new Date(Date.now() + 86_400_000).toISOString() });
    const newer = await publish(room, room.tree.ward.id, "Tin mới của phường");
    await t.drainJobs();

    const feed = (await (await room.as("member")).get("/api/news/feed")).json();
    expect(feed.pinned.map((a: { id: string }) => a.id)).toEqual([guidance]);
    expect(feed.data.map((a: { id: string }) => a.id)).toEqual([newer, older]);
    const inboxOf = async (who: "member" | "otherCellMember" | "siblingMember") =>
      (await (await room.as(who)).get("/api/notifications")).json().data.filter((n: { type: string }) => n.type === "guidance.pinned");
    expect(await inboxOf("member")).toHaveLength(1);
    expect(await inboxOf("otherCellMember")).toHaveLength(1);
    expect(await inboxOf("siblingMember")).toEqual([]);
  });

  it("returns 400 for hostile or invalid content and keeps nothing half-written", async () => {
    const room = await newsroom();
    const editor = await room.as("districtEditor");
    expect((await editor.post("/api/articles", { unitId: room.tree.district.id, title: "" })).statusCode).toBe(400);
    expect((await editor.post("/api/articles", { unitId: room.tree.district.id, ...content("x"), categoryId: randomUUID() })).json().error.details.fields).toEqual({ categoryId: "invalid" });
    const count = await t.db.selectFrom("articles").select(sql<number>`count(*)::int`.as("n")).where("unitId", "=", room.tree.district.id).executeTakeFirstOrThrow();
    expect(count.n).toBe(0);

    const created = await editor.post("/api/articles", {
      unitId: room.tree.district.id,
      ...content("Có mã độc"),
      bodyHtml: '<p onclick="steal()">Chào <script>alert(1)</script><a href="javascript:alert(1)">bấm</a><img src="https://evil.example/x.png" onerror="x()"></p>',
    });
    expect(created.json().data.working.bodyHtml).toBe("<p>Chào <a rel=\"noopener noreferrer nofollow\" target=\"_blank\">bấm</a></p>");
  });
});

describe("who sees what", () => {
  it("shows a published article to its channel's subtree only, and a draft to nobody outside the team", async () => {
    const room = await newsroom();
    const id = await publish(room, room.tree.ward.id, "Tin của phường");
    const draft = (await (await room.as("wardEditor")).post("/api/articles", { unitId: room.tree.ward.id, ...content("Bản nháp") })).json().data.id;

    expect((await (await room.as("member")).get(`/api/articles/${id}`)).statusCode).toBe(200);
    expect((await (await room.as("siblingMember")).get(`/api/articles/${id}`)).statusCode).toBe(404);
    expect((await (await room.as("member")).get(`/api/articles/${draft}`)).statusCode).toBe(404);
    expect((await (await room.as("districtApprover")).get(`/api/articles/${draft}`)).statusCode).toBe(200);
    expect((await (await room.as("siblingMember")).get("/api/news/feed")).json().data).toEqual([]);
  });

  it("returns 404 for an unknown article and 401 without a session", async () => {
    const room = await newsroom();
    expect((await (await room.as("member")).get(`/api/articles/${randomUUID()}`)).statusCode).toBe(404);
    expect((await t.anonymous.get("/api/news/feed")).statusCode).toBe(401);
    expect((await t.anonymous.post("/api/articles", content("x"))).statusCode).toBe(401);
  });

  it("lets only editors create articles, and only in their channel or as a proposal to one above (403 / 404)", async () => {
    const room = await newsroom();
    expect((await (await room.as("member")).post("/api/articles", { unitId: room.tree.cell.id, ...content("x") })).statusCode).toBe(403);
    expect((await (await room.as("districtEditor")).post("/api/articles", { unitId: room.tree.sibling.id, ...content("x") })).statusCode).toBe(404);
    expect((await (await room.as("wardEditor")).post("/api/articles", { unitId: room.tree.city.id, ...content("x") })).statusCode).toBe(201);
  });
});

describe("reading", () => {
  it("pages the feed with a cursor, marks what was read and counts unique readers per day", async () => {
    const room = await newsroom();
    const ids = [];
    for (const title of ["Một", "Hai", "Ba"]) ids.push(await publish(room, room.tree.district.id, title));
    const member = await room.as("member");

    const first = (await member.get("/api/news/feed?limit=2")).json();
    expect(first.data.map((a: { id: string }) => a.id)).toEqual([ids[2], ids[1]]);
    const second = (await member.get(`/api/news/feed?limit=2&cursor=${first.nextCursor}`)).json();
    expect(second.data.map((a: { id: string }) => a.id)).toEqual([ids[0]]);
    expect((await member.get("/api/news/feed?cursor=not-a-cursor")).statusCode).toBe(400);

    await member.post(`/api/articles/${ids[0]}/read`);
    await member.post(`/api/articles/${ids[0]}/read`);
    await (await room.as("otherCellMember")).post(`/api/articles/${ids[0]}/read`);
    expect((await member.get(`/api/articles/${ids[0]}`)).json().data.read).toBe(true);
    const stats = (await (await room.as("districtEditor")).get(`/api/articles/${ids[0]}/readers`)).json().data;
    expect(stats.total).toBe(2);
    expect(stats.days).toHaveLength(1);
    expect(stats.days[0].readers).toBe(2);
    expect((await member.get(`/api/articles/${ids[0]}/readers`)).statusCode).toBe(403);
  });

  it("marks an article read on the shared feed page at once, for this member only", async () => {
    const room = await newsroom();
    const id = await publish(room, room.tree.district.id, "Tin đã đọc");
    const member = await room.as("member");
    const cellMate = await room.as("cellMate");
    const readOf = async (c: typeof member) => (await c.get("/api/news/feed")).json().data.find((a: { id: string }) => a.id === id).read;
    expect([await readOf(member), await readOf(cellMate)]).toEqual([false, false]);
    await member.post(`/api/articles/${id}/read`);
    // Same audience, so the same cached page; the marks are each member's own.
    expect([await readOf(member), await readOf(cellMate)]).toEqual([true, false]);
  });

  it("shows a newly published or unpublished article at once although feeds of a cell are shared for a few seconds", async () => {
    const room = await newsroom();
    const first = await publish(room, room.tree.district.id, "Tin đầu");
    const member = await room.as("member");
    const neighbour = await room.as("otherCellMember"); // another cell: another audience key, same channels above
    expect((await member.get("/api/news/feed")).json().data.map((a: { id: string }) => a.id)).toEqual([first]);

    const second = await publish(room, room.tree.district.id, "Tin sau");
    expect((await member.get("/api/news/feed")).json().data.map((a: { id: string }) => a.id)).toEqual([second, first]);
    await (await room.as("districtApprover")).post(`/api/articles/${second}/unpublish`, { reason: "Nhầm" });
    expect((await member.get("/api/news/feed")).json().data.map((a: { id: string }) => a.id)).toEqual([first]);

    // Read marks are each member's own, also when the page comes from the shared cache.
    await member.post(`/api/articles/${first}/read`);
    expect((await member.get("/api/news/feed")).json().data[0].read).toBe(true);
    expect((await neighbour.get("/api/news/feed")).json().data[0].read).toBe(false);
    const cellmate = await t.as(await buildAccount(t.db, { cell: room.tree.cell })); // same cell: same cached page
    expect((await cellmate.get("/api/news/feed")).json().data[0].read).toBe(false);
  });

  it("filters the feed by the channel's level and by category", async () => {
    const room = await newsroom();
    const admin = await room.as("admin");
    const category = (await admin.post(`/api/units/${room.tree.district.id}/news-categories`, { name: "Xây dựng Đảng" })).json().data;
    const editor = await room.as("districtEditor");
    const inCategory = (await editor.post("/api/articles", { unitId: room.tree.district.id, ...content("Trong chuyên mục"), categoryId: category.id })).json().data.id;
    await editor.post(`/api/articles/${inCategory}/submit`);
    await (await room.as("districtApprover")).post(`/api/articles/${inCategory}/approve`, {});
    const wardNews = await publish(room, room.tree.ward.id, "Tin phường");
    const member = await room.as("member");

    expect((await member.get(`/api/news/feed?categoryId=${category.id}`)).json().data.map((a: { id: string }) => a.id)).toEqual([inCategory]);
    expect((await member.get("/api/news/feed?level=grassroots")).json().data.map((a: { id: string }) => a.id)).toEqual([wardNews]);
    expect((await member.get("/api/news/feed?level=planet")).statusCode).toBe(400);
  });

  it("finds 'Nghị quyết' from 'nghi quyet', ranks title matches first, highlights them, and never shows another district's news", async () => {
    const room = await newsroom();
    const inBody = await publish(room, room.tree.district.id, "Hội nghị cán bộ");
    await t.db.updateTable("articles").set({ bodyText: "Hội nghị đã quán triệt Nghị quyết số 57 về chuyển đổi số." }).where("id", "=", inBody).execute();
    const inTitle = await publish(room, room.tree.ward.id, "Học tập Nghị quyết Trung ương");
    const sibling = await publish(room, room.tree.district.id, "Nghị quyết của quận bạn");
    await t.db.updateTable("articles").set({ unitId: room.tree.sibling.id, unitPath: room.tree.sibling.path }).where("id", "=", sibling).execute();

    const res = await (await room.as("member")).get("/api/news/search?q=nghi%20quyet");
    expect(res.statusCode).toBe(200);
    const hits = res.json().data;
    expect(hits.map((h: { id: string }) => h.id)).toEqual([inTitle, inBody]);
    expect(hits[0].titleParts).toContainEqual({ text: "Nghị", match: true });
    expect(hits[1].snippet).toContainEqual({ text: "Nghị", match: true });
    expect((await (await room.as("member")).get("/api/news/search?q=dang%20uy%20đ")).statusCode).toBe(200);
    expect((await (await room.as("member")).get("/api/news/search")).statusCode).toBe(400);
  });

  it("pages through title and summary matches first, then body-only matches newest first, with none twice or missed", async () => {
    const room = await newsroom();
    const titled = [];
    for (const title of ["Nghị quyết một", "Nghị quyết hai"]) titled.push(await publish(room, room.tree.district.id, title));
    const bodyOnly = [];
    for (const [i, unit] of [room.tree.district, room.tree.ward, room.tree.district].entries()) {
      const id = await publish(room, unit.id, `Tin số ${i}`);
      await t.db.updateTable("articles").set({ bodyText: "Quán triệt nghị quyết.", publishedAt: new Date(Date.UTC(2026, 0, 10 + i)) }).where("id", "=", id).execute();
      bodyOnly.unshift(id); // newest first
    }
    const member = await room.as("member");
    const seen = [];
    for (const offset of [0, 2, 4]) {
      const page = (await member.get(`/api/news/search?q=nghi%20quyet&limit=2&offset=${offset}`)).json();
      seen.push(...page.data.map((h: { id: string }) => h.id));
      expect(page.hasMore).toBe(offset < 4);
    }
    expect(seen.slice(0, 2).sort()).toEqual([...titled].sort());
    expect(seen.slice(2)).toEqual(bodyOnly);
    // Staff searching their subtree find the same, the ward's channel included.
    const editor = await room.as("districtEditor");
    const all = (await editor.get("/api/news/search?q=nghi%20quyet&limit=10")).json().data.map((h: { id: string }) => h.id);
    expect(all.slice(2)).toEqual(bodyOnly);
  });
});

describe("cover pictures", () => {
  it("carries an uploaded picture with its text alternative from the editor's draft to the feed, and refuses an unknown one", async () => {
    const room = await newsroom();
    const editor = await room.as("districtEditor");
    const jpeg = await sharp({ create: { width: 1200, height: 800, channels: 3, background: "#b71c1c" } }).jpeg().toBuffer();
    const uploaded = await t.app.inject({ method: "POST", url: "/api/images", headers: { ...editor.headers, "content-type": "image/jpeg" }, payload: jpeg });
    const image = uploaded.json().data;

    const bad = await editor.post("/api/articles", { unitId: room.tree.district.id, ...content("Ảnh lạ"), coverImageId: randomUUID() });
    expect(bad.json().error.details.fields).toEqual({ coverImageId: "invalid" });
    const created = await editor.post("/api/articles", { unitId: room.tree.district.id, ...content("Có ảnh bìa"), coverImageId: image.id, coverAlt: "Hội trường quận ủy" });
    expect(created.json().data.working.cover).toMatchObject({ id: image.id, alt: "Hội trường quận ủy" });
    const id = created.json().data.id;
    await editor.post(`/api/articles/${id}/submit`);
    await (await room.as("districtApprover")).post(`/api/articles/${id}/approve`, {});

    const [item] = (await (await room.as("member")).get("/api/news/feed")).json().data;
    expect(item.cover).toEqual({ ...image, alt: "Hội trường quận ủy" });
    expect(item.cover.variants.map((v: { width: number }) => v.width)).toEqual([480, 960, 1200]);
  });
});

describe("categories", () => {
  it("are managed by the unit's admins: 201, 409 on a duplicate name, 403 for an editor, archived ones hidden from editors", async () => {
    const room = await newsroom();
    const admin = await room.as("admin");
    const created = await admin.post(`/api/units/${room.tree.district.id}/news-categories`, { name: "Tin hoạt động" });
    expect(created.statusCode).toBe(201);
    expect((await admin.post(`/api/units/${room.tree.district.id}/news-categories`, { name: "Tin hoạt động" })).statusCode).toBe(409);
    expect((await (await room.as("districtEditor")).post(`/api/units/${room.tree.district.id}/news-categories`, { name: "Khác" })).statusCode).toBe(403);
    await admin.patch(`/api/news-categories/${created.json().data.id}`, { archived: true });
    expect((await (await room.as("districtEditor")).get(`/api/units/${room.tree.district.id}/news-categories`)).json().data).toEqual([]);
    expect((await admin.get(`/api/units/${room.tree.district.id}/news-categories`)).json().data).toHaveLength(1);
  });
});
