import { type Kysely, sql } from "kysely";

/**
 * The platform foundation: Vietnamese text folding, the organisation tree, members, accounts,
 * login identifiers, activation codes, role grants, sessions and the append-only events table.
 * Frozen once landed: later changes go into new migrations.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE EXTENSION IF NOT EXISTS ltree;
    CREATE EXTENSION IF NOT EXISTS unaccent;
    CREATE EXTENSION IF NOT EXISTS pg_trgm;

    -- One fold for index expressions and queries alike: no diacritics, đ → d, lower case,
    -- whitespace (JavaScript's \\s set) collapsed and trimmed, exactly as foldVietnamese() does.
    -- unaccent() is only STABLE because it looks its dictionary up by search_path; naming the
    -- dictionary explicitly makes the wrapper safe to declare IMMUTABLE.
    -- Backslashes are doubled: this is a JS template literal, and PostgreSQL's regex engine reads
    -- the \\t, \\n, \\uXXXX escapes itself.
    CREATE FUNCTION vn_fold(value text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT btrim(regexp_replace(
        lower(translate(public.unaccent('public.unaccent'::regdictionary, value), 'đĐ', 'dd')),
        '[\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]+', ' ', 'g'
      ), ' ') $$;

    CREATE TABLE org_units (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
      parent_id uuid REFERENCES org_units(id),
      kind text NOT NULL CHECK (kind IN ('province', 'district', 'grassroots', 'subcommittee', 'cell')),
      code text NOT NULL UNIQUE,
      name text NOT NULL,
      -- Labels are 'u' || seq, so a rename never rewrites paths; a move rewrites the subtree's paths.
      path ltree NOT NULL UNIQUE,
      status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'closed', 'merged')),
      valid_from date NOT NULL DEFAULT CURRENT_DATE,
      valid_to date,
      replaced_by_id uuid REFERENCES org_units(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (valid_to IS NULL OR valid_to >= valid_from)
    );
    CREATE INDEX org_units_path_gist ON org_units USING gist (path);
    CREATE INDEX org_units_parent ON org_units (parent_id);
    CREATE INDEX org_units_name_fold_trgm ON org_units USING gin (vn_fold(name) gin_trgm_ops);

    -- Fills the path from the parent's path on insert, so no caller can get it wrong.
    CREATE FUNCTION org_units_set_path() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE parent_path ltree;
    BEGIN
      IF NEW.parent_id IS NULL THEN
        NEW.path := text2ltree('u' || NEW.seq);
      ELSE
        SELECT path INTO STRICT parent_path FROM org_units WHERE id = NEW.parent_id;
        NEW.path := parent_path || text2ltree('u' || NEW.seq);
      END IF;
      RETURN NEW;
    END $$;
    CREATE TRIGGER org_units_set_path BEFORE INSERT ON org_units
      FOR EACH ROW EXECUTE FUNCTION org_units_set_path();

    CREATE TABLE members (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      full_name text NOT NULL,
      -- Vietnamese name order (given name first), C-collated; computed by the API from full_name.
      name_sort_key text NOT NULL COLLATE "C",
      sex text NOT NULL CHECK (sex IN ('male', 'female')),
      date_of_birth date,
      phone text,
      email text,
      party_card_number text UNIQUE,
      admitted_on date,
      full_member_on date,
      status text NOT NULL CHECK (status IN ('full', 'probationary', 'exempt', 'transferred_out', 'deceased')),
      cell_id uuid NOT NULL REFERENCES org_units(id),
      -- Copy of the cell's path so subtree lists need no join; rewritten with the cell when it moves.
      unit_path ltree NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX members_unit_path_gist ON members USING gist (unit_path);
    CREATE INDEX members_cell_sort ON members (cell_id, name_sort_key, id);
    CREATE INDEX members_sort ON members (name_sort_key, id);
    CREATE INDEX members_name_fold_trgm ON members USING gin (vn_fold(full_name) gin_trgm_ops);
    -- Name search inside a subtree: fetch only the subtree's matching members, then sort those.
    CREATE INDEX members_path_name_gist ON members USING gist (unit_path, vn_fold(full_name) gist_trgm_ops);

    CREATE TABLE accounts (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      member_id uuid UNIQUE REFERENCES members(id),
      -- Staff-only accounts (no member record) belong to a unit for scoping.
      home_unit_id uuid REFERENCES org_units(id),
      display_name text NOT NULL,
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'active', 'disabled')),
      password_hash text,
      password_changed_at timestamptz,
      activated_at timestamptz,
      totp_secret text,
      totp_enabled_at timestamptz,
      totp_last_step bigint,
      failed_logins int NOT NULL DEFAULT 0,
      locked_until timestamptz,
      language text NOT NULL DEFAULT 'vi' CHECK (language IN ('vi', 'en')),
      large_text boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      CHECK (member_id IS NOT NULL OR home_unit_id IS NOT NULL)
    );
    CREATE INDEX accounts_activated ON accounts (activated_at) WHERE activated_at IS NOT NULL;

    -- Phone numbers, party card numbers and e-mails a person can log in with, normalised.
    CREATE TABLE account_identifiers (
      kind text NOT NULL CHECK (kind IN ('phone', 'card', 'email')),
      value text NOT NULL,
      account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      PRIMARY KEY (kind, value)
    );
    CREATE INDEX account_identifiers_account ON account_identifiers (account_id);

    CREATE TABLE activation_codes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      account_id uuid NOT NULL REFERENCES accounts(id),
      code_hash text NOT NULL,
      issued_by uuid REFERENCES accounts(id),
      issued_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      attempts int NOT NULL DEFAULT 0
    );
    CREATE INDEX activation_codes_account ON activation_codes (account_id) WHERE used_at IS NULL;

    CREATE TABLE role_grants (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      account_id uuid NOT NULL REFERENCES accounts(id),
      unit_id uuid NOT NULL REFERENCES org_units(id),
      role text NOT NULL CHECK (role IN ('secretary', 'deputy_secretary', 'editor', 'approver', 'unit_admin', 'stats_viewer')),
      granted_by uuid REFERENCES accounts(id),
      granted_at timestamptz NOT NULL DEFAULT now(),
      revoked_by uuid REFERENCES accounts(id),
      revoked_at timestamptz
    );
    CREATE UNIQUE INDEX role_grants_active ON role_grants (account_id, unit_id, role) WHERE revoked_at IS NULL;
    CREATE INDEX role_grants_unit ON role_grants (unit_id) WHERE revoked_at IS NULL;

    CREATE TABLE sessions (
      -- SHA-256 of the cookie's token: a leaked table cannot be replayed.
      id text PRIMARY KEY,
      account_id uuid NOT NULL REFERENCES accounts(id),
      csrf_token text NOT NULL,
      -- 'none' | 'enroll' | 'verify' | 'verified'
      mfa text NOT NULL CHECK (mfa IN ('none', 'enroll', 'verify', 'verified')),
      staff boolean NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      last_seen_at timestamptz NOT NULL DEFAULT now(),
      idle_expires_at timestamptz NOT NULL,
      absolute_expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      ip inet,
      user_agent text
    );
    CREATE INDEX sessions_account ON sessions (account_id) WHERE revoked_at IS NULL;

    -- Append-only: the audit trail and the raw source for statistics.
    CREATE TABLE events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      occurred_at timestamptz NOT NULL DEFAULT now(),
      name text NOT NULL,
      result text NOT NULL DEFAULT 'success' CHECK (result IN ('success', 'failure', 'denied')),
      actor_id uuid REFERENCES accounts(id),
      unit_id uuid REFERENCES org_units(id),
      unit_path ltree,
      subject_type text,
      subject_id text,
      ip inet,
      request_id text,
      data jsonb NOT NULL DEFAULT '{}'
    );
    CREATE INDEX events_unit_path_gist ON events USING gist (unit_path);
    CREATE INDEX events_name_id ON events (name, id);
    CREATE INDEX events_actor ON events (actor_id, id);

    CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'events is append-only';
    END $$;
    CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
      FOR EACH STATEMENT EXECUTE FUNCTION events_append_only();
    CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON events
      FOR EACH STATEMENT EXECUTE FUNCTION events_append_only();
  `.execute(db);
}
