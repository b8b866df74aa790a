// session.ts uses the request/reply decorations of @fastify/cookie; load them for the type checker.
import type {} from "@fastify/cookie";
import { sql } from "kysely";
import type { Db } from "../../apps/api/src/db/db";
import { envWith } from "../../apps/api/src/env";
import { createSession } from "../../apps/api/src/lib/session";
import * as newsRepo from "../../apps/api/src/modules/news/news.repo";
import { type PlanTime, planRecorder } from "./explain";

/** A signed-in member for the news scenarios: the cookie to send and where they sit. */
export interface MemberSession {
  accountId: string;
  sessionId: string;
  cookie: string;
  /** Their cell's path: the feed shows the channels of this unit and every unit above. */
  cellPath: string;
  /** Their committee (district level), to show the spread. */
  committee: string;
}

/** What members type into the search box: no diacritics, as on a phone keyboard without Telex. */
export const SEARCH_QUERIES = ["nghi quyet", "chuyen doi so", "dai hoi dang bo", "phong chong tham nhung", "quan triet nghi quyet 57", "kim ma", "sinh hoat chi bo"];

/**
 * Sessions for `count` members with no staff role, each in a different cell, spread over the city
 * (cells in md5 order, so every district and sector appears): the feed of each is a different set
 * of channels. Opened the way a login would (createSession), marked so `dropSessions` removes them.
 */
export async function memberSessions(db: Db, count: number): Promise<MemberSession[]> {
  const { rows } = await sql<{ accountId: string; cellPath: string; committee: string }>`
    SELECT s.account_id, s.cell_path, c.name AS committee FROM (
      SELECT DISTINCT ON (m.cell_id) a.id AS account_id, m.unit_path::text AS cell_path, m.unit_path, md5(m.cell_id::text) AS k
        FROM accounts a JOIN members m ON m.id = a.member_id
       WHERE a.status = 'active' AND m.status IN ('full', 'probationary', 'exempt')
         AND NOT EXISTS (SELECT 1 FROM role_grants g WHERE g.account_id = a.id AND g.revoked_at IS NULL)
       ORDER BY m.cell_id, md5(a.id::text)) s
      JOIN org_units c ON c.path = subpath(s.unit_path, 0, 2)
     ORDER BY s.k LIMIT ${count}`.execute(db);
  if (rows.length === 0) throw new Error("No bench member accounts found: run the generator first.");
  const env = envWith({});
  const out: MemberSession[] = [];
  for (const r of rows) {
    const { token, session } = await createSession(db, env, { accountId: r.accountId, staff: false, totpEnabled: false, ip: "127.0.0.1", userAgent: "bench news" });
    out.push({ accountId: r.accountId, sessionId: session.id, cookie: `sid=${token}`, cellPath: r.cellPath, committee: r.committee });
  }
  return out;
}

export async function dropSessions(db: Db, sessions: MemberSession[]): Promise<void> {
  await sql`DELETE FROM sessions WHERE id = ANY(${sessions.map((s) => s.sessionId)}::text[])`.execute(db);
}

export type { PlanTime };

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the API's own news queries (news.repo `feed`, `pinned`, `search`,
 * so the SQL cannot drift from the product's) for the given members, warm cache (each run twice).
 * Returns execution and planning times per query kind; `verbose` prints the SQL and the plans.
 */
export async function explainNews(url: string, members: MemberSession[], queries: string[], options: { verbose: boolean }): Promise<PlanTime[]> {
  const { db, explain, times, close } = planRecorder(url, options);
  try {
    for (const m of members) {
      const paths = newsRepo.pathsAbove([m.cellPath]);
      const first = await newsRepo.feed(db, { accountId: m.accountId, paths, limit: 20 });
      await explain("feed page 1 (news.repo feed)", () => newsRepo.feed(db, { accountId: m.accountId, paths, limit: 20 }));
      const last = first.at(-1);
      if (last?.publishedAt) {
        const after = { publishedAt: last.publishedAt.toISOString(), id: last.id };
        await explain("feed page 2 (cursor)", () => newsRepo.feed(db, { accountId: m.accountId, paths, limit: 20, after }));
      }
      await explain("pinned guidance (news.repo pinned)", () => newsRepo.pinned(db, m.accountId, paths));
    }
    for (const q of queries) {
      for (const m of members.slice(0, 3)) {
        const above = newsRepo.pathsAbove([m.cellPath]);
        await explain(`search "${q}"`, () => newsRepo.search(db, { accountId: m.accountId, q, above, subtrees: [], limit: 21, offset: 0 }));
      }
    }
  } finally {
    await close();
  }
  return times();
}
