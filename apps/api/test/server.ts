import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { InjectOptions } from "fastify";
import { afterAll } from "vitest";
import { buildApp } from "../src/app";
import { type Env, envWith } from "../src/env";
import { createBoss, type JobDeps, pgBossQueue } from "../src/lib/jobs";
import { type LiveBus, memoryBus } from "../src/lib/live";
import { diskStorage, type Storage } from "../src/lib/storage";
import { createSession } from "../src/lib/session";
import { listenForAuthChanges, SessionCache } from "../src/lib/session-cache";
import * as sessionsRepo from "../src/modules/auth/sessions.repo";
import { drainJobs } from "../src/worker";
import { createTestDb } from "./db";

export const testEnv = envWith({ NODE_ENV: "test", SEED_DEMO: "false", LOG_LEVEL: "silent" });

type Payload = InjectOptions["payload"];

/**
 * One app and one private database per test file, torn down after the file. Jobs go to a real
 * pg-boss on that database (its schema and queues come with the template); nothing runs them in the
 * background: a test calls `drainJobs()` to run every queued job to the end, here and now.
 */
export async function createTestApp(
  options: { live?: LiveBus; env?: Partial<Record<keyof Env, string>>; storage?: Storage; sessionCache?: { ttlMs: number; retryMs?: number } } = {},
) {
  const env = options.env ? envWith({ NODE_ENV: "test", SEED_DEMO: "false", LOG_LEVEL: "silent", ...options.env }) : testEnv;
  const { db, url, drop } = await createTestDb();
  const boss = createBoss(url, { worker: false, max: 2 });
  boss.on("error", () => undefined);
  await boss.start();
  const jobs = pgBossQueue(boss);
  const live = options.live ?? memoryBus();
  const filesDir = await fs.mkdtemp(path.join(os.tmpdir(), "sotay-test-files-"));
  const storage = options.storage ?? diskStorage(filesDir);
  // Off unless asked for: the cache learns of changes a moment after they commit, and most tests
  // act the very next instant. session-cache.test.ts covers it.
  const sessionCache = new SessionCache(options.sessionCache?.ttlMs ?? 0);
  const authListener = options.sessionCache ? await listenForAuthChanges(url, sessionCache, { retryMs: options.sessionCache.retryMs }) : null;
  const app = await buildApp({ env, db, jobs, live, storage, sessionCache });
  await app.ready();
  const jobDeps: JobDeps = { db, jobs, live, env, storage };
  afterAll(async () => {
    await app.close();
    await authListener?.close();
    await boss.stop({ graceful: false, wait: true });
    await live.close();
    await drop();
    await fs.rm(filesDir, { recursive: true, force: true });
  });

  /** A client whose requests carry a real session cookie and CSRF token, through the real auth hook. */
  async function as(account: { id: string }, options: { mfa?: "verified" | "none" | "enroll" | "verify" } = {}) {
    const { token, session } = await createSession(db, env, { accountId: account.id, staff: false, totpEnabled: false, ip: null, userAgent: null });
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
      put: (url: string, payload: Payload = {}) => send("PUT", url, payload),
      delete: (url: string, payload?: Payload) => send("DELETE", url, payload),
    };
  }

  return {
    app,
    env,
    db,
    url,
    as,
    boss,
    jobs,
    live,
    jobDeps,
    storage,
    sessionCache,
    /** Runs queued jobs until none is left; returns how many ran. */
    drainJobs: () => drainJobs(boss, jobDeps),
    anonymous: { get: (u: string) => app.inject({ method: "GET", url: u }), post: (u: string, payload: Payload = {}) => app.inject({ method: "POST", url: u, payload }) } };
}
