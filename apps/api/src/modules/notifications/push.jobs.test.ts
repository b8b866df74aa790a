import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { buildAccount, buildTree } from "../../../test/factories";
import { pushTestEnv, startPushService } from "../../../test/push-service";
import { createTestApp } from "../../../test/server";
import { buildApp } from "../../app";
import { withTransaction } from "../../lib/context";
import { notifyAccounts } from "./notifications.commands";
import { PUSH_QUEUE } from "./push.jobs";

const t = await createTestApp({ env: pushTestEnv });
const service = await startPushService();

/** A member with one device registered through the API, as the PWA does it. */
async function memberWithDevice(cell: { id: string; path: string }, status = 201) {
  const account = await buildAccount(t.db, { cell });
  const client = await t.as(account);
  const device = service.device(status);
  expect((await client.post("/api/push/subscriptions", device.subscription)).statusCode).toBe(201);
  return { account, client, device };
}

const announce = async (admin: { id: string }, unitId: string, title: string) => {
  const res = await (await t.as(admin)).post(`/api/units/${unitId}/announcements`, { title, body: "Nội dung" });
  expect(res.statusCode).toBe(202);
};

const pushedAt = (accountId: string) =>
  t.db.selectFrom("notifications").select("pushedAt").where("accountId", "=", accountId).executeTakeFirstOrThrow().then((r) => r.pushedAt);

describe("push delivery", () => {
  it("pushes an announcement, encrypted for the device and signed with the server's VAPID key, to members with a device", async () => {
    const tree = await buildTree(t.db);
    const admin = await buildAccount(t.db, { homeUnit: tree.ward, roles: [["unit_admin", tree.ward]] });
    const { account, client, device } = await memberWithDevice(tree.cell);
    const second = service.device();
    await (await t.as(account)).post("/api/push/subscriptions", second.subscription); // the same member's tablet
    await buildAccount(t.db, { cell: tree.cell }); // no device: inbox only

    await announce(admin, tree.ward.id, "Họp chi bộ tháng 12");
    await t.drainJobs();

    const [received] = service.to(device.id);
    const notification = (await client.get("/api/notifications")).json().data[0];
    expect(received.payload).toEqual({ id: notification.id, type: "system.announcement", title: "Họp chi bộ tháng 12", body: "Nội dung", url: "/notifications", tag: notification.id });
    expect(service.to(second.id)).toHaveLength(1);
    const publicKey = (await client.get("/api/push/config")).json().data.publicKey;
    expect(received.headers.authorization).toMatch(new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${publicKey}$`));
    expect(received.headers.ttl).toBe("86400");
    expect(received.headers.topic).toMatch(/^[\w-]{32}$/);
    expect(await pushedAt(account.id)).toBeInstanceOf(Date);
  });

  it("removes a device its push service says is gone (410) and pushes nothing to it again", async () => {
    const tree = await buildTree(t.db);
    const admin = await buildAccount(t.db, { homeUnit: tree.ward, roles: [["unit_admin", tree.ward]] });
    const { account, device } = await memberWithDevice(tree.cell, 410);

    await announce(admin, tree.ward.id, "Một");
    await t.drainJobs();

    expect(await t.db.selectFrom("pushSubscriptions").select("id").where("accountId", "=", account.id).execute()).toEqual([]);
    expect(await pushedAt(account.id)).toBeInstanceOf(Date);
    expect(service.to(device.id)).toEqual([]);
  });

  it("retries a failed delivery and sends it once it goes through, without pushing twice to the device that took it", async () => {
    const tree = await buildTree(t.db);
    const admin = await buildAccount(t.db, { homeUnit: tree.ward, roles: [["unit_admin", tree.ward]] });
    const flaky = await memberWithDevice(tree.cell, 503);
    const steady = await memberWithDevice(tree.cell);

    await announce(admin, tree.ward.id, "Thử lại");
    await expect(t.drainJobs()).rejects.toThrow(/1 of 2 push deliveries failed/);
    expect(service.to(steady.device.id)).toHaveLength(1);
    expect(await pushedAt(flaky.account.id)).toBeNull();
    const failures = await t.db.selectFrom("pushSubscriptions").select("failures").where("accountId", "=", flaky.account.id).executeTakeFirstOrThrow();
    expect(failures.failures).toBe(1);

    // pg-boss retries the failed job after its back-off; here the retry is run at once.
    flaky.device.answer(201);
    await sql`UPDATE pgboss.job SET start_after = now() WHERE name = ${PUSH_QUEUE} AND state = 'retry'`.execute(t.db);
    await t.drainJobs();
    expect(service.to(flaky.device.id)).toHaveLength(1);
    expect(service.to(steady.device.id)).toHaveLength(1);
    expect(await pushedAt(flaky.account.id)).toBeInstanceOf(Date);
  });

  it("does not push a type the member muted (the inbox still has it)", async () => {
    const tree = await buildTree(t.db);
    const admin = await buildAccount(t.db, { homeUnit: tree.ward, roles: [["unit_admin", tree.ward]] });
    const { client, device } = await memberWithDevice(tree.cell);
    await client.patch("/api/me/notification-preferences", { push: { "system.announcement": false } });

    await announce(admin, tree.ward.id, "Im lặng");
    await t.drainJobs();

    expect(service.to(device.id)).toEqual([]);
    expect((await client.get("/api/notifications")).json().data).toHaveLength(1);
  });

  it("holds a push in quiet hours until they end, and drops it if the member read it in the app meanwhile", async () => {
    const tree = await buildTree(t.db);
    const admin = await buildAccount(t.db, { homeUnit: tree.ward, roles: [["unit_admin", tree.ward]] });
    const reader = await memberWithDevice(tree.cell);
    const sleeper = await memberWithDevice(tree.cell);
    // Quiet from a minute ago to an hour from now, in Asia/Ho_Chi_Minh.
    const hcm = (offsetMinutes: number) =>
      new Date(Date.now() + offsetMinutes * 60_000).toLocaleTimeString("en-GB", { timeZone: "Asia/Ho_Chi_Minh", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    const quietHours = { start: hcm(-1), end: hcm(60) };
    await reader.client.patch("/api/me/notification-preferences", { quietHours });
    await sleeper.client.patch("/api/me/notification-preferences", { quietHours });

    await announce(admin, tree.ward.id, "Sáng mai");
    await t.drainJobs();

    expect(service.to(reader.device.id)).toEqual([]);
    expect(service.to(sleeper.device.id)).toEqual([]);
    const held = await sql<{ startAfter: Date }>`SELECT start_after FROM pgboss.job WHERE name = ${PUSH_QUEUE} AND state = 'created'`.execute(t.db);
    expect(held.rows).toHaveLength(1);
    const waitMinutes = (held.rows[0].startAfter.getTime() - Date.now()) / 60_000;
    expect(waitMinutes).toBeGreaterThan(58);
    expect(waitMinutes).toBeLessThanOrEqual(61);

    const [note] = (await reader.client.get("/api/notifications")).json().data;
    await reader.client.post(`/api/notifications/${note.id}/read`);
    await reader.client.patch("/api/me/notification-preferences", { quietHours: null });
    await sleeper.client.patch("/api/me/notification-preferences", { quietHours: null });
    await sql`UPDATE pgboss.job SET start_after = now() WHERE name = ${PUSH_QUEUE} AND state = 'created'`.execute(t.db);
    await t.drainJobs();
    expect(service.to(reader.device.id)).toEqual([]);
    expect(service.to(sleeper.device.id)).toHaveLength(1);
  });

  it("pushes a notification to named accounts only if the command commits", async () => {
    const tree = await buildTree(t.db);
    const { account, device } = await memberWithDevice(tree.cell);
    const input = { type: "system.announcement", title: "Riêng bạn", body: "", link: "/meetings", dedupeKey: "test:named" };

    await expect(
      withTransaction(t.jobDeps, null, { ip: null, requestId: null }, async (ctx) => {
        await notifyAccounts(ctx, [account.id], input);
        throw new Error("the command failed after notifying");
      }),
    ).rejects.toThrow("the command failed");
    await t.drainJobs();
    expect(service.to(device.id)).toEqual([]);
    expect(await t.db.selectFrom("notifications").select("id").where("accountId", "=", account.id).execute()).toEqual([]);

    await withTransaction(t.jobDeps, null, { ip: null, requestId: null }, (ctx) => notifyAccounts(ctx, [account.id, account.id], input));
    await withTransaction(t.jobDeps, null, { ip: null, requestId: null }, (ctx) => notifyAccounts(ctx, [account.id], input)); // again: nothing new
    await t.drainJobs();
    expect(service.to(device.id).map((r) => r.payload)).toEqual([expect.objectContaining({ title: "Riêng bạn", url: "/meetings" })]);
  });

  it("keeps devices and the VAPID key across a restart: a new app on the same database pushes to the same device", async () => {
    const tree = await buildTree(t.db);
    const admin = await buildAccount(t.db, { homeUnit: tree.ward, roles: [["unit_admin", tree.ward]] });
    const { client, device } = await memberWithDevice(tree.cell);
    const keyBefore = (await client.get("/api/push/config")).json().data.publicKey;

    const restarted = await buildApp({ env: t.env, db: t.db, jobs: t.jobs, live: t.live });
    try {
      const after = await restarted.inject({ method: "GET", url: "/api/push/config", headers: client.headers });
      expect(after.json().data.publicKey).toBe(keyBefore);
      const res = await restarted.inject({ method: "POST", url: `/api/units/${tree.ward.id}/announcements`, headers: (await t.as(admin)).headers, payload: { title: "Sau khi khởi động lại" } });
      expect(res.statusCode).toBe(202);
    } finally {
      await restarted.close();
    }
    await t.drainJobs();
    expect(service.to(device.id).map((r) => r.headers.authorization)).toEqual([expect.stringContaining(`k=${keyBefore}`)]);
  });
});
