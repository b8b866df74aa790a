import { CamelCasePlugin, Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { registerPool } from "../lib/prepared";
import type { DB } from "./schema";

// `date` stays a yyyy-mm-dd string: turning it into a JS Date would shift it by the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// bigint (counts, event ids) stays a string unless cast in SQL; int8 can exceed Number.MAX_SAFE_INTEGER.

export type Db = Kysely<DB>;

/** Opens a pooled Kysely handle; the caller destroys it on shutdown. */
export function createDb(connectionString: string, options: { max?: number } = {}): Db {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5_000,
    // Every session speaks Vietnam time; timestamps are stored as timestamptz regardless.
    // No parallel plans: for short API queries on a small machine they read far more than they
    // save (a district name search went from ~250 ms to ~50 ms without them; see bench/README.md).
    options: "-c TimeZone=Asia/Ho_Chi_Minh -c statement_timeout=30000 -c max_parallel_workers_per_gather=0",
  });
  // An idle client losing its connection (database restarted) must not crash the process.
  pool.on("error", () => undefined);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()] });
  registerPool(db, pool);
  return db;
}
