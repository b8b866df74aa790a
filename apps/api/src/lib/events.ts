import { sql } from "kysely";
import type { Db } from "../db/db";
import type { Ctx } from "./context";

export interface DomainEvent {
  /** `<module>.<pastTenseVerb>`, e.g. `auth.logged_in`, `grants.granted`. */
  name: `${string}.${string}`;
  result?: "success" | "failure" | "denied";
  /** Who acted; defaults to the context's actor. Null for anonymous attempts. */
  actorId?: string | null;
  /** The unit the event belongs to; its path is copied so audit lists scope by subtree. */
  unitId: string | null;
  subjectType?: string;
  subjectId?: string | null;
  /** Never a password, token, code or full ID number. */
  data?: Record<string, unknown>;
}

/** Appends one event to `events` (the audit trail and statistics source) in the caller's transaction. */
export async function recordEvent(ctx: Ctx, event: DomainEvent): Promise<void> {
  await insertEvent(ctx.db, { ...event, actorId: event.actorId === undefined ? (ctx.actor?.accountId ?? null) : event.actorId }, ctx.meta);
}

/** Same as recordEvent, for callers outside a command (failed logins, denied access). */
export async function insertEvent(
  db: Db,
  event: DomainEvent,
  meta: { ip: string | null; requestId: string | null },
): Promise<void> {
  await db
    .insertInto("events")
    .values({
      name: event.name,
      result: event.result ?? "success",
      actorId: event.actorId ?? null,
      unitId: event.unitId,
      unitPath: event.unitId ? sql<string>`(SELECT path FROM org_units WHERE id = ${event.unitId})` : null,
      subjectType: event.subjectType ?? null,
      subjectId: event.subjectId ?? null,
      ip: meta.ip,
      requestId: meta.requestId,
      data: JSON.stringify(event.data ?? {}),
    })
    .execute();
}
