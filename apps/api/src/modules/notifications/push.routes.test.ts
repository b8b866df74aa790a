import { describe, expect, it } from "vitest";
import { buildAccount, buildTree } from "../../../test/factories";
import { pushTestEnv, startPushService } from "../../../test/push-service";
import { createTestApp } from "../../../test/server";
import { notificationTypes } from "./notification-types";

const t = await createTestApp({ env: pushTestEnv });
const service = await startPushService();
const tree = await buildTree(t.db);

const devicesOf = (accountId: string) => t.db.selectFrom("pushSubscriptions").select(["endpoint", "sessionId"]).where("accountId", "=", accountId).execute();

describe("GET /api/push/config", () => {
  it("returns the same VAPID public key every time (generated once, kept in the database)", async () => {
    const member = await buildAccount(t.db, { cell: tree.cell });
    const first = await (await t.as(member)).get("/api/push/config");
    const second = await (await t.as(member)).get("/api/push/config");

    expect(first.statusCode).toBe(200);
    expect(first.json().data.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    expect(second.json().data.publicKey).toBe(first.json().data.publicKey);
    expect(await t.db.selectFrom("appSettings").select("key").execute()).toEqual([{ key: "vapid" }]);
  });

  it("returns 401 without a session", async () => {
    expect((await t.anonymous.get("/api/push/config")).statusCode).toBe(401);
  });
});

describe("POST /api/push/subscriptions", () => {
  it("registers the device (201), then answers 200 for the same device again, and records push.subscribed once", async () => {
    const member = await buildAccount(t.db, { cell: tree.cell });
    const client = await t.as(member);
    const { subscription } = service.device();

    const first = await client.post("/api/push/subscriptions", subscription);
    const again = await client.post("/api/push/subscriptions", subscription);

    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(200);
    expect(again.json().data.id).toBe(first.json().data.id);
    expect(await devicesOf(member.id)).toEqual([{ endpoint: subscription.endpoint, sessionId: client.session.id }]);
    const events = await t.db.selectFrom("events").select("name").where("actorId", "=", member.id).where("name", "=", "push.subscribed").execute();
    expect(events).toHaveLength(1);
  });

  it("moves a device to the account that subscribed on it last (a shared phone)", async () => {
    const before = await buildAccount(t.db, { cell: tree.cell });
    const after = await buildAccount(t.db, { cell: tree.cell });
    const { subscription } = service.device();

    await (await t.as(before)).post("/api/push/subscriptions", subscription);
    await (await t.as(after)).post("/api/push/subscriptions", subscription);

    expect(await devicesOf(before.id)).toEqual([]);
    expect(await devicesOf(after.id)).toHaveLength(1);
  });

  it("returns 400 for an endpoint that is not a listed push service, or not https", async () => {
    const member = await buildAccount(t.db, { cell: tree.cell });
    const client = await t.as(member);
    const { subscription } = service.device();

    for (const endpoint of ["https://169.254.169.254/latest/meta-data", "https://evil.example/fcm.googleapis.com", "http://fcm.googleapis.com/fcm/send/x"]) {
      const res = await client.post("/api/push/subscriptions", { ...subscription, endpoint });
      expect(res.statusCode, endpoint).toBe(400);
      expect(res.json().error.details.fields).toEqual({ endpoint: "push_service_not_allowed" });
    }
    expect(await devicesOf(member.id)).toEqual([]);
  });

  it("returns 400 for malformed keys or an extra field", async () => {
    const client = await t.as(await buildAccount(t.db, { cell: tree.cell }));
    const { subscription } = service.device();

    expect((await client.post("/api/push/subscriptions", { ...subscription, keys: { p256dh: "not base64!", auth: subscription.keys.auth } })).statusCode).toBe(400);
    expect((await client.post("/api/push/subscriptions", { ...subscription, accountId: "x" })).statusCode).toBe(400);
  });

  it("returns 401 without a session", async () => {
    expect((await t.anonymous.post("/api/push/subscriptions", service.device().subscription)).statusCode).toBe(401);
  });
});

describe("DELETE /api/push/subscriptions", () => {
  it("removes the account's own device, and is a no-op for another account's endpoint", async () => {
    const owner = await buildAccount(t.db, { cell: tree.cell });
    const other = await buildAccount(t.db, { cell: tree.cell });
    const { subscription } = service.device();
    await (await t.as(owner)).post("/api/push/subscriptions", subscription);

    const byOther = await (await t.as(other)).delete("/api/push/subscriptions", { endpoint: subscription.endpoint });
    expect(byOther.statusCode).toBe(200);
    expect(await devicesOf(owner.id)).toHaveLength(1);

    const byOwner = await (await t.as(owner)).delete("/api/push/subscriptions", { endpoint: subscription.endpoint });
    expect(byOwner.statusCode).toBe(200);
    expect(await devicesOf(owner.id)).toEqual([]);
  });

  it("returns 400 without an endpoint and 401 without a session", async () => {
    const client = await t.as(await buildAccount(t.db, { cell: tree.cell }));
    expect((await client.delete("/api/push/subscriptions", {})).statusCode).toBe(400);
    expect((await t.app.inject({ method: "DELETE", url: "/api/push/subscriptions", payload: { endpoint: "x" } })).statusCode).toBe(401);
  });
});

describe("logging out and changing the password", () => {
  it("forget the devices of the ended sessions only", async () => {
    const member = await buildAccount(t.db, { cell: tree.cell });
    const phone = await t.as(member);
    const laptop = await t.as(member);
    const tablet = await t.as(member);
    const [a, b, c] = [service.device(), service.device(), service.device()];
    await phone.post("/api/push/subscriptions", a.subscription);
    await laptop.post("/api/push/subscriptions", b.subscription);
    await tablet.post("/api/push/subscriptions", c.subscription);

    expect((await phone.post("/api/auth/logout")).statusCode).toBe(200);
    expect((await devicesOf(member.id)).map((d) => d.endpoint).sort()).toEqual([b.subscription.endpoint, c.subscription.endpoint].sort());
  });
});

describe("/api/me/notification-preferences", () => {
  it("starts with every type pushed and no quiet hours", async () => {
    const res = await (await t.as(await buildAccount(t.db, { cell: tree.cell }))).get("/api/me/notification-preferences");

    expect(res.statusCode).toBe(200);
    const data = res.json().data;
    expect(data).toMatchObject({ quietHours: null, timeZone: "Asia/Ho_Chi_Minh", devices: 0 });
    expect(Object.keys(data.push)).toEqual(Object.keys(notificationTypes));
    expect(Object.values(data.push).every((on) => on === true)).toBe(true);
  });

  it("saves muted types and quiet hours, and a partial update keeps the rest", async () => {
    const client = await t.as(await buildAccount(t.db, { cell: tree.cell }));
    await client.post("/api/push/subscriptions", service.device().subscription);

    const saved = await client.patch("/api/me/notification-preferences", { push: { "system.announcement": false }, quietHours: { start: "22:00", end: "06:30" } });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().data).toMatchObject({ push: { "system.announcement": false }, quietHours: { start: "22:00", end: "06:30" }, devices: 1 });

    const partial = await client.patch("/api/me/notification-preferences", { quietHours: null });
    expect(partial.json().data).toMatchObject({ push: { "system.announcement": false }, quietHours: null });
    expect((await client.get("/api/me/notification-preferences")).json().data).toEqual(partial.json().data);
  });

  it("returns 400 for an unknown type, a bad time or equal start and end, and changes nothing", async () => {
    const client = await t.as(await buildAccount(t.db, { cell: tree.cell }));

    const unknown = await client.patch("/api/me/notification-preferences", { push: { "made.up": false } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.fields).toEqual({ "push.made.up": "invalid" });
    expect((await client.patch("/api/me/notification-preferences", { quietHours: { start: "24:00", end: "06:00" } })).statusCode).toBe(400);
    expect((await client.patch("/api/me/notification-preferences", { quietHours: { start: "06:00", end: "06:00" } })).statusCode).toBe(400);
    expect((await client.get("/api/me/notification-preferences")).json().data).toMatchObject({ push: { "system.announcement": true }, quietHours: null });
  });

  it("returns 401 without a session", async () => {
    expect((await t.anonymous.get("/api/me/notification-preferences")).statusCode).toBe(401);
  });
});
