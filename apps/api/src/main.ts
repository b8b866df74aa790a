import pg from "pg";
import { buildApp } from "./app";
import { createDb } from "./db/db";
import { folderBlockingPostgres, startEmbeddedPostgres, type EmbeddedDatabase } from "./db/embedded";
import { migrateToLatest } from "./db/migrate";
import { DEMO_PASSWORD, demoLogins, seedDemo } from "./db/seed";
import { DEFAULT_DATA_DIR, loadEnv } from "./env";
import { createBoss, pgBossQueue } from "./lib/jobs";
import { Redis } from "ioredis";
import { createLiveBus } from "./lib/live";
import { listenForAuthChanges, SessionCache } from "./lib/session-cache";
import { createStorage } from "./lib/storage";
import { redisThrottle } from "./lib/throttle";
import { vapidKeys } from "./lib/push";
import { createQueues, startWorker } from "./worker";

const APP_DATABASE = "sotay";
const FALLBACK_DATA_DIR = "/var/lib/so-tay-dang-vien";

/** With the embedded server, the app keeps its data in its own database, created on first start. */
async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function main(): Promise<void> {
  const env = loadEnv();
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = env.DATABASE_URL;
  // The embedded database and uploaded files (unless STORAGE=s3) live here.
  let dataDir = env.DATA_DIR ?? DEFAULT_DATA_DIR;
  if (!databaseUrl) {
    const blocking = await folderBlockingPostgres(dataDir);
    if (blocking && !env.DATA_DIR) {
      // The default folder sits where the postgres user cannot go (a clone under /root): use one it can.
      dataDir = FALLBACK_DATA_DIR;
      console.log(`The postgres user cannot enter ${blocking}; keeping data in ${dataDir} instead (set DATA_DIR to choose).`);
    }
    console.log(`Starting the embedded PostgreSQL in ${dataDir} …`);
    embedded = await startEmbeddedPostgres(dataDir);
    databaseUrl = await ensureDatabase(embedded.url, APP_DATABASE);
  }
  const db = createDb(databaseUrl, { max: env.DB_POOL_MAX });
  const applied = await migrateToLatest(db);
  if (applied.length > 0) console.log(`Applied migrations: ${applied.join(", ")}`);
  const storage = createStorage(env, dataDir);
  if (env.SEED_DEMO) {
    const seeded = await seedDemo(db, { storage, env });
    if (seeded) console.log("Seeded the demo organisation.");
  }

  // Generated once and kept, so devices' push subscriptions stay valid across restarts.
  await vapidKeys(db, env);

  const runsWorker = env.ROLE !== "web";
  // pg-boss creates (or migrates) its own schema on start; every role needs it to enqueue.
  const boss = createBoss(databaseUrl, { worker: runsWorker, pollSeconds: env.JOB_POLL_SECONDS });
  boss.on("error", (error) => console.error("job queue:", error.message));
  await boss.start();
  await createQueues(boss);
  const jobs = pgBossQueue(boss);
  const live = await createLiveBus(env.REDIS_URL);
  if (runsWorker) {
    await startWorker(boss, { db, jobs, live, env, storage }, { concurrency: env.WORKER_CONCURRENCY, pollSeconds: env.JOB_POLL_SECONDS });
  }

  // Login throttles shared by every web process when Redis is there (in memory otherwise).
  const redis = env.REDIS_URL && env.ROLE !== "worker" ? new Redis(env.REDIS_URL, { maxRetriesPerRequest: 1, enableOfflineQueue: false }) : null;
  redis?.on("error", () => undefined); // reconnection is ioredis's job; the throttles count in memory meanwhile
  const throttles = redis
    ? {
        loginIp: redisThrottle(redis, "login-ip", env.LOGIN_RATE_PER_MINUTE, 60_000),
        identifier: redisThrottle(redis, "identifier", env.LOGIN_LOCK_AFTER, env.LOGIN_LOCK_MINUTES * 60_000),
      }
    : undefined;
  // Sessions in memory for a few seconds, forgotten the moment the database says they changed.
  const sessionCache = new SessionCache(env.SESSION_CACHE_SECONDS * 1000);
  const authListener =
    env.ROLE !== "worker" && env.SESSION_CACHE_SECONDS > 0
      ? await listenForAuthChanges(databaseUrl, sessionCache, { onError: (error) => console.error("session cache: change notifications lost:", error.message) })
      : null;
  const app = env.ROLE === "worker" ? null : await buildApp({ env, db, jobs, live, throttles, storage, sessionCache });
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: shutting down, draining requests and running jobs`);
    const force = setTimeout(() => process.exit(1), 20_000);
    force.unref();
    await app?.close(); // stops accepting, ends live streams, waits for in-flight requests
    await authListener?.close();
    // Jobs still running after 15 s are failed and retried by another worker later.
    await boss.stop({ graceful: true, wait: true, timeout: 15_000 });
    await live.close();
    redis?.disconnect();
    await db.destroy();
    await embedded?.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));

  if (!app) {
    console.log(`Sổ tay đảng viên worker is running (${env.WORKER_CONCURRENCY} jobs per queue at once).`);
    return;
  }
  await app.listen({ port: env.PORT, host: env.HOST });
  const shown = env.HOST === "0.0.0.0" || env.HOST === "::" ? "localhost" : env.HOST;
  const logins = env.SEED_DEMO ? await demoLogins(db) : [];
  const lines = [
    "",
    `Sổ tay đảng viên is running at http://${shown}:${env.PORT}`,
    `API docs: http://${shown}:${env.PORT}/api/docs`,
  ];
  if (logins.length > 0) {
    lines.push(`Demo logins (password: ${DEMO_PASSWORD}; staff roles set up two-step verification at first login):`);
    for (const l of logins) lines.push(`  ${l.role.padEnd(17)} ${l.identifier.padEnd(18)} ${l.name} — ${l.unit}`);
  }
  console.log(lines.join("\n"));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
