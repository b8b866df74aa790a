import type { Db } from "../db/db";
import type { Actor } from "./actor";

/** Where a request came from, for the audit trail. */
export interface RequestMeta {
  ip: string | null;
  requestId: string | null;
  userAgent?: string | null;
}

/** Everything a command needs: who acts, the transaction to act in, and where the request came from. */
export interface Ctx {
  actor: Actor | null;
  db: Db;
  meta: RequestMeta;
}

/** Runs `fn` in one database transaction; commands never open their own. */
export function withTransaction<T>(db: Db, actor: Actor | null, meta: RequestMeta, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  return db.transaction().execute((trx) => fn({ actor, db: trx, meta }));
}
