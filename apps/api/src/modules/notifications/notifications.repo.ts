import { type Selectable, sql } from "kysely";
import type { Db } from "../../db/db";
import type { Notifications } from "../../db/schema";

export type NotificationRow = Selectable<Notifications>;

export function findById(db: Db, id: string): Promise<NotificationRow | undefined> {
  return db.selectFrom("notifications").selectAll().where("id", "=", id).executeTakeFirst();
}

/** The account's notifications, newest first, keyset-paginated on (created_at, id) after the row `before`. */
export function listForAccount(db: Db, accountId: string, page: { before?: string; limit: number }): Promise<NotificationRow[]> {
  return db
    .selectFrom("notifications")
    .selectAll()
    .where("accountId", "=", accountId)
    .$if(page.before !== undefined, (qb) =>
      qb.where(
        sql<boolean>`(created_at, id) < (SELECT created_at, id FROM notifications WHERE id = ${page.before} AND account_id = ${accountId})`,
      ),
    )
    .orderBy("createdAt", "desc")
    .orderBy("id", "desc")
    .limit(page.limit)
    .execute();
}

export async function unreadCount(db: Db, accountId: string): Promise<number> {
  const row = await db
    .selectFrom("notifications")
    .select(sql<number>`count(*)::int`.as("n"))
    .where("accountId", "=", accountId)
    .where("readAt", "is", null)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Unread counts of several accounts at once (accounts with none are absent). */
export async function unreadCounts(db: Db, accountIds: readonly string[]): Promise<Map<string, number>> {
  if (accountIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("notifications")
    .select(["accountId", sql<number>`count(*)::int`.as("n")])
    .where("accountId", "=", sql<string>`ANY(${accountIds}::uuid[])`)
    .where("readAt", "is", null)
    .groupBy("accountId")
    .execute();
  return new Map(rows.map((r) => [r.accountId, r.n]));
}

export function markRead(db: Db, id: string) {
  return db.updateTable("notifications").set({ readAt: sql`coalesce(read_at, now())` }).where("id", "=", id).returningAll().executeTakeFirstOrThrow();
}

export async function markAllRead(db: Db, accountId: string): Promise<number> {
  const result = await db.updateTable("notifications").set({ readAt: new Date() }).where("accountId", "=", accountId).where("readAt", "is", null).executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Active accounts of members inside the subtree at `path` (members.unit_path <@ path). */
const subtreeAccounts = (path: string) => sql`
  FROM accounts a JOIN members m ON m.id = a.member_id
  WHERE a.status = 'active' AND m.unit_path <@ ${path}::ltree`;

/**
 * Keyset boundaries splitting the subtree's active accounts into batches of `size`, by account id:
 * batch i covers ids in [bounds[i], bounds[i+1]) and the last is open-ended. One scan, no ids kept.
 */
export async function batchBoundaries(db: Db, path: string, size: number): Promise<string[]> {
  const { rows } = await sql<{ id: string }>`
    SELECT id FROM (SELECT a.id, row_number() OVER (ORDER BY a.id) AS n ${subtreeAccounts(path)}) numbered
    WHERE (n - 1) % ${size} = 0 ORDER BY id`.execute(db);
  return rows.map((r) => r.id);
}

export interface NotificationContent {
  type: string;
  title: string;
  body: string;
  link: string | null;
  subjectType: string | null;
  subjectId: string | null;
  dedupeKey: string;
}

/**
 * One statement for one batch: a notification for every active account of the subtree whose id is
 * in [fromId, toId). Idempotent: rows already written (same account and dedupe key) are skipped.
 * Returns the accounts that got a new notification.
 */
export async function insertForSubtreeBatch(
  db: Db,
  target: { path: string; fromId: string; toId: string | null },
  content: NotificationContent,
): Promise<string[]> {
  const { rows } = await sql<{ accountId: string }>`
    INSERT INTO notifications (account_id, type, title, body, link, subject_type, subject_id, dedupe_key)
    SELECT a.id, ${content.type}, ${content.title}, ${content.body}, ${content.link}, ${content.subjectType}, ${content.subjectId}, ${content.dedupeKey}
    ${subtreeAccounts(target.path)}
      AND a.id >= ${target.fromId}::uuid ${target.toId ? sql`AND a.id < ${target.toId}::uuid` : sql``}
    ON CONFLICT (account_id, dedupe_key) DO NOTHING
    RETURNING account_id`.execute(db);
  return rows.map((r) => r.accountId);
}

/** Notifications for named active accounts; idempotent per (account, dedupe key). Returns the accounts that got a new one. */
export async function insertForAccounts(db: Db, accountIds: readonly string[], content: NotificationContent): Promise<string[]> {
  if (accountIds.length === 0) return [];
  const { rows } = await sql<{ accountId: string }>`
    INSERT INTO notifications (account_id, type, title, body, link, subject_type, subject_id, dedupe_key)
    SELECT a.id, ${content.type}, ${content.title}, ${content.body}, ${content.link}, ${content.subjectType}, ${content.subjectId}, ${content.dedupeKey}
    FROM accounts a WHERE a.id = ANY(${accountIds}::uuid[]) AND a.status = 'active'
    ON CONFLICT (account_id, dedupe_key) DO NOTHING
    RETURNING account_id`.execute(db);
  return rows.map((r) => r.accountId);
}
