import { type Selectable, sql } from "kysely";
import type { Db } from "../../db/db";
import type { FeedbackComments, FeedbackCounts, FeedbackStatus, FeedbackSummaries } from "../../db/schema";

/** Drafts for feedback: comments and summaries. SQL only; callers pass already-authorized ids and scopes. */

export type CommentRow = Selectable<FeedbackComments>;

/** A comment with the names a list shows: its cell, its author and who answered it. */
export interface CommentView extends CommentRow {
  unitName: string;
  unitKind: string;
  authorName: string;
  repliedByName: string | null;
  /** created_at to the microsecond (keyset cursor). */
  cursorAt: string;
}

const commentColumns = sql`
  c.id, c.document_id, c.account_id, c.unit_id, c.unit_path::text AS unit_path, c.section, c.section_key, c.page, c.quote,
  c.body, c.status, c.reply, c.replied_by, c.replied_at, c.created_at, c.updated_at, c.deleted_at,
  u.name AS unit_name, u.kind AS unit_kind, a.display_name AS author_name, r.display_name AS replied_by_name,
  to_char(c.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS cursor_at`;
const commentJoins = sql`
  JOIN org_units u ON u.id = c.unit_id JOIN accounts a ON a.id = c.account_id LEFT JOIN accounts r ON r.id = c.replied_by`;

/** "Điều 3", "điều 3" and "ĐIỀU 3" are one section for grouping and filtering. */
export const sectionKeyOf = (section: string | null): string | null => (section === null ? null : section.normalize("NFC").replace(/\s+/g, " ").trim().toLocaleLowerCase("vi"));

export async function findComment(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<CommentView | undefined> {
  const { rows } = await sql<CommentView>`
    SELECT ${commentColumns} FROM feedback_comments c ${commentJoins}
     WHERE c.id = ${id} AND c.deleted_at IS NULL ${options.forUpdate ? sql`FOR UPDATE OF c` : sql``}`.execute(db);
  return rows[0];
}

/**
 * Inserts the comment, or with an idempotency key already used by the same author, nothing: then
 * null (a retry running at the same moment waits for the first to commit, as the unique index makes it).
 */
export async function insertComment(
  db: Db,
  values: { documentId: string; accountId: string; unitId: string; unitPath: string; section: string | null; page: number | null; quote: string | null; body: string; idempotencyKey?: string },
): Promise<string | null> {
  const row = await db
    .insertInto("feedbackComments")
    .values({ ...values, idempotencyKey: values.idempotencyKey ?? null, sectionKey: sectionKeyOf(values.section) })
    .onConflict((oc) => oc.columns(["accountId", "idempotencyKey"]).where("idempotencyKey", "is not", null).doNothing())
    .returning("id")
    .executeTakeFirst();
  return row?.id ?? null;
}

/** The author's comment made with this idempotency key (deleted ones too), if any. */
export async function findByIdempotencyKey(db: Db, accountId: string, key: string) {
  return db
    .selectFrom("feedbackComments")
    .select(["id", "documentId", "section", "page", "quote", "body"])
    .where("accountId", "=", accountId)
    .where("idempotencyKey", "=", key)
    .executeTakeFirst();
}

export async function updateComment(db: Db, id: string, values: { section?: string | null; page?: number | null; quote?: string | null; body?: string }): Promise<void> {
  const sectionKey = values.section === undefined ? {} : { sectionKey: sectionKeyOf(values.section) };
  await db.updateTable("feedbackComments").set({ ...values, ...sectionKey, updatedAt: new Date() }).where("id", "=", id).execute();
}

export async function deleteComment(db: Db, id: string): Promise<void> {
  await db.updateTable("feedbackComments").set({ deletedAt: new Date(), updatedAt: new Date() }).where("id", "=", id).execute();
}

export async function saveReply(db: Db, id: string, values: { status: Exclude<FeedbackStatus, "pending">; reply: string | null; repliedBy: string }): Promise<Date> {
  const row = await db
    .updateTable("feedbackComments")
    .set({ ...values, repliedAt: new Date(), updatedAt: new Date() })
    .where("id", "=", id)
    .returning("repliedAt")
    .executeTakeFirstOrThrow();
  return row.repliedAt!;
}

export async function countOwnComments(db: Db, documentId: string, accountId: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM feedback_comments WHERE document_id = ${documentId} AND account_id = ${accountId} AND deleted_at IS NULL`.execute(db);
  return rows[0].n;
}

/** What a list may show: the actor's own comments, their cell's (when the draft shows them), and the subtrees they answer for. */
export interface CommentScope {
  accountId: string;
  cellId: string | null;
  subtrees: string[];
}

export interface CommentFilters {
  mine?: boolean;
  status?: FeedbackStatus;
  unitId?: string;
  /** A section key; "" for comments on the whole draft. */
  sectionKey?: string;
}

/** The draft's comments inside the scope, oldest first, keyset-paged on (created_at, id). */
export async function listComments(
  db: Db,
  input: { documentId: string; scope: CommentScope; filters: CommentFilters; after?: { at: string; id: string }; limit: number },
): Promise<CommentView[]> {
  const { documentId, scope, filters: f, after, limit } = input;
  const { rows } = await sql<CommentView>`
    SELECT ${commentColumns} FROM feedback_comments c ${commentJoins}
     WHERE c.document_id = ${documentId} AND c.deleted_at IS NULL
       AND (c.account_id = ${scope.accountId}::uuid
            ${scope.cellId ? sql`OR c.unit_id = ${scope.cellId}::uuid` : sql``}
            ${scope.subtrees.length > 0 ? sql`OR c.unit_path <@ ANY(${scope.subtrees}::ltree[])` : sql``})
       ${f.mine ? sql`AND c.account_id = ${scope.accountId}::uuid` : sql``}
       ${f.status ? sql`AND c.status = ${f.status}` : sql``}
       ${f.unitId ? sql`AND c.unit_path <@ (SELECT path FROM org_units WHERE id = ${f.unitId}::uuid)` : sql``}
       ${f.sectionKey === undefined ? sql`` : f.sectionKey === "" ? sql`AND c.section_key IS NULL` : sql`AND c.section_key = ${f.sectionKey}`}
       ${after ? sql`AND (c.created_at, c.id) > (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
     ORDER BY c.created_at, c.id
     LIMIT ${limit}`.execute(db);
  return rows;
}

// ---- what a unit's summary holds ----

/**
 * The comments of a unit's summary: its own members' (comments filed in the unit itself) and, from
 * each unit below, those whose every unit on the way up (the commenter's cell included, the unit
 * itself excluded) has forwarded its summary. Reads `c`.
 */
const inSummaryOf = (unitPath: string) => sql`
  c.unit_path <@ ${unitPath}::ltree AND NOT EXISTS (
    SELECT 1 FROM generate_series(nlevel(${unitPath}::ltree) + 1, nlevel(c.unit_path)) AS k(n)
     WHERE NOT EXISTS (
       SELECT 1 FROM feedback_summaries s JOIN org_units o ON o.id = s.unit_id
        WHERE s.document_id = c.document_id AND s.status = 'forwarded' AND o.path = subpath(c.unit_path, 0, k.n)))`;

export async function summaryCounts(db: Db, documentId: string, unitPath: string): Promise<FeedbackCounts> {
  const { rows } = await sql<{ total: number; commenters: number; units: number; pending: number; accepted: number; rejected: number; noted: number }>`
    SELECT count(*)::int AS total, count(DISTINCT c.account_id)::int AS commenters, count(DISTINCT c.unit_id)::int AS units,
           count(*) FILTER (WHERE c.status = 'pending')::int AS pending, count(*) FILTER (WHERE c.status = 'accepted')::int AS accepted,
           count(*) FILTER (WHERE c.status = 'rejected')::int AS rejected, count(*) FILTER (WHERE c.status = 'noted')::int AS noted
      FROM feedback_comments c
     WHERE c.document_id = ${documentId} AND c.deleted_at IS NULL AND ${inSummaryOf(unitPath)}`.execute(db);
  const r = rows[0];
  return { total: r.total, commenters: r.commenters, units: r.units, byStatus: { pending: r.pending, accepted: r.accepted, rejected: r.rejected, noted: r.noted } };
}

/** The summary's comments by section (one spelling of each; null: the whole draft). Unordered. */
export async function summaryBySection(db: Db, documentId: string, unitPath: string) {
  const { rows } = await sql<{ section: string | null; total: number; pending: number }>`
    SELECT min(c.section) AS section, count(*)::int AS total, count(*) FILTER (WHERE c.status = 'pending')::int AS pending
      FROM feedback_comments c
     WHERE c.document_id = ${documentId} AND c.deleted_at IS NULL AND ${inSummaryOf(unitPath)}
     GROUP BY c.section_key`.execute(db);
  return rows;
}

export interface SummaryComment {
  id: string;
  accountId: string;
  unitId: string;
  unitName: string;
  section: string | null;
  sectionKey: string | null;
  page: number | null;
  quote: string | null;
  body: string;
  status: FeedbackStatus;
  reply: string | null;
  createdAt: Date;
}

/** Every comment of the unit's summary, for the files. */
export async function summaryComments(db: Db, documentId: string, unitPath: string): Promise<SummaryComment[]> {
  const { rows } = await sql<SummaryComment>`
    SELECT c.id, c.account_id, c.unit_id, u.name AS unit_name, c.section, c.section_key, c.page, c.quote, c.body, c.status, c.reply, c.created_at
      FROM feedback_comments c JOIN org_units u ON u.id = c.unit_id
     WHERE c.document_id = ${documentId} AND c.deleted_at IS NULL AND ${inSummaryOf(unitPath)}
     ORDER BY c.created_at, c.id`.execute(db);
  return rows;
}

/** Units directly below `unitId` with comments anywhere in their subtree or a summary of this draft, by name, with their subtree's live counts. */
export async function unitsBelow(db: Db, documentId: string, unitId: string) {
  const { rows } = await sql<{ id: string; name: string; kind: string; total: number; pending: number }>`
    SELECT o.id, o.name, o.kind, count(c.id)::int AS total, count(c.id) FILTER (WHERE c.status = 'pending')::int AS pending
      FROM org_units o
      LEFT JOIN feedback_comments c ON c.document_id = ${documentId} AND c.deleted_at IS NULL AND c.unit_path <@ o.path
     WHERE o.parent_id = ${unitId}
     GROUP BY o.id, o.name, o.kind
    HAVING count(c.id) > 0 OR EXISTS (SELECT 1 FROM feedback_summaries s WHERE s.document_id = ${documentId} AND s.unit_id = o.id)
     ORDER BY o.name, o.id`.execute(db);
  return rows;
}

// ---- summaries ----

export type SummaryRow = Selectable<FeedbackSummaries> & { unitName: string; unitKind: string; forwardedByName: string | null };

const summaryQuery = (db: Db) =>
  db
    .selectFrom("feedbackSummaries as s")
    .innerJoin("orgUnits as o", "o.id", "s.unitId")
    .leftJoin("accounts as f", "f.id", "s.forwardedBy")
    .selectAll("s")
    .select(["o.name as unitName", "o.kind as unitKind", "f.displayName as forwardedByName"]);

export function findSummary(db: Db, documentId: string, unitId: string): Promise<SummaryRow | undefined> {
  return summaryQuery(db).where("s.documentId", "=", documentId).where("s.unitId", "=", unitId).executeTakeFirst();
}

/** The summaries of the draft for these units. */
export function summariesFor(db: Db, documentId: string, unitIds: readonly string[]): Promise<SummaryRow[]> {
  if (unitIds.length === 0) return Promise.resolve([]);
  return summaryQuery(db).where("s.documentId", "=", documentId).where("s.unitId", "in", unitIds).execute();
}

/** Locks the unit's summary row, creating it (as a draft without files) if there is none yet. */
export async function lockSummary(db: Db, documentId: string, unitId: string): Promise<Selectable<FeedbackSummaries>> {
  await db.insertInto("feedbackSummaries").values({ documentId, unitId }).onConflict((oc) => oc.columns(["documentId", "unitId"]).doNothing()).execute();
  return db.selectFrom("feedbackSummaries").selectAll().where("documentId", "=", documentId).where("unitId", "=", unitId).forUpdate().executeTakeFirstOrThrow();
}

/** Marks the summary's files as wanted: the feedback.summarise job makes them. */
export async function markQueued(db: Db, id: string, requestedBy: string): Promise<void> {
  await db.updateTable("feedbackSummaries").set({ generation: "queued", requestedAt: new Date(), requestedBy, generationError: null, updatedAt: new Date() }).where("id", "=", id).execute();
}

/** Stores the generated files, what they hold and its fingerprint; `readAt` is when the comments were read. */
export async function saveGenerated(
  db: Db,
  id: string,
  values: { counts: FeedbackCounts; fingerprint: string; docxFileId: string; xlsxFileId: string; readAt: Date; generatedBy: string | null },
): Promise<void> {
  await db
    .updateTable("feedbackSummaries")
    .set({
      generation: "done",
      generationError: null,
      counts: JSON.stringify(values.counts),
      fingerprint: values.fingerprint,
      docxFileId: values.docxFileId,
      xlsxFileId: values.xlsxFileId,
      generatedAt: values.readAt,
      generatedBy: values.generatedBy,
      updatedAt: new Date(),
    })
    .where("id", "=", id)
    .execute();
}

export async function markFailed(db: Db, documentId: string, unitId: string, error: string): Promise<void> {
  await db
    .updateTable("feedbackSummaries")
    .set({ generation: "failed", generationError: error.slice(0, 2000), updatedAt: new Date() })
    .where("documentId", "=", documentId)
    .where("unitId", "=", unitId)
    .where("status", "=", "draft")
    .execute();
}

export async function markForwarded(db: Db, id: string, forwardedBy: string): Promise<void> {
  await db.updateTable("feedbackSummaries").set({ status: "forwarded", forwardedAt: new Date(), forwardedBy, updatedAt: new Date() }).where("id", "=", id).execute();
}

/**
 * A digest of the summary's comments as they are now (which ones, and each one's last change): the
 * same digest later means the files are still up to date. A reply, an edit, a deletion or a unit
 * below forwarding its summary changes it.
 */
export async function summaryFingerprint(db: Db, documentId: string, unitPath: string): Promise<string> {
  const { rows } = await sql<{ fingerprint: string }>`
    SELECT md5(coalesce(string_agg(c.id::text || '@' || c.updated_at::text, ',' ORDER BY c.id), '')) AS fingerprint
      FROM feedback_comments c
     WHERE c.document_id = ${documentId} AND c.deleted_at IS NULL AND ${inSummaryOf(unitPath)}`.execute(db);
  return rows[0].fingerprint;
}

/** How far the feedback on a document went: live comments, and summaries forwarded. */
export async function activityOf(db: Db, documentId: string): Promise<{ comments: number; forwarded: number }> {
  const { rows } = await sql<{ comments: number; forwarded: number }>`
    SELECT (SELECT count(*)::int FROM feedback_comments WHERE document_id = ${documentId} AND deleted_at IS NULL) AS comments,
           (SELECT count(*)::int FROM feedback_summaries WHERE document_id = ${documentId} AND status = 'forwarded') AS forwarded`.execute(db);
  return rows[0];
}

/** Active accounts holding secretary, deputy secretary or approver on the unit itself: who receives its units' summaries. */
export async function reviewersOf(db: Db, unitId: string): Promise<string[]> {
  const { rows } = await sql<{ accountId: string }>`
    SELECT DISTINCT g.account_id FROM role_grants g JOIN accounts a ON a.id = g.account_id
     WHERE g.unit_id = ${unitId} AND g.role IN ('secretary', 'deputy_secretary', 'approver') AND g.revoked_at IS NULL AND a.status = 'active'`.execute(db);
  return rows.map((r) => r.accountId);
}

export function fileOf(db: Db, fileId: string) {
  return db.selectFrom("files").select(["id", "sha256", "contentType", sql<number>`size::float8`.as("size")]).where("id", "=", fileId).executeTakeFirst();
}
