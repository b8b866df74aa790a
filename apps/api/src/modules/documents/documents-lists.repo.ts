import { sql } from "kysely";
import type { Db } from "../../db/db";
import type { DocumentLevel, DocumentType } from "../../db/schema";
import { foldVietnamese } from "@party/shared";
import { containsPattern, prefixPattern } from "../../lib/sql";
import type { DocumentScope } from "./documents.policy";

/** Lists and search over documents: SQL only, scoped by the caller (documentScope) and never filtered afterwards. */

export interface SummaryRow {
  id: string;
  unitId: string;
  unitName: string;
  unitKind: string;
  numberSymbol: string | null;
  type: DocumentType;
  issuingBody: string;
  issuedOn: string;
  effectiveOn: string | null;
  summary: string;
  level: DocumentLevel;
  tags: string[];
  committeeOnly: boolean;
  feedbackUntil: Date | null;
  withdrawnAt: Date | null;
  fileCount: number;
  bookmarked: boolean;
  /** Search only: the first 10,000 characters of the text (for the snippet), the rank and whether the number matched. */
  contentHead?: string;
  rank?: number;
  symbolHit?: boolean;
}

const summaryColumns = (accountId: string) => sql`
  d.id, d.unit_id, u.name AS unit_name, u.kind AS unit_kind, d.number_symbol, d.type, d.issuing_body, d.issued_on,
  d.effective_on, d.summary, d.level, d.tags, d.committee_only, d.feedback_until, d.withdrawn_at,
  (SELECT count(*)::int FROM document_files f WHERE f.document_id = d.id) AS file_count,
  EXISTS (SELECT 1 FROM document_bookmarks b WHERE b.document_id = d.id AND b.account_id = ${accountId}::uuid) AS bookmarked`;

export interface ListFilters {
  type?: DocumentType;
  level?: DocumentLevel;
  issuer?: string;
  year?: number;
  unitId?: string;
  /** Only the documents `accountId` bookmarked. */
  bookmarked?: boolean;
}

export interface IssuedCursor {
  issuedOn: string;
  id: string;
}

const filtersSql = (accountId: string, f: ListFilters) => sql`
  ${f.type ? sql`AND d.type = ${f.type}` : sql``}
  ${f.level ? sql`AND d.level = ${f.level}` : sql``}
  ${f.issuer ? sql`AND vn_fold(d.issuing_body) LIKE vn_fold(${containsPattern(f.issuer)})` : sql``}
  ${f.year ? sql`AND d.issued_on >= make_date(${f.year}::int, 1, 1) AND d.issued_on < make_date(${f.year}::int + 1, 1, 1)` : sql``}
  ${f.unitId ? sql`AND d.unit_id = ${f.unitId}::uuid` : sql``}
  ${f.bookmarked ? sql`AND d.id IN (SELECT b.document_id FROM document_bookmarks b WHERE b.account_id = ${accountId}::uuid)` : sql``}`;

/** Committee-only documents only inside the subtrees where the actor publishes. */
const committeeSql = (scope: DocumentScope) =>
  scope.publishes.length > 0 ? sql`AND (NOT d.committee_only OR d.unit_path <@ ${scope.publishes}::ltree[])` : sql`AND NOT d.committee_only`;

/** Live documents of the units at `above` and of the subtrees, as one condition (search, bookmarks). */
const scopeSql = (scope: DocumentScope) => sql`
  d.withdrawn_at IS NULL
  AND (d.unit_path = ANY(${scope.above}::ltree[]) ${scope.subtrees.length > 0 ? sql`OR d.unit_path <@ ${scope.subtrees}::ltree[]` : sql``})
  ${committeeSql(scope)}`;

const afterSql = (after?: IssuedCursor) => (after ? sql`AND (d.issued_on, d.id) < (${after.issuedOn}::date, ${after.id}::uuid)` : sql``);

/**
 * Live documents the scope allows, newest first (issue date, then id), after the cursor. One short
 * index scan per unit above the actor (documents_unit), plus one scan for staff subtrees, merged and
 * cut to `limit`; bookmarks are read from the member's own (few) bookmarks instead.
 */
export async function listVisible(db: Db, input: { accountId: string; scope: DocumentScope; filters: ListFilters; limit: number; after?: IssuedCursor }): Promise<SummaryRow[]> {
  const { accountId, scope, filters, limit, after } = input;
  const where = sql`${filtersSql(accountId, filters)} ${committeeSql(scope)} ${afterSql(after)}`;
  const page = filters.bookmarked
    ? sql`SELECT d.id, d.issued_on FROM documents d WHERE ${scopeSql(scope)} ${filtersSql(accountId, filters)} ${afterSql(after)} ORDER BY d.issued_on DESC, d.id DESC LIMIT ${limit}`
    : sql`
      SELECT x.id, x.issued_on FROM (
        SELECT f.id, f.issued_on FROM (SELECT id FROM org_units WHERE path = ANY(${scope.above}::ltree[])) units
        CROSS JOIN LATERAL (
          SELECT d.id, d.issued_on FROM documents d
           WHERE d.unit_id = units.id AND d.withdrawn_at IS NULL ${where}
           ORDER BY d.issued_on DESC, d.id DESC LIMIT ${limit}) f
        ${
          scope.subtrees.length > 0
            ? sql`UNION
        (SELECT d.id, d.issued_on FROM documents d
          WHERE d.unit_path <@ ${scope.subtrees}::ltree[] AND d.withdrawn_at IS NULL ${where}
          ORDER BY d.issued_on DESC, d.id DESC LIMIT ${limit})`
            : sql``
        }
      ) x ORDER BY x.issued_on DESC, x.id DESC LIMIT ${limit}`;
  const { rows } = await sql<SummaryRow>`
    WITH page AS (${page})
    SELECT ${summaryColumns(accountId)} FROM page JOIN documents d ON d.id = page.id JOIN org_units u ON u.id = d.unit_id
     ORDER BY d.issued_on DESC, d.id DESC`.execute(db);
  return rows;
}

/**
 * Full-text search over the live documents the scope allows: diacritics and `đ` folded on both
 * sides (vn_fold). Results come in two parts, ranked as one list:
 *  1. matches in the number, summary, issuing body or tags (`search_head`, small and in the row),
 *     a number/symbol starting with the folded query ("15nq" for 15-NQ/TW) first, then by ts_rank;
 *  2. documents matching only in their files' text (`search`), newest first.
 * Each part stops at `offset + limit` rows: for a common word part 2 walks the date order and stops
 * after a few rows, so the large text vectors (TOAST) of thousands of matches are never read (reading
 * them made a first version take 300 ms for "nghi quyet" over 20,000 documents); for a rare word the
 * planner uses the GIN index instead (document_text_matches tells it what reading a large vector
 * costs; see the migration). Part 1 reads only the small in-row vectors.
 */
export async function search(
  db: Db,
  input: { accountId: string; q: string; symbolPrefix: string | null; scope: DocumentScope; filters: ListFilters; limit: number; offset: number },
): Promise<SummaryRow[]> {
  const { accountId, q, symbolPrefix, scope, filters, limit, offset } = input;
  const need = offset + limit;
  // The query as an expression, not a CTE: the planner folds it to a constant and so knows how
  // common its words are (GIN index for rare ones, date order for common ones).
  const tsq = sql`websearch_to_tsquery('simple', vn_fold(${q}))`;
  const symbolHit = symbolPrefix ? sql`coalesce(d.symbol_key LIKE ${symbolPrefix}, false)` : sql`false`;
  const where = sql`${scopeSql(scope)} ${filtersSql(accountId, filters)}`;
  const { rows } = await sql<SummaryRow>`
    WITH head AS MATERIALIZED (
      SELECT d.id, d.issued_on, ${symbolHit} AS symbol_hit, ts_rank(d.search_head, ${tsq}) AS rank
        FROM documents d
       WHERE (d.search_head @@ ${tsq} ${symbolPrefix ? sql`OR d.symbol_key LIKE ${symbolPrefix}` : sql``}) AND ${where}
       ORDER BY symbol_hit DESC, rank DESC, d.issued_on DESC, d.id DESC
       LIMIT ${need}
    ),
    body AS MATERIALIZED (
      SELECT d.id, d.issued_on FROM documents d
       WHERE d.search @@ ${tsq} AND document_text_matches(d.search, ${tsq}) AND NOT d.search_head @@ ${tsq} ${symbolPrefix ? sql`AND NOT ${symbolHit}` : sql``} AND ${where}
         -- Only when part 1 does not fill the page: a one-time filter, so the scan is not even started.
         AND (SELECT count(*) FROM head) < ${need}
       ORDER BY d.issued_on DESC, d.id DESC
       -- A constant limit, so the planner can weigh walking by date against the GIN index.
       LIMIT ${need}
    ),
    hits AS (
      SELECT id, 0 AS part, symbol_hit, rank, issued_on FROM head
      UNION ALL
      SELECT id, 1, false, 0, issued_on FROM body
      ORDER BY part, symbol_hit DESC, rank DESC, issued_on DESC, id DESC
      OFFSET ${offset} LIMIT ${limit}
    )
    SELECT ${summaryColumns(accountId)}, substr(d.content_text, 1, 10000) AS content_head, hits.rank, hits.symbol_hit
      FROM hits JOIN documents d ON d.id = hits.id JOIN org_units u ON u.id = d.unit_id
     ORDER BY hits.part, hits.symbol_hit DESC, hits.rank DESC, d.issued_on DESC, d.id DESC`.execute(db);
  return rows;
}

/** A unit's own documents for its desk, newest first; withdrawn ones included unless filtered out. */
export async function deskList(
  db: Db,
  input: { accountId: string; unitId: string; status: "all" | "active" | "withdrawn"; type?: DocumentType; limit: number; after?: IssuedCursor },
): Promise<SummaryRow[]> {
  const { accountId, unitId, status, type, limit, after } = input;
  const { rows } = await sql<SummaryRow>`
    SELECT ${summaryColumns(accountId)} FROM documents d JOIN org_units u ON u.id = d.unit_id
     WHERE d.unit_id = ${unitId}
       ${status === "active" ? sql`AND d.withdrawn_at IS NULL` : status === "withdrawn" ? sql`AND d.withdrawn_at IS NOT NULL` : sql``}
       ${type ? sql`AND d.type = ${type}` : sql``}
       ${afterSql(after)}
     ORDER BY d.issued_on DESC, d.id DESC
     LIMIT ${limit}`.execute(db);
  return rows;
}

/**
 * The LIKE pattern for numbers and symbols starting like the query, when it looks like one ("15-NQ",
 * "57-nq/tw", "15 NQ": it has a digit): folded, letters and digits only, as documents.symbol_key.
 */
export function symbolPrefix(q: string): string | null {
  const key = foldVietnamese(q).replace(/[^\p{L}\p{N}]+/gu, "");
  return key.length >= 2 && /\d/.test(key) ? prefixPattern(key) : null;
}
