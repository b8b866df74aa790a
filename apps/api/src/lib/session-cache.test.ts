import { sql } from "kysely";
import { beforeAll, describe, expect, it } from "vitest";
import { buildAccount, buildTree } from "../../test/factories";
import { createTestApp } from "../../test/server";
import { SessionCache, type SessionWithActor } from "./session-cache";

const t = await createTestApp({ sessionCache: { ttlMs: 60_000, retryMs: 100 } });
let tree: Awaited<ReturnType<typeof buildTree>>;

beforeAll(async () => {
  tree = await buildTree(t.db);
});

/** Retries `check` until it passes: notifications arrive a moment after the change commits. */
async function eventually(check: () => Promise<void> | void, timeoutMs = 3_000): Promise<void> {
  const start = Date.now();
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() - start > timeoutMs) throw error;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}

/**
 * A new session from `t.as` is updated right after it is made (its second factor), and that
 * notification may land just after the first request cached it; let it pass first.
 */
async function signedIn(account: { id: string }) {
  const client = await t.as(account);
  await new Promise((r) => setTimeout(r, 150));
  return client;
}

const entry = (id: string, accountId: string, idleMs = 60_000): SessionWithActor =>
  ({
    session: { id, accountId, idleExpiresAt: new Date(Date.now() + idleMs), absoluteExpiresAt: new Date(Date.now() + 3_600_000) },
    memberId: null,
    cell: null,
    grants: [],
  }) as unknown as SessionWithActor;

describe("SessionCache", () => {
  it("holds nothing while it does not hear the database", () => {
    const cache = new SessionCache(10_000);
    cache.set(entry("s1", "a1"));
    expect(cache.get("s1")).toBeUndefined();
    cache.listening = true;
    cache.set(entry("s1", "a1"));
    expect(cache.get("s1")).toBeDefined();
    cache.listening = false;
    expect(cache.get("s1")).toBeUndefined();
  });

  it("forgets an entry after its lifetime and a session past its idle expiry", () => {
    const cache = new SessionCache(1_000);
    cache.listening = true;
    cache.set(entry("s1", "a1"));
    cache.set(entry("s2", "a1", -1));
    expect(cache.get("s1", Date.now() + 999)).toBeDefined();
    expect(cache.get("s1", Date.now() + 1_001)).toBeUndefined();
    expect(cache.get("s2")).toBeUndefined();
  });

  it("applies session, account and all notifications", () => {
    const cache = new SessionCache(10_000);
    cache.listening = true;
    for (const [s, a] of [["s1", "a1"], ["s2", "a1"], ["s3", "a2"], ["s4", "a3"]]) cache.set(entry(s, a));
    cache.apply("session:s3");
    expect(cache.get("s3")).toBeUndefined();
    cache.apply("account:a1");
    expect([cache.get("s1"), cache.get("s2")]).toEqual([undefined, undefined]);
    expect(cache.get("s4")).toBeDefined();
    cache.apply("all");
    expect(cache.size).toBe(0);
  });

  it("keeps no more than its limit, dropping the oldest", () => {
    const cache = new SessionCache(10_000, 2);
    cache.listening = true;
    cache.set(entry("s1", "a1"));
    cache.set(entry("s2", "a2"));
    cache.set(entry("s3", "a3"));
    expect([cache.get("s1"), cache.get("s2")?.session.id, cache.get("s3")?.session.id]).toEqual([undefined, "s2", "s3"]);
  });
});

describe("sessions cached by the app", () => {
  it("answers from memory and forgets a session the moment the database revokes it", async () => {
    const account = await buildAccount(t.db, { cell: tree.cell });
    const client = await signedIn(account);
    expect((await client.get("/api/auth/session")).statusCode).toBe(200);
    expect(t.sessionCache.get(client.session.id)).toBeDefined();
    // Revoked behind the app's back (another process, a script): the trigger tells every listener.
    await sql`UPDATE sessions SET revoked_at = now() WHERE id = ${client.session.id}`.execute(t.db);
    await eventually(async () => expect((await client.get("/api/auth/session")).statusCode).toBe(401));
  });

  it("ends the session at logout for every later request", async () => {
    const account = await buildAccount(t.db, { cell: tree.cell });
    const client = await t.as(account);
    expect((await client.get("/api/auth/session")).statusCode).toBe(200);
    expect((await client.post("/api/auth/logout")).statusCode).toBeLessThan(300);
    await eventually(async () => expect((await client.get("/api/auth/session")).statusCode).toBe(401));
  });

  it("drops a unit admin's powers when the grant is revoked", async () => {
    const admin = await buildAccount(t.db, { homeUnit: tree.ward, roles: [["unit_admin", tree.ward]] });
    const client = await t.as(admin);
    expect((await client.get(`/api/units/${tree.ward.id}/members`)).statusCode).toBe(200);
    await sql`UPDATE role_grants SET revoked_at = now() WHERE account_id = ${admin.id}`.execute(t.db);
    await eventually(async () => expect((await client.get(`/api/units/${tree.ward.id}/members`)).statusCode).toBeGreaterThanOrEqual(403));
  });

  it("forgets every session of an account that is disabled", async () => {
    const account = await buildAccount(t.db, { cell: tree.cell });
    const [one, two] = [await t.as(account), await t.as(account)];
    for (const c of [one, two]) expect((await c.get("/api/auth/session")).statusCode).toBe(200);
    await sql`UPDATE accounts SET status = 'disabled' WHERE id = ${account.id}`.execute(t.db);
    await eventually(() => expect([t.sessionCache.get(one.session.id), t.sessionCache.get(two.session.id)]).toEqual([undefined, undefined]));
    for (const c of [one, two]) expect((await c.get("/api/auth/session")).statusCode).toBe(401);
  });

  it("keeps its sessions through a failed login of the same account", async () => {
    const account = await buildAccount(t.db, { cell: tree.cell });
    const client = await signedIn(account);
    await client.get("/api/auth/session");
    await sql`UPDATE accounts SET failed_logins = failed_logins + 1 WHERE id = ${account.id}`.execute(t.db);
    // A notification it should not get would arrive within this time.
    await new Promise((r) => setTimeout(r, 200));
    expect(t.sessionCache.get(client.session.id)).toBeDefined();
  });

  it("stops using memory when the notifications connection dies, and resumes once it is back", async () => {
    const account = await buildAccount(t.db, { cell: tree.cell });
    const client = await t.as(account);
    await client.get("/api/auth/session");
    await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN sotay_auth'`.execute(t.db);
    await eventually(() => expect(t.sessionCache.listening).toBe(false));
    // Meanwhile every request reads the database: a revocation counts at once.
    await sql`UPDATE sessions SET revoked_at = now() WHERE id = ${client.session.id}`.execute(t.db);
    expect((await client.get("/api/auth/session")).statusCode).toBe(401);
    await eventually(() => expect(t.sessionCache.listening).toBe(true));
    const again = await signedIn(account);
    expect((await again.get("/api/auth/session")).statusCode).toBe(200);
    expect(t.sessionCache.get(again.session.id)).toBeDefined();
  });
});
