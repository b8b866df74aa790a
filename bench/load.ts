/**
 * Load scenarios against a running server (BENCH_URL, default http://127.0.0.1:3000) that serves the
 * bench dataset in DATABASE_URL. See bench/README.md for how to start the server.
 *
 *   npm run load -w @party/bench -- login      logins of many different members (argon2id per request)
 *   npm run load -w @party/bench -- members    member lists of the city, a district, a ward, a cell
 *   npm run load -w @party/bench -- explain    EXPLAIN (ANALYZE, BUFFERS) of the member-list SQL only
 *   npm run load -w @party/bench -- fanout     a city-wide announcement: time until every active account has it
 *   npm run load -w @party/bench -- feed       GET /api/news/feed for many members: 1 and 50 connections, page 2
 *   npm run load -w @party/bench -- news-search  GET /api/news/search, realistic queries without diacritics
 *   npm run load -w @party/bench -- news-explain EXPLAIN (ANALYZE, BUFFERS) of the feed, pinned and search SQL only
 *   npm run load -w @party/bench -- documents-search  GET /api/documents?q=…: searches without diacritics, numbers, filters, the list
 *   npm run load -w @party/bench -- documents-explain EXPLAIN (ANALYZE, BUFFERS) of the documents search and list SQL only
 *   npm run load -w @party/bench -- upload     POST /api/documents/uploads of a 20 MB PDF: time and the server's peak RSS growth
 *   npm run load -w @party/bench -- all
 *
 * Options (flags or environment): --duration=S (BENCH_DURATION, default 15 s per run),
 * --connections=N (BENCH_CONNECTIONS, default 20), --accounts=N (BENCH_LOGIN_ACCOUNTS, default 2000),
 * --warmup=S (BENCH_WARMUP, default 3 s of unrecorded load before each run),
 * --verbose (print the SQL and full plans), --timeout=S (fan-out wait, default 180 s), --keep (keep the
 * fan-out's notifications instead of deleting them afterwards), --runs=N (fan-out repetitions, default 1),
 * --members=N (BENCH_NEWS_MEMBERS, default 200 members rotated by the news scenarios),
 * --feed-connections=N (default 50), --search-connections=N (default 20; news and documents search),
 * --server-pid=N (upload: the server process whose memory is sampled; found from the port otherwise),
 * --uploads=N (default 5 one after another), --upload-concurrency=N (default 4 at once),
 * --upload-mb=N (default 20), --sample-ms=N (default 20), --data-dir=DIR (the server's DATA_DIR, where
 * the scenario removes the bytes it stored; default the API's default), --keep (keep the uploads).
 */
import os from "node:os";
import { createDb } from "../apps/api/src/db/db";
import { DEFAULT_DATA_DIR } from "../apps/api/src/env";
import { decodeCursor } from "../apps/api/src/modules/members/members.presenter";
import { type RunResult, ms, percentile, printTable, run } from "./lib/cannon";
import { explainMemberLists, type ListCase } from "./lib/explain";
import { type FanoutResult, printFanout, runFanout } from "./lib/fanout";
import { type BenchUnit, loginBodies, smallerUnits, staffSessions } from "./lib/fixtures";
import { DOCUMENT_QUERIES, type UploadPhase, adminCases, documentsPath, explainDocuments, listeningPid, runUploads } from "./lib/documents-load";
import { type MemberSession, type PlanTime, SEARCH_QUERIES, dropSessions, explainNews, memberSessions } from "./lib/news-load";

const flag = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const scenario = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? "all";
const duration = Number(flag("duration") ?? process.env.BENCH_DURATION ?? 15);
const connections = Number(flag("connections") ?? process.env.BENCH_CONNECTIONS ?? 20);
const accounts = Number(flag("accounts") ?? process.env.BENCH_LOGIN_ACCOUNTS ?? 2000);
const warmup = Number(flag("warmup") ?? process.env.BENCH_WARMUP ?? 3);
const verbose = process.argv.includes("--verbose");
const newsMembers = Number(flag("members") ?? process.env.BENCH_NEWS_MEMBERS ?? 200);
const feedConnections = Number(flag("feed-connections") ?? 50);
const searchConnections = Number(flag("search-connections") ?? 20);
const baseUrl = (process.env.BENCH_URL ?? "http://127.0.0.1:3000").replace(/\/$/, "");
const databaseUrl = process.env.DATABASE_URL;

const SCENARIOS = ["login", "members", "explain", "fanout", "feed", "news-search", "news-explain", "documents-search", "documents-explain", "upload", "all"];
/** Scenarios that only read the database: no server needed. */
const OFFLINE = ["news-explain", "documents-explain"];
if (!SCENARIOS.includes(scenario)) {
  console.error(`Unknown scenario "${scenario}": use ${SCENARIOS.join(", ")}.`);
  process.exit(2);
}
if (!databaseUrl) {
  console.error("DATABASE_URL is required (the bench database the server runs on): the script prepares sessions and picks accounts there.");
  process.exit(2);
}
// Load only ever goes to this machine.
if (!["127.0.0.1", "localhost", "[::1]"].includes(new URL(baseUrl).hostname)) {
  console.error(`BENCH_URL must point at this machine (127.0.0.1), not ${baseUrl}.`);
  process.exit(2);
}

interface Page {
  data?: unknown[];
  nextCursor?: string | null;
  pinned?: unknown[];
  hasMore?: boolean;
}

async function get(path: string, cookie: string): Promise<{ status: number; body: Page }> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
  return { status: res.status, body: (await res.json()) as Page };
}

async function loginScenario(db: ReturnType<typeof createDb>): Promise<RunResult[]> {
  const bodies = await loginBodies(db, accounts);
  console.log(`login: ${bodies.length} different member accounts, ${connections} connections, ${duration} s`);
  const probe = await fetch(`${baseUrl}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: bodies[0] });
  if (probe.status === 429) {
    throw new Error("The server rate-limits logins per IP: restart it with LOGIN_RATE_PER_MINUTE=10000 (the most env.ts accepts).");
  }
  if (probe.status !== 200) throw new Error(`A bench login failed with HTTP ${probe.status}: ${await probe.text()}`);
  let next = 1;
  const options = {
    url: baseUrl,
    connections,
    requests: [
      {
        method: "POST",
        path: "/api/auth/login",
        headers: { "content-type": "application/json" },
        setupRequest: (request: object) => ({ ...request, body: bodies[next++ % bodies.length] }),
      },
    ],
  };
  if (warmup > 0) await run("warm-up", { ...options, duration: warmup });
  return [await run("POST /api/auth/login (rotating accounts)", { ...options, duration })];
}

interface Variant {
  label: string;
  path: string;
  cookie: string;
  explain: ListCase;
}

/** The member-list variants: city, district, ward and cell scopes; first page, second page, name search. */
async function memberVariants(db: ReturnType<typeof createDb>): Promise<Variant[]> {
  const sessions = await staffSessions(db);
  const { root, district } = sessions;
  const { grassroots, cell } = await smallerUnits(db, district.unit);
  const variants: Variant[] = [];
  const add = async (scope: string, unit: BenchUnit, cookie: string, extra: { q?: string; page2?: boolean } = {}) => {
    const query = new URLSearchParams({ limit: "25", ...(extra.q ? { q: extra.q } : {}) });
    let after: ListCase["after"];
    if (extra.page2) {
      const first = await get(`/api/units/${unit.id}/members?${query}`, cookie);
      if (!first.body.nextCursor) throw new Error(`No second page for ${unit.name}`);
      query.set("cursor", first.body.nextCursor);
      after = decodeCursor(first.body.nextCursor) ?? undefined;
    }
    const what = extra.page2 ? "page 2" : extra.q ? `q="${extra.q}"` : "page 1";
    const label = `${scope} (${unit.members.toLocaleString("en")} members) · ${what}`;
    variants.push({ label, path: `/api/units/${unit.id}/members?${query}`, cookie, explain: { label, path: unit.path, q: extra.q, after } });
  };
  await add("city", root.unit, root.cookie);
  await add("city", root.unit, root.cookie, { page2: true });
  await add("city", root.unit, root.cookie, { q: "nguyen van" });
  await add("city", root.unit, root.cookie, { q: "khuc" });
  await add(district.unit.name, district.unit, district.cookie);
  await add(district.unit.name, district.unit, district.cookie, { page2: true });
  await add(district.unit.name, district.unit, district.cookie, { q: "nguyen van" });
  await add(grassroots.name, grassroots, district.cookie);
  await add(cell.name, cell, district.cookie);
  return variants;
}

async function membersScenario(variants: Variant[]): Promise<RunResult[]> {
  const results: RunResult[] = [];
  for (const v of variants) {
    const probe = await get(v.path, v.cookie);
    if (probe.status !== 200) throw new Error(`${v.label}: HTTP ${probe.status} ${JSON.stringify(probe.body)}`);
    console.log(`members: ${v.label}: ${probe.body.data?.length ?? 0} rows; ${connections} connections, ${duration} s`);
    const options = { url: `${baseUrl}${v.path}`, connections, headers: { cookie: v.cookie } };
    if (warmup > 0) await run("warm-up", { ...options, duration: warmup });
    results.push(await run(v.label, { ...options, duration }));
  }
  return results;
}

/** GET requests rotating over `targets` (a path and the cookie of the member asking), as autocannon options. */
function rotating(targets: { path: string; cookie: string }[], conns: number, onRequest?: (index: number) => void) {
  let next = 0;
  return {
    url: baseUrl,
    connections: conns,
    requests: [
      {
        method: "GET",
        setupRequest: (request: object) => {
          const index = next++ % targets.length;
          onRequest?.(index);
          const t = targets[index];
          return { ...request, path: t.path, headers: { cookie: t.cookie } };
        },
      },
    ],
  };
}

async function measure(label: string, options: ReturnType<typeof rotating>, onResponse?: (ms: number) => void): Promise<RunResult> {
  if (warmup > 0) await run("warm-up", { ...options, duration: warmup });
  return run(label, { ...options, duration }, onResponse);
}

const verdict = (what: string, value: number, target: number, unit: string, below: boolean) =>
  console.log(`${below ? (value < target ? "PASS" : "FAIL") : value >= target ? "PASS" : "FAIL"}  ${what}: ${value.toFixed(1)} ${unit} (target ${below ? "<" : "≥"} ${target.toLocaleString("en")} ${unit})`);

/**
 * The member's feed, first page: with one connection (no queueing, so the latency is the server's
 * time) and with `feedConnections` (throughput); then page 2 through each member's cursor.
 */
async function feedScenario(sessions: MemberSession[]): Promise<RunResult[]> {
  const first = "/api/news/feed?limit=20";
  const probe = await get(first, sessions[0].cookie);
  if (probe.status !== 200) throw new Error(`GET ${first}: HTTP ${probe.status} ${JSON.stringify(probe.body).slice(0, 300)}`);
  // Every member's first page once (warms the cache the way a morning of readers would) and their cursors.
  const page2: { path: string; cookie: string }[] = [];
  let items = 0;
  let pinned = 0;
  for (const s of sessions) {
    const page = await get(first, s.cookie);
    if (page.status !== 200) throw new Error(`GET ${first}: HTTP ${page.status} for a member of ${s.committee}`);
    items += page.body.data?.length ?? 0;
    pinned += page.body.pinned?.length ?? 0;
    if (page.body.nextCursor) page2.push({ path: `${first}&cursor=${encodeURIComponent(page.body.nextCursor)}`, cookie: s.cookie });
  }
  const committees = new Set(sessions.map((s) => s.committee)).size;
  console.log(
    `feed: ${sessions.length} members in ${sessions.length} cells under ${committees} committees; first pages hold ${(items / sessions.length).toFixed(1)} items and ${(pinned / sessions.length).toFixed(1)} pinned on average; ${page2.length} have a page 2`,
  );
  const firstPages = sessions.map((s) => ({ path: first, cookie: s.cookie }));
  const results: RunResult[] = [];
  results.push(await measure("feed page 1 · server time (1 connection)", rotating(firstPages, 1)));
  results.push(await measure(`feed page 1 · throughput (${feedConnections} connections)`, rotating(firstPages, feedConnections)));
  if (page2.length > 0) results.push(await measure("feed page 2 via cursor · server time (1 connection)", rotating(page2, 1)));
  return results;
}

/**
 * Search with one connection, each member in turn typing each query of SEARCH_QUERIES (percentiles
 * per query too), then `searchConnections` connections for throughput.
 */
async function searchScenario(sessions: MemberSession[]): Promise<{ results: RunResult[]; perQuery: { q: string; hits: string; latencies: number[] }[] }> {
  const path = (q: string) => `/api/news/search?${new URLSearchParams({ q, limit: "20" })}`;
  const perQuery: { q: string; hits: string; latencies: number[] }[] = [];
  for (const q of SEARCH_QUERIES) {
    const probe = await get(path(q), sessions[0].cookie);
    if (probe.status !== 200) throw new Error(`GET ${path(q)}: HTTP ${probe.status} ${JSON.stringify(probe.body).slice(0, 300)}`);
    perQuery.push({ q, hits: `${probe.body.data?.length ?? 0}${probe.body.hasMore ? "+" : ""}`, latencies: [] });
  }
  console.log(`news-search: ${SEARCH_QUERIES.length} queries × ${sessions.length} members; hits on a first page: ${perQuery.map((p) => `"${p.q}" ${p.hits}`).join(", ")}`);
  // Query k of the rotation is SEARCH_QUERIES[k % n], asked by member ⌊k / n⌋.
  const targets = sessions.flatMap((s) => SEARCH_QUERIES.map((q) => ({ path: path(q), cookie: s.cookie })));
  const asked: number[] = [];
  const single = rotating(targets, 1, (index) => asked.push(index % SEARCH_QUERIES.length));
  if (warmup > 0) await run("warm-up", { ...single, duration: warmup });
  asked.length = 0;
  // One connection: the n-th response answers the n-th request built.
  const one = await run("news search · server time (1 connection)", { ...single, duration }, (latency) => {
    const q = asked.shift();
    if (q !== undefined) perQuery[q].latencies.push(latency);
  });
  const many = await measure(`news search · throughput (${searchConnections} connections)`, rotating(targets, searchConnections));
  return { results: [one, many], perQuery };
}

function printPlans(title: string, plans: PlanTime[]): void {
  const range = (v: number[]) => {
    const sorted = [...v].sort((a, b) => a - b);
    return sorted.length === 1 ? ms(sorted[0]) : `${ms(sorted[0])} / ${ms(percentile(sorted, 50))} / ${ms(sorted[sorted.length - 1])}`;
  };
  console.log(`\n| ${title} (EXPLAIN ANALYZE, warm cache) | cases | execution ms min / median / max | planning ms min / median / max |\n|---|---:|---:|---:|`);
  for (const p of plans) console.log(`| ${p.label} | ${p.execution.length} | ${range(p.execution)} | ${range(p.planning)} |`);
}

async function newsScenarios(db: ReturnType<typeof createDb>, results: RunResult[]): Promise<void> {
  const sessions = await memberSessions(db, newsMembers);
  try {
    // The SQL comes from the API's source tree; the server may run an older build on an older schema.
    const plans = await explainNews(databaseUrl!, sessions.slice(0, 20), SEARCH_QUERIES, { verbose }).catch((error: Error) => {
      if (scenario === "news-explain") throw error;
      console.log(`EXPLAIN skipped: ${error.message} (a migration of the source tree not applied to this database? --only=news migrates it)`);
      return [];
    });
    if (plans.length > 0) printPlans("news queries", plans);
    if (scenario === "news-explain") return;
    if (scenario === "feed" || scenario === "all") {
      const feed = await feedScenario(sessions);
      results.push(...feed);
      console.log("");
      verdict("feed page 1, p95 server time", feed[0].p95, 20, "ms", true);
      verdict(`feed page 1, throughput with ${feedConnections} connections`, feed[1].rps, 1000, "req/s", false);
    }
    if (scenario === "news-search" || scenario === "all") {
      const search = await searchScenario(sessions);
      results.push(...search.results);
      console.log("\n| search query (1 connection) | hits on page 1 | requests | p50 ms | p95 ms | p99 ms |\n|---|---:|---:|---:|---:|---:|");
      for (const p of search.perQuery) {
        const sorted = p.latencies.sort((a, b) => a - b);
        console.log(`| \`${p.q}\` | ${p.hits} | ${sorted.length} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 95))} | ${ms(percentile(sorted, 99))} |`);
      }
      console.log("");
      verdict("search p95 server time", search.results[0].p95, 50, "ms", true);
    }
  } finally {
    await dropSessions(db, sessions);
  }
}

/**
 * Documents search with one connection, each member in turn asking each of DOCUMENT_QUERIES
 * (percentiles per query too), then `searchConnections` connections for throughput.
 */
async function documentsSearchScenario(sessions: MemberSession[]): Promise<{ results: RunResult[]; perQuery: { q: string; search: boolean; hits: string; latencies: number[] }[] }> {
  const perQuery: { q: string; search: boolean; hits: string; latencies: number[] }[] = [];
  for (const query of DOCUMENT_QUERIES) {
    const probe = await get(documentsPath(query.params), sessions[0].cookie);
    if (probe.status !== 200) throw new Error(`GET ${documentsPath(query.params)}: HTTP ${probe.status} ${JSON.stringify(probe.body).slice(0, 300)}`);
    perQuery.push({ q: query.label, search: "q" in query.params, hits: `${probe.body.data?.length ?? 0}${probe.body.nextCursor ? "+" : ""}`, latencies: [] });
  }
  const n = DOCUMENT_QUERIES.length;
  console.log(`documents-search: ${n} queries × ${sessions.length} members; first page of the first member: ${perQuery.map((p) => `"${p.q}" ${p.hits}`).join(", ")}`);
  // Query k of the rotation is DOCUMENT_QUERIES[k % n], asked by member ⌊k / n⌋.
  const targets = sessions.flatMap((s) => DOCUMENT_QUERIES.map((q) => ({ path: documentsPath(q.params), cookie: s.cookie })));
  const asked: number[] = [];
  const single = rotating(targets, 1, (index) => asked.push(index % n));
  if (warmup > 0) await run("warm-up", { ...single, duration: warmup });
  asked.length = 0;
  // One connection: the n-th response answers the n-th request built.
  const one = await run("documents search and list · server time (1 connection)", { ...single, duration }, (latency) => {
    const q = asked.shift();
    if (q !== undefined) perQuery[q].latencies.push(latency);
  });
  const many = await measure(`documents search and list · throughput (${searchConnections} connections)`, rotating(targets, searchConnections));
  return { results: [one, many], perQuery };
}

async function documentsScenarios(db: ReturnType<typeof createDb>, results: RunResult[]): Promise<void> {
  const sessions = await memberSessions(db, newsMembers);
  try {
    const plans = await explainDocuments(databaseUrl!, sessions.slice(0, 20), await adminCases(db), { verbose }).catch((error: Error) => {
      if (scenario === "documents-explain") throw error;
      console.log(`EXPLAIN skipped: ${error.message} (a migration of the source tree not applied to this database? --only=documents migrates it)`);
      return [];
    });
    if (plans.length > 0) printPlans("documents queries", plans);
    if (scenario === "documents-explain") return;
    const search = await documentsSearchScenario(sessions);
    results.push(...search.results);
    console.log("\n| documents query (1 connection) | first page | requests | p50 ms | p95 ms | p99 ms |\n|---|---:|---:|---:|---:|---:|");
    for (const p of search.perQuery) {
      const sorted = [...p.latencies].sort((a, b) => a - b);
      console.log(`| \`${p.q}\` | ${p.hits} | ${sorted.length} | ${ms(percentile(sorted, 50))} | ${ms(percentile(sorted, 95))} | ${ms(percentile(sorted, 99))} |`);
    }
    const searches = search.perQuery.filter((p) => p.search).flatMap((p) => p.latencies).sort((a, b) => a - b);
    console.log("");
    verdict("documents search (q), p95 server time", percentile(searches, 95), 50, "ms", true);
    verdict("documents search and list, p95 server time", search.results[0].p95, 50, "ms", true);
  } finally {
    await dropSessions(db, sessions);
  }
}

/**
 * Uploads of a large PDF as the unit admin of a district committee: one after another, then several
 * at once, sampling the server's RSS (VmRSS in /proc) to show the body streams to storage.
 */
async function uploadScenario(db: ReturnType<typeof createDb>): Promise<void> {
  const port = Number(new URL(baseUrl).port || 80);
  const pid = flag("server-pid") ? Number(flag("server-pid")) : listeningPid(port);
  if (!pid) throw new Error(`No process of this user listens on port ${port}: pass --server-pid=N (the server's process, not npm's).`);
  const { district } = await staffSessions(db);
  const options = {
    pid,
    sizeMb: Number(flag("upload-mb") ?? 20),
    sequential: Number(flag("uploads") ?? 5),
    concurrent: Number(flag("upload-concurrency") ?? 4),
    everyMs: Number(flag("sample-ms") ?? 20),
    keep: process.argv.includes("--keep"),
    dataDir: flag("data-dir") ?? process.env.DATA_DIR ?? DEFAULT_DATA_DIR,
  };
  console.log(`\nupload: server pid ${pid}, ${options.sizeMb} MB PDFs as the admin of ${district.unit.name}, RSS sampled every ${options.everyMs} ms`);
  const phases: UploadPhase[] = await runUploads(db, baseUrl, district, options);
  console.log(
    "\n| uploads | wall s | per upload ms p50 / max | MB/s | RSS before the uploads MB | RSS before the phase MB | peak MB | growth MB | peak − RSS before the phase MB | VmHWM before → after MB | samples |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  );
  for (const p of phases) {
    const sorted = [...p.ms].sort((a, b) => a - b);
    console.log(
      `| ${p.label} | ${(p.wallMs / 1000).toFixed(1)} | ${ms(percentile(sorted, 50))} / ${ms(sorted[sorted.length - 1])} | ${((p.uploads * p.sizeMb) / (p.wallMs / 1000)).toFixed(0)} | ${p.start.toFixed(0)} | ${p.baseline.toFixed(0)} | ${p.peak.toFixed(0)} | ${(p.peak - p.start).toFixed(1)} | ${(p.peak - p.baseline).toFixed(1)} | ${p.hwmBefore.toFixed(0)} → ${p.hwmAfter.toFixed(0)} | ${p.samples} |`,
    );
  }
  // Growth is measured from the RSS before any large upload: after the first phase V8 often hands
  // memory back, and the next phase's own starting point sits in that trough (shown beside it).
  console.log("");
  for (const p of phases) verdict(`peak RSS growth, ${p.label}`, p.peak - p.start, 50, "MB", true);
}

async function main(): Promise<void> {
  const health = OFFLINE.includes(scenario) ? { ok: true } : await fetch(`${baseUrl}/api/health`).catch(() => null);
  if (!health?.ok) throw new Error(`No healthy server at ${baseUrl} (GET /api/health): start it as bench/README.md says, and set BENCH_URL.`);
  const db = createDb(databaseUrl!, { max: 2 });
  const results: RunResult[] = [];
  try {
    const started = new Date();
    // The load average shows whether something else competed for the CPU during the run.
    const load = () => os.loadavg().map((l) => l.toFixed(2)).join(" ");
    console.log(`${started.toISOString()} · ${baseUrl} · scenario ${scenario} · ${os.cpus().length} CPUs · load average ${load()}`);
    if (scenario === "login" || scenario === "all") results.push(...(await loginScenario(db)));
    if (scenario === "members" || scenario === "explain" || scenario === "all") {
      const variants = await memberVariants(db);
      const plans = await explainMemberLists(databaseUrl!, variants.map((v) => v.explain), { verbose });
      console.log("\n| member list query (EXPLAIN ANALYZE, warm cache) | execution ms |\n|---|---:|");
      for (const p of plans) console.log(`| ${p.label} | ${p.ms.toFixed(1)} |`);
      if (scenario !== "explain") results.push(...(await membersScenario(variants)));
    }
    if (["feed", "news-search", "news-explain", "all"].includes(scenario)) await newsScenarios(db, results);
    if (["documents-search", "documents-explain", "all"].includes(scenario)) await documentsScenarios(db, results);
    if (results.length > 0) printTable(results);
    if (scenario === "upload" || scenario === "all") await uploadScenario(db);
    if (scenario === "fanout" || scenario === "all") {
      const { root } = await staffSessions(db);
      const fanouts: FanoutResult[] = [];
      const runs = Number(flag("runs") ?? 1);
      const options = { timeoutSeconds: Number(flag("timeout") ?? 180), keep: process.argv.includes("--keep"), devices: Number(flag("devices") ?? 0) };
      for (let i = 0; i < runs; i++) fanouts.push(await runFanout(db, baseUrl, root, options));
      printFanout(fanouts);
    }
    console.log(`\nload average at the end: ${load()}`);
  } finally {
    await db.destroy();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
