import { type Kysely, sql } from "kysely";

/**
 * Uploaded files (their bytes live in the storage layer under their SHA-256) and pictures in
 * responsive sizes; articles get a cover picture. Frozen once landed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE files (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      sha256 text NOT NULL UNIQUE CHECK (sha256 ~ '^[0-9a-f]{64}$'),
      size bigint NOT NULL,
      content_type text NOT NULL,
      -- image: a picture shown in the app to anyone signed in; document: only through what holds it.
      kind text NOT NULL CHECK (kind IN ('image', 'document')),
      created_by uuid REFERENCES accounts(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );

    -- A picture as uploaded, kept as WebP in a few widths (metadata stripped, orientation applied).
    CREATE TABLE images (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      width int NOT NULL,
      height int NOT NULL,
      -- [{ "fileId": …, "width": …, "height": … }], narrowest first.
      variants jsonb NOT NULL,
      created_by uuid REFERENCES accounts(id),
      created_at timestamptz NOT NULL DEFAULT now()
    );

    ALTER TABLE articles ADD COLUMN cover_image_id uuid REFERENCES images(id), ADD COLUMN cover_alt text NOT NULL DEFAULT '';
    ALTER TABLE article_revisions ADD COLUMN cover_image_id uuid REFERENCES images(id), ADD COLUMN cover_alt text NOT NULL DEFAULT '';
  `.execute(db);
}
