import { createHash } from "node:crypto";
import { sql } from "kysely";
import webpush from "web-push";
import type { PushPayload } from "@party/shared/schemas/push";
import type { Db } from "../db/db";
import type { Env } from "../env";

/**
 * Web Push delivery (RFC 8030/8291/8292) for the notifications module: the server's VAPID keys, one
 * encrypted message to one device, and which push services the server may post to.
 */

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

const SETTING = "vapid";

/**
 * The server's VAPID key pair: from the settings when given, else the pair kept in the database,
 * generated the first time it is asked for (main.ts asks at start). Concurrent first starts agree
 * on one pair: the insert that loses does nothing and both read the winner.
 */
export async function vapidKeys(db: Db, env: Env): Promise<VapidKeys> {
  if (env.VAPID_PUBLIC_KEY && env.VAPID_PRIVATE_KEY) {
    return { publicKey: env.VAPID_PUBLIC_KEY, privateKey: env.VAPID_PRIVATE_KEY, subject: env.VAPID_SUBJECT };
  }
  const stored = await readStored(db);
  if (stored) return { ...stored, subject: env.VAPID_SUBJECT };
  const generated = webpush.generateVAPIDKeys();
  await sql`INSERT INTO app_settings (key, value) VALUES (${SETTING}, ${JSON.stringify(generated)}::jsonb) ON CONFLICT (key) DO NOTHING`.execute(db);
  const kept = await readStored(db);
  if (!kept) throw new Error("VAPID keys could not be stored");
  return { ...kept, subject: env.VAPID_SUBJECT };
}

async function readStored(db: Db): Promise<{ publicKey: string; privateKey: string } | null> {
  const row = await db.selectFrom("appSettings").select("value").where("key", "=", SETTING).executeTakeFirst();
  const value = row?.value as { publicKey?: unknown; privateKey?: unknown } | undefined;
  return typeof value?.publicKey === "string" && typeof value.privateKey === "string" ? { publicKey: value.publicKey, privateKey: value.privateKey } : null;
}


export type DeliveryOutcome = "delivered" | "gone" | "failed";

/** How long a push service keeps a message for a device that is offline (a day: news is stale after that). */
const TTL_SECONDS = 24 * 60 * 60;
const TIMEOUT_MS = 10_000;

/** A signed VAPID JWT is valid for 12 hours; it is reused for an hour less than that, per push service. */
const VAPID_LIFETIME_S = 12 * 60 * 60;
const vapidCache = new Map<string, { authorization: string; renewAt: number }>();

/**
 * The VAPID Authorization header for a push service's origin. Signing it (ES256) costs about three
 * times the message's own encryption, so one signature serves every message to that service for
 * 11 hours instead of being made again for each device.
 */
function vapidAuthorization(endpoint: string, vapid: VapidKeys): string {
  const audience = new URL(endpoint).origin;
  const key = `${audience} ${vapid.publicKey} ${vapid.subject}`;
  const now = Math.floor(Date.now() / 1000);
  const cached = vapidCache.get(key);
  if (cached && cached.renewAt > now) return cached.authorization;
  const { Authorization } = webpush.getVapidHeaders(audience, vapid.subject, vapid.publicKey, vapid.privateKey, "aes128gcm", now + VAPID_LIFETIME_S);
  vapidCache.set(key, { authorization: Authorization, renewAt: now + VAPID_LIFETIME_S - 3600 });
  return Authorization;
}

/** Push services accept a topic of up to 32 base64url characters; a retried message with the same one replaces the first. */
const topicOf = (id: string) => createHash("sha256").update(id).digest("base64url").slice(0, 32);

/**
 * Sends one encrypted message to one device. web-push encrypts (RFC 8291) and signs (VAPID,
 * RFC 8292); the request goes out through fetch, with a timeout, so any push service reachable over
 * HTTP(S) works. 404 and 410 mean the device unsubscribed: the caller removes it.
 */
export async function sendPush(
  subscription: { endpoint: string; p256dh: string; auth: string },
  payload: PushPayload,
  vapid: VapidKeys,
): Promise<{ outcome: DeliveryOutcome; status: number | null }> {
  const details = webpush.generateRequestDetails(
    { endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } },
    JSON.stringify(payload),
    // No vapidDetails (and none set globally): the cached VAPID header goes as is.
    { headers: { Authorization: vapidAuthorization(subscription.endpoint, vapid) }, TTL: TTL_SECONDS, urgency: "normal", topic: topicOf(payload.id) },
  );
  const headers = Object.fromEntries(Object.entries(details.headers).map(([k, v]) => [k, String(v)]));
  delete headers["Content-Length"]; // fetch sets it from the body
  try {
    const response = await fetch(details.endpoint, {
      method: "POST",
      headers,
      body: details.body ? new Uint8Array(details.body as Buffer) : undefined,
      signal: AbortSignal.timeout(TIMEOUT_MS),
      redirect: "error",
    });
    await response.arrayBuffer().catch(() => undefined);
    if (response.ok) return { outcome: "delivered", status: response.status };
    if (response.status === 404 || response.status === 410) return { outcome: "gone", status: response.status };
    return { outcome: "failed", status: response.status };
  } catch {
    return { outcome: "failed", status: null };
  }
}

/** Whether the server may post to this endpoint: a listed push service over HTTPS, or a listed loopback host. */
export function isAllowedPushEndpoint(endpoint: string, hosts: readonly string[]): boolean {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return false;
  }
  const host = url.hostname.toLowerCase();
  const listed = hosts.some((h) => (h.startsWith("*.") ? host.endsWith(h.slice(1)) : host === h));
  if (!listed) return false;
  if (url.protocol === "https:") return true;
  const loopback = host === "localhost" || host === "127.0.0.1" || host === "[::1]";
  return url.protocol === "http:" && loopback;
}
