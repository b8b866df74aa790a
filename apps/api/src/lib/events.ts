import { sql } from "kysely";
import type { Db } from "../db/db";
import { hasEventHandlers } from "../event-handlers";
import type { Ctx } from "./context";

/** The queue whose job runs every handler of one event (see event-handlers.ts). */
export const DISPATCH_QUEUE = "events.dispatch";

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

/**
 * Appends one event to `events` (the audit trail and statistics source) in the caller's transaction
 * and, when some module reacts to it (event-handlers.ts), enqueues `events.dispatch` in the same
 * transaction: a rolled-back command leaves neither. Returns the event id.
 */
export async function recordEvent(ctx: Ctx, event: DomainEvent): Promise<string> {
  const id = await insertEvent(ctx.db, { ...event, actorId: event.actorId === undefined ? (ctx.actor?.accountId ?? null) : event.actorId }, ctx.meta);
  if (hasEventHandlers(event.name)) await ctx.jobs.send(DISPATCH_QUEUE, { eventId: id, name: event.name }, { db: ctx.db });
  return id;
}

/** Same as recordEvent without dispatch, for callers outside a command (failed logins, denied access). Returns the event id. */
export async function insertEvent(
  db: Db,
  event: DomainEvent,
  meta: { ip: string | null; requestId: string | null },
): Promise<string> {
  const { id } = await db
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
    .returning("id")
    .executeTakeFirstOrThrow();
  return id;
}
