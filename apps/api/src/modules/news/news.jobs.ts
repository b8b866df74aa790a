import { sql } from "kysely";
import type { JobDeps } from "../../lib/jobs";
import { recordEvent } from "../../lib/events";
import { announcePublication, newsChanged } from "./news.commands";

export const NEWS_SCHEDULE_QUEUE = "news.schedule";

/**
 * Every minute: scheduled articles whose time has come go live (with what publication brings:
 * the event, guidance notifications), and published ones past their unpublish time come down.
 * Each article changes in its own transaction with its follow-ups; run twice, it finds nothing left.
 */
export async function runNewsSchedule({ db, jobs, live }: JobDeps): Promise<void> {
  const meta = { ip: null, requestId: null };
  const due = await sql<{ id: string }>`SELECT id FROM articles WHERE status = 'scheduled' AND publish_at <= now() ORDER BY publish_at LIMIT 500`.execute(db);
  for (const { id } of due.rows) {
    await db.transaction().execute(async (trx) => {
      const { rows } = await sql<{ id: string }>`
        UPDATE articles SET status = 'published', published_at = coalesce(published_at, publish_at), updated_at = now()
         WHERE id = ${id} AND status = 'scheduled' AND publish_at <= now() RETURNING id`.execute(trx);
      if (rows.length > 0) await announcePublication({ db: trx, jobs, meta }, id);
    });
  }
  const ending = await sql<{ id: string; unitId: string }>`
    UPDATE articles SET status = 'unpublished', status_reason = 'scheduled', pinned_until = NULL, updated_at = now()
     WHERE status = 'published' AND unpublish_at <= now() RETURNING id, unit_id`.execute(db);
  if (due.rows.length > 0 || ending.rows.length > 0) await live.publish(newsChanged).catch(() => undefined);
  for (const a of ending.rows) {
    await recordEvent({ actor: null, db, jobs, meta, publishAfterCommit: () => undefined }, { name: "news.article_unpublished", unitId: a.unitId, subjectType: "article", subjectId: a.id, data: { reason: "scheduled" } });
  }
}
