import { type Selectable, sql } from "kysely";
import type { Db } from "../../db/db";
import { executePrepared } from "../../lib/prepared";
import type { ArticleRevisions, Articles, NewsCategories } from "../../db/schema";
import type { ArticleLike } from "./news.policy";

export type ArticleTableRow = Selectable<Articles>;
export type RevisionRow = Selectable<ArticleRevisions>;
export type CategoryRow = Selectable<NewsCategories>;

/** An article with what its policy needs: the writing unit's path and the working revision's state. */
export type ArticleRow = Omit<ArticleTableRow, "search"> & ArticleLike & { originPath: string };

export async function findArticle(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<ArticleRow | undefined> {
  const { rows } = await sql<ArticleRow>`
    SELECT a.id, a.unit_id, a.unit_path::text AS unit_path, a.origin_unit_id, a.status, a.title, a.summary, a.body_html, a.body_text,
           a.category_id, a.tags, a.source_line, a.published_revision, a.working_revision, a.published_at, a.publish_at,
           a.unpublish_at, a.is_guidance, a.pinned_until, a.status_reason, a.created_by, a.created_at, a.updated_at,
           a.cover_image_id, a.cover_alt, a.attachments, o.path::text AS origin_path, r.state AS working_state, r.submitted_by
      FROM articles a
      JOIN org_units o ON o.id = a.origin_unit_id
      LEFT JOIN article_revisions r ON r.article_id = a.id AND r.number = a.working_revision
     WHERE a.id = ${id} ${options.forUpdate ? sql`FOR UPDATE OF a` : sql``}`.execute(db);
  return rows[0];
}

export function findRevision(db: Db, articleId: string, number: number): Promise<RevisionRow | undefined> {
  return db.selectFrom("articleRevisions").selectAll().where("articleId", "=", articleId).where("number", "=", number).executeTakeFirst();
}

/** Every revision, newest first, with the names of who wrote and who reviewed it. */
export function listRevisions(db: Db, articleId: string) {
  return db
    .selectFrom("articleRevisions as r")
    .leftJoin("accounts as w", "w.id", "r.createdBy")
    .leftJoin("accounts as v", "v.id", "r.reviewedBy")
    .selectAll("r")
    .select(["w.displayName as authorName", "v.displayName as reviewerName"])
    .where("r.articleId", "=", articleId)
    .orderBy("r.number", "desc")
    .execute();
}

export async function nextRevisionNumber(db: Db, articleId: string): Promise<number> {
  const row = await db.selectFrom("articleRevisions").select(sql<number>`coalesce(max(number), 0) + 1`.as("n")).where("articleId", "=", articleId).executeTakeFirstOrThrow();
  return row.n;
}

// ---- categories ----

export function categoriesOf(db: Db, unitId: string, includeArchived: boolean): Promise<CategoryRow[]> {
  return db
    .selectFrom("newsCategories")
    .selectAll()
    .where("unitId", "=", unitId)
    .$if(!includeArchived, (qb) => qb.where("archivedAt", "is", null))
    .orderBy("position")
    .orderBy("name")
    .execute();
}

export function findCategory(db: Db, id: string): Promise<(CategoryRow & { path: string }) | undefined> {
  return db
    .selectFrom("newsCategories as c")
    .innerJoin("orgUnits as u", "u.id", "c.unitId")
    .selectAll("c")
    .select(sql<string>`u.path::text`.as("path"))
    .where("c.id", "=", id)
    .executeTakeFirst();
}

// ---- reading ----

/** A summary row for lists: the article plus its channel, writing unit and category names, and the reader's read mark. */
export interface SummaryRow {
  id: string;
  title: string;
  summary: string;
  bodyText?: string;
  tags: string[];
  publishedAt: Date | null;
  isGuidance: boolean;
  pinnedUntil: Date | null;
  unitId: string;
  unitName: string;
  unitKind: string;
  originUnitId: string;
  originName: string;
  originKind: string;
  categoryId: string | null;
  categoryName: string | null;
  read: boolean;
  rank?: number;
  coverAlt: string;
  coverId: string | null;
  coverWidth: number | null;
  coverHeight: number | null;
  coverVariants: { fileId: string; width: number; height: number }[] | null;
}

/** Names and read marks for a page of article ids, kept in the given order. */
const decorate = () => sql`
  JOIN org_units u ON u.id = a.unit_id
  JOIN org_units o ON o.id = a.origin_unit_id
  LEFT JOIN news_categories c ON c.id = a.category_id
  LEFT JOIN images ci ON ci.id = a.cover_image_id`;
const summaryColumns = (accountId: string) => sql`
  a.id, a.title, a.summary, a.tags, a.published_at, a.is_guidance, a.pinned_until,
  a.unit_id, u.name AS unit_name, u.kind AS unit_kind, a.origin_unit_id, o.name AS origin_name, o.kind AS origin_kind,
  a.category_id, c.name AS category_name,
  a.cover_alt, ci.id AS cover_id, ci.width AS cover_width, ci.height AS cover_height, ci.variants AS cover_variants,
  EXISTS (SELECT 1 FROM article_reads r WHERE r.article_id = a.id AND r.account_id = ${accountId}::uuid) AS read`;

/** Every ancestor-or-self path of each path (moved to lib/actor; kept here for the bench's imports). */
export { pathsAbove } from "../../lib/actor";

export interface FeedCursor {
  publishedAt: string;
  id: string;
}

/**
 * A member's feed: published articles of the channels at `paths` (their unit and every unit above),
 * newest first, guidance pinned now left out (it is shown on top). One short index scan per channel
 * (LATERAL … LIMIT), merged and cut to `limit`: the cost does not grow with the number of articles.
 */
export async function feed(
  db: Db,
  input: { accountId: string; paths: string[]; limit: number; after?: FeedCursor; level?: string; categoryId?: string },
): Promise<SummaryRow[]> {
  const { accountId, paths, limit, after, level, categoryId } = input;
  return executePrepared(db, "news_feed", sql<SummaryRow>`
    WITH channels AS (
      SELECT p.path FROM unnest(${paths}::ltree[]) AS p(path)
      ${level ? sql`WHERE EXISTS (SELECT 1 FROM org_units ou WHERE ou.path = p.path AND ou.kind = ${level})` : sql``}
    ), page AS (
      SELECT f.* FROM channels ch CROSS JOIN LATERAL (
        SELECT a.id, a.published_at FROM articles a
         WHERE a.status = 'published' AND a.unit_path = ch.path
           AND NOT (a.is_guidance AND a.pinned_until > now())
           ${categoryId ? sql`AND a.category_id = ${categoryId}::uuid` : sql``}
           ${after ? sql`AND (a.published_at, a.id) < (${after.publishedAt}::timestamptz, ${after.id}::uuid)` : sql``}
         ORDER BY a.published_at DESC, a.id DESC
         LIMIT ${limit}
      ) f
      ORDER BY f.published_at DESC, f.id DESC
      LIMIT ${limit}
    )
    SELECT ${summaryColumns(accountId)}
      FROM page JOIN articles a ON a.id = page.id ${decorate()}
     ORDER BY a.published_at DESC, a.id DESC`);
}

/** Guidance pinned now in the channels at `paths`, newest first. */
export async function pinned(db: Db, accountId: string, paths: string[]): Promise<SummaryRow[]> {
  return executePrepared(db, "news_pinned", sql<SummaryRow>`
    SELECT ${summaryColumns(accountId)}
      FROM articles a ${decorate()}
     WHERE a.status = 'published' AND a.is_guidance AND a.pinned_until > now() AND a.unit_path = ANY(${paths}::ltree[])
     ORDER BY a.published_at DESC, a.id DESC
     LIMIT 10`);
}

/**
 * Full-text search over published articles the reader may see: channels at `above` (their unit and
 * every unit above) and, for staff, whole subtrees at `subtrees`. Diacritics and `đ` are folded on
 * both sides (vn_fold). Articles whose title or summary match come first, ranked (title over
 * summary); then those matching only in the body, newest first.
 *
 * Two steps, because a common query ("nghi quyet") matches nearly everything a member may see and
 * testing each body's vector means reading it from TOAST: title/summary matches are found and ranked
 * on the small `search_head` kept in the row; body-only matches are then taken newest first, channel
 * by channel through the feed index, and only as many as the page still needs (often none), so the
 * large vectors are read for a page's worth of rows instead of thousands.
 */
export async function search(
  db: Db,
  input: { accountId: string; q: string; above: string[]; subtrees: string[]; limit: number; offset: number },
): Promise<SummaryRow[]> {
  const { accountId, q, above, subtrees, limit, offset } = input;
  const wanted = limit + offset;
  const staff = subtrees.length > 0;
  const { rows } = await sql<SummaryRow>`
    WITH query AS (SELECT websearch_to_tsquery('simple', vn_fold(${q})) AS q),
    head AS (
      SELECT a.id, a.published_at, ts_rank_cd(a.search_head, query.q) AS rank
        FROM articles a, query
       WHERE a.status = 'published' AND a.search_head @@ query.q
         AND (a.unit_path = ANY(${above}::ltree[]) ${staff ? sql`OR a.unit_path <@ ${subtrees}::ltree[]` : sql``})
       ORDER BY rank DESC, a.published_at DESC, a.id DESC
       LIMIT ${wanted}
    ),
    need AS (SELECT GREATEST(${wanted} - (SELECT count(*) FROM head), 0) AS n),
    body AS (
      SELECT f.id, f.published_at, 0::real AS rank FROM unnest(${above}::ltree[]) AS ch(path) CROSS JOIN LATERAL (
        SELECT a.id, a.published_at FROM articles a, query
         WHERE a.status = 'published' AND a.unit_path = ch.path AND NOT a.search_head @@ query.q AND a.search @@ query.q
         ORDER BY a.published_at DESC, a.id DESC
         LIMIT (SELECT n FROM need)
      ) f
      ${
        staff
          ? sql`UNION ALL (
        SELECT a.id, a.published_at, 0::real FROM articles a, query
         WHERE a.status = 'published' AND a.unit_path <@ ${subtrees}::ltree[] AND NOT a.unit_path = ANY(${above}::ltree[])
           AND NOT a.search_head @@ query.q AND a.search @@ query.q
         ORDER BY a.published_at DESC, a.id DESC
         LIMIT (SELECT n FROM need))`
          : sql``
      }
    ),
    hits AS (
      SELECT * FROM (SELECT * FROM head UNION ALL SELECT * FROM body) h
       ORDER BY rank DESC, published_at DESC, id DESC
       LIMIT ${limit} OFFSET ${offset}
    )
    SELECT ${summaryColumns(accountId)}, a.body_text, hits.rank
      FROM hits JOIN articles a ON a.id = hits.id ${decorate()}
     ORDER BY hits.rank DESC, a.published_at DESC, a.id DESC`.execute(db);
  return rows;
}

/** Which of these articles the account has read (any day). */
export async function readAmong(db: Db, accountId: string, articleIds: readonly string[]): Promise<Set<string>> {
  if (articleIds.length === 0) return new Set();
  const rows = await executePrepared(db, "news_read_among", sql<{ articleId: string }>`
    SELECT DISTINCT article_id FROM article_reads WHERE account_id = ${accountId}::uuid AND article_id = ANY(${articleIds}::uuid[])`);
  return new Set(rows.map((r) => r.articleId));
}

/** Marks the article read by the account today (Asia/Ho_Chi_Minh); again the same day is a no-op. */
export async function markRead(db: Db, articleId: string, accountId: string): Promise<void> {
  await sql`
    INSERT INTO article_reads (article_id, account_id, read_on)
    VALUES (${articleId}, ${accountId}, (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date)
    ON CONFLICT DO NOTHING`.execute(db);
}

export async function hasRead(db: Db, articleId: string, accountId: string): Promise<boolean> {
  const row = await db.selectFrom("articleReads").select("articleId").where("articleId", "=", articleId).where("accountId", "=", accountId).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** Unique readers per day, and in all. */
export async function readerStats(db: Db, articleId: string): Promise<{ total: number; days: { day: string; readers: number }[] }> {
  const { rows } = await sql<{ day: string; readers: number }>`
    SELECT read_on::text AS day, count(*)::int AS readers FROM article_reads WHERE article_id = ${articleId} GROUP BY read_on ORDER BY read_on`.execute(db);
  const total = await sql<{ n: number }>`SELECT count(DISTINCT account_id)::int AS n FROM article_reads WHERE article_id = ${articleId}`.execute(db);
  return { total: total.rows[0].n, days: rows };
}

// ---- editorial lists ----

export interface EditorialRow {
  id: string;
  title: string;
  status: ArticleTableRow["status"];
  unitId: string;
  unitName: string;
  unitKind: string;
  originUnitId: string;
  originName: string;
  originKind: string;
  workingState: RevisionRow["state"] | null;
  submittedAt: Date | null;
  publishedAt: Date | null;
  publishAt: Date | null;
  updatedAt: Date;
}

const editorialSelect = sql`
  SELECT a.id, coalesce(r.title, a.title) AS title, a.status, a.unit_id, u.name AS unit_name, u.kind AS unit_kind,
         a.origin_unit_id, o.name AS origin_name, o.kind AS origin_kind, r.state AS working_state, r.submitted_at,
         a.published_at, a.publish_at, greatest(a.updated_at, r.updated_at) AS updated_at
    FROM articles a
    JOIN org_units u ON u.id = a.unit_id
    JOIN org_units o ON o.id = a.origin_unit_id
    LEFT JOIN article_revisions r ON r.article_id = a.id AND r.number = a.working_revision`;

/** A unit's articles for its editorial team: its channel's and its proposals to channels above, most recently changed first. */
export async function channelArticles(db: Db, unitId: string, input: { status?: string; limit: number; after?: { at: string; id: string } }): Promise<EditorialRow[]> {
  const { rows } = await sql<EditorialRow>`
    SELECT * FROM (${editorialSelect}
     WHERE (a.unit_id = ${unitId} OR a.origin_unit_id = ${unitId})
       ${input.status ? sql`AND a.status = ${input.status}` : sql``}) x
     ${input.after ? sql`WHERE (x.updated_at, x.id) < (${input.after.at}::timestamptz, ${input.after.id}::uuid)` : sql``}
     ORDER BY x.updated_at DESC, x.id DESC
     LIMIT ${input.limit}`.execute(db);
  return rows;
}

/** What waits for approvers of the subtrees at `paths`: submitted revisions, oldest first (their own editors' and proposals from below). */
export async function reviewQueue(db: Db, paths: string[], limit: number): Promise<EditorialRow[]> {
  if (paths.length === 0) return [];
  const { rows } = await sql<EditorialRow>`
    ${editorialSelect}
     WHERE r.state = 'submitted' AND a.unit_path <@ ${paths}::ltree[]
     ORDER BY r.submitted_at, a.id
     LIMIT ${limit}`.execute(db);
  return rows;
}

/** A channel's scheduled and published items between two dates (inclusive, Asia/Ho_Chi_Minh). */
export async function calendar(db: Db, unitId: string, from: string, to: string): Promise<EditorialRow[]> {
  const { rows } = await sql<EditorialRow>`
    ${editorialSelect}
     WHERE a.unit_id = ${unitId}
       AND ((a.status = 'scheduled' AND (a.publish_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN ${from}::date AND ${to}::date)
         OR (a.status IN ('published', 'unpublished') AND (a.published_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date BETWEEN ${from}::date AND ${to}::date))
     ORDER BY coalesce(a.publish_at, a.published_at)
     LIMIT 500`.execute(db);
  return rows;
}

/** Accounts holding the approver role over the channel at `path` (on it or above). */
export async function approversOf(db: Db, path: string): Promise<string[]> {
  const { rows } = await sql<{ accountId: string }>`
    SELECT DISTINCT g.account_id FROM role_grants g JOIN org_units u ON u.id = g.unit_id
     WHERE g.role = 'approver' AND g.revoked_at IS NULL AND u.path @> ${path}::ltree`.execute(db);
  return rows.map((r) => r.accountId);
}
