import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildAccount, buildTree } from "../../../test/factories";
import { createTestApp } from "../../../test/server";

const t = await createTestApp();

let n = 0;
/** One notification for the account, `minutesAgo` old. */
async function notify(accountId: string, minutesAgo = 0, read = false) {
  n++;
  return t.db
    .insertInto("notifications")
    .values({
      accountId,
      type: "system.announcement",
      title: `Thông báo ${n}`,
      body: "Nội dung",
      link: "/news/1",
      dedupeKey: `test:${n}`,
      createdAt: new Date(Date.now() - minutesAgo * 60_000),
      readAt: read ? new Date() : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

async function member() {
  const tree = await buildTree(t.db);
  return { tree, account: await buildAccount(t.db, { cell: tree.cell }) };
}

describe("GET /api/notifications", () => {
  it("lists only the account's own notifications, newest first, each exactly once across cursor pages", async () => {
    const { tree, account } = await member();
    const other = await buildAccount(t.db, { cell: tree.cell });
    const mine = [];
    for (let i = 0; i < 5; i++) mine.push(await notify(account.id, i));
    await notify(other.id);
    const client = await t.as(account);

    const first = await client.get("/api/notifications?limit=2");
    expect(first.statusCode).toBe(200);
    const seen: string[] = first.json().data.map((x: { id: string }) => x.id);
    let cursor = first.json().nextCursor;
    while (cursor) {
      const page = await client.get(`/api/notifications?limit=2&cursor=${cursor}`);
      seen.push(...page.json().data.map((x: { id: string }) => x.id));
      cursor = page.json().nextCursor;
    }

    expect(seen).toEqual(mine.map((x) => x.id));
    expect(first.json().data[0]).toMatchObject({ type: "system.announcement", title: mine[0].title, link: "/news/1", readAt: null, subject: null });
  });

  it("returns 400 for a cursor that is not one of the account's notifications, or a bad limit", async () => {
    const { tree, account } = await member();
    const other = await buildAccount(t.db, { cell: tree.cell });
    const foreign = await notify(other.id);
    const client = await t.as(account);

    expect((await client.get(`/api/notifications?cursor=${foreign.id}`)).statusCode).toBe(400);
    expect((await client.get(`/api/notifications?cursor=${randomUUID()}`)).statusCode).toBe(400);
    expect((await client.get("/api/notifications?limit=0")).statusCode).toBe(400);
  });

  it("returns 401 without a session", async () => {
    expect((await t.anonymous.get("/api/notifications")).statusCode).toBe(401);
  });
});

describe("GET /api/notifications/unread-count", () => {
  it("counts the account's unread notifications only", async () => {
    const { tree, account } = await member();
    await notify(account.id);
    await notify(account.id);
    await notify(account.id, 0, true);
    await notify((await buildAccount(t.db, { cell: tree.cell })).id);

    const res = await (await t.as(account)).get("/api/notifications/unread-count");

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ data: { unread: 2 } });
  });

  it("returns 400 for an unknown query parameter and 401 without a session", async () => {
    const { account } = await member();
    expect((await (await t.as(account)).get("/api/notifications/unread-count?x=1")).statusCode).toBe(400);
    expect((await t.anonymous.get("/api/notifications/unread-count")).statusCode).toBe(401);
  });
});

describe("POST /api/notifications/:id/read", () => {
  it("marks the notification read, and again is harmless", async () => {
    const { account } = await member();
    const note = await notify(account.id);
    const client = await t.as(account);

    const res = await client.post(`/api/notifications/${note.id}/read`);
    const again = await client.post(`/api/notifications/${note.id}/read`);

    expect(res.statusCode).toBe(200);
    expect(res.json().data.readAt).toEqual(expect.any(String));
    expect(again.json().data.readAt).toBe(res.json().data.readAt);
    expect((await client.get("/api/notifications/unread-count")).json().data.unread).toBe(0);
  });

  it("returns 404 for another account's notification and leaves it unread", async () => {
    const { tree, account } = await member();
    const admin = await buildAccount(t.db, { homeUnit: tree.city, roles: [["unit_admin", tree.city]] });
    const note = await notify(account.id);

    const res = await (await t.as(admin)).post(`/api/notifications/${note.id}/read`);

    expect(res.statusCode).toBe(404);
    const row = await t.db.selectFrom("notifications").select("readAt").where("id", "=", note.id).executeTakeFirstOrThrow();
    expect(row.readAt).toBeNull();
  });

  it("returns 404 for an unknown id, 400 for a malformed one, 401 without a session", async () => {
    const { account } = await member();
    const client = await t.as(account);
    expect((await client.post(`/api/notifications/${randomUUID()}/read`)).statusCode).toBe(404);
    expect((await client.post("/api/notifications/nope/read")).statusCode).toBe(400);
    expect((await t.anonymous.post(`/api/notifications/${randomUUID()}/read`)).statusCode).toBe(401);
  });
});

describe("POST /api/notifications/read-all", () => {
  it("marks every notification of the account read and nobody else's", async () => {
    const { tree, account } = await member();
    const other = await buildAccount(t.db, { cell: tree.cell });
    await notify(account.id);
    await notify(account.id);
    await notify(other.id);

    const res = await (await t.as(account)).post("/api/notifications/read-all");

    expect(res.statusCode).toBe(200);
    expect((await (await t.as(account)).get("/api/notifications/unread-count")).json().data.unread).toBe(0);
    expect((await (await t.as(other)).get("/api/notifications/unread-count")).json().data.unread).toBe(1);
  });

  it("returns 400 for a body with fields and 401 without a session", async () => {
    const { account } = await member();
    expect((await (await t.as(account)).post("/api/notifications/read-all", { all: true })).statusCode).toBe(400);
    expect((await t.anonymous.post("/api/notifications/read-all")).statusCode).toBe(401);
  });
});
