import { type Kysely, sql } from "kysely";

/**
 * A comment sent again with the same Idempotency-Key (a phone that lost the answer and retried) is
 * the same comment: the key is kept with the comment, unique per author. Frozen once landed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE feedback_comments ADD COLUMN idempotency_key text CHECK (idempotency_key IS NULL OR length(idempotency_key) BETWEEN 8 AND 100);
    CREATE UNIQUE INDEX feedback_comments_idempotency ON feedback_comments (account_id, idempotency_key) WHERE idempotency_key IS NOT NULL;
  `.execute(db);
}
