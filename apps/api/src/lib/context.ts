import type { Db } from "../db/db";
import type { Actor } from "./actor";
import type { JobQueue } from "./jobs";
import { type LiveBus, type LiveMessage, memoryBus } from "./live";

/** Where a request came from, for the audit trail. */
export interface RequestMeta {
  ip: string | null;
  requestId: string | null;
  userAgent?: string | null;
}

/** Everything a command needs: who acts, the transaction to act in, where the request came from, and the job queue. */
export interface Ctx {
  actor: Actor | null;
  db: Db;
  meta: RequestMeta;
  /** Enqueue with `{ db: ctx.db }` so the job commits or rolls back with the command. */
  jobs: JobQueue;
  /**
   * Publishes to live clients once the transaction has committed (nothing if it rolls back), so a
   * screen never shows what the database does not hold.
   */
  publishAfterCommit(message: LiveMessage): void;
}

/** Runs `fn` in one database transaction; commands never open their own. */
export async function withTransaction<T>(
  deps: { db: Db; jobs: JobQueue; live?: LiveBus },
  actor: Actor | null,
  meta: RequestMeta,
  fn: (ctx: Ctx) => Promise<T>,
): Promise<T> {
  const live = deps.live ?? memoryBus();
  const pending: LiveMessage[] = [];
  const result = await deps.db
    .transaction()
    .execute((trx) => fn({ actor, db: trx, meta, jobs: deps.jobs, publishAfterCommit: (message) => void pending.push(message) }));
  // Live updates are a courtesy: a lost one must not turn a committed command into an error.
  for (const message of pending) await live.publish(message).catch(() => undefined);
  return result;
}
