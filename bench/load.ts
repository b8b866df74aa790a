/**
 * Load scenarios against a running server (BENCH_URL, default http://127.0.0.1:3000) that serves the
 * bench dataset in DATABASE_URL. See bench/README.md for how to start the server.
 *
 *   npm run load -w @party/bench -- login      logins of many different members (argon2id per request)
 *   npm run load -w @party/bench -- members    member lists of the city, a district, a ward, a cell
 *   npm run load -w @party/bench -- explain    EXPLAIN (ANALYZE, BUFFERS) of the member-list SQL only
 *   npm run load -w @party/bench -- fanout     a city-wide announcement: time until every active account has it
 *   npm run load -w @party/bench -- all
 *
 * Options (flags or environment): --duration=S (BENCH_DURATION, default 15 s per run),
 * --connections=N (BENCH_CONNECTIONS, default 20), --accounts=N (BENCH_LOGIN_ACCOUNTS, default 2000),
 * --warmup=S (BENCH_WARMUP, default 3 s of unrecorded load before each run),
 * --verbose (print the SQL and full plans), --timeout=S (fan-out wait, default 180 s), --keep (keep the
 * fan-out's notifications instead of deleting them afterwards), --runs=N (fan-out repetitions, default 1).
 */
import os from "node:os";
import { createDb } from "../apps/api/src/db/db";
import { decodeCursor } from "../apps/api/src/modules/members/members.presenter";
import { type RunResult, printTable, run } from "./lib/cannon";
import { explainMemberLists, type ListCase } from "./lib/explain";
import { type FanoutResult, printFanout, runFanout } from "./lib/fanout";
import { type BenchUnit, loginBodies, smallerUnits, staffSessions } from "./lib/fixtures";

const flag = (name: string): string | undefined => process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1];
const scenario = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? "all";
const duration = Number(flag("duration") ?? process.env.BENCH_DURATION ?? 15);
const connections = Number(flag("connections") ?? process.env.BENCH_CONNECTIONS ?? 20);
const accounts = Number(flag("accounts") ?? process.env.BENCH_LOGIN_ACCOUNTS ?? 2000);
const warmup = Number(flag("warmup") ?? process.env.BENCH_WARMUP ?? 3);
const verbose = process.argv.includes("--verbose");
const baseUrl = (process.env.BENCH_URL ?? "http://127.0.0.1:3000").replace(/\/$/, "");
const databaseUrl = process.env.DATABASE_URL;

if (!["login", "members", "explain", "fanout", "all"].includes(scenario)) {
  console.error(`Unknown scenario "${scenario}": use login, members, explain, fanout or all.`);
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

async function get(path: string, cookie: string): Promise<{ status: number; body: { data?: unknown[]; nextCursor?: string | null } }> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
  return { status: res.status, body: (await res.json()) as { data?: unknown[]; nextCursor?: string | null } };
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

async function main(): Promise<void> {
  const health = await fetch(`${baseUrl}/api/health`).catch(() => null);
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
    if (results.length > 0) printTable(results);
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
