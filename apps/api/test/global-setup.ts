import os from "node:os";
import path from "node:path";
import fs from "node:fs/promises";
import type { TestProject } from "vitest/node";
import { createDb } from "../src/db/db";
import { startEmbeddedPostgres } from "../src/db/embedded";
import { migrateToLatest } from "../src/db/migrate";
import { createBoss } from "../src/lib/jobs";
import { createQueues } from "../src/worker";
import { adminQuery, withDatabase } from "./db";

/**
 * Runs once per `vitest run`: with TEST_DATABASE_URL (any database of a server) it uses that
 * server; otherwise it starts the embedded PostgreSQL in a temporary folder. Then it rebuilds the
 * template database from the migrations; each test file copies it.
 */
export default async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL;
  let stop: (() => Promise<void>) | undefined;
  if (!adminUrl) {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "sotay-test-pg-"));
    await fs.chmod(dir, 0o755);
    const embedded = await startEmbeddedPostgres(dir, { persistent: false });
    adminUrl = embedded.url;
    stop = async () => {
      await embedded.stop();
      await fs.rm(dir, { recursive: true, force: true });
    };
  }
  // One template per run, so two runs against the same server never collide.
  const TEMPLATE_DB = `sotay_test_template_${process.pid}`;
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await adminQuery(adminUrl, `CREATE DATABASE ${TEMPLATE_DB}`);
  const db = createDb(withDatabase(adminUrl, TEMPLATE_DB), { max: 1 });
  await migrateToLatest(db);
  await db.destroy(); // PostgreSQL refuses to copy a template that has open connections
  // pg-boss's schema and queues, as the server's start creates them, so each copy starts at once.
  const boss = createBoss(withDatabase(adminUrl, TEMPLATE_DB), { worker: false, max: 1 });
  await boss.start();
  await createQueues(boss);
  await boss.stop({ graceful: false, wait: true });
  project.provide("adminUrl", adminUrl);
  project.provide("templateDb", TEMPLATE_DB);
  const serverUrl = adminUrl;
  return async () => {
    await adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`).catch(() => undefined);
    await stop?.();
  };
}
