import { sql } from "kysely";
import type { PushPayload } from "@party/shared/schemas/push";
import type { Db } from "../../db/db";
import { JOBS_SCHEMA, type JobDeps, type JobQueue } from "../../lib/jobs";
import { type DeliveryOutcome, sendPush, vapidKeys } from "../../lib/push";
import { FANOUT_BATCH_QUEUE } from "./notifications.jobs";
import * as pushRepo from "./push.repo";
import { pushTime } from "./quiet-hours";

export const PUSH_QUEUE = "push.deliver";

/** Accounts per delivery job: a city-wide fan-out makes many small jobs that workers share. */
const ACCOUNTS_PER_JOB = 200;
/** Requests in flight to push services from one job. */
const PARALLEL_SENDS = 16;
/** A device that failed this many deliveries in a row (other than 404/410) is dropped. */
const MAX_FAILURES = 20;

/** How long a push job waits, when inbox writes are queued, before it looks again. */
const INBOX_FIRST_DELAY_S = 3;

/** Whether fan-out batches are queued and not yet started (pg-boss's table; the partial index on name and state answers it). */
async function fanoutWaiting(db: Db): Promise<boolean> {
  const { rows } = await sql<{ waiting: boolean }>`
    SELECT EXISTS (SELECT 1 FROM ${sql.table(`${JOBS_SCHEMA}.job`)} WHERE name = ${FANOUT_BATCH_QUEUE} AND state IN ('created', 'retry') AND start_after <= now()) AS waiting`.execute(db);
  return rows[0].waiting;
}

export interface PushJob {
  /** The notification's dedupe key: one per account, so (account, key) names it. */
  dedupeKey: string;
  accountIds: string[];
}

/**
 * Enqueues the push of the notification `dedupeKey` to those of `accountIds` that have a device,
 * in the caller's transaction (the one that wrote the notifications). Accounts without a device
 * cost one indexed lookup and no job.
 */
export async function enqueuePush(ctx: { db: Db; jobs: JobQueue }, accountIds: readonly string[], dedupeKey: string): Promise<void> {
  const withDevices = await pushRepo.accountsWithDevices(ctx.db, accountIds);
  for (let i = 0; i < withDevices.length; i += ACCOUNTS_PER_JOB) {
    const job: PushJob = { dedupeKey, accountIds: withDevices.slice(i, i + ACCOUNTS_PER_JOB) };
    await ctx.jobs.send(PUSH_QUEUE, job, { db: ctx.db });
  }
}

/** Runs `fn` over `items`, at most `limit` at a time. */
async function inParallel<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]);
  });
  await Promise.all(lanes);
}

/**
 * Pushes one notification to every device of each account, honouring the account's muted types and
 * quiet hours (a push in quiet hours is re-queued for their end; by then a notification read in
 * the app is not pushed). A notification is marked pushed once every device took it or is gone, so
 * a retry after a crash or a failure re-sends only what did not go out; push services drop the
 * duplicate of a message that did (same Topic). Failures are retried by pg-boss with back-off.
 */
export async function runPushDelivery(deps: JobDeps, { dedupeKey, accountIds }: PushJob): Promise<void> {
  const { db, jobs, env } = deps;
  // Inbox first: while a fan-out still has batches waiting, pushes step aside (on two cores, pushing
  // 50,000 devices alongside a city-wide fan-out doubled the time until every inbox had its row).
  if (await fanoutWaiting(db)) {
    await jobs.send(PUSH_QUEUE, { dedupeKey, accountIds } satisfies PushJob, { startAfter: INBOX_FIRST_DELAY_S });
    return;
  }
  const now = new Date();
  const pending = await pushRepo.pendingPushes(db, accountIds, dedupeKey);
  const done: string[] = [];
  const later = new Map<number, string[]>();
  const due: pushRepo.PendingPush[] = [];
  for (const n of pending) {
    if (n.pushMutedTypes?.includes(n.type)) {
      done.push(n.id);
      continue;
    }
    const at = pushTime(now, n.quietStart && n.quietEnd ? { start: n.quietStart, end: n.quietEnd } : null);
    if (at > now) later.set(at.getTime(), [...(later.get(at.getTime()) ?? []), n.accountId]);
    else due.push(n);
  }

  const vapid = due.length > 0 ? await vapidKeys(db, env) : null;
  const devices = due.length > 0 ? await pushRepo.subscriptionsOf(db, due.map((n) => n.accountId)) : [];
  const byAccount = new Map<string, pushRepo.PushSubscriptionRow[]>();
  for (const d of devices) byAccount.set(d.accountId, [...(byAccount.get(d.accountId) ?? []), d]);
  const outcomes = new Map<string, DeliveryOutcome>(); // subscription id → outcome
  const sends = due.flatMap((n) => (byAccount.get(n.accountId) ?? []).map((device) => ({ n, device })));
  await inParallel(sends, PARALLEL_SENDS, async ({ n, device }) => {
    const payload: PushPayload = { id: n.id, type: n.type, title: n.title, body: n.body, url: n.link ?? "/notifications", tag: n.id };
    outcomes.set(device.id, (await sendPush(device, payload, vapid!)).outcome);
  });

  const ids = (outcome: DeliveryOutcome) => [...outcomes].filter(([, o]) => o === outcome).map(([id]) => id);
  await pushRepo.markDelivered(db, ids("delivered"));
  await pushRepo.deleteByIds(db, ids("gone"));
  const failed = ids("failed");
  await pushRepo.markFailed(db, failed);
  await pushRepo.deleteByIds(
    db,
    devices.filter((d) => failed.includes(d.id) && d.failures + 1 >= MAX_FAILURES).map((d) => d.id),
  );
  for (const n of due) if ((byAccount.get(n.accountId) ?? []).every((d) => outcomes.get(d.id) !== "failed")) done.push(n.id);
  await pushRepo.markPushed(db, done);
  for (const [at, accounts] of later) await jobs.send(PUSH_QUEUE, { dedupeKey, accountIds: accounts } satisfies PushJob, { startAfter: new Date(at) });

  if (failed.length > 0) throw new Error(`${failed.length} of ${sends.length} push deliveries failed; retrying those`);
}
