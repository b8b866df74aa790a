import { type Kysely, sql } from "kysely";

/**
 * Search ranks on title and summary only (a small vector kept in the row), so ranking thousands of
 * matches no longer reads each body's large vector from TOAST: 143 ms → 21 ms for "nghi quyet"
 * over a member's 3,677 visible articles on the Hanoi-scale bench. Matching still uses `search`
 * (title, summary and body). Frozen once landed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE articles ADD COLUMN search_head tsvector GENERATED ALWAYS AS (
      setweight(to_tsvector('simple', vn_fold(title)), 'A') || setweight(to_tsvector('simple', vn_fold(summary)), 'B')
    ) STORED;
  `.execute(db);
}
