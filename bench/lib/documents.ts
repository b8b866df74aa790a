import type pg from "pg";
import { randomPerson } from "@party/shared";
import {
  type DocLevel,
  type DocTopic,
  type DocType,
  type Slots,
  TOPIC_WEIGHTS,
  TYPE_CODE,
  TYPE_WEIGHTS,
  composeAnnex,
  composePages,
  composeSummary,
  pickWeighted,
  shuffled,
} from "./documents-text";
import { RESOLUTIONS, type Resolution } from "./news-text";
import { ARRAY_SEPARATOR, type Column, insertColumns, log, progress, seconds, textArrayColumn } from "./pg";
import { REFERENCE_DATE, Rng } from "./random";

/**
 * Documents for the bench dataset (văn bản – tài liệu): 21,000 documents of every level, from the
 * Central Committee's (published by the city) down to cells' meeting materials, each with 1–3 files
 * (`files` rows with a made-up SHA-256: no bytes are stored), the files' extracted text page by page
 * (`file_texts`, status done) joined into `documents.content_text` as the extraction job does,
 * version 1 of the metadata, and bookmarks and opens by members. Reads the organisation, members and
 * accounts from the database, so `--only=documents` writes the same rows as a full generation; its
 * own seed, units in `seq` order, accounts in id order.
 */

const SEED = 20_260_005;
/** Documents per level: the Central Committee's (republished by the city), the city's own, the 50 committees together, grassroots units, cells. */
const TIER_TOTALS: Record<DocLevel, number> = { central: 720, province: 1_380, district: 8_300, grassroots: 9_000, cell: 1_600 };
const OPEN_TARGET = 100_000;
const BOOKMARK_TARGET = 20_000;
const CELLS_THAT_PUBLISH = 700;
const COMMITTEE_ONLY_SHARE = 0.03;
const WITHDRAWN_SHARE = 0.01;
/** Drafts for feedback: a few open now (until after the reference date), more closed. */
const OPEN_DRAFTS = 30;
const CLOSED_DRAFTS = 150;
/** As the API cuts `content_text` (documents.repo CONTENT_TEXT_MAX). */
const CONTENT_TEXT_MAX = 300_000;
const BATCH = 500;

/** The tables this generator fills (emptied first by `--only=documents`, with the `files` rows of kind document). */
export const DOCUMENT_TABLES = [
  "documents",
  "document_versions",
  "document_files",
  "file_texts",
  "document_uploads",
  "document_bookmarks",
  "document_notes",
  "document_opens",
];

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const LOCAL = 7 * HOUR;
/** Local (UTC+7) midnight of the reference date: nothing is issued after it. */
const END = Date.parse(`${REFERENCE_DATE}T00:00:00+07:00`);
const START = END - 5 * 365 * DAY;
const PUBLISHER_ROLES = ["unit_admin", "secretary", "deputy_secretary", "approver"];

export interface DocumentsSummary {
  documents: Record<string, number>;
  types: Record<string, number>;
  files: Record<string, number>;
  pages: { files: number; avg: number; max: number };
  textBytes: { min: number; avg: number; max: number; totalMb: number };
  numbered: number;
  committeeOnly: number;
  withdrawn: number;
  openDrafts: number;
  closedDrafts: number;
  bookmarks: number;
  opens: number;
  openers: number;
  tableMb: number;
}

interface Unit {
  id: string;
  parent: Unit | null;
  kind: string;
  name: string;
  path: string;
  members: number;
  children: Unit[];
  staff: string[];
  /** Its documents, newest first (filled after planning). */
  docs: Planned[];
}

interface Issuer {
  name: string;
  /** After the type code: "57-NQ/TW", "02-HD/BTGDVTU". */
  suffix: string;
}

interface Planned {
  id: string;
  unit: Unit;
  level: DocLevel;
  type: DocType;
  topic: DocTopic;
  issuer: Issuer;
  /** Issue date as a local day number (days since 1970-01-01, UTC+7). */
  day: number;
  numberSymbol: string | null;
  /** A real central document: fixed number, date and subject. */
  real?: Resolution;
  committeeOnly: boolean;
  withdrawn: boolean;
  draft: "open" | "closed" | null;
}

async function loadUnits(client: pg.Client): Promise<Unit[]> {
  const { rows } = await client.query<{ id: string; parent_id: string | null; kind: string; name: string; path: string }>(
    "SELECT id, parent_id, kind, name, path::text AS path FROM org_units WHERE status = 'active' ORDER BY seq",
  );
  const byId = new Map<string, Unit>();
  const units = rows.map((r) => {
    const unit: Unit = { id: r.id, parent: null, kind: r.kind, name: r.name, path: r.path, members: 0, children: [], staff: [], docs: [] };
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
    "SELECT unit_id, account_id FROM role_grants WHERE revoked_at IS NULL AND role = ANY($1) ORDER BY unit_id, account_id",
    [PUBLISHER_ROLES],
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

/** A chi bộ cơ sở: a cell directly under a district-level committee, itself a grassroots organisation. */
const isBaseCell = (u: Unit) => u.kind === "cell" && u.parent?.kind === "district";

const levelOf = (u: Unit): DocLevel =>
  u.kind === "province" ? "province" : u.kind === "district" ? "district" : u.kind === "cell" && !isBaseCell(u) ? "cell" : "grassroots";

/** The committee's own suffix: /TU (Thành ủy, Thị ủy), /QU, /HU, /ĐU (sector and grassroots committees), /ĐUBP, /CB. */
function suffixOf(u: Unit): string {
  if (u.kind === "province") return "TU";
  if (u.kind === "cell") return "CB";
  if (u.kind === "subcommittee") return "ĐUBP";
  if (u.name.startsWith("Quận ủy")) return "QU";
  if (u.name.startsWith("Huyện ủy")) return "HU";
  if (u.name.startsWith("Thị ủy")) return "TU";
  return "ĐU";
}

/** "Quận ủy Ba Đình" → "quận Ba Đình"; "Đảng ủy phường Kim Mã" → "phường Kim Mã"; a cell keeps its name. */
function locality(u: Unit): string {
  if (u.kind === "province") return "Thủ đô Hà Nội";
  const m = /^(Quận ủy|Huyện ủy|Thị ủy) (.*)$/.exec(u.name);
  if (m) return `${m[1] === "Quận ủy" ? "quận" : m[1] === "Huyện ủy" ? "huyện" : "thị xã"} ${m[2]}`;
  return u.name.replace(/^(Đảng ủy (bộ phận )?|Chi bộ (cơ sở )?)/, "");
}

/** The party organisation as documents name it: "Đảng bộ quận Ba Đình", "Chi bộ tổ dân phố số 4". */
function organisation(u: Unit): string {
  if (u.kind === "province") return "Đảng bộ Thành phố Hà Nội";
  if (u.kind === "cell") return u.name;
  const m = /^(Quận ủy|Huyện ủy|Thị ủy) /.exec(u.name);
  return m ? `Đảng bộ ${locality(u)}` : u.name.replace(/^Đảng ủy /, "Đảng bộ ");
}

/** The organisation printed above the issuer: the party committee one level up (or the city's). */
function above(u: Unit): string {
  if (u.kind === "province") return "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI";
  const parent = u.kind === "district" ? u.parent! : (u.parent ?? u);
  return organisation(parent).toUpperCase();
}

const BCH = "Ban Chấp hành Trung ương";
const BCT = "Bộ Chính trị";
const BBT = "Ban Bí thư";
const TW = (name: string, suffix = "TW"): Issuer => ({ name, suffix });
const CENTRAL_ISSUERS: Record<DocType, [Issuer, number][]> = {
  resolution: [[TW(BCT), 70], [TW(BCH), 30]],
  directive: [[TW(BBT), 60], [TW(BCT), 40]],
  conclusion: [[TW(BCT), 70], [TW(BBT), 30]],
  regulation: [[TW(BCT), 50], [TW(BCH), 20], [TW(BBT), 30]],
  decision: [[TW(BCT), 50], [TW(BBT), 50]],
  guidance: [[TW(BBT), 35], [TW("Ban Tổ chức Trung ương", "BTCTW"), 30], [TW("Ủy ban Kiểm tra Trung ương", "UBKTTW"), 15], [TW("Ban Tuyên giáo và Dân vận Trung ương", "BTGDVTW"), 20]],
  notice: [[TW(BBT), 60], [TW(BCT), 40]],
  plan: [[TW(BBT), 70], [TW(BCT), 30]],
  report: [[TW(BCT), 100]],
  meeting_material: [[TW("Ban Tuyên giáo và Dân vận Trung ương", "BTGDVTW"), 100]],
  other: [[TW("Văn phòng Trung ương Đảng", "VPTW"), 100]],
};

/** Who issues a unit's document of this type: the committee, its standing committee, or one of its departments. */
function localIssuer(rng: Rng, u: Unit, type: DocType, topic: DocTopic): Issuer {
  const suffix = suffixOf(u);
  const committee = { name: u.name, suffix };
  if (u.kind === "cell" || u.kind === "subcommittee") return committee;
  const short = u.kind === "province" ? "Thành ủy" : u.name;
  const standing = { name: `Ban Thường vụ ${short}`, suffix };
  if (u.kind === "grassroots") return ["conclusion", "notice"].includes(type) && rng.chance(0.7) ? standing : committee;
  const dept = (name: string, abbr: string): Issuer => ({ name: `${name} ${short}`, suffix: `${abbr}${suffix}` });
  switch (type) {
    case "conclusion":
    case "notice":
      return rng.chance(0.8) ? standing : committee;
    case "guidance":
      if (topic === "inspection") return dept("Ủy ban Kiểm tra", "UBKT");
      return pickWeighted(rng, [[dept("Ban Tổ chức", "BTC"), 35], [dept("Ban Tuyên giáo và Dân vận", "BTGDV"), 35], [committee, 30]]);
    case "plan":
      return topic === "inspection" ? dept("Ủy ban Kiểm tra", "UBKT") : rng.chance(0.75) ? committee : standing;
    case "meeting_material":
      return dept("Ban Tuyên giáo và Dân vận", "BTGDV");
    case "other":
      return rng.chance(0.6) ? dept("Văn phòng", "VP") : committee;
    default:
      return rng.chance(0.7) ? committee : standing;
  }
}

/** A weekday (mostly) with density rising linearly towards the reference date, as a local day number. */
function issueDay(rng: Rng): number {
  for (;;) {
    const ms = START + (END - START) * Math.sqrt(rng.next());
    const day = Math.floor((ms + LOCAL) / DAY);
    const weekday = new Date(day * DAY).getUTCDay();
    if ((weekday === 0 || weekday === 6) && rng.chance(0.85)) continue;
    if (day * DAY - LOCAL < END) return day;
  }
}

const isoDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const dayOf = (date: string) => {
  const [d, m, y] = date.split("/").map(Number);
  return Math.floor(Date.UTC(y, m - 1, d) / DAY);
};
const TYPE_OF_KIND: Record<string, DocType> = { "Nghị quyết": "resolution", "Chỉ thị": "directive", "Kết luận": "conclusion", "Quy định": "regulation" };

/** A resolution already issued on `day`; the recent and the big ones (57) more often. */
function resolutionAt(rng: Rng, day: number): Resolution {
  const known = RESOLUTIONS.filter((r) => dayOf(r.date) < day);
  if (known.length === 0) return RESOLUTIONS[0];
  const weight = (r: Resolution) => (r.code === "57-NQ/TW" ? 6 : r.year >= 2024 ? 3 : 1);
  return pickWeighted(rng, known.map((r) => [r, weight(r)] as [Resolution, number]));
}

/** Pages of a type's main file: [fewest, most, skew] (higher skew: more short ones). */
const PAGES: Record<DocType, [number, number, number]> = {
  resolution: [3, 16, 2.2],
  directive: [2, 8, 1.5],
  conclusion: [2, 10, 1.8],
  regulation: [4, 30, 3],
  decision: [2, 5, 1.5],
  guidance: [3, 20, 2.5],
  notice: [2, 4, 1.5],
  plan: [3, 12, 2],
  report: [3, 30, 3],
  meeting_material: [3, 20, 2.5],
  other: [2, 5, 1.5],
};

type Format = "pdf" | "docx" | "xlsx" | "pptx";
const CONTENT_TYPES: Record<Format, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pptx: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
};

function mainFormat(rng: Rng, type: DocType): Format {
  if (type === "meeting_material") return pickWeighted<Format>(rng, [["pdf", 60], ["docx", 25], ["pptx", 15]]);
  if (type === "report") return pickWeighted<Format>(rng, [["pdf", 76], ["docx", 20], ["xlsx", 4]]);
  return pickWeighted<Format>(rng, [["pdf", 86], ["docx", 14]]);
}

/** Bytes of a file: scanned PDFs are large, spreadsheets small; always 50 KB–5 MB. */
function fileSize(rng: Rng, format: Format, pages: number): number {
  const clamp = (n: number) => Math.round(Math.min(5_000_000, Math.max(50_000, n)));
  switch (format) {
    case "pdf":
      return clamp(pages * rng.logNormal(rng.chance(0.3) ? 250_000 : 45_000, 0.6));
    case "docx":
      return clamp(25_000 + pages * rng.logNormal(9_000, 0.5));
    case "xlsx":
      return clamp(rng.logNormal(90_000, 0.6));
    case "pptx":
      return clamp(rng.logNormal(1_500_000, 0.6));
  }
}

/** A file name as the uploader's device had it: "57-NQ-TW.pdf", "Tài liệu sinh hoạt chi bộ tháng 10-2025.pdf". */
function baseName(p: Planned, summary: string): string {
  if (p.numberSymbol) return p.numberSymbol.replace(/\//g, "-");
  return summary.replace(/\//g, "-").replace(/[:;,.]+/g, "").slice(0, 80).trim();
}

/**
 * Plans, generates and inserts the documents (the organisation, members, accounts and grants must be
 * in place), in issue order as the product would have stored them; then bookmarks and opens.
 */
export async function insertDocuments(client: pg.Client): Promise<DocumentsSummary> {
  const rng = new Rng(SEED);
  let t = Date.now();
  const units = await loadUnits(client);
  const root = units.find((u) => u.kind === "province");
  if (!root) throw new Error("No org units: generate the dataset first.");
  const committees = units.filter((u) => u.kind === "district");
  const grassroots = units.filter((u) => (u.kind === "grassroots" || u.kind === "subcommittee" || isBaseCell(u)) && u.members > 0);
  const cells = units.filter((u) => u.kind === "cell" && !isBaseCell(u) && u.members > 0);

  // Who issues how much: bigger committees more; most grassroots units (larger ones more likely), some cells.
  const perUnit = new Map<Unit, number>();
  apportion(TIER_TOTALS.district, committees.map((u) => u.members ** 0.8 * rng.logNormal(1, 0.25))).forEach((n, i) => perUnit.set(committees[i], n));
  const publishers = grassroots.filter((u) => rng.chance(Math.min(0.9, 0.3 + u.members / 400)));
  apportion(TIER_TOTALS.grassroots, publishers.map((u) => u.members ** 0.6 * rng.logNormal(1, 0.5))).forEach((n, i) => perUnit.set(publishers[i], n));
  const cellPublishers = shuffled(rng, cells).slice(0, CELLS_THAT_PUBLISH);
  apportion(TIER_TOTALS.cell, cellPublishers.map(() => rng.logNormal(1, 0.6))).forEach((n, i) => perUnit.set(cellPublishers[i], n));

  const planned: Planned[] = [];
  const plan = (unit: Unit, level: DocLevel, type: DocType, issuer: Issuer, topic: DocTopic, day: number, real?: Resolution) => {
    planned.push({
      id: rng.uuid(),
      unit,
      level,
      type,
      topic,
      issuer,
      day,
      numberSymbol: real?.code ?? null,
      real,
      committeeOnly: level !== "central" && level !== "cell" && rng.chance(COMMITTEE_ONLY_SHARE),
      withdrawn: !real && rng.chance(WITHDRAWN_SHARE),
      draft: null,
    });
  };
  // Central documents, published by the city: the real resolutions, directives and regulations the
  // news talks about (their own numbers and dates), and generated ones.
  for (const r of RESOLUTIONS) {
    const by = r.by.startsWith(BCH) ? BCH : r.by;
    plan(root, "central", TYPE_OF_KIND[r.kind] ?? "resolution", TW(by), "resolution", dayOf(r.date), r);
  }
  for (let k = RESOLUTIONS.length; k < TIER_TOTALS.central; k++) {
    const type = pickWeighted(rng, TYPE_WEIGHTS.central);
    plan(root, "central", type, pickWeighted(rng, CENTRAL_ISSUERS[type]), pickWeighted(rng, TOPIC_WEIGHTS[type]), issueDay(rng));
  }
  const local = (unit: Unit, n: number) => {
    const level = levelOf(unit);
    for (let k = 0; k < n; k++) {
      const type = pickWeighted(rng, TYPE_WEIGHTS[level]);
      const topic = pickWeighted(rng, TOPIC_WEIGHTS[type]);
      plan(unit, level, type, localIssuer(rng, unit, type, topic), topic, issueDay(rng));
    }
  };
  local(root, TIER_TOTALS.province);
  for (const [unit, n] of perUnit) local(unit, n);
  planned.sort((a, b) => a.day - b.day || (a.id < b.id ? -1 : 1));

  // Numbers in issue order: per issuer, type code and year ("01-KH/QU" again each January); the
  // Central Committee's run through the term, around the real ones. Meeting materials have none,
  // most "other" neither.
  const reserved = new Set(planned.filter((p) => p.real).map((p) => p.real!.code));
  const counters = new Map<string, number>();
  for (const p of planned) {
    if (p.real) continue;
    if (p.type === "meeting_material" || (p.type === "other" && rng.chance(0.4))) continue;
    const code = TYPE_CODE[p.type];
    const year = new Date(p.day * DAY).getUTCFullYear();
    const key = p.level === "central" ? `TW|${p.issuer.suffix}|${code}` : `${p.unit.id}|${p.issuer.suffix}|${code}|${year}`;
    let n = counters.get(key) ?? 0;
    let symbol: string;
    do {
      n++;
      symbol = `${String(n).padStart(2, "0")}-${code}/${p.issuer.suffix}`;
    } while (p.level === "central" && reserved.has(symbol));
    counters.set(key, n);
    p.numberSymbol = symbol;
  }
  // Drafts for feedback: recent ones open until after the reference date, older ones closed.
  const endDay = Math.floor((END + LOCAL) / DAY);
  const draftable = (p: Planned) => p.level !== "central" && !p.withdrawn && ["report", "plan", "regulation", "resolution", "other"].includes(p.type);
  for (const p of shuffled(rng, planned.filter((x) => draftable(x) && x.day >= endDay - 21)).slice(0, OPEN_DRAFTS)) p.draft = "open";
  for (const p of shuffled(rng, planned.filter((x) => draftable(x) && x.day < endDay - 60)).slice(0, CLOSED_DRAFTS)) p.draft = "closed";
  for (let i = planned.length - 1; i >= 0; i--) planned[i].unit.docs.push(planned[i]);
  log(`  planned ${planned.length.toLocaleString("en")} documents of ${(perUnit.size + 1).toLocaleString("en")} units in ${seconds(Date.now() - t)}`);

  t = Date.now();
  const fileColumns: Column[] = [
    { name: "id", type: "uuid" },
    { name: "sha256", type: "text" },
    { name: "size", type: "bigint" },
    { name: "content_type", type: "text" },
    { name: "kind", type: "text" },
    { name: "created_by", type: "uuid" },
    { name: "created_at", type: "timestamptz" },
  ];
  const textColumns: Column[] = [
    { name: "file_id", type: "uuid" },
    { name: "status", type: "text" },
    { name: "pages", type: "jsonb" },
    { name: "metadata", type: "jsonb" },
    { name: "attempts", type: "int" },
    { name: "extracted_at", type: "timestamptz" },
    { name: "created_at", type: "timestamptz" },
  ];
  const documentColumns: Column[] = [
    { name: "id", type: "uuid" },
    { name: "unit_id", type: "uuid" },
    { name: "unit_path", type: "ltree" },
    { name: "number_symbol", type: "text" },
    { name: "type", type: "text" },
    { name: "issuing_body", type: "text" },
    { name: "issued_on", type: "date" },
    { name: "effective_on", type: "date" },
    { name: "summary", type: "text" },
    { name: "level", type: "text" },
    textArrayColumn("tags"),
    { name: "committee_only", type: "boolean" },
    { name: "feedback_until", type: "timestamptz" },
    { name: "content_text", type: "text" },
    { name: "version", type: "int" },
    { name: "created_by", type: "uuid" },
    { name: "updated_by", type: "uuid" },
    { name: "created_at", type: "timestamptz" },
    { name: "updated_at", type: "timestamptz" },
    { name: "withdrawn_at", type: "timestamptz" },
    { name: "withdrawn_by", type: "uuid" },
    { name: "withdrawn_reason", type: "text" },
  ];
  const linkColumns: Column[] = [
    { name: "document_id", type: "uuid" },
    { name: "position", type: "int" },
    { name: "file_id", type: "uuid" },
    { name: "name", type: "text" },
    { name: "format", type: "text" },
  ];
  const versionColumns: Column[] = [
    { name: "document_id", type: "uuid" },
    { name: "version", type: "int" },
    { name: "metadata", type: "jsonb" },
    { name: "changed_by", type: "uuid" },
    { name: "changed_at", type: "timestamptz" },
  ];
  const iso = (ms: number) => new Date(ms).toISOString();
  const hex = () => {
    let out = "";
    for (let k = 0; k < 8; k++) out += Math.floor(rng.next() * 0x1_0000_0000).toString(16).padStart(8, "0");
    return out;
  };
  const pageChars = () => rng.int(1_500, 3_000);
  const slideChars = () => rng.int(600, 1_500);
  const report = progress("documents");
  let pending: Promise<unknown> = Promise.resolve();
  let waited = 0;
  for (let start = 0; start < planned.length; start += BATCH) {
    const batch = planned.slice(start, start + BATCH);
    const cols = (columns: Column[]) => Object.fromEntries(columns.map((c) => [c.name, [] as unknown[]]));
    const f = cols(fileColumns);
    const x = cols(textColumns);
    const d = cols(documentColumns);
    const l = cols(linkColumns);
    const v = cols(versionColumns);
    const push = (target: Record<string, unknown[]>, row: Record<string, unknown>) => {
      for (const [k, values] of Object.entries(target)) values.push(row[k] ?? null);
    };
    for (const [k, p] of batch.entries()) {
      // Let the socket drain the previous batch's statements while this one is built.
      if (k % 50 === 0) await new Promise((resolve) => setImmediate(resolve));
      const date = new Date(p.day * DAY);
      const year = date.getUTCFullYear();
      const res = p.real ?? resolutionAt(rng, p.day);
      const below = p.unit.children.filter((c) => c.members > 0);
      const places = () => (below.length > 0 && rng.chance(0.6) ? locality(rng.pick(below)) : locality(p.unit));
      const person = randomPerson(rng.next).fullName;
      const slots: Slots = {
        org: p.level === "central" ? "Trung ương" : organisation(p.unit),
        issuer: p.issuer.name,
        members: p.unit.members.toLocaleString("vi-VN"),
        year,
        month: date.getUTCMonth() + 1,
        day: date.getUTCDate(),
        res,
        person,
      };
      const monthly = (p.level === "cell" || p.level === "grassroots") && rng.chance(0.6) ? (p.unit.kind === "cell" ? "cell" : "committee") : null;
      const composed = composeSummary(rng, p.type, p.topic, slots, places, monthly);
      let summary = composed.summary;
      if (p.real) {
        // Its own subject, and tags naming it ("Nghị quyết 57", "Chỉ thị 35").
        const about = p.real.about.startsWith("một số vấn đề") ? p.real.about : `về ${p.real.about}`;
        summary = `${p.real.kind} ${about}`;
        composed.tags = [`${p.real.kind} ${Number(p.real.code.split("-")[0])}`, ...(p.real.code === "57-NQ/TW" ? ["chuyển đổi số"] : [])];
      }
      if (p.draft) summary = `Dự thảo ${summary}`;
      // Stored after being issued: the city's staff take some days over the Central Committee's.
      const created = Math.min(END - 60_000, p.day * DAY - LOCAL + 8 * HOUR + (p.level === "central" ? rng.int(1, 12) * DAY : rng.int(0, 48 * 60) * 60_000) + rng.int(0, 9 * 60) * 60_000);
      const author = p.unit.staff.length > 0 ? rng.pick(p.unit.staff) : null;
      const signs = p.level === "central" ? "T/M BỘ CHÍNH TRỊ" : p.unit.kind === "cell" ? "T/M CHI BỘ\nBÍ THƯ" : "T/M BAN THƯỜNG VỤ\nBÍ THƯ";
      const [fewest, most, skew] = PAGES[p.type];
      const mainPages = fewest + Math.floor((most - fewest + 1) * rng.next() ** skew);
      const nFiles = rng.chance(0.85) ? 1 : rng.chance(0.8) ? 2 : 3;
      const base = baseName(p, summary);
      const files: { id: string; format: Format; name: string; pages: string[] }[] = [];
      for (let i = 0; i < nFiles; i++) {
        const format: Format = i === 0 ? mainFormat(rng, p.type) : pickWeighted<Format>(rng, p.type === "meeting_material" ? [["pptx", 50], ["pdf", 50]] : [["xlsx", 40], ["docx", 30], ["pdf", 30]]);
        const pages =
          i === 0
            ? composePages(
                rng,
                p.topic,
                { above: p.level === "central" ? "BAN CHẤP HÀNH TRUNG ƯƠNG" : above(p.unit), numberSymbol: p.numberSymbol, type: p.type, summary, placeDate: `Hà Nội, ngày ${slots.day} tháng ${slots.month} năm ${year}`, signs },
                slots,
                places,
                format === "pptx" ? mainPages + 4 : mainPages,
                format === "pptx" ? slideChars : pageChars,
              )
            : composeAnnex(rng, format, i, p.topic, slots, places, below.map((c) => c.name), rng.int(1, 4), format === "pptx" ? slideChars : pageChars);
        const name = i === 0 ? `${base}.${format}` : `${base} - Phụ lục ${i}.${format}`;
        files.push({ id: rng.uuid(), format, name, pages });
      }
      const content = files
        .map((file) => file.pages.join("\n\n"))
        .join("\n\n")
        .slice(0, CONTENT_TEXT_MAX);
      const typeHasEffect = ["resolution", "directive", "conclusion", "regulation", "decision"].includes(p.type);
      const effective = typeHasEffect ? (rng.chance(0.8) ? p.day : p.day + rng.int(15, 45)) : null;
      const feedbackUntil =
        p.draft === "open" ? END + rng.int(45, 100) * DAY + 17 * HOUR : p.draft === "closed" ? created + rng.int(10, 30) * DAY : null;
      const withdrawnAt = p.withdrawn ? Math.min(END - 30_000, created + rng.int(1, 60) * DAY) : null;
      const issuedOn = isoDay(p.day);
      const metadata = {
        numberSymbol: p.numberSymbol,
        type: p.type,
        issuingBody: p.issuer.name,
        issuedOn,
        effectiveOn: effective === null ? null : isoDay(effective),
        summary,
        level: p.level,
        tags: [...new Set(composed.tags)],
        committeeOnly: p.committeeOnly,
      };
      push(d, {
        id: p.id,
        unit_id: p.unit.id,
        unit_path: p.unit.path,
        number_symbol: p.numberSymbol,
        type: p.type,
        issuing_body: p.issuer.name,
        issued_on: issuedOn,
        effective_on: metadata.effectiveOn,
        summary,
        level: p.level,
        tags: metadata.tags.join(ARRAY_SEPARATOR),
        committee_only: p.committeeOnly,
        feedback_until: feedbackUntil === null ? null : iso(feedbackUntil),
        content_text: content,
        version: 1,
        created_by: author,
        updated_by: author,
        created_at: iso(created),
        updated_at: iso(withdrawnAt ?? created),
        withdrawn_at: withdrawnAt === null ? null : iso(withdrawnAt),
        withdrawn_by: withdrawnAt === null ? null : author,
        withdrawn_reason:
          withdrawnAt === null ? null : rng.pick(["Văn bản ban hành chưa đúng thể thức, đã thay thế bằng văn bản khác", "Đăng nhầm tệp đính kèm", "Văn bản đã hết hiệu lực thi hành"]),
      });
      const uploaded = created - rng.int(2, 60) * 60_000;
      files.forEach((file, i) => {
        push(f, { id: file.id, sha256: hex(), size: fileSize(rng, file.format, file.pages.length), content_type: CONTENT_TYPES[file.format], kind: "document", created_by: author, created_at: iso(uploaded) });
        const meta =
          file.format === "pdf" && rng.chance(0.5)
            ? { creator: "Writer", producer: "LibreOffice 7.4" }
            : file.format === "docx" && rng.chance(0.5)
              ? { title: summary.slice(0, 120) }
              : {};
        push(x, { file_id: file.id, status: "done", pages: JSON.stringify(file.pages), metadata: JSON.stringify(meta), attempts: 1, extracted_at: iso(uploaded + rng.int(5, 90) * 1_000), created_at: iso(uploaded) });
        push(l, { document_id: p.id, position: i + 1, file_id: file.id, name: file.name, format: file.format });
      });
      push(v, {
        document_id: p.id,
        version: 1,
        metadata: JSON.stringify({ ...metadata, files: files.map((file, i) => ({ position: i + 1, fileId: file.id, name: file.name, format: file.format })) }),
        changed_by: author,
        changed_at: iso(created),
      });
    }
    const before = Date.now();
    await pending;
    waited += Date.now() - before;
    const done = Math.min(start + BATCH, planned.length);
    pending = (async () => {
      await insertColumns(client, "files", fileColumns, f, { batchRows: BATCH * 3 });
      await insertColumns(client, "file_texts", textColumns, x, { batchRows: BATCH * 3 });
      await insertColumns(client, "documents", documentColumns, d, { batchRows: BATCH });
      await insertColumns(client, "document_files", linkColumns, l, { batchRows: BATCH * 3 });
      await insertColumns(client, "document_versions", versionColumns, v, { batchRows: BATCH });
      report(done, planned.length);
    })();
    // Awaited on the next round; this only keeps a failure from counting as unhandled meanwhile.
    pending.catch(() => undefined);
  }
  const before = Date.now();
  await pending;
  waited += Date.now() - before;
  log(`  documents, files, texts and versions: ${seconds(Date.now() - t)} (${seconds(waited)} of it waiting for the server to store them)`);

  t = Date.now();
  const { opens, bookmarks } = await planReaders(client, rng, units);
  await insertColumns(
    client,
    "document_opens",
    [
      { name: "document_id", type: "uuid" },
      { name: "account_id", type: "uuid" },
      { name: "day", type: "date" },
      { name: "first_at", type: "timestamptz" },
      { name: "count", type: "int" },
    ],
    opens,
    { batchRows: 20_000 },
  );
  await insertColumns(
    client,
    "document_bookmarks",
    [
      { name: "account_id", type: "uuid" },
      { name: "document_id", type: "uuid" },
      { name: "created_at", type: "timestamptz" },
    ],
    bookmarks,
    { batchRows: 20_000 },
  );
  log(`  ${opens.document_id.length.toLocaleString("en")} opens, ${bookmarks.document_id.length.toLocaleString("en")} bookmarks: ${seconds(Date.now() - t)}`);
  return summarise(client);
}

/**
 * OPEN_TARGET opens: random active members open recent documents of their own units (their cell
 * and every unit above it), the newest most often, within days of publication, once or a few
 * times that day. BOOKMARK_TARGET bookmarks the same way, resolutions, directives, regulations and
 * guidance more often.
 */
async function planReaders(client: pg.Client, rng: Rng, units: Unit[]) {
  const { rows: accounts } = await client.query<{ id: string; cell_id: string }>(
    "SELECT a.id, m.cell_id FROM accounts a JOIN members m ON m.id = a.member_id WHERE a.status = 'active' ORDER BY a.id",
  );
  const byId = new Map(units.map((u) => [u.id, u]));
  const visible = (p: Planned) => !p.committeeOnly && !p.withdrawn;
  const pools = new Map<string, Planned[]>();
  const poolOf = (cellId: string): Planned[] => {
    let pool = pools.get(cellId);
    if (!pool) {
      pool = [];
      for (let u = byId.get(cellId) ?? null; u; u = u.parent) pool.push(...u.docs.filter(visible).slice(0, u.kind === "province" ? 80 : 30));
      pool.sort((a, b) => b.day - a.day);
      pools.set(cellId, pool);
    }
    return pool;
  };
  const createdAt = (p: Planned) => p.day * DAY - LOCAL + 10 * HOUR;
  const opens = { document_id: [] as string[], account_id: [] as string[], day: [] as string[], first_at: [] as string[], count: [] as number[] };
  const seen = new Set<string>();
  while (opens.document_id.length < OPEN_TARGET) {
    const account = accounts[rng.int(0, accounts.length - 1)];
    const pool = poolOf(account.cell_id);
    const opened = Math.min(15, 1 + Math.floor(-Math.log(1 - rng.next()) * 3));
    for (let k = 0; k < opened && opens.document_id.length < OPEN_TARGET && pool.length > 0; k++) {
      const doc = pool[Math.floor(pool.length * rng.next() ** 2.5)];
      const at = Math.min(createdAt(doc) + 10 * 60_000 + Math.floor(-Math.log(1 - rng.next()) * 2 * DAY), END - 60_000);
      const day = new Date(at + LOCAL).toISOString().slice(0, 10);
      const key = `${doc.id}${account.id}${day}`;
      if (seen.has(key)) continue;
      seen.add(key);
      opens.document_id.push(doc.id);
      opens.account_id.push(account.id);
      opens.day.push(day);
      opens.first_at.push(new Date(at).toISOString());
      opens.count.push(1 + Math.floor(-Math.log(1 - rng.next()) * 0.7));
    }
  }
  const important = new Set<DocType>(["resolution", "directive", "regulation", "conclusion", "guidance"]);
  const bookmarks = { account_id: [] as string[], document_id: [] as string[], created_at: [] as string[] };
  const marked = new Set<string>();
  while (bookmarks.document_id.length < BOOKMARK_TARGET) {
    const account = accounts[rng.int(0, accounts.length - 1)];
    const pool = poolOf(account.cell_id);
    if (pool.length === 0) continue;
    for (let k = 0, n = rng.int(1, 4); k < n && bookmarks.document_id.length < BOOKMARK_TARGET; k++) {
      let doc = pool[Math.floor(pool.length * rng.next() ** 1.5)];
      if (!important.has(doc.type) && rng.chance(0.6)) doc = pool[Math.floor(pool.length * rng.next() ** 1.5)];
      const key = `${account.id}${doc.id}`;
      if (marked.has(key)) continue;
      marked.add(key);
      bookmarks.account_id.push(account.id);
      bookmarks.document_id.push(doc.id);
      bookmarks.created_at.push(new Date(Math.min(createdAt(doc) + Math.floor(-Math.log(1 - rng.next()) * 3 * DAY), END - 60_000)).toISOString());
    }
  }
  return { opens, bookmarks };
}

async function summarise(client: pg.Client): Promise<DocumentsSummary> {
  const one = async <T>(text: string) => (await client.query(text)).rows[0] as T;
  const count = async (text: string) => Object.fromEntries((await client.query<{ k: string; n: number }>(text)).rows.map((r) => [r.k, r.n]));
  const s = await one<{ numbered: number; committee_only: number; withdrawn: number; open: number; closed: number; min: number; avg: number; max: number; total: number }>(
    `SELECT count(number_symbol)::int AS numbered, count(*) FILTER (WHERE committee_only)::int AS committee_only,
            count(withdrawn_at)::int AS withdrawn, count(*) FILTER (WHERE feedback_until > now())::int AS open,
            count(*) FILTER (WHERE feedback_until <= now())::int AS closed,
            min(octet_length(content_text)) AS min, round(avg(octet_length(content_text)))::int AS avg,
            max(octet_length(content_text)) AS max, sum(octet_length(content_text))::float8 AS total
       FROM documents`,
  );
  const pages = await one<{ files: number; avg: string; max: number }>(
    "SELECT count(*)::int AS files, round(avg(jsonb_array_length(pages)), 1) AS avg, max(jsonb_array_length(pages)) AS max FROM file_texts t JOIN files f ON f.id = t.file_id WHERE f.kind = 'document'",
  );
  const readers = await one<{ opens: number; openers: number; bookmarks: number }>(
    "SELECT (SELECT count(*)::int FROM document_opens) AS opens, (SELECT count(DISTINCT account_id)::int FROM document_opens) AS openers, (SELECT count(*)::int FROM document_bookmarks) AS bookmarks",
  );
  const size = await one<{ mb: number }>(
    "SELECT round((pg_total_relation_size('documents') + pg_total_relation_size('file_texts') + pg_total_relation_size('document_versions'))::numeric / 1048576)::int AS mb",
  );
  return {
    documents: await count("SELECT level AS k, count(*)::int AS n FROM documents GROUP BY level ORDER BY array_position(ARRAY['central','province','district','grassroots','cell'], level)"),
    types: await count("SELECT type AS k, count(*)::int AS n FROM documents GROUP BY type ORDER BY n DESC"),
    files: await count("SELECT format AS k, count(*)::int AS n FROM document_files GROUP BY format ORDER BY n DESC"),
    pages: { files: pages.files, avg: Number(pages.avg), max: pages.max },
    textBytes: { min: s.min, avg: s.avg, max: s.max, totalMb: Math.round(s.total / 1_048_576) },
    numbered: s.numbered,
    committeeOnly: s.committee_only,
    withdrawn: s.withdrawn,
    openDrafts: s.open,
    closedDrafts: s.closed,
    bookmarks: readers.bookmarks,
    opens: readers.opens,
    openers: readers.openers,
    tableMb: size.mb,
  };
}

export function printDocumentsSummary(docs: DocumentsSummary): void {
  const total = Object.values(docs.documents).reduce((a, b) => a + b, 0);
  const list = (r: Record<string, number>) => Object.entries(r).map(([k, v]) => `${k} ${v.toLocaleString("en")}`).join(", ");
  log(`  documents: ${total.toLocaleString("en")} (${list(docs.documents)}); ${docs.numbered.toLocaleString("en")} numbered`);
  log(`    types: ${list(docs.types)}`);
  log(`    committee-only ${docs.committeeOnly}, withdrawn ${docs.withdrawn}, drafts open for feedback ${docs.openDrafts} (closed ${docs.closedDrafts})`);
  log(`    files: ${list(docs.files)}; ${docs.pages.avg} pages per file on average (max ${docs.pages.max})`);
  log(`    content_text ${docs.textBytes.min.toLocaleString("en")}–${docs.textBytes.max.toLocaleString("en")} bytes (mean ${docs.textBytes.avg.toLocaleString("en")}; ${docs.textBytes.totalMb} MB in all); documents + file_texts + versions on disk ${docs.tableMb} MB`);
  log(`    opens ${docs.opens.toLocaleString("en")} by ${docs.openers.toLocaleString("en")} accounts; bookmarks ${docs.bookmarks.toLocaleString("en")}`);
}

/** `--only=documents`: the files rows of the documents go with them (no other table refers to document files). */
export async function clearDocumentFiles(client: pg.Client): Promise<void> {
  await client.query("DELETE FROM files WHERE kind = 'document'");
}
