import { type Kysely, sql } from "kysely";

/**
 * Every process keeps recently used sessions with their actor (member, cell, grants) in memory, so
 * an authenticated request needs no query for them. These triggers tell every process, through
 * LISTEN/NOTIFY on channel `sotay_auth` and only once the change commits, what it must forget:
 * `session:<id>` (revoked, second factor passed, lifetimes changed, deleted), `account:<id>`
 * (disabled, linked to another member, TOTP changed) or `all` (grants, a member's cell or status,
 * a unit's path or status: rare administrative changes). Whatever writes these tables (the API, a
 * script, psql) is covered. Frozen once landed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE FUNCTION notify_auth_session() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('sotay_auth', 'session:' || OLD.id);
      RETURN NULL;
    END $$;

    CREATE FUNCTION notify_auth_account() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('sotay_auth', 'account:' || OLD.id);
      RETURN NULL;
    END $$;

    CREATE FUNCTION notify_auth_all() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('sotay_auth', 'all');
      RETURN NULL;
    END $$;

    -- Not on last_seen_at / idle_expires_at: those slide on use and the cache keeps them itself.
    CREATE TRIGGER sessions_notify_auth AFTER UPDATE ON sessions FOR EACH ROW
      WHEN (OLD.revoked_at IS DISTINCT FROM NEW.revoked_at OR OLD.mfa IS DISTINCT FROM NEW.mfa
         OR OLD.staff IS DISTINCT FROM NEW.staff OR OLD.absolute_expires_at IS DISTINCT FROM NEW.absolute_expires_at
         OR OLD.account_id IS DISTINCT FROM NEW.account_id)
      EXECUTE FUNCTION notify_auth_session();
    CREATE TRIGGER sessions_notify_auth_delete AFTER DELETE ON sessions FOR EACH ROW EXECUTE FUNCTION notify_auth_session();

    -- Not on failed logins, lock-outs or preferences: a login must not empty every cache.
    CREATE TRIGGER accounts_notify_auth AFTER UPDATE ON accounts FOR EACH ROW
      WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.member_id IS DISTINCT FROM NEW.member_id
         OR OLD.totp_enabled_at IS DISTINCT FROM NEW.totp_enabled_at)
      EXECUTE FUNCTION notify_auth_account();
    CREATE TRIGGER accounts_notify_auth_delete AFTER DELETE ON accounts FOR EACH ROW EXECUTE FUNCTION notify_auth_account();

    CREATE TRIGGER role_grants_notify_auth AFTER INSERT OR UPDATE OR DELETE ON role_grants
      FOR EACH STATEMENT EXECUTE FUNCTION notify_auth_all();
    CREATE TRIGGER members_notify_auth AFTER UPDATE ON members FOR EACH ROW
      WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.cell_id IS DISTINCT FROM NEW.cell_id OR OLD.unit_path IS DISTINCT FROM NEW.unit_path)
      EXECUTE FUNCTION notify_auth_all();
    CREATE TRIGGER org_units_notify_auth AFTER UPDATE ON org_units FOR EACH ROW
      WHEN (OLD.status IS DISTINCT FROM NEW.status OR OLD.path IS DISTINCT FROM NEW.path)
      EXECUTE FUNCTION notify_auth_all();
  `.execute(db);
}
