import { type Kysely, sql } from "kysely";

/**
 * News (Tin tức): each unit's channel with its categories, articles with their revisions, and
 * readers. Frozen once landed.
 *
 * An article lives in the channel of `unit_id` and reaches that unit's whole subtree; it was written
 * by editors of `origin_unit_id` (the same unit, or one below when proposed upward). The article row
 * holds the published content (feed and search read only this table); every version that goes
 * through review is a row of article_revisions.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE news_categories (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      unit_id uuid NOT NULL REFERENCES org_units(id),
      name text NOT NULL,
      position int NOT NULL DEFAULT 0,
      archived_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (unit_id, name)
    );

    CREATE TABLE articles (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      unit_id uuid NOT NULL REFERENCES org_units(id),
      -- The channel's path, copied: the feed reads articles of a member's unit and its ancestors.
      unit_path ltree NOT NULL,
      origin_unit_id uuid NOT NULL REFERENCES org_units(id),
      -- draft, submitted, returned, declined (a proposal the channel refused): never published yet;
      -- scheduled: approved for publish_at; published; unpublished (taken down, with a reason).
      status text NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'declined', 'scheduled', 'published', 'unpublished')),
      -- The published content (empty until the first approval).
      title text NOT NULL DEFAULT '',
      summary text NOT NULL DEFAULT '',
      body_html text NOT NULL DEFAULT '',
      body_text text NOT NULL DEFAULT '',
      category_id uuid REFERENCES news_categories(id),
      tags text[] NOT NULL DEFAULT '{}',
      source_line text NOT NULL DEFAULT '',
      published_revision int,
      -- The revision being written or reviewed, if any (its number).
      working_revision int,
      -- First publication: the feed's order. Not moved by later revisions.
      published_at timestamptz,
      publish_at timestamptz,
      unpublish_at timestamptz,
      is_guidance boolean NOT NULL DEFAULT false,
      pinned_until timestamptz,
      -- Why it was returned, declined or unpublished.
      status_reason text,
      created_by uuid REFERENCES accounts(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      -- Diacritic-free full-text search, title over summary over body ('simple': Vietnamese has no stemmer).
      search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', vn_fold(title)), 'A') ||
        setweight(to_tsvector('simple', vn_fold(summary)), 'B') ||
        setweight(to_tsvector('simple', vn_fold(body_text)), 'C')
      ) STORED
    );
    -- The feed: per channel, newest first (one short index scan per ancestor of the member's unit).
    CREATE INDEX articles_feed ON articles (unit_path, published_at DESC, id DESC) WHERE status = 'published';
    CREATE INDEX articles_feed_category ON articles (category_id, published_at DESC, id DESC) WHERE status = 'published';
    CREATE INDEX articles_search ON articles USING gin (search) WHERE status = 'published';
    -- Guidance pinned on top of the feed: few rows per channel.
    CREATE INDEX articles_guidance ON articles (unit_path, published_at DESC) WHERE status = 'published' AND is_guidance;
    -- Editorial lists and the review queue: by channel and status.
    CREATE INDEX articles_channel ON articles USING gist (unit_path);
    CREATE INDEX articles_origin ON articles (origin_unit_id, updated_at DESC);
    CREATE INDEX articles_due ON articles (publish_at) WHERE status = 'scheduled';
    CREATE INDEX articles_unpublish_due ON articles (unpublish_at) WHERE status = 'published' AND unpublish_at IS NOT NULL;

    CREATE TABLE article_revisions (
      article_id uuid NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      number int NOT NULL,
      -- draft and returned: being written; submitted: waiting for an approver; declined: a proposal
      -- refused; approved: was published; superseded: approved, then replaced by a later revision.
      state text NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'declined', 'approved', 'superseded')),
      title text NOT NULL,
      summary text NOT NULL DEFAULT '',
      body_html text NOT NULL DEFAULT '',
      body_text text NOT NULL DEFAULT '',
      category_id uuid REFERENCES news_categories(id),
      tags text[] NOT NULL DEFAULT '{}',
      source_line text NOT NULL DEFAULT '',
      restored_from int,
      created_by uuid REFERENCES accounts(id),
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_by uuid REFERENCES accounts(id),
      updated_at timestamptz NOT NULL DEFAULT now(),
      submitted_by uuid REFERENCES accounts(id),
      submitted_at timestamptz,
      reviewed_by uuid REFERENCES accounts(id),
      reviewed_at timestamptz,
      review_reason text,
      PRIMARY KEY (article_id, number)
    );
    CREATE INDEX article_revisions_waiting ON article_revisions (submitted_at) WHERE state = 'submitted';

    -- Who read an article on which day (Asia/Ho_Chi_Minh): unique readers per day, and "read" marks.
    CREATE TABLE article_reads (
      article_id uuid NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
      account_id uuid NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
      read_on date NOT NULL,
      first_read_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (article_id, account_id, read_on)
    );
  `.execute(db);
}
