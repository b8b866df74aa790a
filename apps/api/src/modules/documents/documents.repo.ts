import { type Selectable, sql } from "kysely";
import type { Db } from "../../db/db";
import type { DocumentFormat, DocumentLevel, DocumentType, Documents, DocumentVersions, FeedbackVisibility } from "../../db/schema";
import type { DocumentLike } from "./documents.policy";

/** A document without its text and vectors, with the publishing unit's name and kind. */
export type DocumentRow = Omit<Selectable<Documents>, "contentText" | "search" | "searchHead" | "symbolKey"> & DocumentLike & { unitName: string; unitKind: string };

/** Roughly 300,000 characters of the files' text: the generated tsvector stays far below PostgreSQL's 1 MB. */
export const CONTENT_TEXT_MAX = 300_000;

const documentColumns = sql`
  d.id, d.unit_id, d.unit_path::text AS unit_path, d.number_symbol, d.type, d.issuing_body, d.issued_on, d.effective_on,
  d.summary, d.level, d.tags, d.committee_only, d.feedback_until, d.feedback_visibility, d.version, d.created_by, d.updated_by, d.created_at,
  d.updated_at, d.withdrawn_at, d.withdrawn_by, d.withdrawn_reason, u.name AS unit_name, u.kind AS unit_kind`;

export async function findDocument(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<DocumentRow | undefined> {
  const { rows } = await sql<DocumentRow>`
    SELECT ${documentColumns} FROM documents d JOIN org_units u ON u.id = d.unit_id
     WHERE d.id = ${id} ${options.forUpdate ? sql`FOR UPDATE OF d` : sql``}`.execute(db);
  return rows[0];
}

export interface DocumentFileRow {
  position: number;
  fileId: string;
  name: string;
  format: DocumentFormat;
  sha256: string;
  size: number;
  contentType: string;
  textStatus: "pending" | "done" | "failed";
}

/** The document's files in order, with their bytes' address and the state of their text. */
export async function documentFiles(db: Db, documentId: string): Promise<DocumentFileRow[]> {
  const { rows } = await sql<DocumentFileRow>`
    SELECT f.position, f.file_id, f.name, f.format, fi.sha256, fi.size::float8 AS size, fi.content_type,
           coalesce(t.status, 'pending') AS text_status
      FROM document_files f JOIN files fi ON fi.id = f.file_id LEFT JOIN file_texts t ON t.file_id = f.file_id
     WHERE f.document_id = ${documentId}
     ORDER BY f.position`.execute(db);
  return rows;
}

export async function isBookmarked(db: Db, documentId: string, accountId: string): Promise<boolean> {
  const row = await db.selectFrom("documentBookmarks").select("documentId").where("documentId", "=", documentId).where("accountId", "=", accountId).executeTakeFirst();
  return row !== undefined;
}

// ---- writing ----

export interface MetadataValues {
  numberSymbol: string | null;
  type: DocumentType;
  issuingBody: string;
  issuedOn: string;
  effectiveOn: string | null;
  summary: string;
  level: DocumentLevel;
  tags: string[];
  committeeOnly: boolean;
  /** Set: a draft for feedback until then. */
  feedbackUntil: Date | null;
  feedbackVisibility: FeedbackVisibility;
}

export function insertDocument(db: Db, values: MetadataValues & { unitId: string; unitPath: string; createdBy: string }) {
  return db
    .insertInto("documents")
    .values({ ...values, updatedBy: values.createdBy })
    .returning("id")
    .executeTakeFirstOrThrow();
}

export async function updateDocument(db: Db, id: string, values: Partial<MetadataValues> & { version: number; updatedBy: string }): Promise<void> {
  await db.updateTable("documents").set({ ...values, updatedAt: new Date() }).where("id", "=", id).execute();
}

export async function withdraw(db: Db, id: string, by: string, reason: string): Promise<void> {
  await db.updateTable("documents").set({ withdrawnAt: new Date(), withdrawnBy: by, withdrawnReason: reason, updatedAt: new Date() }).where("id", "=", id).execute();
}

export async function insertVersion(db: Db, values: { documentId: string; version: number; metadata: object; changedBy: string }): Promise<void> {
  await db.insertInto("documentVersions").values({ ...values, metadata: JSON.stringify(values.metadata) }).execute();
}

export type VersionRow = Selectable<DocumentVersions> & { changedByName: string | null };

/** Every version, newest first, with who made it. */
export function listVersions(db: Db, documentId: string): Promise<VersionRow[]> {
  return db
    .selectFrom("documentVersions as v")
    .leftJoin("accounts as a", "a.id", "v.changedBy")
    .selectAll("v")
    .select("a.displayName as changedByName")
    .where("v.documentId", "=", documentId)
    .orderBy("v.version", "desc")
    .execute();
}

/** Replaces the document's list of files with `files`, in this order (positions 1…n). */
export async function replaceFiles(db: Db, documentId: string, files: { fileId: string; name: string; format: DocumentFormat }[]): Promise<void> {
  await db.deleteFrom("documentFiles").where("documentId", "=", documentId).execute();
  await db
    .insertInto("documentFiles")
    .values(files.map((f, i) => ({ documentId, position: i + 1, fileId: f.fileId, name: f.name, format: f.format })))
    .execute();
}

// ---- uploads ----

export function insertUpload(db: Db, values: { fileId: string; name: string; format: DocumentFormat; uploadedBy: string }) {
  return db.insertInto("documentUploads").values(values).returningAll().executeTakeFirstOrThrow();
}

/** Of these uploads, the ones `accountId` made in the last 24 hours and has not attached yet, locked. */
export function attachableUploads(db: Db, ids: readonly string[], accountId: string) {
  return db
    .selectFrom("documentUploads")
    .selectAll()
    .where("id", "in", ids)
    .where("uploadedBy", "=", accountId)
    .where("documentId", "is", null)
    .where("attachedAt", "is", null)
    .where("createdAt", ">", sql<Date>`now() - interval '24 hours'`)
    .forUpdate()
    .execute();
}

export async function markAttached(db: Db, ids: readonly string[], documentId: string): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable("documentUploads").set({ documentId, attachedAt: new Date() }).where("id", "in", ids).execute();
}

/** Uploads attached to something other than a document (an article): no longer attachable. */
export async function markUploadsUsed(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable("documentUploads").set({ attachedAt: new Date() }).where("id", "in", ids).execute();
}

// ---- extracted text ----

/** A row waiting for the extraction job, unless the file has one already. */
export async function ensureFileText(db: Db, fileId: string): Promise<void> {
  await db.insertInto("fileTexts").values({ fileId }).onConflict((oc) => oc.column("fileId").doNothing()).execute();
}

export function findFileText(db: Db, fileId: string) {
  return db.selectFrom("fileTexts").selectAll().where("fileId", "=", fileId).executeTakeFirst();
}

export async function saveFileText(db: Db, fileId: string, result: { pages: string[]; metadata: Record<string, string> } | { error: string }): Promise<void> {
  const values =
    "error" in result
      ? { status: "failed" as const, error: result.error.slice(0, 2000), extractedAt: new Date() }
      : { status: "done" as const, pages: JSON.stringify(result.pages), metadata: JSON.stringify(result.metadata), error: null, extractedAt: new Date() };
  await db
    .insertInto("fileTexts")
    .values({ fileId, ...values, attempts: 1 })
    .onConflict((oc) => oc.column("fileId").doUpdateSet({ ...values, attempts: sql`file_texts.attempts + 1` }))
    .execute();
}

/** Documents holding the file (withdrawn ones too: they are kept for history). */
export async function documentsWithFile(db: Db, fileId: string): Promise<string[]> {
  const rows = await db.selectFrom("documentFiles").select("documentId").distinct().where("fileId", "=", fileId).execute();
  return rows.map((r) => r.documentId);
}

/**
 * Sets the document's `content_text` from its files' extracted text in position order (pages joined
 * by blank lines), cut at `max` characters; nothing is written when it is unchanged, so the search
 * vector is computed only when the text changed.
 */
export async function refreshContentText(db: Db, documentId: string, max = CONTENT_TEXT_MAX): Promise<void> {
  await sql`
    WITH text AS (
      SELECT coalesce(left(string_agg(p.text, E'\n\n' ORDER BY f.position), ${max}), '') AS value
        FROM document_files f
        JOIN file_texts t ON t.file_id = f.file_id AND t.status = 'done'
        CROSS JOIN LATERAL (SELECT string_agg(x.page, E'\n\n' ORDER BY x.n) AS text FROM jsonb_array_elements_text(t.pages) WITH ORDINALITY AS x(page, n)) p
       WHERE f.document_id = ${documentId} AND p.text <> '')
    UPDATE documents SET content_text = text.value FROM text
     WHERE documents.id = ${documentId} AND documents.content_text IS DISTINCT FROM text.value`.execute(db);
}

// ---- bookmarks, notes, opens ----

export async function addBookmark(db: Db, accountId: string, documentId: string): Promise<void> {
  await db.insertInto("documentBookmarks").values({ accountId, documentId }).onConflict((oc) => oc.columns(["accountId", "documentId"]).doNothing()).execute();
}

export async function removeBookmark(db: Db, accountId: string, documentId: string): Promise<void> {
  await db.deleteFrom("documentBookmarks").where("accountId", "=", accountId).where("documentId", "=", documentId).execute();
}

export function notesOf(db: Db, accountId: string, documentId: string) {
  return db.selectFrom("documentNotes").selectAll().where("accountId", "=", accountId).where("documentId", "=", documentId).orderBy("createdAt").orderBy("id").limit(1000).execute();
}

export function findNote(db: Db, id: string) {
  return db.selectFrom("documentNotes").selectAll().where("id", "=", id).executeTakeFirst();
}

export function insertNote(db: Db, values: { accountId: string; documentId: string; page: number | null; body: string }) {
  return db.insertInto("documentNotes").values(values).returningAll().executeTakeFirstOrThrow();
}

export function updateNote(db: Db, id: string, values: { page?: number | null; body?: string }) {
  return db.updateTable("documentNotes").set({ ...values, updatedAt: new Date() }).where("id", "=", id).returningAll().executeTakeFirstOrThrow();
}

export async function deleteNote(db: Db, id: string): Promise<void> {
  await db.deleteFrom("documentNotes").where("id", "=", id).execute();
}

/** Counts an open by the account today (Asia/Ho_Chi_Minh): the first of the day adds a row, later ones the count. */
export async function recordOpen(db: Db, documentId: string, accountId: string): Promise<void> {
  await sql`
    INSERT INTO document_opens (document_id, account_id, day)
    VALUES (${documentId}, ${accountId}, (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)
    ON CONFLICT (document_id, account_id, day) DO UPDATE SET count = document_opens.count + 1`.execute(db);
}

/** Who opened the document: each account with its first open, the days and the opens, earliest first. */
export async function opensOf(db: Db, documentId: string) {
  const { rows } = await sql<{ accountId: string; name: string; firstAt: Date; days: number; count: number }>`
    SELECT o.account_id, a.display_name AS name, min(o.first_at) AS first_at, count(*)::int AS days, sum(o.count)::int AS count
      FROM document_opens o JOIN accounts a ON a.id = o.account_id
     WHERE o.document_id = ${documentId}
     GROUP BY o.account_id, a.display_name
     ORDER BY min(o.first_at), o.account_id
     LIMIT 5000`.execute(db);
  return rows;
}

/** Members of the cell with an active account who have not opened the document, in Vietnamese name order. */
export async function notOpenedInCell(db: Db, documentId: string, cellId: string) {
  const { rows } = await sql<{ accountId: string; name: string }>`
    SELECT a.id AS account_id, a.display_name AS name
      FROM members m JOIN accounts a ON a.member_id = m.id
     WHERE m.cell_id = ${cellId} AND m.status IN ('full', 'probationary', 'exempt') AND a.status = 'active'
       AND NOT EXISTS (SELECT 1 FROM document_opens o WHERE o.document_id = ${documentId} AND o.account_id = a.id)
     ORDER BY m.name_sort_key, a.id`.execute(db);
  return rows;
}

/** Accounts holding secretary or deputy secretary on the unit itself: its committee. */
export async function committeeOf(db: Db, unitId: string): Promise<string[]> {
  const { rows } = await sql<{ accountId: string }>`
    SELECT DISTINCT g.account_id FROM role_grants g JOIN accounts a ON a.id = g.account_id
     WHERE g.unit_id = ${unitId} AND g.role IN ('secretary', 'deputy_secretary') AND g.revoked_at IS NULL AND a.status = 'active'`.execute(db);
  return rows.map((r) => r.accountId);
}
