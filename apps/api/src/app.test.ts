import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { InjectOptions, LightMyRequestResponse } from "fastify";
import { sql } from "kysely";
import { vietnameseNameSortKey } from "@party/shared";
import { ErrorEnvelope } from "@party/shared/schemas/common";
import { afterAll, describe, expect, it } from "vitest";
import { buildAccount, buildMember, buildTree } from "../test/factories";
import { createTestApp, testEnv } from "../test/server";
import { buildApp, isPublicRoute } from "./app";
import { envWith } from "./env";
import { insertEvent } from "./lib/events";

const t = await createTestApp();

/** The only routes anyone may call without a session (SECURITY.md: health, login, activation; plus the API description). */
const PUBLIC_ALLOW_LIST = ["GET /api/health", "GET /api/openapi.json", "POST /api/auth/activate", "POST /api/auth/login"];

/** Every route of the API itself: the docs UI (a plugin serving static files) is not part of it. */
const apiRoutes = t.app.registeredRoutes.filter((r) => r.url.startsWith("/api/") && !r.url.startsWith("/api/docs"));
const protectedRoutes = apiRoutes.filter((r) => r.policy !== "public");
const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
const concrete = (url: string) => url.replace(/:\w+/g, randomUUID());

// Login, activation and TOTP are throttled per IP: each hostile request comes from its own address.
let ipCounter = 0;
const nextIp = () => `10.99.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`;

/** Nothing a client sends may produce a 5xx or leak a stack trace or a file path. */
function expectHandledSafely(res: LightMyRequestResponse, what: string) {
  expect(res.statusCode, what).toBeLessThan(500);
  expect(res.body, what).not.toMatch(/\bat .+\.(ts|js|mjs):\d+/);
  expect(res.body, what).not.toMatch(/node_modules|\/work\/|\/src\//);
  if (res.statusCode >= 400 && res.body) expect(ErrorEnvelope.safeParse(res.json()).success, `${what}: ${res.body}`).toBe(true);
}

describe("route walk", () => {
  it("finds the routes to walk", () => {
    expect(apiRoutes.length).toBeGreaterThan(20);
    expect(apiRoutes.map(key)).toContain("GET /api/units/:id/members");
  });

  it("declares a policy on every /api route", () => {
    expect(apiRoutes.filter((r) => !r.policy).map(key)).toEqual([]);
  });

  it("makes public exactly the allow-list: health, login, activation and the OpenAPI document", () => {
    const publicRoutes = apiRoutes.filter((r) => r.policy === "public" && r.method !== "HEAD").map(key).sort();
    expect(publicRoutes).toEqual(PUBLIC_ALLOW_LIST);
  });

  it("gives every automatic HEAD route the policy of its GET route", () => {
    for (const head of apiRoutes.filter((r) => r.method === "HEAD")) {
      const get = apiRoutes.find((r) => r.method === "GET" && r.url === head.url);
      expect(get?.policy, key(head)).toBe(head.policy);
    }
  });

  it("runs the session check on every route that is not allow-listed", () => {
    for (const r of protectedRoutes) expect(isPublicRoute(r.url, r.policy), key(r)).toBe(false);
  });
});

describe("anonymous requests", () => {
  it.each(protectedRoutes.map((r) => [r.method, r.url] as const))("answers 401 with the error envelope to an anonymous %s %s", async (method, url) => {
    const res = await t.app.inject({ method: method as InjectOptions["method"], url: concrete(url), remoteAddress: nextIp() });

    expect(res.statusCode).toBe(401);
    if (method !== "HEAD") expect(res.json()).toEqual({ error: { code: "unauthenticated", message: expect.any(String) } });
  });

  it("answers 401 to a cookie that names no session", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/units", cookies: { sid: "forged-token" } });

    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("unauthenticated");
  });

  it("answers 404 with the envelope for an /api path that does not exist", async () => {
    const res = await t.anonymous.get("/api/no-such-thing");

    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: "not_found", message: "Not found" } });
  });
});

describe("hostile input", () => {
  const login = (options: Omit<InjectOptions, "method" | "url">) =>
    t.app.inject({ method: "POST", url: "/api/auth/login", remoteAddress: nextIp(), ...options });
  const json = { "content-type": "application/json" };

  it("answers malformed JSON with 400 and the envelope", async () => {
    const res = await login({ headers: json, payload: '{"identifier": "0912345678", "password": ' });

    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("validation_failed");
    expectHandledSafely(res, "malformed JSON");
  });

  it("answers a text/plain body with 415", async () => {
    const res = await login({ headers: { "content-type": "text/plain" }, payload: "identifier=0912345678&password=x" });

    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe("unsupported_media_type");
    expectHandledSafely(res, "text/plain");
  });

  it("answers a form-encoded or XML body with 415", async () => {
    for (const type of ["application/x-www-form-urlencoded", "application/xml", "multipart/form-data; boundary=x"]) {
      const res = await login({ headers: { "content-type": type }, payload: "identifier=0912345678" });
      expect(res.statusCode, type).toBe(415);
      expectHandledSafely(res, type);
    }
  });

  it("answers a body over BODY_LIMIT_BYTES with 413", async () => {
    const res = await login({ headers: json, payload: JSON.stringify({ identifier: "0912345678", password: "x".repeat(testEnv.BODY_LIMIT_BYTES) }) });

    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe("payload_too_large");
  });

  it.each([
    ["a top-level __proto__", '{"__proto__": {"polluted": "yes"}, "identifier": "0912345678", "password": "secret-password"}'],
    ["a nested __proto__", '{"identifier": {"__proto__": {"polluted": "yes"}}, "password": "secret-password"}'],
    ["constructor.prototype", '{"constructor": {"prototype": {"polluted": "yes"}}, "identifier": "0912345678", "password": "secret-password"}'],
  ])("answers %s with 400 and pollutes no prototype", async (_what, payload) => {
    const res = await login({ headers: json, payload });

    expect(res.statusCode).toBe(400);
    expectHandledSafely(res, payload);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("answers a __proto__ body on a signed-in write with 400 and creates nothing", async () => {
    const tree = await buildTree(t.db);
    const admin = await buildAccount(t.db, { homeUnit: tree.district, roles: [["unit_admin", tree.district]] });
    const client = await t.as(admin);
    const payload = `{"cellId": "${tree.cell.id}", "fullName": "Lê Văn Prototype", "sex": "male", "__proto__": {"status": "deceased"}}`;

    const res = await t.app.inject({ method: "POST", url: "/api/members", headers: { ...client.headers, ...json }, payload });

    expect(res.statusCode).toBe(400);
    expect(await t.db.selectFrom("members").select("id").where("fullName", "=", "Lê Văn Prototype").execute()).toEqual([]);
  });

  it("answers a very long query string value with 400", async () => {
    const tree = await buildTree(t.db);
    const admin = await buildAccount(t.db, { homeUnit: tree.district, roles: [["unit_admin", tree.district]] });
    const client = await t.as(admin);
    const long = "a".repeat(20_000);

    for (const url of [`/api/units/search?q=${long}`, `/api/units/${tree.cell.id}/members?q=${long}`, `/api/units/${tree.cell.id}/members?cursor=${long}`, `/api/audit?name=${long}`]) {
      const res = await client.get(url);
      expect(res.statusCode, url.slice(0, 40)).toBe(400);
      expectHandledSafely(res, url.slice(0, 40));
    }
  });

  it("answers text holding a NUL character with 400, not a database error", async () => {
    const tree = await buildTree(t.db);
    const admin = await buildAccount(t.db, { homeUnit: tree.district, roles: [["unit_admin", tree.district]] });
    const client = await t.as(admin);

    const responses = [
      await client.get("/api/units/search?q=dang%00uy"),
      await client.get(`/api/units/${tree.cell.id}/members?q=nguyen%00`),
      await client.post("/api/members", { cellId: tree.cell.id, fullName: "Lê Văn\u0000An", sex: "male" }),
      await login({ payload: { identifier: "0912\u0000345678", password: "secret-password" } }),
    ];

    for (const res of responses) {
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe("validation_failed");
    }
  });

  it("answers a lone UTF-16 surrogate with 400 instead of storing a replacement character", async () => {
    const tree = await buildTree(t.db);
    const admin = await buildAccount(t.db, { homeUnit: tree.district, roles: [["unit_admin", tree.district]] });
    const client = await t.as(admin);
    const payload = `{"cellId": "${tree.cell.id}", "fullName": "L\\ud800e Văn Hỏng", "sex": "male"}`;

    const res = await t.app.inject({ method: "POST", url: "/api/members", headers: { ...client.headers, ...json }, payload });

    expect(res.statusCode).toBe(400);
    expect(await t.db.selectFrom("members").select("id").where("fullName", "like", "%Văn Hỏng").execute()).toEqual([]);
  });

  it("answers a malformed URL escape or an over-long path parameter with a 4xx envelope", async () => {
    const tree = await buildTree(t.db);
    const admin = await buildAccount(t.db, { homeUnit: tree.district, roles: [["unit_admin", tree.district]] });
    const client = await t.as(admin);

    for (const url of ["/api/units/%E0%A4%A", `/api/units/${"a".repeat(500)}`]) {
      const res = await client.get(url);
      expect(res.statusCode).toBeGreaterThanOrEqual(400);
      expectHandledSafely(res, url.slice(0, 30));
      expect(res.headers["cache-control"]).toBe("no-store");
    }
  });

  describe("every route, signed in as a city admin, with hostile ids, queries and bodies", () => {
    const ids = ["not-a-uuid", "..%2F..%2Fetc%2Fpasswd", "'%20OR%201=1--", "%00", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", "00000000-0000-0000-0000-000000000000"];
    const queries = [
      "?q=%00&limit=-1",
      "?limit=1e400&before=x1&cursor=%FF",
      "?q[]=a&q[]=b&status=__proto__",
      "?unitId=../&includeClosed=maybe&before=99999999999999999999",
      `?cursor=${Buffer.from(JSON.stringify(["\u0000", "------------------------------------"])).toString("base64url")}`,
      `?before=9223372036854775808`,
    ];
    const bodies = ["null", "[]", '"text"', "12345678901234567890", '{"a":'.repeat(2000) + "1" + "}".repeat(2000), '{"identifier":{"$gt":""},"password":{"$ne":null}}', '{"cellId":"x","fullName":"' + "Đ".repeat(5000) + '","sex":"other"}', '{"dateOfBirth":"0000-01-01","admittedOn":"2024-02-30"}'];

    const walked = apiRoutes.filter((r) => r.method !== "HEAD");

    it.each(walked.map((r) => [r.method, r.url] as const))("handles %s %s without a 5xx or a stack trace", async (method, url) => {
      const tree = await buildTree(t.db);
      const admin = await buildAccount(t.db, { homeUnit: tree.city, roles: [["unit_admin", tree.city]] });
      const send = async (requestUrl: string, payload?: string) => {
        const client = await t.as(admin); // a fresh session each time: logout or a password change must not end the walk
        const res = await t.app.inject({
          method: method as InjectOptions["method"],
          url: requestUrl,
          headers: { ...client.headers, ...(payload === undefined ? {} : json) },
          remoteAddress: nextIp(),
          ...(payload === undefined ? {} : { payload }),
        });
        expectHandledSafely(res, `${method} ${requestUrl.slice(0, 80)} ${payload?.slice(0, 40) ?? ""}`);
      };

      // A valid request to the event stream opens a stream that never ends; its hostile queries still run (live.routes.test.ts covers the stream).
      const withIds = url.includes(":") ? ids.map((id) => url.replace(/:\w+/g, id)) : url === "/api/events/stream" ? [] : [url];
      for (const u of withIds) await send(u);
      for (const q of queries) await send(`${url.replace(/:\w+/g, tree.cell.id)}${q}`);
      if (method !== "GET") for (const body of bodies) await send(url.replace(/:\w+/g, tree.cell.id), body);
    });
  });
});

describe("security headers", () => {
  const expectStrictHeaders = (res: LightMyRequestResponse) => {
    const csp = String(res.headers["content-security-policy"]);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(csp).not.toContain("unsafe-eval");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["referrer-policy"]).toMatch(/^(no-referrer|same-origin|strict-origin|strict-origin-when-cross-origin)$/);
    expect(res.headers["x-powered-by"]).toBeUndefined();
    expect(res.headers.server).toBeUndefined();
  };

  it("sends a strict policy and no-store on a signed-in API answer", async () => {
    const tree = await buildTree(t.db);
    const member = await buildAccount(t.db, { cell: tree.cell });

    const res = await (await t.as(member)).get("/api/units");

    expect(res.statusCode).toBe(200);
    expectStrictHeaders(res);
    expect(res.headers["cache-control"]).toBe("no-store");
  });

  it("sends the same headers on public answers and on errors", async () => {
    for (const res of [await t.anonymous.get("/api/health"), await t.anonymous.get("/api/units"), await t.anonymous.get("/api/nope")]) {
      expectStrictHeaders(res);
      expect(res.headers["cache-control"]).toBe("no-store");
    }
  });

  describe("on the PWA's pages and files", () => {
    const webDist = fs.mkdtemp(path.join(os.tmpdir(), "sotay-web-")).then(async (dir) => {
      await fs.mkdir(path.join(dir, "assets"));
      await fs.writeFile(path.join(dir, "index.html"), '<!doctype html><html lang="vi"><script type="module" src="/assets/index-abc123.js"></script></html>');
      await fs.writeFile(path.join(dir, "assets", "index-abc123.js"), "console.log('sổ tay');");
      await fs.writeFile(path.join(dir, "sw.js"), "self.addEventListener('fetch', () => {});");
      return dir;
    });
    const web = webDist.then((dir) => buildApp({ env: envWith({ NODE_ENV: "test", SEED_DEMO: "false", LOG_LEVEL: "silent", WEB_DIST: dir }), db: t.db, jobs: t.jobs }));
    afterAll(async () => {
      await (await web).close();
      await fs.rm(await webDist, { recursive: true, force: true });
    });

    it("serves a deep link as the app shell with the strict policy, revalidated on every visit", async () => {
      const res = await (await web).inject({ method: "GET", url: "/members/123" });

      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^text\/html/);
      expect(res.body).toContain('<html lang="vi">');
      expectStrictHeaders(res);
      expect(res.headers["cache-control"]).toBe("no-cache");
    });

    it("caches hashed assets for good and the service worker not at all", async () => {
      const asset = await (await web).inject({ method: "GET", url: "/assets/index-abc123.js" });
      const worker = await (await web).inject({ method: "GET", url: "/sw.js" });

      expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(asset.headers["x-content-type-options"]).toBe("nosniff");
      expect(worker.headers["cache-control"]).toBe("no-cache");
    });

    it("answers an unknown /api path with a JSON 404, never the app shell", async () => {
      const res = await (await web).inject({ method: "GET", url: "/api/members-list" });

      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe("not_found");
    });
  });
});

describe("Unicode normalisation", () => {
  it("stores a name typed in NFD as NFC, with the same sort key and search hits", async () => {
    const tree = await buildTree(t.db);
    const admin = await buildAccount(t.db, { homeUnit: tree.district, roles: [["unit_admin", tree.district]] });
    const client = await t.as(admin);
    const nfc = "Nguyễn Thị Hường";

    const res = await client.post("/api/members", { cellId: tree.cell.id, fullName: nfc.normalize("NFD"), sex: "female" });

    expect(res.statusCode).toBe(201);
    const row = await t.db.selectFrom("members").select(["fullName", "nameSortKey"]).where("id", "=", res.json().data.id).executeTakeFirstOrThrow();
    expect(row.fullName).toBe(nfc);
    expect(row.fullName).not.toBe(nfc.normalize("NFD"));
    expect(row.nameSortKey).toBe(vietnameseNameSortKey(nfc));
    const found = await client.get(`/api/units/${tree.cell.id}/members?q=${encodeURIComponent("Hường".normalize("NFD"))}`);
    expect(found.json().data.map((m: { fullName: string }) => m.fullName)).toEqual([nfc]);
  });
});

describe("cross-site requests", () => {
  const evil = "https://evil.example";

  it("refuses a signed-in cross-site POST with 403 csrf_failed, even with the right CSRF token, and creates nothing", async () => {
    const tree = await buildTree(t.db);
    const admin = await buildAccount(t.db, { homeUnit: tree.district, roles: [["unit_admin", tree.district]] });
    const client = await t.as(admin);

    const res = await t.app.inject({
      method: "POST",
      url: "/api/members",
      headers: { ...client.headers, origin: evil },
      payload: { cellId: tree.cell.id, fullName: "Lê Văn Giả Mạo", sex: "male" },
    });

    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("csrf_failed");
    expect(await t.db.selectFrom("members").select("id").where("fullName", "=", "Lê Văn Giả Mạo").execute()).toEqual([]);
  });

  it("refuses a cross-site DELETE and leaves the grant in place", async () => {
    const tree = await buildTree(t.db);
    const admin = await buildAccount(t.db, { homeUnit: tree.district, roles: [["unit_admin", tree.district]] });
    const secretary = await buildAccount(t.db, { cell: tree.cell, roles: [["secretary", tree.cell]] });
    const grant = await t.db.selectFrom("roleGrants").select("id").where("accountId", "=", secretary.id).executeTakeFirstOrThrow();
    const client = await t.as(admin);

    const res = await t.app.inject({ method: "DELETE", url: `/api/grants/${grant.id}`, headers: { ...client.headers, origin: evil } });

    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("csrf_failed");
    const after = await t.db.selectFrom("roleGrants").select("revokedAt").where("id", "=", grant.id).executeTakeFirstOrThrow();
    expect(after.revokedAt).toBeNull();
  });

  it("refuses a cross-site login (login CSRF) with 403", async () => {
    const tree = await buildTree(t.db);
    const member = await buildAccount(t.db, { cell: tree.cell });

    const res = await t.app.inject({
      method: "POST",
      url: "/api/auth/login",
      headers: { origin: evil },
      payload: { identifier: member.phone, password: "correct horse battery" },
      remoteAddress: nextIp(),
    });

    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("csrf_failed");
    expect(res.cookies.find((c) => c.name === "sid")).toBeUndefined();
  });

  it("accepts a same-origin POST", async () => {
    const tree = await buildTree(t.db);
    const admin = await buildAccount(t.db, { homeUnit: tree.district, roles: [["unit_admin", tree.district]] });
    const client = await t.as(admin);

    const res = await t.app.inject({
      method: "POST",
      url: "/api/members",
      headers: { ...client.headers, host: "sotay.example", origin: "https://sotay.example" },
      payload: { cellId: tree.cell.id, fullName: "Lê Văn Cùng Nguồn", sex: "male" },
    });

    expect(res.statusCode).toBe(201);
  });
});

describe("the events table", () => {
  it("is append-only: UPDATE, DELETE and TRUNCATE all fail and the row stays", async () => {
    const tree = await buildTree(t.db);
    const member = await buildMember(t.db, tree.cell);
    await insertEvent(t.db, { name: "members.profile_viewed", unitId: tree.cell.id, subjectType: "member", subjectId: member.id }, { ip: null, requestId: null });

    await expect(t.db.updateTable("events").set({ name: "members.nothing_happened" }).where("subjectId", "=", member.id).execute()).rejects.toThrow(/append-only/);
    await expect(t.db.deleteFrom("events").where("subjectId", "=", member.id).execute()).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE events`.execute(t.db)).rejects.toThrow(/append-only/);

    const rows = await t.db.selectFrom("events").select("name").where("subjectId", "=", member.id).execute();
    expect(rows).toEqual([{ name: "members.profile_viewed" }]);
  });
});

describe("GET /metrics", () => {
  it("counts background jobs by queue and state, failed ones included, for a local scraper", async () => {
    const failed = await t.jobs.send("events.dispatch", { eventId: randomUUID() });
    await sql`UPDATE pgboss.job SET state = 'failed' WHERE id = ${failed}::uuid`.execute(t.db);

    const res = await t.app.inject({ method: "GET", url: "/metrics", remoteAddress: "127.0.0.1" });

    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/^sotay_jobs\{queue="events\.dispatch",state="failed"\} [1-9]\d*$/m);
  });

  it("answers 404 to anyone not on the machine itself", async () => {
    expect((await t.app.inject({ method: "GET", url: "/metrics", remoteAddress: "203.0.113.7" })).statusCode).toBe(404);
  });
});
