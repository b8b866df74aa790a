import { afterAll, describe, expect, it } from "vitest";
import { TEST_PASSWORD, buildAccount, buildTree } from "../../../test/factories";
import { createTestApp } from "../../../test/server";
import { redisBus } from "../../lib/live";

const REDIS_URL = "redis://127.0.0.1:6379";

/** Opens the SSE stream on a listening app and collects its events. */
async function openStream(baseUrl: string, headers: Record<string, string>) {
  const controller = new AbortController();
  const res = await fetch(`${baseUrl}/api/events/stream`, { headers, signal: controller.signal });
  const events: { event: string; data: unknown }[] = [];
  let buffer = "";
  const reading = (async () => {
    const decoder = new TextDecoder();
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event && data) events.push({ event, data: JSON.parse(data) });
        }
      }
    } catch {
      // aborted or closed by the server
    }
  })();
  const next = async (count: number, timeoutMs = 5_000) => {
    const until = Date.now() + timeoutMs;
    while (events.length < count && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    return events.slice(0, count);
  };
  return { res, events, next, close: () => controller.abort(), reading };
}

async function listening(t: Awaited<ReturnType<typeof createTestApp>>) {
  const address = await t.app.listen({ port: 0, host: "127.0.0.1" });
  return address;
}

describe("GET /api/events/stream", () => {
  it("sends the unread count at once, then a notification event to the right account only", async () => {
    const t = await createTestApp();
    const base = await listening(t);
    const tree = await buildTree(t.db);
    const alice = await buildAccount(t.db, { cell: tree.cell });
    const bob = await buildAccount(t.db, { cell: tree.cell });
    const aliceStream = await openStream(base, (await t.as(alice)).headers);
    const bobStream = await openStream(base, (await t.as(bob)).headers);

    expect(aliceStream.res.status).toBe(200);
    expect(aliceStream.res.headers.get("content-type")).toMatch(/^text\/event-stream/);
    expect(aliceStream.res.headers.get("cache-control")).toBe("no-store");
    expect(await aliceStream.next(1)).toEqual([{ event: "notification", data: { unread: 0 } }]);
    expect(await bobStream.next(1)).toHaveLength(1);

    await t.db.insertInto("notifications").values({ accountId: alice.id, type: "system.announcement", title: "Hi", dedupeKey: "sse-1" }).execute();
    await t.live.publish({ event: "notification", accountIds: [alice.id] });

    expect((await aliceStream.next(2))[1]).toEqual({ event: "notification", data: { unread: 1 } });
    await new Promise((r) => setTimeout(r, 200));
    expect(bobStream.events).toHaveLength(1);

    // Closing the app ends open streams instead of waiting for them.
    const started = Date.now();
    await t.app.close();
    expect(Date.now() - started).toBeLessThan(3_000);
    await Promise.all([aliceStream.reading, bobStream.reading]);
  });

  it("tells a stream its session ended and closes it on logout elsewhere or a password change; other sessions' streams stay open", async () => {
    const t = await createTestApp();
    const base = await listening(t);
    const tree = await buildTree(t.db);
    const member = await buildAccount(t.db, { cell: tree.cell });
    const [phone, laptop, tablet] = [await t.as(member), await t.as(member), await t.as(member)];
    const phoneStream = await openStream(base, phone.headers);
    const laptopStream = await openStream(base, laptop.headers);
    const tabletStream = await openStream(base, tablet.headers);
    await Promise.all([phoneStream.next(1), laptopStream.next(1), tabletStream.next(1)]);

    expect((await phone.post("/api/auth/logout")).statusCode).toBe(200);
    expect((await phoneStream.next(2))[1]).toEqual({ event: "signed-out", data: { reason: "session_revoked" } });
    await phoneStream.reading; // the server ended it

    const change = await laptop.post("/api/auth/password", { currentPassword: TEST_PASSWORD, newPassword: "một mật khẩu mới khá dài" });
    expect(change.statusCode).toBe(200);
    expect((await tabletStream.next(2))[1]).toEqual({ event: "signed-out", data: { reason: "session_revoked" } });
    await tabletStream.reading;
    await new Promise((r) => setTimeout(r, 100));
    expect(laptopStream.events).toHaveLength(1); // the session that changed the password stays signed in
    laptopStream.close();
  });

  it("returns 401 without a session and 400 for an unknown query parameter", async () => {
    const t = await createTestApp();
    const tree = await buildTree(t.db);
    const alice = await buildAccount(t.db, { cell: tree.cell });
    expect((await t.anonymous.get("/api/events/stream")).statusCode).toBe(401);
    expect((await (await t.as(alice)).get("/api/events/stream?x=1")).statusCode).toBe(400);
  });
});

describe("live updates across two app processes through Redis", async () => {
  const redisUp = await redisBus(REDIS_URL).then(
    async (bus) => {
      await bus.close();
      return true;
    },
    () => false,
  );
  if (!redisUp) console.warn(`Redis does not answer at ${REDIS_URL}: skipping the cross-process live update test`);

  it.skipIf(!redisUp)("delivers a notification written by the worker of one app to a client connected to the other", async () => {
    const busA = await redisBus(REDIS_URL);
    const busB = await redisBus(REDIS_URL);
    afterAll(async () => {
      await busA.close();
      await busB.close();
    });
    const a = await createTestApp({ live: busA }); // plays the worker
    const tree = await buildTree(a.db);
    const admin = await buildAccount(a.db, { homeUnit: tree.ward, roles: [["unit_admin", tree.ward]] });
    const member = await buildAccount(a.db, { cell: tree.cell });
    // The web app B on the same database (a second app instance with its own Redis connections).
    const { buildApp } = await import("../../app");
    const { testEnv } = await import("../../../test/server");
    const b = await buildApp({ env: testEnv, db: a.db, jobs: a.jobs, live: busB });
    afterAll(() => b.close());
    const base = await b.listen({ port: 0, host: "127.0.0.1" });
    const stream = await openStream(base, (await a.as(member)).headers);
    expect(await stream.next(1)).toEqual([{ event: "notification", data: { unread: 0 } }]);

    expect((await (await a.as(admin)).post(`/api/units/${tree.ward.id}/announcements`, { title: "Qua Redis" })).statusCode).toBe(202);
    await a.drainJobs();

    expect((await stream.next(2))[1]).toEqual({ event: "notification", data: { unread: 1 } });
    stream.close();
  });
});
