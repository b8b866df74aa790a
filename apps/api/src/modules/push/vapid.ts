import { sql } from "kysely";
import webpush from "web-push";
import type { Db } from "../../db/db";
import type { Env } from "../../env";

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
