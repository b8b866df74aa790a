import type { InjectOptions } from "fastify";
import { afterAll } from "vitest";
import { buildApp } from "../src/app";
import { envWith } from "../src/env";
import { createSession } from "../src/lib/session";
import * as sessionsRepo from "../src/modules/auth/sessions.repo";
import { createTestDb } from "./db";

export const testEnv = envWith({ NODE_ENV: "test", SEED_DEMO: "false", LOG_LEVEL: "silent" });

type Payload = InjectOptions["payload"];

/** One app and one private database per test file, torn down after the file. */
export async function createTestApp() {
  const { db, url, drop } = await createTestDb();
  const app = await buildApp({ env: testEnv, db });
  await app.ready();
  afterAll(async () => {
    await app.close();
    await drop();
  });

  /** A client whose requests carry a real session cookie and CSRF token, through the real auth hook. */
  async function as(account: { id: string }, options: { mfa?: "verified" | "none" | "enroll" | "verify" } = {}) {
    const { token, session } = await createSession(db, testEnv, { accountId: account.id, staff: false, totpEnabled: false, ip: null, userAgent: null });
    const mfa = options.mfa ?? "verified";
    if (mfa !== session.mfa) await sessionsRepo.update(db, session.id, { mfa });
    const headers = { cookie: `sid=${token}`, "x-csrf-token": session.csrfToken };
    const send = (method: InjectOptions["method"], url: string, payload?: Payload) =>
      app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
    return {
      token,
      session,
      headers,
      get: (url: string) => send("GET", url),
      post: (url: string, payload: Payload = {}) => send("POST", url, payload),
      patch: (url: string, payload: Payload = {}) => send("PATCH", url, payload),
      delete: (url: string) => send("DELETE", url),
    };
  }

  return { app, db, url, as, anonymous: { get: (u: string) => app.inject({ method: "GET", url: u }), post: (u: string, payload: Payload = {}) => app.inject({ method: "POST", url: u, payload }) } };
}
