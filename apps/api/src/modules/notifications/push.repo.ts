import { type Selectable, sql } from "kysely";
import type { Db } from "../../db/db";
import type { NotificationPreferences, PushSubscriptions } from "../../db/schema";

export type PushSubscriptionRow = Selectable<PushSubscriptions>;
export type PreferencesRow = Selectable<NotificationPreferences>;

/**
 * Registers a device for the account, or moves an endpoint already known to this account and
 * session (the browser subscribed again, or another account used this device before and logged out
 * without the PWA reaching the server). Returns the row and whether it is new.
 */
export async function upsertSubscription(
  db: Db,
  values: { accountId: string; sessionId: string; endpoint: string; p256dh: string; auth: string; userAgent: string | null },
): Promise<{ row: PushSubscriptionRow; created: boolean }> {
  const row = await db
    .insertInto("pushSubscriptions")
    .values(values)
    .onConflict((oc) =>
      oc.column("endpoint").doUpdateSet({
        accountId: values.accountId,
        sessionId: values.sessionId,
        p256dh: values.p256dh,
        auth: values.auth,
        userAgent: values.userAgent,
        failures: 0,
      }),
    )
    .returningAll()
    .returning(sql<boolean>`(xmax = 0)`.as("created"))
    .executeTakeFirstOrThrow();
  const { created, ...rest } = row;
  return { row: rest, created };
}

/** Removes the account's subscription with this endpoint; returns whether there was one. */
export async function deleteSubscription(db: Db, accountId: string, endpoint: string): Promise<boolean> {
  const result = await db.deleteFrom("pushSubscriptions").where("accountId", "=", accountId).where("endpoint", "=", endpoint).executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Devices of sessions that were just ended (logout, password change): they must not keep receiving an account's news. */
export async function deleteForSessions(db: Db, sessionIds: readonly string[]): Promise<void> {
  if (sessionIds.length === 0) return;
  await db.deleteFrom("pushSubscriptions").where("sessionId", "=", sql<string>`ANY(${sessionIds}::text[])`).execute();
}

export async function countForAccount(db: Db, accountId: string): Promise<number> {
  const row = await db.selectFrom("pushSubscriptions").select(sql<number>`count(*)::int`.as("n")).where("accountId", "=", accountId).executeTakeFirstOrThrow();
  return row.n;
}

/** Which of these accounts have at least one device. */
export async function accountsWithDevices(db: Db, accountIds: readonly string[]): Promise<string[]> {
  if (accountIds.length === 0) return [];
  const { rows } = await sql<{ accountId: string }>`
    SELECT DISTINCT account_id FROM push_subscriptions WHERE account_id = ANY(${accountIds}::uuid[])`.execute(db);
  return rows.map((r) => r.accountId);
}

export function subscriptionsOf(db: Db, accountIds: readonly string[]): Promise<PushSubscriptionRow[]> {
  return db.selectFrom("pushSubscriptions").selectAll().where("accountId", "=", sql<string>`ANY(${accountIds}::uuid[])`).execute();
}

export async function markDelivered(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable("pushSubscriptions").set({ lastSuccessAt: new Date(), failures: 0 }).where("id", "=", sql<string>`ANY(${ids}::uuid[])`).execute();
}

export async function markFailed(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.updateTable("pushSubscriptions").set((eb) => ({ failures: eb("failures", "+", 1) })).where("id", "=", sql<string>`ANY(${ids}::uuid[])`).execute();
}

export async function deleteByIds(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await db.deleteFrom("pushSubscriptions").where("id", "=", sql<string>`ANY(${ids}::uuid[])`).execute();
}

export function findPreferences(db: Db, accountId: string): Promise<PreferencesRow | undefined> {
  return db.selectFrom("notificationPreferences").selectAll().where("accountId", "=", accountId).executeTakeFirst();
}

export function savePreferences(db: Db, accountId: string, values: { pushMutedTypes: string[]; quietStart: string | null; quietEnd: string | null }) {
  return db
    .insertInto("notificationPreferences")
    .values({ accountId, ...values })
    .onConflict((oc) => oc.column("accountId").doUpdateSet({ ...values, updatedAt: new Date() }))
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** One account's notification waiting to be pushed, with what decides whether and when. */
export interface PendingPush {
  id: string;
  accountId: string;
  type: string;
  title: string;
  body: string;
  link: string | null;
  pushMutedTypes: string[] | null;
  quietStart: string | null;
  quietEnd: string | null;
}

/** The not-yet-pushed, unread notifications with this dedupe key of these (active) accounts. */
export async function pendingPushes(db: Db, accountIds: readonly string[], dedupeKey: string): Promise<PendingPush[]> {
  const { rows } = await sql<PendingPush>`
    SELECT n.id, n.account_id, n.type, n.title, n.body, n.link, p.push_muted_types, p.quiet_start::text, p.quiet_end::text
    FROM notifications n
    JOIN accounts a ON a.id = n.account_id AND a.status = 'active'
    LEFT JOIN notification_preferences p ON p.account_id = n.account_id
    WHERE n.account_id = ANY(${accountIds}::uuid[]) AND n.dedupe_key = ${dedupeKey}
      AND n.read_at IS NULL AND n.pushed_at IS NULL`.execute(db);
  return rows;
}

export async function markPushed(db: Db, notificationIds: readonly string[]): Promise<void> {
  if (notificationIds.length === 0) return;
  await db.updateTable("notifications").set({ pushedAt: new Date() }).where("id", "=", sql<string>`ANY(${notificationIds}::uuid[])`).execute();
}
