import { createECDH, randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "kysely";
import type { Db } from "../../apps/api/src/db/db";
import type { StaffSession } from "./fixtures";

export interface FanoutResult {
  unit: string;
  recipients: number;
  acceptedMs: number;
  firstMs: number | null;
  allMs: number | null;
  /** Devices given a push subscription for the run, and when the last push reached the local push service. */
  devices: number;
  pushedMs: number | null;
}

/**
 * A push service on 127.0.0.1 that takes every message (201) and counts it, standing in for FCM:
 * the worker encrypts, signs and posts each push for real. Start the worker with
 * PUSH_SERVICE_HOSTS=127.0.0.1 (the subscriptions are written straight into the table here).
 */
async function startPushSink() {
  let received = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      received++;
      res.writeHead(201).end();
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received: () => received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Gives `n` random active accounts of the subtree one device each at the sink; returns how many got one. */
async function addDevices(db: Db, path: string, n: number, sinkUrl: string): Promise<number> {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const { rows } = await sql<{ n: number }>`
    WITH picked AS (
      SELECT a.id FROM accounts a JOIN members m ON m.id = a.member_id
       WHERE a.status = 'active' AND m.unit_path <@ ${path}::ltree
       ORDER BY md5(a.id::text) LIMIT ${n})
    , added AS (
      INSERT INTO push_subscriptions (account_id, endpoint, p256dh, auth, user_agent)
      SELECT id, ${sinkUrl} || '/push/' || id, ${ecdh.getPublicKey().toString("base64url")}, ${randomBytes(16).toString("base64url")}, 'bench'
        FROM picked
      RETURNING 1)
    SELECT count(*)::int AS n FROM added`.execute(db);
  return rows[0].n;
}

const count = async (db: Db, dedupeKey: string): Promise<number> => {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM notifications WHERE dedupe_key = ${dedupeKey}`.execute(db);
  return rows[0].n;
};

/**
 * A city-wide announcement through the real path: POST /api/units/:id/announcements as the unit's
 * admin (202), then the worker's events.dispatch → notifications.fanout → fanout_batch jobs.
 * Polls the notifications table until every active account of the subtree has its row (or the
 * timeout passes), then deletes this run's rows so the database stays the same size.
 */
export async function runFanout(
  db: Db,
  baseUrl: string,
  admin: StaffSession,
  options: { timeoutSeconds: number; keep: boolean; devices: number },
): Promise<FanoutResult> {
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM accounts a JOIN members m ON m.id = a.member_id
     WHERE a.status = 'active' AND m.unit_path <@ ${admin.unit.path}::ltree`.execute(db);
  const recipients = rows[0].n;
  console.log(`fanout: announcement to ${admin.unit.name} (${recipients.toLocaleString("en")} active accounts)`);
  const sink = options.devices > 0 ? await startPushSink() : null;
  await sql`DELETE FROM push_subscriptions WHERE user_agent = 'bench'`.execute(db);
  const devices = sink ? await addDevices(db, admin.unit.path, options.devices, sink.url) : 0;
  if (sink) console.log(`  ${devices.toLocaleString("en")} of them have a device at the local push service ${sink.url}`);

  const started = performance.now();
  const res = await fetch(`${baseUrl}/api/units/${admin.unit.id}/announcements`, {
    method: "POST",
    headers: { cookie: admin.cookie, "x-csrf-token": admin.csrfToken, "content-type": "application/json" },
    body: JSON.stringify({ title: "Bench: thông báo toàn thành phố", body: `Gửi lúc ${new Date().toISOString()}` }),
  });
  const acceptedMs = performance.now() - started;
  if (res.status !== 202) throw new Error(`POST announcements: HTTP ${res.status} ${await res.text()}`);
  const { data } = (await res.json()) as { data: { id: string } };
  const dedupeKey = `event:${data.id}`;

  let firstMs: number | null = null;
  let allMs: number | null = null;
  let last = 0;
  let lastPrinted = 0;
  while (performance.now() - started < options.timeoutSeconds * 1000) {
    const n = await count(db, dedupeKey);
    const now = performance.now() - started;
    if (n > 0 && firstMs === null) firstMs = now;
    if (n !== last && now - lastPrinted > 2_000) {
      console.log(`  ${(now / 1000).toFixed(1)} s: ${n.toLocaleString("en")} / ${recipients.toLocaleString("en")}`);
      lastPrinted = now;
    }
    last = n;
    if (n >= recipients) {
      allMs = now;
      break;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  console.log(`  ${((performance.now() - started) / 1000).toFixed(1)} s: ${last.toLocaleString("en")} / ${recipients.toLocaleString("en")} ${allMs ? "— done" : "— TIMED OUT"}`);
  let pushedMs: number | null = null;
  if (sink) {
    lastPrinted = 0;
    while (performance.now() - started < options.timeoutSeconds * 1000) {
      const now = performance.now() - started;
      if (sink.received() >= devices) {
        pushedMs = now;
        break;
      }
      if (now - lastPrinted > 2_000) {
        console.log(`  ${(now / 1000).toFixed(1)} s: ${sink.received().toLocaleString("en")} / ${devices.toLocaleString("en")} pushes`);
        lastPrinted = now;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    console.log(`  ${((performance.now() - started) / 1000).toFixed(1)} s: ${sink.received().toLocaleString("en")} / ${devices.toLocaleString("en")} pushes ${pushedMs ? "— done" : "— TIMED OUT"}`);
    await sink.close();
    await sql`DELETE FROM push_subscriptions WHERE user_agent = 'bench'`.execute(db);
  }
  if (!options.keep) {
    // Let the remaining jobs finish writing nothing new before cleaning up.
    await sql`DELETE FROM notifications WHERE dedupe_key = ${dedupeKey}`.execute(db);
  }
  return { unit: admin.unit.name, recipients, acceptedMs, firstMs, allMs, devices, pushedMs };
}

export function printFanout(results: FanoutResult[]): void {
  const s = (ms: number | null) => (ms === null ? "—" : (ms / 1000).toFixed(1));
  console.log("\n| fan-out | recipients | 202 after ms | first row after s | all rows after s | rows/s | devices | all pushed after s |\n|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const r of results) {
    const rate = r.allMs ? Math.round(r.recipients / (r.allMs / 1000)).toLocaleString("en") : "—";
    console.log(
      `| ${r.unit} | ${r.recipients.toLocaleString("en")} | ${r.acceptedMs.toFixed(0)} | ${s(r.firstMs)} | ${s(r.allMs)} | ${rate} | ${r.devices.toLocaleString("en")} | ${s(r.pushedMs)} |`,
    );
  }
}
