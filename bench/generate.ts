/**
 * Loads the Hanoi-scale bench dataset into DATABASE_URL: one city committee, ~50 directly subordinate
 * committees, ~2,300 grassroots committees, ~19,000 cells, 481,600 members, their accounts and roles.
 * Deterministic: the same data (ids included) on every run.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/sotay_bench npm run generate -w @party/bench [-- --reset]
 *   DATABASE_URL=… npm run generate -w @party/bench -- --only=news
 *
 * --reset empties the database first (DROP SCHEMA public CASCADE); without it the generator refuses
 * to touch a database that already has org units. Later features add their generators to STEPS.
 * --only=news replaces the news (categories, articles, revisions, reads) of an existing dataset and
 * leaves everything else as it is: the same rows a full generation makes.
 */
import { createDb } from "../apps/api/src/db/db";
import { migrateToLatest } from "../apps/api/src/db/migrate";
import { hashPassword } from "../apps/api/src/lib/passwords";
import { type AccountsSummary, BENCH_PASSWORD, insertAccounts } from "./lib/accounts";
import { MEMBER_TARGET, type MemberDataset, insertMembers, planMembers } from "./lib/members";
import { NEWS_TABLES, type NewsSummary, insertNews, printNewsSummary } from "./lib/news";
import { type OrgDataset, insertOrg, planOrg } from "./lib/org";
import { connect, log, seconds, suspendConstraints, suspendIndexes } from "./lib/pg";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is required, e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/sotay_bench");
  process.exit(2);
}
const reset = process.argv.includes("--reset");
const only = process.argv.find((a) => a.startsWith("--only="))?.slice("--only=".length);
if (only !== undefined && only !== "news") {
  console.error(`--only=${only}: only the news part can run alone (--only=news).`);
  process.exit(2);
}
if (only && reset) {
  console.error("--only=news adds news to an existing dataset: it cannot be combined with --reset.");
  process.exit(2);
}

/** What the steps share; each step adds its part. */
interface Dataset {
  org?: OrgDataset;
  members?: MemberDataset;
  accounts?: AccountsSummary;
  news?: NewsSummary;
  passwordHash: string;
}

/**
 * Tables whose indexes and constraints are dropped during the load and rebuilt once at the end
 * (each from its definition in the migrated database): about twice as fast as row-by-row upkeep.
 */
const BULK_TABLES = ["members", "accounts", "account_identifiers", "role_grants", ...NEWS_TABLES];

const STEPS: { name: string; run: (client: Awaited<ReturnType<typeof connect>>, data: Dataset) => Promise<void> }[] = [
  {
    name: "organisation",
    run: async (client, data) => {
      data.org = planOrg();
      await insertOrg(client, data.org);
    },
  },
  {
    name: "members",
    run: async (client, data) => {
      const started = Date.now();
      data.members = planMembers(data.org!, MEMBER_TARGET);
      log(`  generated ${data.members.id.length.toLocaleString("en")} members in memory in ${seconds(Date.now() - started)}`);
      await insertMembers(client, data.members);
    },
  },
  {
    name: "accounts",
    run: async (client, data) => {
      data.accounts = await insertAccounts(client, data.org!, data.members!, data.passwordHash);
    },
  },
  {
    // Reads units, members and accounts back from the database, so that --only=news makes the same rows.
    name: "news",
    run: async (client, data) => {
      data.news = await insertNews(client);
    },
  },
];

async function prepareSchema(): Promise<void> {
  const client = await connect(url!);
  try {
    if (reset) {
      log("--reset: dropping and recreating the public schema");
      await client.query("DROP SCHEMA public CASCADE; CREATE SCHEMA public;");
    }
  } finally {
    await client.end();
  }
  const db = createDb(url!, { max: 1 });
  try {
    const applied = await migrateToLatest(db);
    if (applied.length > 0) log(`Applied migrations: ${applied.join(", ")}`);
  } finally {
    await db.destroy();
  }
}

/** --only=news: empties the news tables of an existing dataset and generates them again. */
async function newsOnly(client: Awaited<ReturnType<typeof connect>>, started: number): Promise<void> {
  const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM accounts WHERE member_id IS NOT NULL");
  if (Number(rows[0].n) === 0) {
    console.error("--only=news needs an existing dataset (org units, members, accounts): run the full generation first.");
    process.exitCode = 2;
    return;
  }
  await client.query("BEGIN");
  try {
    log(`emptying ${NEWS_TABLES.join(", ")} …`);
    await client.query(`TRUNCATE ${NEWS_TABLES.join(", ")}`).catch((error: Error) => {
      throw new Error(`${error.message}: another table refers to the news tables; empty it first (or regenerate everything with --reset).`);
    });
    const restoreIndexes = await suspendIndexes(client, NEWS_TABLES);
    const restoreConstraints = await suspendConstraints(client, NEWS_TABLES);
    let t = Date.now();
    log("news …");
    const news = await insertNews(client);
    log(`news: ${seconds(Date.now() - t)}`);
    t = Date.now();
    log("indexes and constraints …");
    await restoreConstraints();
    await restoreIndexes();
    log(`indexes and constraints: ${seconds(Date.now() - t)}`);
    await client.query("COMMIT");
    t = Date.now();
    await client.query(`ANALYZE ${NEWS_TABLES.join(", ")}`);
    log(`ANALYZE: ${seconds(Date.now() - t)}`);
    log("\nDataset");
    printNewsSummary(news);
    log(`Total: ${seconds(Date.now() - started)}`);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  await prepareSchema();
  if (only === "news") {
    const client = await connect(url!);
    try {
      await newsOnly(client, started);
    } finally {
      await client.end();
    }
    return;
  }
  const client = await connect(url!);
  try {
    const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM org_units");
    if (Number(rows[0].n) > 0) {
      console.error(`The database already has ${rows[0].n} org units. Run with --reset to empty it first (everything in it is dropped).`);
      process.exitCode = 2;
      return;
    }
    const data: Dataset = { passwordHash: await hashPassword(BENCH_PASSWORD) };
    // One transaction: a failed run leaves an empty database, never half a dataset.
    await client.query("BEGIN");
    const restoreIndexes = await suspendIndexes(client, BULK_TABLES);
    const restoreConstraints = await suspendConstraints(client, BULK_TABLES);
    for (const step of STEPS) {
      const t = Date.now();
      log(`${step.name} …`);
      await step.run(client, data);
      log(`${step.name}: ${seconds(Date.now() - t)}`);
    }
    const t = Date.now();
    log("indexes and constraints …");
    await restoreConstraints();
    await restoreIndexes();
    log(`indexes and constraints: ${seconds(Date.now() - t)}`);
    await client.query("COMMIT");
    const a = Date.now();
    await client.query("ANALYZE");
    log(`ANALYZE: ${seconds(Date.now() - a)}`);
    await printSummary(client, data);
    log(`Total: ${seconds(Date.now() - started)}`);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

async function printSummary(client: Awaited<ReturnType<typeof connect>>, data: Dataset): Promise<void> {
  const units = await client.query<{ kind: string; n: number }>("SELECT kind, count(*)::int AS n FROM org_units GROUP BY kind ORDER BY min(nlevel(path)), kind");
  const members = await client.query<{ status: string; n: number }>("SELECT status, count(*)::int AS n FROM members GROUP BY status ORDER BY n DESC");
  const sizes = await client.query<{ min: number; avg: string; p50: number; p90: number; max: number }>(
    `SELECT min(n)::int AS min, round(avg(n), 1) AS avg, percentile_disc(0.5) WITHIN GROUP (ORDER BY n)::int AS p50,
            percentile_disc(0.9) WITHIN GROUP (ORDER BY n)::int AS p90, max(n)::int AS max
       FROM (SELECT count(*) AS n FROM members GROUP BY cell_id) s`,
  );
  const total = members.rows.reduce((s, r) => s + r.n, 0);
  log("\nDataset");
  log(`  org units: ${units.rows.map((r) => `${r.kind} ${r.n.toLocaleString("en")}`).join(", ")}`);
  log(`  members: ${total.toLocaleString("en")} (${members.rows.map((r) => `${r.status} ${((100 * r.n) / total).toFixed(1)}%`).join(", ")})`);
  const s = sizes.rows[0];
  log(`  members per cell: min ${s.min}, avg ${s.avg}, median ${s.p50}, p90 ${s.p90}, max ${s.max}`);
  const acc = data.accounts!;
  log(`  accounts: ${Object.entries(acc.accounts).map(([k, v]) => `${k} ${v.toLocaleString("en")}`).join(", ")}; identifiers ${acc.identifiers.toLocaleString("en")}`);
  log(`  role grants: ${Object.entries(acc.grants).map(([k, v]) => `${k} ${v.toLocaleString("en")}`).join(", ")}`);
  log(`  unit admins (password "${BENCH_PASSWORD}"; staff need TOTP in the browser, the load script makes sessions directly):`);
  for (const st of acc.staff) log(`    ${st.identifier.padEnd(18)} ${st.unitKind.padEnd(10)} ${st.unit}`);
  if (data.news) printNewsSummary(data.news);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
