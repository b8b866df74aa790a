import type { Db } from "../db/db";
import type { Actor } from "./actor";
import type { JobQueue } from "./jobs";

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
}

/** Runs `fn` in one database transaction; commands never open their own. */
export function withTransaction<T>(
  deps: { db: Db; jobs: JobQueue },
  actor: Actor | null,
  meta: RequestMeta,
  fn: (ctx: Ctx) => Promise<T>,
): Promise<T> {
  return deps.db.transaction().execute((trx) => fn({ actor, db: trx, meta, jobs: deps.jobs }));
}
