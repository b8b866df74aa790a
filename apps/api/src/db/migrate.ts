import { type Kysely, Migrator, sql } from "kysely";
import { migrations } from "./migrations";

// Any constant works; it only has to be the same for every process of this application.
const MIGRATION_LOCK = 727_001;

/**
 * Brings the database to the latest migration. Safe to call from several processes at once:
 * an advisory lock serialises them, and Kysely's own lock table guards the rest.
 */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  return db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${MIGRATION_LOCK})`.execute(conn);
    try {
      const migrator = new Migrator({ db: conn, provider: { getMigrations: async () => migrations } });
      const { error, results } = await migrator.migrateToLatest();
      if (error) throw error;
      return (results ?? []).map((r) => r.migrationName);
    } finally {
      await sql`SELECT pg_advisory_unlock(${MIGRATION_LOCK})`.execute(conn);
    }
  });
}
