import { type Kysely, sql } from "kysely";

/**
 * The in-app inbox: one row per account and notification. `dedupe_key` makes every write
 * idempotent (a fan-out batch retried after a crash inserts nothing twice). Frozen once landed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE notifications (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      -- A registered type (lib/notification-types.ts), e.g. 'system.announcement'.
      type text NOT NULL,
      title text NOT NULL,
      body text NOT NULL DEFAULT '',
      -- Path inside the PWA that opens the subject, e.g. '/news/…'.
      link text,
      subject_type text,
      subject_id text,
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz,
      dedupe_key text NOT NULL,
      UNIQUE (account_id, dedupe_key)
    );
    -- The inbox page: newest first, keyset on (created_at, id).
    CREATE INDEX notifications_inbox ON notifications (account_id, created_at DESC, id DESC);
    -- The bell: unread count per account.
    CREATE INDEX notifications_unread ON notifications (account_id) WHERE read_at IS NULL;
  `.execute(db);
}
