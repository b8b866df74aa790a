import { CamelCasePlugin, type CompiledQuery, Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import type { DB } from "../../apps/api/src/db/schema";
import * as membersRepo from "../../apps/api/src/modules/members/members.repo";

export interface ListCase {
  label: string;
  path: string;
  q?: string;
  after?: { sortKey: string; id: string };
}

/**
 * Runs the API's own member-list query (members.repo `listInSubtree`, so the SQL cannot drift from
 * the product's) and then EXPLAIN (ANALYZE, BUFFERS) of exactly that SQL with the same parameters.
 * Prints each plan and returns the execution times in ms.
 */
export async function explainMemberLists(url: string, cases: ListCase[], options: { verbose: boolean }): Promise<{ label: string; ms: number }[]> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  let captured: CompiledQuery | null = null;
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
    log: (event) => {
      if (event.level === "query") captured = event.query;
    },
  });
  const out: { label: string; ms: number }[] = [];
  try {
    for (const c of cases) {
      captured = null;
      await membersRepo.listInSubtree(db, c.path, { q: c.q, after: c.after, limit: 25 });
      const query = captured as CompiledQuery | null;
      if (!query) throw new Error("listInSubtree ran no query");
      if (out.length === 0 && options.verbose) console.log(`\nMember list SQL (members.repo listInSubtree):\n${query.sql}\n`);
      // Twice: the first run warms the cache, the second is the steady state the load test sees.
      await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, [...query.parameters]);
      const { rows } = await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, [...query.parameters]);
      const lines = rows.map((r) => r["QUERY PLAN"]);
      const time = Number(/Execution Time: ([\d.]+) ms/.exec(lines[lines.length - 1])?.[1] ?? NaN);
      out.push({ label: c.label, ms: time });
      console.log(`\n--- EXPLAIN ${c.label}: ${time.toFixed(1)} ms`);
      if (options.verbose) console.log(lines.join("\n"));
    }
  } finally {
    await db.destroy();
  }
  return out;
}

/** Execution and planning times of one kind of query, in ms, one entry per case. */
export interface PlanTime {
  label: string;
  execution: number[];
  planning: number[];
}

/**
 * A Kysely handle that records the SQL the API's own repository functions send, and `explain`, which
 * runs one such function and then EXPLAIN (ANALYZE, BUFFERS) of exactly its first query, twice (warm
 * cache), keeping execution and planning times per label (`verbose` prints the SQL and the plan once
 * per label). The session settings are the API pool's (db.ts createDb): no parallel plans.
 */
export function planRecorder(url: string, options: { verbose: boolean }) {
  const pool = new pg.Pool({ connectionString: url, max: 1, options: "-c TimeZone=Asia/Ho_Chi_Minh -c max_parallel_workers_per_gather=0" });
  let captured: CompiledQuery[] = [];
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
    log: (event) => {
      if (event.level === "query") captured.push(event.query);
    },
  });
  const times = new Map<string, PlanTime>();
  const printed = new Set<string>();
  const explain = async (label: string, runQuery: () => Promise<unknown>) => {
    captured = [];
    await runQuery();
    const query = captured[0];
    if (!query) throw new Error(`${label}: the repository ran no query`);
    await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, [...query.parameters]);
    const { rows } = await pool.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, [...query.parameters]);
    const lines = rows.map((r) => r["QUERY PLAN"]);
    const grab = (name: string) => Number(new RegExp(`${name} Time: ([\\d.]+) ms`).exec(lines.join("\n"))?.[1] ?? NaN);
    const t = times.get(label) ?? { label, execution: [], planning: [] };
    t.execution.push(grab("Execution"));
    t.planning.push(grab("Planning"));
    times.set(label, t);
    if (options.verbose && !printed.has(label)) {
      printed.add(label);
      console.log(`\n--- ${label}\n${query.sql}\n\n${lines.join("\n")}`);
    }
  };
  return { db, explain, times: () => [...times.values()], close: () => db.destroy() };
}
