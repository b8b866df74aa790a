import { type Kysely, sql } from "kysely";

/**
 * Web Push: the server's own settings (VAPID keys, generated once and kept), each device's
 * subscription, each account's notification preferences, and when a notification was pushed.
 * Frozen once landed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Values the server generates once and must keep across restarts (e.g. the VAPID key pair).
    CREATE TABLE app_settings (
      key text PRIMARY KEY,
      value jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    -- One row per device (browser) that asked for push; the endpoint is the device's address at its push service.
    CREATE TABLE push_subscriptions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      -- The session that subscribed: logging that session out removes the subscription.
      session_id text REFERENCES sessions(id) ON DELETE SET NULL,
      endpoint text NOT NULL UNIQUE,
      p256dh text NOT NULL,
      auth text NOT NULL,
      user_agent text,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_success_at timestamptz,
      -- Consecutive failed deliveries (not counting 404/410, which remove the row).
      failures int NOT NULL DEFAULT 0
    );
    CREATE INDEX push_subscriptions_account ON push_subscriptions (account_id);
    CREATE INDEX push_subscriptions_session ON push_subscriptions (session_id);

    -- Absent row = defaults: every type pushed, no quiet hours.
    CREATE TABLE notification_preferences (
      account_id uuid PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
      -- Types that reach the inbox only, never a push.
      push_muted_types text[] NOT NULL DEFAULT '{}',
      -- Quiet hours in Asia/Ho_Chi_Minh; both set or both null.
      quiet_start time,
      quiet_end time,
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((quiet_start IS NULL) = (quiet_end IS NULL))
    );

    -- Set once the notification went to every device of its account (or none wanted it): a retried
    -- delivery job skips it.
    ALTER TABLE notifications ADD COLUMN pushed_at timestamptz;
  `.execute(db);
}
