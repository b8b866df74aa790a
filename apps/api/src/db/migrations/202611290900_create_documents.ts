import { type Kysely, sql } from "kysely";

/**
 * Documents (Văn bản – Tài liệu): a unit's documents with their metadata history and files, the
 * text extracted from each file, uploads waiting to be attached, and each member's bookmarks,
 * private notes and opens. Frozen once landed.
 *
 * A document is published by `unit_id` to that unit's subtree (or only to its committee). Its bytes
 * live in `files` (content-addressed); `document_files` names them in order. `content_text` holds the
 * files' extracted text (filled by the `documents.extract` job), cut at about 300,000 characters so
 * the generated tsvector stays well under PostgreSQL's 1 MB limit.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- array_to_string is only STABLE (it calls element output functions); for text[] it cannot
    -- change, so this wrapper may be IMMUTABLE and used in a generated column.
    CREATE FUNCTION text_array_join(parts text[]) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
      AS $$ SELECT array_to_string(parts, ' ') $$;

    CREATE TABLE documents (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      unit_id uuid NOT NULL REFERENCES org_units(id),
      -- The publishing unit's path, copied (as articles do): lists scope by subtree without a join.
      unit_path ltree NOT NULL,
      -- Số, ký hiệu, e.g. 15-NQ/TW; optional for meeting materials.
      number_symbol text CHECK (number_symbol IS NULL OR length(number_symbol) BETWEEN 1 AND 60),
      -- Folded, letters and digits only ("15nqtw"): "15-NQ", "15 nq" or "15-nq/tw" find it by prefix.
      symbol_key text GENERATED ALWAYS AS (regexp_replace(vn_fold(number_symbol), '[^[:alnum:]]+', '', 'g')) STORED,
      type text NOT NULL CHECK (type IN ('resolution', 'directive', 'conclusion', 'regulation', 'decision', 'guidance', 'notice', 'plan', 'report', 'meeting_material', 'other')),
      issuing_body text NOT NULL,
      issued_on date NOT NULL,
      effective_on date,
      -- Trích yếu.
      summary text NOT NULL,
      level text NOT NULL CHECK (level IN ('central', 'province', 'district', 'grassroots', 'cell')),
      tags text[] NOT NULL DEFAULT '{}',
      -- Only the publishing unit's committee (and those who publish for it) may see it.
      committee_only boolean NOT NULL DEFAULT false,
      -- A draft open for feedback until then (dự thảo lấy ý kiến); null for a plain document.
      feedback_until timestamptz,
      content_text text NOT NULL DEFAULT '',
      -- The metadata version (document_versions holds every one).
      version int NOT NULL DEFAULT 1,
      created_by uuid REFERENCES accounts(id),
      updated_by uuid REFERENCES accounts(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      -- Withdrawn (thu hồi): hidden from members, kept for history.
      withdrawn_at timestamptz,
      withdrawn_by uuid REFERENCES accounts(id),
      withdrawn_reason text,
      -- Diacritic-free full text: number and summary over issuing body and tags over the files' text.
      search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', vn_fold(coalesce(number_symbol, '') || ' ' || summary)), 'A') ||
        setweight(to_tsvector('simple', vn_fold(issuing_body || ' ' || text_array_join(tags))), 'B') ||
        setweight(to_tsvector('simple', vn_fold(content_text)), 'C')
      ) STORED,
      -- The same without the files' text, kept in the row for ranking: ranking thousands of matches
      -- must not read each one's large vector from TOAST (what made news search fast, 202611281200).
      search_head tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', vn_fold(coalesce(number_symbol, '') || ' ' || summary)), 'A') ||
        setweight(to_tsvector('simple', vn_fold(issuing_body || ' ' || text_array_join(tags))), 'B')
      ) STORED
    );
    CREATE INDEX documents_search ON documents USING gin (search) WHERE withdrawn_at IS NULL;
    CREATE INDEX documents_search_head ON documents USING gin (search_head) WHERE withdrawn_at IS NULL;

    -- "The files' text matches": the same as search @@ query, priced for the planner. Checking a row
    -- reads its large vector from TOAST, about ten page reads that PostgreSQL does not count, so
    -- alone it walks thousands of rows by date for a rare word (250 ms over 20,000 documents) where
    -- the GIN index answers in a few. With this in the condition it walks by date only when the
    -- words are common enough to fill a page within a few rows. plpgsql, so it is never inlined
    -- (an inlined function loses its cost); the plain @@ beside it keeps the index usable.
    CREATE FUNCTION document_text_matches(search tsvector, query tsquery) RETURNS boolean
      LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE COST 4000
      AS $$ BEGIN RETURN search @@ query; END $$;
    CREATE INDEX documents_symbol ON documents (symbol_key text_pattern_ops) WHERE withdrawn_at IS NULL;
    -- A unit's documents newest first: the staff desk, and one short scan per unit above a member.
    CREATE INDEX documents_unit ON documents (unit_id, issued_on DESC, id DESC);
    -- Everything visible to staff of a large subtree, newest first.
    CREATE INDEX documents_recent ON documents (issued_on DESC, id DESC) WHERE withdrawn_at IS NULL;
    CREATE INDEX documents_path ON documents USING gist (unit_path);

    -- Every state of a document's metadata (and its list of files), version 1 at creation.
    CREATE TABLE document_versions (
      document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      version int NOT NULL,
      metadata jsonb NOT NULL,
      changed_by uuid REFERENCES accounts(id),
      changed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (document_id, version)
    );

    -- A document's files in order; the name is the uploader's, cleaned, with the detected extension.
    CREATE TABLE document_files (
      document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      position int NOT NULL CHECK (position BETWEEN 1 AND 20),
      file_id uuid NOT NULL REFERENCES files(id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      format text NOT NULL CHECK (format IN ('pdf', 'docx', 'xlsx', 'pptx', 'odt', 'jpeg', 'png', 'webp')),
      PRIMARY KEY (document_id, position),
      UNIQUE (document_id, file_id)
    );
    CREATE INDEX document_files_file ON document_files (file_id);

    -- Text extracted from a file by the documents.extract job, page by page (sheets, slides).
    CREATE TABLE file_texts (
      file_id uuid PRIMARY KEY REFERENCES files(id),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
      pages jsonb NOT NULL DEFAULT '[]',
      metadata jsonb NOT NULL DEFAULT '{}',
      error text,
      attempts int NOT NULL DEFAULT 0,
      extracted_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now()
    );

    -- A file as uploaded, before it is attached to a document: it belongs to its uploader until then.
    CREATE TABLE document_uploads (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      file_id uuid NOT NULL REFERENCES files(id),
      name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
      format text NOT NULL,
      uploaded_by uuid NOT NULL REFERENCES accounts(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      document_id uuid REFERENCES documents(id) ON DELETE SET NULL,
      attached_at timestamptz
    );
    CREATE INDEX document_uploads_uploader ON document_uploads (uploaded_by, created_at DESC);

    CREATE TABLE document_bookmarks (
      account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (account_id, document_id)
    );

    -- A member's private notes on a document (optionally on a page).
    CREATE TABLE document_notes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      page int CHECK (page IS NULL OR page >= 1),
      body text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE INDEX document_notes_owner ON document_notes (account_id, document_id, created_at);

    -- Who opened a document's files on which day (Asia/Ho_Chi_Minh), and how often: pre-reads.
    CREATE TABLE document_opens (
      document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      day date NOT NULL,
      first_at timestamptz NOT NULL DEFAULT now(),
      count int NOT NULL DEFAULT 1,
      PRIMARY KEY (document_id, account_id, day)
    );
  `.execute(db);
}
