// session.ts uses the request/reply decorations of @fastify/cookie; load them for the type checker.
import type {} from "@fastify/cookie";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { Readable } from "node:stream";
import { Worker } from "node:worker_threads";
import { sql } from "kysely";
import type { Db } from "../../apps/api/src/db/db";
import type { Actor } from "../../apps/api/src/lib/actor";
import { JOBS_SCHEMA } from "../../apps/api/src/lib/jobs";
import { documentScope } from "../../apps/api/src/modules/documents/documents.policy";
import * as listsRepo from "../../apps/api/src/modules/documents/documents-lists.repo";
import type { ListFilters } from "../../apps/api/src/modules/documents/documents-lists.repo";
import type { StaffSession } from "./fixtures";
import { type PlanTime, planRecorder } from "./explain";
import type { MemberSession } from "./news-load";

/** One search or list request of the documents scenarios: what a member types and picks, as query parameters. */
export interface DocumentQuery {
  label: string;
  params: Record<string, string>;
}

/**
 * What members type into the documents search (no diacritics, as on a phone keyboard without
 * Telex), numbers and symbols as they are written on paper, filters, and the plain list (newest first).
 */
export const DOCUMENT_QUERIES: DocumentQuery[] = [
  { label: "nghi quyet", params: { q: "nghi quyet" } },
  { label: "chuyen doi so", params: { q: "chuyen doi so" } },
  { label: "57-nq", params: { q: "57-nq" } },
  { label: "15-NQ/TW", params: { q: "15-NQ/TW" } },
  { label: "ke hoach to chuc dai hoi", params: { q: "ke hoach to chuc dai hoi" } },
  { label: "phong chong tham nhung", params: { q: "phong chong tham nhung" } },
  { label: "bao cao tong ket", params: { q: "bao cao tong ket" } },
  // Words of the files' text only (no number or summary has them): common, then rarer.
  { label: "an sinh xa hoi", params: { q: "an sinh xa hoi" } },
  { label: "ton giao", params: { q: "ton giao" } },
  { label: "chuyen doi so · type=resolution", params: { q: "chuyen doi so", type: "resolution" } },
  { label: "nghi quyet · level=central · year=2025", params: { q: "nghi quyet", level: "central", year: "2025" } },
  { label: "list (newest first)", params: {} },
  { label: "list · type=resolution", params: { type: "resolution" } },
  { label: "list · level=central · year=2025", params: { level: "central", year: "2025" } },
];

export const documentsPath = (params: Record<string, string>) => `/api/documents?${new URLSearchParams({ ...params, limit: "20" })}`;

/** A member's actor as the API loads it (their cell, no grants): documentScope gives their SQL scope. */
const memberActor = (m: MemberSession): Actor => ({ accountId: m.accountId, memberId: null, cell: { id: "", path: m.cellPath }, grants: [] });

/** Someone whose scope is a whole subtree: the unit admin of `unitPath` (documents of every unit below too). */
export interface ScopeCase {
  label: string;
  actor: Actor;
}

/**
 * The unit admins of the city and of the largest district committee that has one (the hardest
 * subtree scopes), as the API would load their actors; no session is opened.
 */
export async function adminCases(db: Db): Promise<ScopeCase[]> {
  const { rows } = await sql<{ grantId: string; accountId: string; unitId: string; path: string; kind: string; name: string }>`
    SELECT g.id AS grant_id, g.account_id, u.id AS unit_id, u.path::text AS path, u.kind, u.name
      FROM role_grants g JOIN org_units u ON u.id = g.unit_id
     WHERE g.role = 'unit_admin' AND g.revoked_at IS NULL AND u.kind IN ('province', 'district')
     ORDER BY (SELECT count(*) FROM members m WHERE m.unit_path <@ u.path) DESC, u.seq`.execute(db);
  const picked = [rows.find((r) => r.kind === "province"), rows.find((r) => r.kind === "district")].filter((r) => r !== undefined);
  return picked.map((r) => ({
    label: `admin of ${r.name}`,
    actor: { accountId: r.accountId, memberId: null, cell: null, grants: [{ id: r.grantId, role: "unit_admin", unitId: r.unitId, path: r.path }] },
  }));
}

const filtersOf = (params: Record<string, string>): ListFilters => ({
  ...(params.type ? { type: params.type as ListFilters["type"] } : {}),
  ...(params.level ? { level: params.level as ListFilters["level"] } : {}),
  ...(params.year ? { year: Number(params.year) } : {}),
});

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the API's own documents queries (documents-lists.repo `search` and
 * `listVisible`, so the SQL cannot drift from the product's) with the scopes documentScope gives:
 * every query for the first 3 members, the list for every member, and each query for the subtree
 * cases (unit admins). Warm cache (each run twice). `verbose` prints the SQL and the plans.
 */
export async function explainDocuments(url: string, members: MemberSession[], admins: ScopeCase[], options: { verbose: boolean }): Promise<PlanTime[]> {
  const { db, explain, times, close } = planRecorder(url, options);
  const run = async (who: string, actor: Actor, queries: DocumentQuery[]) => {
    const scope = documentScope(actor);
    for (const { label, params } of queries) {
      const filters = filtersOf(params);
      const q = params.q;
      await explain(`${who}: ${q ? `search "${label}"` : label}`, () =>
        q
          ? listsRepo.search(db, { accountId: actor.accountId, q, symbolPrefix: listsRepo.symbolPrefix(q), scope, filters, limit: 21, offset: 0 })
          : listsRepo.listVisible(db, { accountId: actor.accountId, scope, filters, limit: 20 }),
      );
    }
  };
  try {
    for (const [i, m] of members.entries()) await run("member", memberActor(m), i < 3 ? DOCUMENT_QUERIES : DOCUMENT_QUERIES.filter((x) => !x.params.q));
    for (const a of admins) await run(a.label, a.actor, DOCUMENT_QUERIES);
  } finally {
    await close();
  }
  return times();
}

// ---- upload ----

/**
 * A valid PDF of about `bytes`, streamed: page 1 carries a line of ASCII text (what the
 * classification gate reads), page 2 a grey-scale image as large as the rest, its pixels drawn from
 * `seed` (every upload different, so none is de-duplicated). Nothing of it is held in memory.
 */
export function largePdf(bytes: number, seed: number): { length: number; stream: () => Readable } {
  const objects: string[] = [];
  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[2] = "<< /Type /Pages /Kids [4 0 R 6 0 R] /Count 2 >>";
  objects[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
  const lines = ["DANG CONG SAN VIET NAM", `Ke hoach so ${seed % 1000}-KH/TU`, "Tai lieu thu tai len tep lon cua bench", `Ban so ${seed}`];
  const text = `BT /F1 12 Tf 72 770 Td 16 TL ${lines.map((l) => `(${l}) Tj T*`).join(" ")} ET`;
  objects[4] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 5 0 R /Resources << /Font << /F1 3 0 R >> >> >>";
  objects[5] = `<< /Length ${text.length} >>\nstream\n${text}\nendstream`;
  objects[6] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 7 0 R /Resources << /XObject << /Im1 8 0 R >> >> >>";
  const draw = "q 595 0 0 842 0 0 cm /Im1 Do Q";
  objects[7] = `<< /Length ${draw.length} >>\nstream\n${draw}\nendstream`;
  const width = 4096;
  const height = Math.max(1, Math.floor((bytes - 2048) / width));
  const pixels = width * height;
  let head = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n";
  const offsets: number[] = [];
  for (let id = 1; id <= 7; id++) {
    offsets[id] = Buffer.byteLength(head, "latin1");
    head += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  offsets[8] = Buffer.byteLength(head, "latin1");
  head += `8 0 obj\n<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${pixels} >>\nstream\n`;
  let tail = "\nendstream\nendobj\n";
  const xref = Buffer.byteLength(head, "latin1") + pixels + Buffer.byteLength(tail, "latin1");
  tail += `xref\n0 9\n0000000000 65535 f \n${offsets.slice(1).map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("")}`;
  tail += `trailer\n<< /Size 9 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  const headBytes = Buffer.from(head, "latin1");
  const tailBytes = Buffer.from(tail, "latin1");
  const chunk = 64 * 1024;
  return {
    length: headBytes.length + pixels + tailBytes.length,
    stream: () =>
      Readable.from(
        (function* () {
          yield headBytes;
          // One block of xorshift32 noise for this seed, each copy numbered: cheap to send, and no
          // two uploads (nor two blocks) alike.
          const noise = Buffer.alloc(chunk);
          let x = (seed * 2654435761) >>> 0 || 1;
          for (let i = 0; i < chunk; i += 4) {
            x ^= x << 13;
            x ^= x >>> 17;
            x ^= x << 5;
            noise.writeUInt32LE(x >>> 0, i);
          }
          for (let sent = 0, n = 0; sent < pixels; sent += chunk, n++) {
            const block = Buffer.from(noise.subarray(0, Math.min(chunk, pixels - sent)));
            if (block.length >= 8) block.writeUInt32LE(n, 0);
            yield block;
          }
          yield tailBytes;
        })(),
      ),
  };
}

/**
 * The process listening on `port` on this machine: the socket's inode from /proc/net/tcp(6), then
 * the process holding it among /proc/<pid>/fd (only processes of this user can be seen). Null when
 * it cannot be found; pass `--server-pid` then.
 */
export function listeningPid(port: number): number | null {
  const inodes = new Set<string>();
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    let text = "";
    try {
      text = fs.readFileSync(file, "utf8");
    } catch {
      continue;
    }
    for (const line of text.split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      // local_address is HEXIP:HEXPORT; state 0A is LISTEN; the inode is column 10.
      if (cols.length > 9 && cols[3] === "0A" && parseInt(cols[1].split(":")[1], 16) === port) inodes.add(cols[9]);
    }
  }
  if (inodes.size === 0) return null;
  for (const pid of fs.readdirSync("/proc").filter((p) => /^\d+$/.test(p))) {
    let fds: string[] = [];
    try {
      fds = fs.readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m && inodes.has(m[1])) return Number(pid);
      } catch {
        // The descriptor closed meanwhile.
      }
    }
  }
  return null;
}

/** VmRSS and VmHWM (peak RSS since the process started) of `pid`, in MB. */
export function memoryOf(pid: number): { rss: number; hwm: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { rss: kb("VmRSS") / 1024, hwm: kb("VmHWM") / 1024 };
}

/**
 * Samples the RSS of `pid` every `everyMs` until stopped: the highest value seen. In a worker
 * thread, so the uploads this process sends meanwhile do not delay the samples.
 */
function sampler(pid: number, everyMs: number) {
  const worker = new Worker(
    `const { parentPort, workerData } = require("node:worker_threads");
     const fs = require("node:fs");
     const read = () => Number(/^VmRSS:\\s+(\\d+) kB/m.exec(fs.readFileSync("/proc/" + workerData.pid + "/status", "utf8"))[1]) / 1024;
     let peak = read(), samples = 1;
     const timer = setInterval(() => { peak = Math.max(peak, read()); samples++; }, workerData.everyMs);
     parentPort.on("message", () => { clearInterval(timer); peak = Math.max(peak, read()); parentPort.postMessage({ peak, samples: samples + 1 }); });`,
    { eval: true, workerData: { pid, everyMs } },
  );
  return {
    stop: () =>
      new Promise<{ peak: number; samples: number }>((resolve, reject) => {
        worker.once("message", (result: { peak: number; samples: number }) => {
          void worker.terminate();
          resolve(result);
        });
        worker.once("error", reject);
        worker.postMessage("stop");
      }),
  };
}

interface Uploaded {
  status: number;
  ms: number;
  id?: string;
  sha256?: string;
  body: string;
}

/** POST /api/documents/uploads with the body streamed (Content-Length set, as a browser sends a file). */
function postUpload(baseUrl: string, staff: StaffSession, name: string, file: { length: number; stream: () => Readable }): Promise<Uploaded> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const url = new URL(`/api/documents/uploads?${new URLSearchParams({ name, notClassified: "true" })}`, baseUrl);
    const req = http.request(url, {
      method: "POST",
      headers: { cookie: staff.cookie, "x-csrf-token": staff.csrfToken, "content-type": "application/pdf", "content-length": String(file.length) },
    });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const body = Buffer.concat(chunks).toString("utf8");
        let data: { id?: string; sha256?: string } = {};
        try {
          data = (JSON.parse(body) as { data?: typeof data }).data ?? {};
        } catch {
          // Not JSON: reported with the status.
        }
        resolve({ status: res.statusCode ?? 0, ms: performance.now() - started, id: data.id, sha256: data.sha256, body });
      });
    });
    req.on("error", reject);
    file.stream().pipe(req);
  });
}

export interface UploadPhase {
  label: string;
  uploads: number;
  sizeMb: number;
  ms: number[];
  wallMs: number;
  baseline: number;
  /** The RSS before the first phase (median of a second's readings), to tell growth from a GC's ups and downs. */
  start: number;
  peak: number;
  samples: number;
  hwmBefore: number;
  hwmAfter: number;
}

/**
 * The upload scenario: a small warm-up upload (loads the PDF reader), then `sequential` uploads of a
 * `sizeMb` PDF one after another, then `concurrent` at once, as `staff`, sampling the server's RSS
 * every `everyMs`. Each phase records the RSS before it and before the first phase (medians of a
 * second's readings) and its peak; load.ts reports growth from the latter. Removes what it
 * made afterwards (uploads, file rows, queued extraction jobs, the stored bytes under `dataDir`)
 * unless `keep`.
 */
export async function runUploads(
  db: Db,
  baseUrl: string,
  staff: StaffSession,
  options: { pid: number; sizeMb: number; sequential: number; concurrent: number; everyMs: number; keep: boolean; dataDir: string },
): Promise<UploadPhase[]> {
  const made: Uploaded[] = [];
  let seed = Math.floor(Date.now() / 1000) % 100_000;
  const check = (u: Uploaded) => {
    made.push(u);
    if (u.status !== 201) throw new Error(`POST /api/documents/uploads: HTTP ${u.status} ${u.body.slice(0, 300)}`);
    return u;
  };
  const bytes = Math.round(options.sizeMb * 1024 * 1024);
  try {
    check(await postUpload(baseUrl, staff, "khoi-dong.pdf", largePdf(256 * 1024, seed++)));
    const phases: UploadPhase[] = [];
    let start = 0;
    const phase = async (label: string, uploads: number, together: boolean) => {
      // The RSS before: the median of 20 readings over a second (a single one may fall in or out of a GC).
      const readings: number[] = [];
      for (let i = 0; i < 20; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        readings.push(memoryOf(options.pid).rss);
      }
      const before = { rss: readings.sort((a, b) => a - b)[10], hwm: memoryOf(options.pid).hwm };
      if (phases.length === 0) start = before.rss;
      const sample = sampler(options.pid, options.everyMs);
      const started = performance.now();
      const send = () => postUpload(baseUrl, staff, `ke-hoach-${seed}.pdf`, largePdf(bytes, seed++)).then(check);
      const results: Uploaded[] = [];
      try {
        if (together) results.push(...(await Promise.all(Array.from({ length: uploads }, send))));
        else for (let i = 0; i < uploads; i++) results.push(await send());
      } finally {
        const { peak, samples } = await sample.stop();
        phases.push({
          label,
          uploads,
          sizeMb: bytes / 1024 / 1024,
          ms: results.map((r) => r.ms),
          wallMs: performance.now() - started,
          baseline: before.rss,
          start,
          peak,
          samples,
          hwmBefore: before.hwm,
          hwmAfter: memoryOf(options.pid).hwm,
        });
      }
    };
    await phase(`${options.sequential} × ${options.sizeMb} MB, one after another`, options.sequential, false);
    await phase(`${options.concurrent} × ${options.sizeMb} MB at once`, options.concurrent, true);
    return phases;
  } finally {
    if (!options.keep) await removeUploads(db, made, options.dataDir);
  }
}

/** Deletes the scenario's uploads, their files (unless a document holds one), queued extraction jobs and stored bytes. */
async function removeUploads(db: Db, made: Uploaded[], dataDir: string): Promise<void> {
  const ids = made.flatMap((u) => (u.id ? [u.id] : []));
  const shas = made.flatMap((u) => (u.sha256 ? [u.sha256] : []));
  if (ids.length === 0) return;
  await sql`DELETE FROM document_uploads WHERE id = ANY(${ids}::uuid[])`.execute(db);
  const { rows } = await sql<{ id: string; sha256: string }>`
    SELECT f.id, f.sha256 FROM files f
     WHERE f.sha256 = ANY(${shas}::text[])
       AND NOT EXISTS (SELECT 1 FROM document_files d WHERE d.file_id = f.id)
       AND NOT EXISTS (SELECT 1 FROM document_uploads u WHERE u.file_id = f.id)`.execute(db);
  const fileIds = rows.map((r) => r.id);
  await sql`DELETE FROM ${sql.raw(JOBS_SCHEMA)}.job WHERE name = 'documents.extract' AND data->>'fileId' = ANY(${fileIds}::text[])`.execute(db);
  await sql`DELETE FROM file_texts WHERE file_id = ANY(${fileIds}::uuid[])`.execute(db);
  await sql`DELETE FROM files WHERE id = ANY(${fileIds}::uuid[])`.execute(db);
  for (const { sha256 } of rows) {
    const dir = path.join(dataDir, "files", sha256.slice(0, 2), sha256.slice(2, 4));
    fs.rmSync(path.join(dir, sha256), { force: true });
    // The folders storage made for them, when nothing else is in them.
    for (const d of [dir, path.dirname(dir)]) {
      try {
        fs.rmdirSync(d);
      } catch {
        break;
      }
    }
  }
}
