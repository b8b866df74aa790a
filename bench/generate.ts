/**
 * Loads the Hanoi-scale bench dataset into DATABASE_URL: one city committee, ~50 directly subordinate
 * committees, ~2,300 grassroots committees, ~19,000 cells, 481,600 members, their accounts and roles.
 * Deterministic: the same data (ids included) on every run.
 *
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/sotay_bench npm run generate -w @party/bench [-- --reset]
 *   DATABASE_URL=… npm run generate -w @party/bench -- --only=news
 *   DATABASE_URL=… npm run generate -w @party/bench -- --only=documents
 *
 * --reset empties the database first (DROP SCHEMA public CASCADE); without it the generator refuses
 * to touch a database that already has org units. Later features add their generators to STEPS.
 * --only=news replaces the news (categories, articles, revisions, reads) of an existing dataset and
 * leaves everything else as it is: the same rows a full generation makes. --only=documents does the
 * same for the documents (their files, texts, versions, bookmarks and opens).
 */
import { createDb } from "../apps/api/src/db/db";
import { migrateToLatest } from "../apps/api/src/db/migrate";
import { hashPassword } from "../apps/api/src/lib/passwords";
import { type AccountsSummary, BENCH_PASSWORD, insertAccounts } from "./lib/accounts";
import { DOCUMENT_TABLES, type DocumentsSummary, clearDocumentFiles, insertDocuments, printDocumentsSummary } from "./lib/documents";
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

type Client = Awaited<ReturnType<typeof connect>>;

/**
 * A part that can be generated again alone on an existing dataset (`--only=<name>`): the tables it
 * fills (emptied first), what else to clear once they are empty, the generator and its summary.
 */
interface Part<T> {
  tables: string[];
  /** Also empty the tables that refer to these (a later feature's rows about them, e.g. feedback on documents). */
  dependents?: boolean;
  clear?: (client: Client) => Promise<void>;
  /** Shared tables it also writes to (analysed afterwards with its own). */
  shared?: string[];
  insert: (client: Client) => Promise<T>;
  print: (summary: T) => void;
}
const part = <T>(p: Part<T>) => p as Part<unknown>;
const PARTS: Record<string, Part<unknown>> = {
  news: part({ tables: NEWS_TABLES, insert: insertNews, print: printNewsSummary }),
  documents: part({ tables: DOCUMENT_TABLES, dependents: true, clear: clearDocumentFiles, shared: ["files"], insert: insertDocuments, print: printDocumentsSummary }),
};
if (only !== undefined && !(only in PARTS)) {
  console.error(`--only=${only}: only these parts can run alone: ${Object.keys(PARTS).map((p) => `--only=${p}`).join(", ")}.`);
  process.exit(2);
}
if (only && reset) {
  console.error(`--only=${only} adds to an existing dataset: it cannot be combined with --reset.`);
  process.exit(2);
}

/** What the steps share; each step adds its part. */
interface Dataset {
  org?: OrgDataset;
  members?: MemberDataset;
  accounts?: AccountsSummary;
  news?: NewsSummary;
  documents?: DocumentsSummary;
  passwordHash: string;
}

/**
 * Tables whose indexes and constraints are dropped during the load and rebuilt once at the end
 * (each from its definition in the migrated database): about twice as fast as row-by-row upkeep.
 */
const BULK_TABLES = ["members", "accounts", "account_identifiers", "role_grants", ...NEWS_TABLES, ...DOCUMENT_TABLES];

const STEPS: { name: string; run: (client: Client, data: Dataset) => Promise<void> }[] = [
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
  {
    // The same: documents read units, members, accounts and grants back from the database.
    name: "documents",
    run: async (client, data) => {
      data.documents = await insertDocuments(client);
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

/** --only=<part>: empties the part's tables of an existing dataset and generates them again. */
async function onlyPart(client: Client, name: string, started: number): Promise<void> {
  const { tables, dependents, clear, shared = [], insert, print } = PARTS[name];
  const { rows } = await client.query<{ n: string }>("SELECT count(*) AS n FROM accounts WHERE member_id IS NOT NULL");
  if (Number(rows[0].n) === 0) {
    console.error(`--only=${name} needs an existing dataset (org units, members, accounts): run the full generation first.`);
    process.exitCode = 2;
    return;
  }
  await client.query("BEGIN");
  try {
    const emptied = dependents ? await withDependents(client, tables) : tables;
    log(`emptying ${emptied.join(", ")} …`);
    await client.query(`TRUNCATE ${emptied.join(", ")}`).catch((error: Error) => {
      throw new Error(`${error.message}: another table refers to the ${name} tables; empty it first (or regenerate everything with --reset).`);
    });
    await clear?.(client);
    const restoreIndexes = await suspendIndexes(client, tables);
    const restoreConstraints = await suspendConstraints(client, tables);
    let t = Date.now();
    log(`${name} …`);
    const summary = await insert(client);
    log(`${name}: ${seconds(Date.now() - t)}`);
    t = Date.now();
    log("indexes and constraints …");
    await restoreConstraints();
    await restoreIndexes();
    log(`indexes and constraints: ${seconds(Date.now() - t)}`);
    await client.query("COMMIT");
    t = Date.now();
    await client.query(`ANALYZE ${[...emptied, ...shared].join(", ")}`);
    log(`ANALYZE: ${seconds(Date.now() - t)}`);
    log("\nDataset");
    print(summary);
    log(`Total: ${seconds(Date.now() - started)}`);
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}

/** `tables` and every table that refers to one of them through a foreign key, directly or not. */
async function withDependents(client: Client, tables: string[]): Promise<string[]> {
  const all = [...tables];
  for (;;) {
    const { rows } = await client.query<{ name: string }>(
      `SELECT DISTINCT c.conrelid::regclass::text AS name FROM pg_constraint c
        WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
          AND c.confrelid::regclass::text = ANY($1) AND NOT (c.conrelid::regclass::text = ANY($1))
        ORDER BY 1`,
      [all],
    );
    if (rows.length === 0) return all;
    all.push(...rows.map((r) => r.name));
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  await prepareSchema();
  if (only) {
    const client = await connect(url!);
    try {
      await onlyPart(client, only, started);
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

async function printSummary(client: Client, data: Dataset): Promise<void> {
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
  if (data.documents) printDocumentsSummary(data.documents);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
