import { CompiledQuery } from "kysely";
import PgBoss from "pg-boss"; // pg-boss 10: default export (11+ exports { PgBoss } and needs Node 22)
import type { Db } from "../db/db";
import type { Env } from "../env";
import type { LiveBus } from "./live";
import type { Storage } from "./storage";

/** pg-boss keeps its tables in this schema; it creates and migrates it itself on start. */
export const JOBS_SCHEMA = "pgboss";

export interface SendOptions {
  /** The caller's transaction: the job exists only if that transaction commits. */
  db?: Db;
  /** At most one queued job with this key (see pg-boss singleton rules). */
  singletonKey?: string;
  startAfter?: Date | number | string;
}

/** What commands and job handlers use to enqueue background work. */
export interface JobQueue {
  /** Enqueues one job; returns its id (null when a singleton key suppressed it). */
  send(name: string, data: object, options?: SendOptions): Promise<string | null>;
}

/**
 * pg-boss's `db` option over a Kysely transaction, so pg-boss's INSERT runs in it. Plugins are
 * dropped: CamelCasePlugin would rename the columns pg-boss reads back.
 */
export function asPgBossDb(db: Db): PgBoss.Db {
  const raw = db.withoutPlugins();
  return {
    executeSql: async (text, values) => {
      const result = await raw.executeQuery(CompiledQuery.raw(text, values));
      return { rows: result.rows as unknown[] as object[] };
    },
  };
}

/**
 * A pg-boss instance on the application's database. `worker: false` (web processes, tests) turns
 * off its maintenance and cron timers: those run in worker processes only.
 */
export function createBoss(connectionString: string, options: { worker: boolean; max?: number; pollSeconds?: number }): PgBoss {
  return new PgBoss({
    connectionString,
    schema: JOBS_SCHEMA,
    max: options.max ?? 4,
    application_name: options.worker ? "sotay-worker" : "sotay-web",
    supervise: options.worker,
    schedule: options.worker,
    pollingIntervalSeconds: options.pollSeconds ?? 2,
  });
}

/** Wraps pg-boss behind the JobQueue interface used by commands. */
export function pgBossQueue(boss: PgBoss): JobQueue {
  return {
    send: (name, data, options = {}) => {
      const { db, ...rest } = options;
      return boss.send(name, data, { ...rest, ...(db ? { db: asPgBossDb(db) } : {}) });
    },
  };
}

/** What a job handler gets: the pool (not a transaction), the queue, the live bus and the settings. */
export interface JobDeps {
  db: Db;
  jobs: JobQueue;
  live: LiveBus;
  env: Env;
  /** Where file bytes live (text extraction reads them); unset: the storage the settings describe. */
  storage?: Storage;
}

/** Runs one job. It must be idempotent: a worker killed mid-job runs it again after the retry delay. */
export type JobHandler<T = never> = (deps: JobDeps, data: T) => Promise<void>;
