import { type Selectable, sql } from "kysely";
import type { Db } from "../../db/db";
import type { Files, ImageVariant } from "../../db/schema";

export type FileRow = Selectable<Files>;

export function findFile(db: Db, id: string): Promise<FileRow | undefined> {
  return db.selectFrom("files").selectAll().select(sql<number>`size::bigint::float8`.as("size")).where("id", "=", id).executeTakeFirst();
}

export function findFiles(db: Db, ids: readonly string[]): Promise<FileRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom("files").selectAll().select(sql<number>`size::bigint::float8`.as("size")).where("id", "in", ids).execute();
}

/** The file row for these bytes, created if new (the same bytes twice are one file). */
export async function upsertFile(db: Db, values: { sha256: string; size: number; contentType: string; kind: "image" | "document"; createdBy: string }): Promise<string> {
  const { rows } = await sql<{ id: string }>`
    WITH ins AS (
      INSERT INTO files (sha256, size, content_type, kind, created_by)
      VALUES (${values.sha256}, ${values.size}, ${values.contentType}, ${values.kind}, ${values.createdBy})
      ON CONFLICT (sha256) DO NOTHING RETURNING id)
    SELECT id FROM ins UNION ALL SELECT id FROM files WHERE sha256 = ${values.sha256} LIMIT 1`.execute(db);
  return rows[0].id;
}

export function insertImage(db: Db, values: { width: number; height: number; variants: ImageVariant[]; createdBy: string }) {
  return db
    .insertInto("images")
    .values({ ...values, variants: JSON.stringify(values.variants) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function findImages(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom("images").selectAll().where("id", "in", ids).execute();
}

// ---- housekeeping ----

/**
 * Whether anything refers to the file row `f`: a document's files, an upload (attached or not yet),
 * a feedback summary's DOCX or XLSX, a picture's sizes, an article's or a revision's attachments.
 * A new column or list holding file ids must be added here and to `referencedIds`.
 */
const isReferenced = sql<boolean>`(
  EXISTS (SELECT 1 FROM document_files x WHERE x.file_id = f.id)
  OR EXISTS (SELECT 1 FROM document_uploads x WHERE x.file_id = f.id)
  OR EXISTS (SELECT 1 FROM feedback_summaries x WHERE x.docx_file_id = f.id OR x.xlsx_file_id = f.id)
  OR EXISTS (SELECT 1 FROM images x WHERE x.variants @> jsonb_build_array(jsonb_build_object('fileId', f.id)))
  OR EXISTS (SELECT 1 FROM articles x WHERE x.attachments @> jsonb_build_array(jsonb_build_object('fileId', f.id)))
  OR EXISTS (SELECT 1 FROM article_revisions x WHERE x.attachments @> jsonb_build_array(jsonb_build_object('fileId', f.id))))`;

/** The same references as one set of ids (as text), for an anti-join over many files at once. */
const referencedIds = sql`
  SELECT file_id::text AS id FROM document_files
  UNION SELECT file_id::text FROM document_uploads
  UNION SELECT docx_file_id::text FROM feedback_summaries WHERE docx_file_id IS NOT NULL
  UNION SELECT xlsx_file_id::text FROM feedback_summaries WHERE xlsx_file_id IS NOT NULL
  UNION SELECT v->>'fileId' FROM images, jsonb_array_elements(variants) v
  UNION SELECT a->>'fileId' FROM articles, jsonb_array_elements(attachments) a
  UNION SELECT a->>'fileId' FROM article_revisions, jsonb_array_elements(attachments) a`;

/** Deletes uploads never attached to a document or an article, made before `before` (they can no longer be attached); returns how many. */
export async function deleteStaleUploads(db: Db, before: Date): Promise<number> {
  const result = await db.deleteFrom("documentUploads").where("documentId", "is", null).where("attachedAt", "is", null).where("createdAt", "<", before).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Up to `limit` files made before `before` that nothing refers to, in id order after `afterId`. */
export async function unreferencedFiles(db: Db, before: Date, afterId: string | null, limit: number): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    WITH used AS MATERIALIZED (${referencedIds})
    SELECT f.id FROM files f
     WHERE f.created_at < ${before} ${afterId ? sql`AND f.id > ${afterId}::uuid` : sql``}
       AND NOT EXISTS (SELECT 1 FROM used u WHERE u.id = f.id::text)
     ORDER BY f.id
     LIMIT ${limit}`.execute(db);
  return rows.map((r) => r.id);
}

/**
 * Deletes the file row (and its extracted text) if it was made before `before` and nothing refers
 * to it, keeping it locked until the caller's transaction ends; returns its SHA-256, or null when
 * it is in use or gone.
 */
export async function deleteUnreferencedFile(db: Db, id: string, before: Date): Promise<string | null> {
  const { rows } = await sql<{ sha256: string }>`
    SELECT f.sha256 FROM files f WHERE f.id = ${id} AND f.created_at < ${before} AND NOT ${isReferenced} FOR UPDATE`.execute(db);
  if (rows.length === 0) return null;
  await db.deleteFrom("fileTexts").where("fileId", "=", id).execute();
  await db.deleteFrom("files").where("id", "=", id).execute();
  return rows[0].sha256;
}
