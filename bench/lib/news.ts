import type pg from "pg";
import { randomPerson } from "@party/shared";
import { CATEGORIES, type Resolution, RESOLUTIONS, TOPIC_WEIGHTS, type Topic, compose } from "./news-text";
import { ARRAY_SEPARATOR, type Column, insertColumns, log, progress, seconds, textArrayColumn } from "./pg";
import { REFERENCE_DATE, Rng } from "./random";

/**
 * News for the bench dataset: categories (chuyên mục) of the channels, 30,805 published articles with
 * their approved revision, and 200,000 reads. Reads the organisation, members and accounts from the
 * database (so it runs the same inside a full generation and alone with `--only=news`), deterministic
 * like the rest: its own seed, units in `seq` order, accounts in id order.
 */

const SEED = 20_260_004;
/** Published articles in all. */
export const ARTICLE_TARGET = 30_805;
/** Rows of article_reads (account, article, day). */
export const READ_TARGET = 200_000;
/** The tables this generator fills (emptied first by `--only=news`). */
export const NEWS_TABLES = ["news_categories", "articles", "article_revisions", "article_reads"];

/** Articles per level of channel: the city, the 50 committees together, grassroots units, cells. */
const TIER_TOTALS = { province: 2_950, district: 17_900, grassroots: 9_655, cell: 300 } as const;
/** Share of articles that are guidance (thông tin định hướng), per level: about 2 % in all. */
const GUIDANCE_SHARE: Record<string, number> = { province: 0.06, district: 0.02, grassroots: 0.008, cell: 0 };
/** Accepted proposals: written by a unit below the channel. */
const PROPOSAL_SHARE = 0.01;
const CELLS_THAT_PUBLISH = 110;
/** Guidance currently pinned: the city's latest ones and the latest of a few committees. */
const PINNED_CITY = 2;
const PINNED_COMMITTEES = 4;
const BATCH = 1_000;

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Local (Asia/Ho_Chi_Minh, UTC+7) midnight of the reference date: nothing is published after it. */
const END = Date.parse(`${REFERENCE_DATE}T00:00:00+07:00`);
const START = END - 3 * 365 * DAY;
const LOCAL = 7 * HOUR;

export interface NewsSummary {
  categories: number;
  articles: Record<string, number>;
  guidance: number;
  pinned: number;
  proposals: number;
  reads: number;
  readers: number;
  bodyBytes: { min: number; avg: number; max: number };
}

interface Unit {
  id: string;
  parent: Unit | null;
  kind: string;
  name: string;
  path: string;
  /** Current members in its subtree. */
  members: number;
  children: Unit[];
  categories: { id: string; name: string; topics: Topic[] }[];
  staff: string[];
  /** Its published articles, newest first (filled after planning; the reads pick from the first ones). */
  recent: Planned[];
}

interface Planned {
  id: string;
  unit: Unit;
  origin: Unit;
  publishedAt: number;
  guidance: boolean;
  pinnedUntil: number | null;
}

async function loadUnits(client: pg.Client): Promise<Unit[]> {
  const { rows } = await client.query<{ id: string; parent_id: string | null; kind: string; name: string; path: string }>(
    "SELECT id, parent_id, kind, name, path::text AS path FROM org_units WHERE status = 'active' ORDER BY seq",
  );
  const byId = new Map<string, Unit>();
  const units = rows.map((r) => {
    const unit: Unit = { id: r.id, parent: null, kind: r.kind, name: r.name, path: r.path, members: 0, children: [], categories: [], staff: [], recent: [] };
    byId.set(r.id, unit);
    return unit;
  });
  rows.forEach((r, i) => {
    const parent = r.parent_id ? byId.get(r.parent_id) : undefined;
    if (parent) {
      units[i].parent = parent;
      parent.children.push(units[i]);
    }
  });
  const counts = await client.query<{ cell_id: string; n: number }>(
    "SELECT cell_id, count(*)::int AS n FROM members WHERE status IN ('full', 'probationary', 'exempt') GROUP BY cell_id",
  );
  for (const c of counts.rows) {
    for (let u = byId.get(c.cell_id) ?? null; u; u = u.parent) u.members += c.n;
  }
  const staff = await client.query<{ unit_id: string; account_id: string }>(
    "SELECT unit_id, account_id FROM role_grants WHERE revoked_at IS NULL ORDER BY unit_id, account_id",
  );
  for (const s of staff.rows) byId.get(s.unit_id)?.staff.push(s.account_id);
  return units;
}

/** Splits `total` in proportion to `weights` (largest remainder), at least 1 each. */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (w / sum) * total);
  const out = exact.map((x) => Math.max(1, Math.floor(x)));
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k][1]]++;
  for (let i = 0; left < 0; i = (i + 1) % out.length) {
    const largest = out.indexOf(Math.max(...out));
    if (out[largest] > 1) {
      out[largest]--;
      left++;
    }
  }
  return out;
}

/** "Quận ủy Ba Đình" → "quận Ba Đình"; "Đảng ủy phường Kim Mã" → "phường Kim Mã"; a cell with its ward. */
function locality(u: Unit): string {
  if (u.kind === "province") return "Thủ đô Hà Nội";
  const m = /^(Quận ủy|Huyện ủy|Thị ủy) (.*)$/.exec(u.name);
  if (m) return `${m[1] === "Quận ủy" ? "quận" : m[1] === "Huyện ủy" ? "huyện" : "thị xã"} ${m[2]}`;
  if (u.kind === "cell") {
    const own = u.name.replace(/^Chi bộ (cơ sở )?/, "");
    return u.parent && u.parent.kind !== "district" ? `${own}, ${locality(u.parent.kind === "subcommittee" ? (u.parent.parent ?? u.parent) : u.parent)}` : own;
  }
  return u.name.replace(/^Đảng ủy (bộ phận )?/, "");
}

/** The party organisation as articles name it: "Đảng bộ quận Ba Đình", "Đảng bộ phường Kim Mã", "Chi bộ …". */
function organisation(u: Unit): string {
  if (u.kind === "province") return "Đảng bộ Thành phố Hà Nội";
  if (u.kind === "cell") return u.name;
  const m = /^(Quận ủy|Huyện ủy|Thị ủy) /.exec(u.name);
  return m ? `Đảng bộ ${locality(u)}` : u.name.replace(/^Đảng ủy /, "Đảng bộ ");
}

/** Categories of one channel: "Tin hoạt động" and "Xây dựng Đảng" nearly always, then others. */
function planCategories(rng: Rng, unit: Unit, count: number): void {
  const first = CATEGORIES.slice(0, 2);
  const rest = CATEGORIES.slice(2).filter((c) => unit.kind !== "grassroots" || c.name !== "Thông tin định hướng");
  const picked = unit.kind === "province" ? CATEGORIES.slice(0, count) : [...first, ...shuffle(rng, rest).slice(0, count - 2)];
  unit.categories = picked.map((c) => ({ id: rng.uuid(), name: c.name, topics: c.topics }));
}

/** A local working-hours instant on a day drawn with density rising towards the reference date. */
function publicationTime(rng: Rng): number {
  for (;;) {
    const ms = START + (END - START) * Math.sqrt(rng.next());
    const day = Math.floor((ms + LOCAL) / DAY);
    const weekday = new Date(day * DAY).getUTCDay();
    if ((weekday === 0 || weekday === 6) && rng.chance(0.7)) continue;
    const at = day * DAY - LOCAL + 7 * HOUR + rng.int(0, 14 * 3600 - 1) * 1000;
    if (at < END) return at;
  }
}

const pickTopic = (rng: Rng, kind: string): Topic => {
  const options = kind === "cell" ? TOPIC_WEIGHTS.filter(([t]) => ["activity", "building", "example", "hcm", "digital"].includes(t)) : TOPIC_WEIGHTS;
  let roll = rng.next() * options.reduce((s, [, w]) => s + w, 0);
  for (const [topic, w] of options) if ((roll -= w) < 0) return topic;
  return options[0][0];
};

/** A resolution already issued when the article appeared; the recent and the big ones (57) more often. */
const resolutionAt = (rng: Rng, at: number): Resolution => {
  const known = RESOLUTIONS.filter((r) => {
    const [d, m, y] = r.date.split("/").map(Number);
    return Date.UTC(y, m - 1, d) < at;
  });
  const weight = (r: Resolution) => (r.code === "57-NQ/TW" ? 6 : r.year >= 2024 ? 3 : 1);
  let roll = rng.next() * known.reduce((s, r) => s + weight(r), 0);
  for (const r of known) if ((roll -= weight(r)) < 0) return r;
  return known[0];
};

/**
 * Plans, generates and inserts the news (the organisation, members, accounts and grants must be in
 * place). Inserts in publication order, as the product would have written them.
 */
export async function insertNews(client: pg.Client): Promise<NewsSummary> {
  const rng = new Rng(SEED);
  let t = Date.now();
  const units = await loadUnits(client);
  const root = units.find((u) => u.kind === "province");
  if (!root) throw new Error("No org units: generate the dataset first.");
  const committees = units.filter((u) => u.kind === "district");
  const grassroots = units.filter((u) => u.kind === "grassroots");
  const cells = units.filter((u) => u.kind === "cell" && u.members > 0);

  // Who publishes how much: bigger committees more; only some grassroots units (larger ones more
  // likely), a few cells.
  const perUnit = new Map<Unit, number>([[root, TIER_TOTALS.province]]);
  apportion(TIER_TOTALS.district, committees.map((u) => u.members ** 0.8 * rng.logNormal(1, 0.25))).forEach((n, i) => perUnit.set(committees[i], n));
  const publishers = grassroots.filter((u) => rng.chance(Math.min(0.85, 0.12 + (0.55 * u.members) / 500)));
  apportion(TIER_TOTALS.grassroots, publishers.map((u) => u.members ** 0.6 * rng.logNormal(1, 0.5))).forEach((n, i) => perUnit.set(publishers[i], n));
  const cellPublishers = shuffle(rng, cells).slice(0, CELLS_THAT_PUBLISH);
  apportion(TIER_TOTALS.cell, cellPublishers.map(() => rng.logNormal(1, 0.6))).forEach((n, i) => perUnit.set(cellPublishers[i], n));

  // Categories: the city 6, committees 4–6, grassroots units that publish mostly 3–5 (a few that never publish too).
  planCategories(rng, root, 6);
  for (const u of committees) planCategories(rng, u, rng.int(4, 6));
  const publishing = new Set(publishers);
  for (const u of grassroots) if (rng.chance(publishing.has(u) ? 0.8 : 0.05)) planCategories(rng, u, rng.int(3, 5));

  // Every article's channel, author unit and time, then ordered by publication.
  const planned: Planned[] = [];
  for (const [unit, n] of perUnit) {
    for (let k = 0; k < n; k++) {
      const proposal = unit.children.length > 0 && rng.chance(PROPOSAL_SHARE);
      planned.push({
        id: rng.uuid(),
        unit,
        origin: proposal ? rng.pick(unit.children) : unit,
        publishedAt: publicationTime(rng),
        guidance: rng.chance(GUIDANCE_SHARE[unit.kind] ?? 0),
        pinnedUntil: null,
      });
    }
  }
  planned.sort((a, b) => a.publishedAt - b.publishedAt || (a.id < b.id ? -1 : 1));
  for (let i = planned.length - 1; i >= 0; i--) planned[i].unit.recent.push(planned[i]);
  // Guidance of the city and committees was pinned for two weeks; the latest few are pinned for a year.
  for (const p of planned) if (p.guidance && p.unit.kind !== "grassroots") p.pinnedUntil = p.publishedAt + 14 * DAY;
  const latestGuidance = (u: Unit) => u.recent.filter((p) => p.guidance);
  const pinned = [
    ...latestGuidance(root).slice(0, PINNED_CITY),
    ...committees
      .map((u) => latestGuidance(u)[0])
      .filter((p) => p !== undefined)
      .sort((a, b) => b.publishedAt - a.publishedAt)
      .slice(0, PINNED_COMMITTEES),
  ];
  for (const p of pinned) p.pinnedUntil = p.publishedAt + 365 * DAY;
  log(`  planned ${planned.length.toLocaleString("en")} articles in ${perUnit.size.toLocaleString("en")} channels in ${seconds(Date.now() - t)}`);

  t = Date.now();
  const categoryRows = units.flatMap((u) => u.categories.map((c, position) => ({ id: c.id, unit_id: u.id, name: c.name, position })));
  await insertColumns(
    client,
    "news_categories",
    [
      { name: "id", type: "uuid" },
      { name: "unit_id", type: "uuid" },
      { name: "name", type: "text" },
      { name: "position", type: "int" },
      { name: "created_at", type: "timestamptz" },
    ],
    {
      id: categoryRows.map((c) => c.id),
      unit_id: categoryRows.map((c) => c.unit_id),
      name: categoryRows.map((c) => c.name),
      position: categoryRows.map((c) => c.position),
      created_at: categoryRows.map(() => new Date(START - 30 * DAY).toISOString()),
    },
  );
  log(`  ${categoryRows.length.toLocaleString("en")} categories`);

  // Content is generated batch by batch (the bodies of 30,805 articles would be ~0.5 GB of JS strings).
  const articleColumns: Column[] = [
    { name: "id", type: "uuid" },
    { name: "unit_id", type: "uuid" },
    { name: "unit_path", type: "ltree" },
    { name: "origin_unit_id", type: "uuid" },
    { name: "status", type: "text" },
    { name: "title", type: "text" },
    { name: "summary", type: "text" },
    { name: "body_html", type: "text" },
    { name: "body_text", type: "text" },
    { name: "category_id", type: "uuid" },
    textArrayColumn("tags"),
    { name: "source_line", type: "text" },
    { name: "published_revision", type: "int" },
    { name: "published_at", type: "timestamptz" },
    { name: "is_guidance", type: "boolean" },
    { name: "pinned_until", type: "timestamptz" },
    { name: "created_by", type: "uuid" },
    { name: "created_at", type: "timestamptz" },
    { name: "updated_at", type: "timestamptz" },
  ];
  const revisionColumns: Column[] = [
    { name: "article_id", type: "uuid" },
    { name: "number", type: "int" },
    { name: "state", type: "text" },
    { name: "title", type: "text" },
    { name: "summary", type: "text" },
    { name: "body_html", type: "text" },
    { name: "body_text", type: "text" },
    { name: "category_id", type: "uuid" },
    textArrayColumn("tags"),
    { name: "source_line", type: "text" },
    { name: "created_by", type: "uuid" },
    { name: "created_at", type: "timestamptz" },
    { name: "updated_by", type: "uuid" },
    { name: "updated_at", type: "timestamptz" },
    { name: "submitted_by", type: "uuid" },
    { name: "submitted_at", type: "timestamptz" },
    { name: "reviewed_at", type: "timestamptz" },
  ];
  const placesOf = (u: Unit) => () => {
    const roll = rng.next();
    if (roll < 0.45 || u.children.length === 0) return locality(u);
    const child = rng.pick(u.children);
    return roll > 0.8 && child.children.length > 0 ? locality(rng.pick(child.children)) : locality(child);
  };
  const report = progress("articles");
  // The server computes each article's search vector (most of the time): build the next batch
  // while it stores the previous one.
  let pending: Promise<unknown> = Promise.resolve();
  let waited = 0;
  for (let start = 0; start < planned.length; start += BATCH) {
    const batch = planned.slice(start, start + BATCH);
    const a: Record<string, unknown[]> = Object.fromEntries(articleColumns.map((c) => [c.name, []]));
    const r: Record<string, unknown[]> = Object.fromEntries(revisionColumns.map((c) => [c.name, []]));
    for (const [k, p] of batch.entries()) {
      // Let the socket drain the previous batch's statement while this one is built.
      if (k % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
      const topic = p.guidance ? "guidance" : pickTopic(rng, p.unit.kind);
      const local = new Date(p.publishedAt + LOCAL);
      const c = compose(
        rng,
        topic,
        {
          org: organisation(p.unit),
          unit: p.unit.name,
          person: randomPerson(rng.next).fullName,
          members: p.unit.members.toLocaleString("vi-VN"),
          year: local.getUTCFullYear(),
          month: local.getUTCMonth() + 1,
          day: local.getUTCDate(),
          res: resolutionAt(rng, p.publishedAt),
        },
        2_000 + 3_600 * rng.next() ** 2,
        placesOf(p.unit),
      );
      const matching = p.unit.categories.filter((x) => x.topics.includes(topic));
      const category = rng.chance(0.08) ? null : matching.length > 0 ? rng.pick(matching) : rng.chance(0.5) ? (p.unit.categories[0] ?? null) : null;
      const author = p.origin.staff.length > 0 && rng.chance(0.8) ? rng.pick(p.origin.staff) : null;
      const reviewed = p.publishedAt - rng.int(1, 120) * 60_000;
      const submitted = reviewed - rng.int(10, 48 * 60) * 60_000;
      const created = submitted - rng.int(10, 72 * 60) * 60_000;
      const iso = (ms: number) => new Date(ms).toISOString();
      const tags = c.tags.join(ARRAY_SEPARATOR);
      const row: Record<string, unknown> = {
        id: p.id,
        unit_id: p.unit.id,
        unit_path: p.unit.path,
        origin_unit_id: p.origin.id,
        status: "published",
        title: c.title,
        summary: c.summary,
        body_html: c.html,
        body_text: c.text,
        category_id: category?.id ?? null,
        tags,
        source_line: c.source,
        published_revision: 1,
        published_at: iso(p.publishedAt),
        is_guidance: p.guidance,
        pinned_until: p.pinnedUntil === null ? null : iso(p.pinnedUntil),
        created_by: author,
        created_at: iso(created),
        updated_at: iso(p.publishedAt),
      };
      for (const col of articleColumns) a[col.name].push(row[col.name]);
      const rev: Record<string, unknown> = {
        ...row,
        article_id: p.id,
        number: 1,
        state: "approved",
        updated_by: author,
        updated_at: iso(submitted),
        submitted_by: author,
        submitted_at: iso(submitted),
        reviewed_at: iso(reviewed),
      };
      for (const col of revisionColumns) r[col.name].push(rev[col.name]);
    }
    const before = Date.now();
    await pending;
    waited += Date.now() - before;
    const done = Math.min(start + BATCH, planned.length);
    pending = (async () => {
      await insertColumns(client, "articles", articleColumns, a, { batchRows: BATCH });
      await insertColumns(client, "article_revisions", revisionColumns, r, { batchRows: BATCH });
      report(done, planned.length);
    })();
    // Awaited above on the next round; this only keeps a failure from counting as unhandled meanwhile.
    pending.catch(() => undefined);
  }
  const before = Date.now();
  await pending;
  waited += Date.now() - before;
  log(`  articles and revisions: ${seconds(Date.now() - t)} (${seconds(waited)} of it waiting for the server to store them)`);

  t = Date.now();
  const reads = await planReads(client, rng, units);
  await insertColumns(
    client,
    "article_reads",
    [
      { name: "article_id", type: "uuid" },
      { name: "account_id", type: "uuid" },
      { name: "read_on", type: "date" },
      { name: "first_read_at", type: "timestamptz" },
    ],
    reads,
    { batchRows: 20_000 },
  );
  log(`  ${reads.article_id.length.toLocaleString("en")} reads: ${seconds(Date.now() - t)}`);
  return summarise(client);
}

/**
 * READ_TARGET reads: random active members open recent articles of their own channels (their cell
 * and its ancestors), the newest most often, within days of publication.
 */
async function planReads(client: pg.Client, rng: Rng, units: Unit[]): Promise<Record<string, unknown[]>> {
  const { rows: accounts } = await client.query<{ id: string; cell_id: string }>(
    "SELECT a.id, m.cell_id FROM accounts a JOIN members m ON m.id = a.member_id WHERE a.status = 'active' ORDER BY a.id",
  );
  const byId = new Map(units.map((u) => [u.id, u]));
  const pools = new Map<string, Planned[]>();
  const poolOf = (cellId: string): Planned[] => {
    let pool = pools.get(cellId);
    if (!pool) {
      pool = [];
      for (let u = byId.get(cellId) ?? null; u; u = u.parent) pool.push(...u.recent.slice(0, 40));
      pool.sort((x, y) => y.publishedAt - x.publishedAt);
      pools.set(cellId, pool);
    }
    return pool;
  };
  const out = { article_id: [] as string[], account_id: [] as string[], read_on: [] as string[], first_read_at: [] as string[] };
  const seen = new Set<string>();
  while (out.article_id.length < READ_TARGET) {
    const account = accounts[rng.int(0, accounts.length - 1)];
    const pool = poolOf(account.cell_id);
    const opened = Math.min(20, 1 + Math.floor(-Math.log(1 - rng.next()) * 4));
    for (let k = 0; k < opened && out.article_id.length < READ_TARGET && pool.length > 0; k++) {
      const article = pool[Math.floor(pool.length * rng.next() ** 2.5)];
      const key = `${article.id}${account.id}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const at = Math.min(article.publishedAt + 5 * 60_000 + Math.floor(-Math.log(1 - rng.next()) * 1.5 * DAY), Math.max(END - 60_000, article.publishedAt + 60_000));
      out.article_id.push(article.id);
      out.account_id.push(account.id);
      out.read_on.push(new Date(at + LOCAL).toISOString().slice(0, 10));
      out.first_read_at.push(new Date(at).toISOString());
    }
  }
  return out;
}

async function summarise(client: pg.Client): Promise<NewsSummary> {
  const one = async <T>(text: string) => (await client.query(text)).rows[0] as T;
  const byKind = await client.query<{ kind: string; n: number }>(
    "SELECT u.kind, count(*)::int AS n FROM articles a JOIN org_units u ON u.id = a.unit_id GROUP BY u.kind ORDER BY min(nlevel(u.path))",
  );
  const s = await one<{ guidance: number; pinned: number; proposals: number; min: number; avg: number; max: number }>(
    `SELECT count(*) FILTER (WHERE is_guidance)::int AS guidance, count(*) FILTER (WHERE pinned_until > now())::int AS pinned,
            count(*) FILTER (WHERE origin_unit_id <> unit_id)::int AS proposals,
            min(octet_length(body_html)) AS min, round(avg(octet_length(body_html)))::int AS avg, max(octet_length(body_html)) AS max
       FROM articles`,
  );
  const categories = await one<{ n: number }>("SELECT count(*)::int AS n FROM news_categories");
  const reads = await one<{ n: number; readers: number }>("SELECT count(*)::int AS n, count(DISTINCT account_id)::int AS readers FROM article_reads");
  return {
    categories: categories.n,
    articles: Object.fromEntries(byKind.rows.map((r) => [r.kind, r.n])),
    guidance: s.guidance,
    pinned: s.pinned,
    proposals: s.proposals,
    reads: reads.n,
    readers: reads.readers,
    bodyBytes: { min: s.min, avg: s.avg, max: s.max },
  };
}

export function printNewsSummary(news: NewsSummary): void {
  const total = Object.values(news.articles).reduce((a, b) => a + b, 0);
  log(`  news: ${news.categories.toLocaleString("en")} categories; ${total.toLocaleString("en")} published articles (${Object.entries(news.articles).map(([k, v]) => `${k} ${v.toLocaleString("en")}`).join(", ")})`);
  log(`    guidance ${news.guidance}, pinned now ${news.pinned}, accepted proposals ${news.proposals}; body_html ${news.bodyBytes.min}–${news.bodyBytes.max} bytes (mean ${news.bodyBytes.avg})`);
  log(`    reads ${news.reads.toLocaleString("en")} by ${news.readers.toLocaleString("en")} accounts`);
}

function shuffle<T>(rng: Rng, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}
