import { loadEnv } from "../env";
import { createDb } from "./db";
import { migrateToLatest } from "./migrate";

/**
 * `npm run migrate -w @party/api`: applies the pending migrations to DATABASE_URL and exits, so a
 * deployment can migrate once before starting its web and worker processes (each also migrates on
 * start; the migrator's lock makes that safe).
 */
const env = loadEnv();
if (!env.DATABASE_URL) {
  console.error("DATABASE_URL is required (the embedded database is migrated when the server starts).");
  process.exit(2);
}
const db = createDb(env.DATABASE_URL, { max: 1 });
try {
  const applied = await migrateToLatest(db);
  console.log(applied.length > 0 ? `Applied migrations: ${applied.join(", ")}` : "The database is up to date.");
} finally {
  await db.destroy();
}
