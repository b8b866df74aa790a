import { type Kysely, sql } from "kysely";

/**
 * Files attached to articles (a resolution's PDF under the news of it), as part of the content:
 * each revision holds its own list and the live article the published one's,
 * `[{ "fileId", "name", "format", "size" }]` in order. The bytes are document files, uploaded and
 * checked like a document's (type by content, no macros, the classification gate). Frozen once landed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE articles ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]';
    ALTER TABLE article_revisions ADD COLUMN attachments jsonb NOT NULL DEFAULT '[]';
    CREATE INDEX document_uploads_unattached ON document_uploads (uploaded_by) WHERE attached_at IS NULL;
  `.execute(db);
}
