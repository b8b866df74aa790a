import type { Selectable } from "kysely";
import type { Db } from "../../db/db";
import type { Events } from "../../db/schema";
import type { JobDeps, JobQueue } from "../../lib/jobs";
import { isNotificationType, notificationTypes } from "./notification-types";
import { enqueuePush } from "./push.jobs";
import * as notificationsRepo from "./notifications.repo";
import type { NotificationContent } from "./notifications.repo";

export const FANOUT_QUEUE = "notifications.fanout";
export const FANOUT_BATCH_QUEUE = "notifications.fanout_batch";

export interface SubtreeNotification {
  unitId: string;
  /** A registered type (notification-types.ts). */
  type: string;
  title: string;
  body: string;
  link: string | null;
  subjectType?: string | null;
  subjectId?: string | null;
  /** Same key, same notification: a second call (or a retried job) notifies nobody twice. */
  dedupeKey: string;
}

interface FanoutJob extends NotificationContent {
  unitId: string;
}
interface FanoutBatchJob {
  path: string;
  fromId: string;
  toId: string | null;
  content: NotificationContent;
}

/**
 * Notifies every member with an active account in the unit's subtree: enqueues one fan-out job
 * (in the caller's transaction when `ctx.db` is one), which splits the subtree into batch jobs.
 * Never one job or one request per member. Returns the fan-out job's id.
 */
export async function notifyUnitSubtree(ctx: { db: Db; jobs: JobQueue }, input: SubtreeNotification): Promise<string | null> {
  const job: FanoutJob = { unitId: input.unitId, ...notificationContent(input) };
  return ctx.jobs.send(FANOUT_QUEUE, job, { db: ctx.db });
}

/** What is stored for each recipient: the registered type's title; an unregistered type cannot be sent. */
export function notificationContent(input: Omit<SubtreeNotification, "unitId">): NotificationContent {
  if (!isNotificationType(input.type)) throw new Error(`Unregistered notification type ${input.type}`);
  return {
    type: input.type,
    title: notificationTypes[input.type].title(input.title),
    body: input.body,
    link: input.link,
    subjectType: input.subjectType ?? null,
    subjectId: input.subjectId ?? null,
    dedupeKey: input.dedupeKey,
  };
}

/**
 * Splits the subtree's active accounts into keyset ranges of FANOUT_BATCH_SIZE and enqueues one
 * batch job per range, all in one transaction. Run twice, it enqueues the batches twice, which
 * write nothing twice.
 */
export async function runFanout({ db, jobs, env }: JobDeps, { unitId, ...content }: FanoutJob): Promise<void> {
  const unit = await db.selectFrom("orgUnits").select("path").where("id", "=", unitId).executeTakeFirst();
  if (!unit) return;
  const bounds = await notificationsRepo.batchBoundaries(db, unit.path, env.FANOUT_BATCH_SIZE);
  await db.transaction().execute(async (trx) => {
    for (const [i, fromId] of bounds.entries()) {
      const batch: FanoutBatchJob = { path: unit.path, fromId, toId: bounds[i + 1] ?? null, content };
      await jobs.send(FANOUT_BATCH_QUEUE, batch, { db: trx });
    }
  });
}

/**
 * One INSERT … SELECT … ON CONFLICT DO NOTHING for one range and, in the same transaction, the
 * push jobs for those of the accounts it reached that have a device; then one live message.
 */
export async function runFanoutBatch({ db, jobs, live }: JobDeps, batch: FanoutBatchJob): Promise<void> {
  const reached = await db.transaction().execute(async (trx) => {
    const accounts = await notificationsRepo.insertForSubtreeBatch(trx, batch, batch.content);
    await enqueuePush({ db: trx, jobs }, accounts, batch.content.dedupeKey);
    return accounts;
  });
  if (reached.length > 0) await live.publish({ event: "notification", accountIds: reached });
}

/** Handler of `notifications.announced`: the announcement goes to the unit's whole subtree, once per event. */
export async function fanOutAnnouncement(deps: JobDeps, event: Selectable<Events>): Promise<void> {
  if (!event.unitId) return;
  const data = event.data as { title?: string; body?: string };
  await notifyUnitSubtree(deps, {
    unitId: event.unitId,
    type: "system.announcement",
    title: data.title ?? "",
    body: data.body ?? "",
    link: null,
    subjectType: "event",
    subjectId: event.id,
    dedupeKey: `event:${event.id}`,
  });
}
