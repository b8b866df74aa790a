import { type Kysely, sql } from "kysely";

/**
 * Drafts for feedback (dự thảo lấy ý kiến): members' comments on a draft document and each unit's
 * summary of them, which flows up the tree to the publishing unit. Frozen once landed.
 *
 * A document is a draft while `documents.feedback_until` is set (202611290900); members comment
 * until then. Each comment belongs to the commenter's cell at the time (`unit_id`, its path copied
 * for subtree scopes, as documents do). A unit's summary holds its own members' comments and
 * whatever its units below forwarded to it; `files` keeps the generated DOCX and XLSX.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- Who sees a draft's comments besides their authors and the committees: 'own' (nobody else)
    -- or 'all' (every member of the commenter's cell).
    ALTER TABLE documents ADD COLUMN feedback_visibility text NOT NULL DEFAULT 'own' CHECK (feedback_visibility IN ('own', 'all'));

    CREATE TABLE feedback_comments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      account_id uuid NOT NULL REFERENCES accounts(id),
      -- The commenter's cell when they commented, and its path.
      unit_id uuid NOT NULL REFERENCES org_units(id),
      unit_path ltree NOT NULL,
      -- The part commented on ("Điều 3", a heading); null: the whole draft (Ý kiến chung).
      section text CHECK (section IS NULL OR length(section) BETWEEN 1 AND 200),
      -- The section folded for grouping ("Điều 3" and "điều  3" are one group); null with section.
      section_key text,
      page int CHECK (page IS NULL OR page >= 1),
      -- The passage quoted.
      quote text CHECK (quote IS NULL OR length(quote) BETWEEN 1 AND 2000),
      body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
      -- pending: not answered yet; accepted: tiếp thu; rejected: không tiếp thu; noted: ghi nhận.
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'rejected', 'noted')),
      reply text CHECK (reply IS NULL OR length(reply) BETWEEN 1 AND 5000),
      replied_by uuid REFERENCES accounts(id),
      replied_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      deleted_at timestamptz
    );
    -- A draft's comments in order, and one member's own.
    CREATE INDEX feedback_comments_document ON feedback_comments (document_id, created_at, id) WHERE deleted_at IS NULL;
    CREATE INDEX feedback_comments_author ON feedback_comments (account_id, document_id) WHERE deleted_at IS NULL;
    -- A unit's subtree of comments (committees, summaries).
    CREATE INDEX feedback_comments_path ON feedback_comments USING gist (unit_path) WHERE deleted_at IS NULL;

    -- One summary per draft and unit of its subtree: generated (draft) by the unit's committee,
    -- then forwarded to the unit above, whose own summary then includes it.
    CREATE TABLE feedback_summaries (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      document_id uuid NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
      unit_id uuid NOT NULL REFERENCES org_units(id),
      status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'forwarded')),
      -- What the files hold: { total, commenters, units, byStatus: { pending, accepted, rejected, noted } }.
      -- The files are made by the feedback.summarise job (seconds for thousands of comments):
      -- none yet, queued (or running), done, failed (the job retries; the error is kept).
      generation text NOT NULL DEFAULT 'none' CHECK (generation IN ('none', 'queued', 'done', 'failed')),
      requested_at timestamptz,
      requested_by uuid REFERENCES accounts(id),
      generation_error text,
      counts jsonb NOT NULL DEFAULT '{}',
      docx_file_id uuid REFERENCES files(id),
      xlsx_file_id uuid REFERENCES files(id),
      -- A digest of the comments the files hold (ids and last changes): another digest now means
      -- the files are out of date and must be generated again before forwarding.
      fingerprint text,
      -- When the job read the comments.
      generated_at timestamptz,
      generated_by uuid REFERENCES accounts(id),
      forwarded_at timestamptz,
      forwarded_by uuid REFERENCES accounts(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (document_id, unit_id),
      CHECK ((status = 'forwarded') = (forwarded_at IS NOT NULL))
    );
  `.execute(db);
}
