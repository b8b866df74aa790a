import { afterAll, describe, expect, it } from "vitest";
import { createDb } from "../../db/db";
import { buildApp } from "../../app";
import { createTestApp, testEnv } from "../../../test/server";

const t = await createTestApp();

/** Fastify's `:id` as OpenAPI's `{id}`. */
const openApiPath = (url: string) => url.replace(/:(\w+)/g, "{$1}");

describe("GET /api/health", () => {
  it("answers 200 with status ok when the database answers", async () => {
    const res = await t.anonymous.get("/api/health");

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", database: "ok" });
    expect(res.headers["cache-control"]).toBe("no-store");
  });

  describe("with the database unreachable", () => {
    // Port 1 on the loopback refuses connections at once: a database that is down.
    const db = createDb("postgres://postgres@127.0.0.1:1/none", { max: 1 });
    const down = buildApp({ env: testEnv, db, jobs: t.jobs });
    afterAll(async () => {
      await (await down).close();
      await db.destroy();
    });

    it("answers 503 with status unavailable", async () => {
      const res = await (await down).inject({ method: "GET", url: "/api/health" });

      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: "unavailable", database: "unavailable" });
    });

    it("answers 503 service_unavailable with Retry-After to a signed-in request, not 500", async () => {
      const res = await (await down).inject({ method: "GET", url: "/api/units", cookies: { sid: "a-session-token" } });

      expect(res.statusCode).toBe(503);
      expect(res.json().error.code).toBe("service_unavailable");
      expect(res.headers["retry-after"]).toBe("5");
    });
  });
});

describe("GET /api/openapi.json", () => {
  it("is an OpenAPI 3.1 document listing every /api route the app registered, and no other", async () => {
    const res = await t.anonymous.get("/api/openapi.json");

    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.info.title).toBe("Sổ tay đảng viên API");
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    // HEAD routes mirror GET ones; the docs UI and the document itself are hidden from it.
    const registered = t.app.registeredRoutes
      .filter((r) => r.url.startsWith("/api/") && !r.url.startsWith("/api/docs") && r.url !== "/api/openapi.json" && r.method !== "HEAD")
      .map((r) => `${r.method} ${openApiPath(r.url)}`)
      .sort();
    expect(registered.length).toBeGreaterThan(20);
    expect(documented).toEqual(registered);
  });

  it("describes the session cookie as the security scheme", async () => {
    const doc = (await t.anonymous.get("/api/openapi.json")).json();

    expect(doc.components.securitySchemes.session).toEqual({ type: "apiKey", in: "cookie", name: "sid" });
    expect(doc.security).toEqual([{ session: [] }]);
  });
});

describe("GET /api/docs", () => {
  it("serves the API docs as HTML without a session", async () => {
    const res = await t.anonymous.get("/api/docs");

    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/html/);
    expect(res.body).toContain("<title>Swagger UI</title>");
    expect(res.headers["content-security-policy"]).toContain("script-src 'self'");
  });
});
