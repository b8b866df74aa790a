import type PgBoss from "pg-boss";
import { eventHandlers } from "./event-handlers";
import { DISPATCH_QUEUE } from "./lib/events";
import type { JobDeps, JobHandler } from "./lib/jobs";
import { FANOUT_BATCH_QUEUE, FANOUT_QUEUE, runFanout, runFanoutBatch } from "./modules/notifications/notifications.jobs";
import { NEWS_SCHEDULE_QUEUE, runNewsSchedule } from "./modules/news/news.jobs";
import { EXTRACT_QUEUE, runExtraction } from "./modules/documents/documents.jobs";
import { runSummarise, SUMMARISE_QUEUE } from "./modules/feedback/feedback.jobs";
import { PUSH_QUEUE, runPushDelivery } from "./modules/notifications/push.jobs";
import { HOUSEKEEPING_QUEUE, runHousekeeping } from "./modules/system/system.jobs";
import { FILES_HOUSEKEEPING_QUEUE, runFileHousekeeping } from "./modules/files/files.jobs";

/** Runs every handler of one recorded event; a vanished event is nothing to do. */
const dispatchEvent: JobHandler<{ eventId: string }> = async (deps, { eventId }) => {
  const event = await deps.db.selectFrom("events").selectAll().where("id", "=", eventId).executeTakeFirst();
  if (!event) return;
  for (const handle of eventHandlers[event.name] ?? []) await handle(deps, event);
};

// Failures retry with exponential back-off (pg-boss doubles the delay each time, with jitter).
// expireInSeconds bounds how long a job killed with its worker stays "active" before it is retried:
// a fan-out batch takes about a second, so a dead worker's batch is retried within a minute or two.
const retry = { retryLimit: 6, retryDelay: 5, retryBackoff: true } as const;

/** Every queue with its handler and its pg-boss options. */
export const queues: Record<string, { handler: JobHandler<any>; options: Omit<PgBoss.Queue, "name"> }> = {
  [DISPATCH_QUEUE]: { handler: dispatchEvent, options: { ...retry, expireInSeconds: 5 * 60 } },
  [FANOUT_QUEUE]: { handler: runFanout, options: { ...retry, expireInSeconds: 2 * 60 } },
  [FANOUT_BATCH_QUEUE]: { handler: runFanoutBatch, options: { ...retry, expireInSeconds: 60 } },
  // A push job posts to up to a few hundred devices, 16 at a time, each with a 10 s timeout.
  [PUSH_QUEUE]: { handler: runPushDelivery, options: { ...retry, expireInSeconds: 5 * 60 } },
  [NEWS_SCHEDULE_QUEUE]: { handler: runNewsSchedule, options: { ...retry, expireInSeconds: 5 * 60 } },
  [HOUSEKEEPING_QUEUE]: { handler: runHousekeeping, options: { ...retry, expireInSeconds: 30 * 60 } },
  [FILES_HOUSEKEEPING_QUEUE]: { handler: runFileHousekeeping, options: { ...retry, expireInSeconds: 30 * 60 } },
  // A damaged file fails the same way each time: a few tries, a minute apart and growing, are enough.
  // A large PDF or spreadsheet takes seconds to read; a worker killed mid-file is retried after 15 minutes.
  [EXTRACT_QUEUE]: { handler: runExtraction, options: { retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 15 * 60 } },
  // A summary of a few thousand comments takes seconds to write; a worker killed mid-way is retried after 10 minutes.
  [SUMMARISE_QUEUE]: { handler: runSummarise, options: { retryLimit: 3, retryDelay: 30, retryBackoff: true, expireInSeconds: 10 * 60 } },
};

/** Cron schedules (pg-boss runs each once per tick across all worker processes). */
const schedules: { queue: string; cron: string }[] = [
  { queue: HOUSEKEEPING_QUEUE, cron: "30 3 * * *" },
  // Temporary files, uploads never attached and stored files nothing refers to, a day after.
  { queue: FILES_HOUSEKEEPING_QUEUE, cron: "45 3 * * *" },
  // Scheduled publishing and unpublishing, to the minute.
  { queue: NEWS_SCHEDULE_QUEUE, cron: "* * * * *" },
];

/** Creates (or updates) every queue; pg-boss 10 refuses to send to a queue that does not exist. */
export async function createQueues(boss: PgBoss): Promise<void> {
  for (const [name, { options }] of Object.entries(queues)) {
    if (await boss.getQueue(name)) await boss.updateQueue(name, { name, ...options });
    else await boss.createQueue(name, { name, ...options });
  }
}

export async function runJob(deps: JobDeps, name: string, data: unknown): Promise<void> {
  const queue = queues[name];
  if (!queue) throw new Error(`No handler for job ${name}`);
  await queue.handler(deps, data as never);
}

/** Registers `concurrency` pollers per queue and the cron schedules; pg-boss must be started with `worker: true`. */
export async function startWorker(boss: PgBoss, deps: JobDeps, options: { concurrency: number; pollSeconds: number }): Promise<void> {
  for (const name of Object.keys(queues)) {
    for (let i = 0; i < options.concurrency; i++) {
      let workerId = "";
      workerId = await boss.work<unknown>(name, { batchSize: 1, pollingIntervalSeconds: options.pollSeconds }, async ([job]) => {
        await runJob(deps, name, job.data);
        // pg-boss 10 waits a whole polling interval even after a job; a busy queue is looked at again at once.
        boss.notifyWorker(workerId);
      });
    }
  }
  for (const { queue, cron } of schedules) await boss.schedule(queue, cron, {}, { tz: "Asia/Ho_Chi_Minh" });
}

/**
 * Runs queued jobs in this process until none is left (tests and tools): fetch, run, complete.
 * A failing handler fails its job and the error is thrown.
 */
export async function drainJobs(boss: PgBoss, deps: JobDeps): Promise<number> {
  let ran = 0;
  for (;;) {
    let fetched = 0;
    for (const name of Object.keys(queues)) {
      const jobs = await boss.fetch<unknown>(name, { batchSize: 50 });
      for (const job of jobs) {
        fetched++;
        try {
          await runJob(deps, name, job.data);
        } catch (error) {
          await boss.fail(name, job.id, { message: String(error) });
          throw error;
        }
        await boss.complete(name, job.id);
      }
    }
    ran += fetched;
    if (fetched === 0) return ran;
  }
}
