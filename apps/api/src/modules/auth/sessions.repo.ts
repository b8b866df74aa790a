import { type Selectable, sql } from "kysely";
import type { Db } from "../../db/db";
import { executePrepared } from "../../lib/prepared";
import type { Sessions } from "../../db/schema";
import { type ActorRow, actorColumns, actorFromRows, actorJoins } from "./accounts.repo";

export type SessionRow = Selectable<Sessions>;

export function insertSession(db: Db, values: Omit<SessionRow, "createdAt" | "lastSeenAt" | "revokedAt">) {
  return db.insertInto("sessions").values(values).returningAll().executeTakeFirstOrThrow();
}

/**
 * The live session and everything its Actor needs (member, cell, active grants) in one round trip:
 * this runs before every authenticated request. The actor part is accountsRepo.actorGrants's.
 */
export async function findLiveWithActor(db: Db, id: string) {
  const rows = await executePrepared(db, "session_actor", sql<SessionRow & { totpEnabledAt: Date | null } & ActorRow>`
    SELECT s.*, a.totp_enabled_at, ${actorColumns}
      FROM sessions s
      JOIN accounts a ON a.id = s.account_id AND a.status = 'active'
      ${actorJoins}
     WHERE s.id = ${id} AND s.revoked_at IS NULL AND s.idle_expires_at > now() AND s.absolute_expires_at > now()`);
  if (rows.length === 0) return null;
  const { memberId: _m, cellId: _c, cellPath: _cp, grantId: _g, role: _r, unitId: _u, unitPath: _p, ...session } = rows[0];
  return { session, ...actorFromRows(rows) };
}

export function touch(db: Db, id: string, idleExpiresAt: Date) {
  return db.updateTable("sessions").set({ lastSeenAt: new Date(), idleExpiresAt }).where("id", "=", id).execute();
}

export function update(db: Db, id: string, values: Partial<Pick<SessionRow, "mfa" | "staff" | "idleExpiresAt" | "absoluteExpiresAt">>) {
  return db.updateTable("sessions").set(values).where("id", "=", id).returningAll().executeTakeFirstOrThrow();
}

/** Revokes one session; returns its id when it was live (for ending its streams and devices). */
export async function revoke(db: Db, id: string): Promise<string[]> {
  const rows = await db.updateTable("sessions").set({ revokedAt: new Date() }).where("id", "=", id).where("revokedAt", "is", null).returning("id").execute();
  return rows.map((r) => r.id);
}

/** Revokes every live session of the account except `keepId` (none when null); returns their ids. */
export async function revokeAllOf(db: Db, accountId: string, keepId: string | null): Promise<string[]> {
  const rows = await db
    .updateTable("sessions")
    .set({ revokedAt: new Date() })
    .where("accountId", "=", accountId)
    .where("revokedAt", "is", null)
    .$if(keepId !== null, (qb) => qb.where("id", "<>", keepId!))
    .returning("id")
    .execute();
  return rows.map((r) => r.id);
}
