import { createHash } from "node:crypto";
import { CamelCasePlugin, type QueryId, type RawBuilder } from "kysely";
import type pg from "pg";
import type { Db } from "../db/db";

/**
 * Named prepared statements for the queries every request runs (the session and its actor, the feed,
 * read marks). PostgreSQL plans an ad-hoc query each time it arrives; for the session lookup that
 * planning cost ten times its execution (1.2 ms against 0.09 ms on the Hanoi bench). A named
 * statement is parsed once per connection and, after a few runs, executed on a cached plan.
 *
 * Opt-in per query: statements live as long as their connection, so only the fixed, few shapes of
 * the hot path belong here, never a query whose text varies with its input.
 */
const pools = new WeakMap<Db, pg.Pool>();
const names = new Map<string, string>();
const camelCase = new CamelCasePlugin();

/** Called by createDb: queries through this handle may run as prepared statements on its pool. */
export function registerPool(db: Db, pool: pg.Pool): void {
  pools.set(db, pool);
}

/**
 * Runs `query` as a named prepared statement; the name is `label` plus a digest of the SQL text, so
 * each variant of a query (an optional filter on or off) is its own statement. Inside a transaction
 * (or any handle not from createDb) it runs as an ordinary query. Rows come back camelCased, exactly
 * as Kysely's CamelCasePlugin returns them elsewhere.
 */
export async function executePrepared<T>(db: Db, label: string, query: RawBuilder<T>): Promise<T[]> {
  const compiled = query.compile(db);
  const pool = pools.get(db);
  if (!pool) return (await db.executeQuery<T>(compiled)).rows;
  let name = names.get(compiled.sql);
  if (!name) {
    name = `${label}_${createHash("sha1").update(compiled.sql).digest("hex").slice(0, 12)}`;
    names.set(compiled.sql, name);
  }
  const result = await pool.query({ name, text: compiled.sql, values: compiled.parameters as unknown[] });
  const transformed = await camelCase.transformResult({ result: { rows: result.rows }, queryId: compiled.queryId as QueryId });
  return transformed.rows as T[];
}
