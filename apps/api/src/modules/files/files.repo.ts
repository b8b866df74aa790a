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
