import { authenticator } from "otplib";
import { describe, expect, it } from "vitest";
import { TEST_PASSWORD, buildAccount, buildTree } from "../../../test/factories";
import { createTestApp } from "../../../test/server";

const t = await createTestApp();
const tree = await buildTree(t.db);

const login = (identifier: string, password: string, headers: Record<string, string> = {}) =>
  t.app.inject({ method: "POST", url: "/api/auth/login", payload: { identifier, password }, headers: { "x-forwarded-for": "ignored", ...headers } });

const cookieOf = (res: { cookies: { name: string; value: string }[] }) => res.cookies.find((c) => c.name === "sid")?.value;

describe("POST /api/auth/login", () => {
  it("logs a member in with their phone number and sets an HttpOnly session cookie", async () => {
    const account = await buildAccount(t.db, { cell: tree.cell });
    const res = await login(account.phone, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === "sid");
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe("Lax");
    expect(res.json().data.mfa).toBe("none");
    expect(res.json().data.member.cell.id).toBe(tree.cell.id);
    expect(res.headers["cache-control"]).toBe("no-store");
  });

  it("answers unknown identifiers and wrong passwords the same way", async () => {
    const account = await buildAccount(t.db, { cell: tree.cell });
    const wrong = await login(account.phone, "not the password");
    const unknown = await login("0999999999", "not the password");
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it("returns 400 with field errors for a body without a password", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { identifier: "0912345678" } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("validation_failed");
    expect(res.json().error.details.fields).toEqual({ password: "required" });
  });

  it("rejects unknown fields with 400", async () => {
    const res = await t.app.inject({ method: "POST", url: "/api/auth/login", payload: { identifier: "0912345678", password: "x", role: "unit_admin" } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual({ role: "unknown_field" });
  });

  it("locks the account for a while after five failures, even for the right password", async () => {
    const account = await buildAccount(t.db, { cell: tree.cell });
    for (let i = 0; i < 4; i++) expect((await login(account.phone, "wrong password")).statusCode).toBe(401);
    const fifth = await login(account.phone, "wrong password");
    expect(fifth.statusCode).toBe(429);
    expect(fifth.json().error.code).toBe("account_locked");
    const right = await login(account.phone, TEST_PASSWORD);
    expect(right.statusCode).toBe(429);
    expect(Number(right.headers["retry-after"])).toBeGreaterThan(0);
  });

  it("audits successful and failed logins", async () => {
    const account = await buildAccount(t.db, { cell: tree.cell });
    await login(account.phone, "wrong password");
    await login(account.phone, TEST_PASSWORD);
    const events = await t.db.selectFrom("events").select(["name", "result"]).where("actorId", "=", account.id).orderBy("id").execute();
    expect(events).toEqual([
      { name: "auth.login_failed", result: "failure" },
      { name: "auth.login_succeeded", result: "success" },
    ]);
  });
});

describe("two-step verification for staff", () => {
  it("asks a secretary without TOTP to enrol, then accepts a code once", async () => {
    const secretary = await buildAccount(t.db, { cell: tree.cell, roles: [["secretary", tree.cell]] });
    const res = await login(secretary.phone, TEST_PASSWORD);
    expect(res.json().data.mfa).toBe("enroll");
    const cookie = cookieOf(res)!;
    const csrf = res.json().data.csrfToken;
    const headers = { cookie: `sid=${cookie}`, "x-csrf-token": csrf };

    const blocked = await t.app.inject({ method: "GET", url: `/api/units/${tree.cell.id}`, headers });
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json().error.code).toBe("mfa_required");

    const setup = await t.app.inject({ method: "POST", url: "/api/auth/totp/setup", headers });
    expect(setup.statusCode).toBe(200);
    const code = authenticator.generate(setup.json().data.secret);
    const verified = await t.app.inject({ method: "POST", url: "/api/auth/totp/verify", headers, payload: { code } });
    expect(verified.statusCode).toBe(200);
    expect(verified.json().data.mfa).toBe("verified");

    const allowed = await t.app.inject({ method: "GET", url: `/api/units/${tree.cell.id}`, headers });
    expect(allowed.statusCode).toBe(200);

    // The same code cannot be used again, even on a new login.
    const again = await login(secretary.phone, TEST_PASSWORD);
    const h2 = { cookie: `sid=${cookieOf(again)}`, "x-csrf-token": again.json().data.csrfToken };
    const replay = await t.app.inject({ method: "POST", url: "/api/auth/totp/verify", headers: h2, payload: { code } });
    expect(replay.statusCode).toBe(400);
  });
});

describe("sessions", () => {
  it("returns 401 without a session", async () => {
    const res = await t.anonymous.get("/api/auth/session");
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("unauthenticated");
  });

  it("refuses a state change without the CSRF token", async () => {
    const account = await buildAccount(t.db, { cell: tree.cell });
    const client = await t.as(account);
    const res = await t.app.inject({ method: "POST", url: "/api/auth/logout", headers: { cookie: client.headers.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("csrf_failed");
  });

  it("revokes the session at logout", async () => {
    const account = await buildAccount(t.db, { cell: tree.cell });
    const client = await t.as(account);
    expect((await client.post("/api/auth/logout")).statusCode).toBe(200);
    expect((await client.get("/api/auth/session")).statusCode).toBe(401);
  });

  it("revokes other sessions when the password changes", async () => {
    const account = await buildAccount(t.db, { cell: tree.cell });
    const phone = await t.as(account);
    const laptop = await t.as(account);
    const res = await phone.post("/api/auth/password", { currentPassword: TEST_PASSWORD, newPassword: "a much better passphrase" });
    expect(res.statusCode).toBe(200);
    expect((await phone.get("/api/auth/session")).statusCode).toBe(200);
    expect((await laptop.get("/api/auth/session")).statusCode).toBe(401);
  });

  it("refuses a common new password with 400", async () => {
    const account = await buildAccount(t.db, { cell: tree.cell });
    const client = await t.as(account);
    const res = await client.post("/api/auth/password", { currentPassword: TEST_PASSWORD, newPassword: "password123" });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields.newPassword).toBe("too_common");
  });
});
