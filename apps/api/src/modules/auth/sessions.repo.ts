import { type Selectable, sql } from "kysely";
import type { UnitRole } from "@party/shared";
import type { Db } from "../../db/db";
import type { Sessions } from "../../db/schema";

export type SessionRow = Selectable<Sessions>;

export function insertSession(db: Db, values: Omit<SessionRow, "createdAt" | "lastSeenAt" | "revokedAt">) {
  return db.insertInto("sessions").values(values).returningAll().executeTakeFirstOrThrow();
}

/** A live session (not revoked, not expired) of an active account. */
export function findLive(db: Db, id: string) {
  return db
    .selectFrom("sessions as s")
    .innerJoin("accounts as a", "a.id", "s.accountId")
    .selectAll("s")
    .select(["a.totpEnabledAt"])
    .where("s.id", "=", id)
    .where("s.revokedAt", "is", null)
    .where("a.status", "=", "active")
    .where((eb) => eb.and([eb("s.idleExpiresAt", ">", new Date()), eb("s.absoluteExpiresAt", ">", new Date())]))
    .executeTakeFirst();
}

type ActorRow = {
  memberId: string | null;
  cellId: string | null;
  cellPath: string | null;
  grantId: string | null;
  role: UnitRole | null;
  unitId: string | null;
  unitPath: string | null;
};

/**
 * The live session and everything its Actor needs (member, cell, active grants) in one round trip:
 * this runs before every authenticated request. Same rules as findLive and accountsRepo.actorGrants.
 */
export async function findLiveWithActor(db: Db, id: string) {
  const { rows } = await sql<SessionRow & { totpEnabledAt: Date | null } & ActorRow>`
    SELECT s.*, a.totp_enabled_at, a.member_id, m.cell_id, m.unit_path::text AS cell_path,
           g.id AS grant_id, g.role, g.unit_id, u.path::text AS unit_path
      FROM sessions s
      JOIN accounts a ON a.id = s.account_id AND a.status = 'active'
      LEFT JOIN members m ON m.id = a.member_id AND m.status NOT IN ('transferred_out', 'deceased')
      LEFT JOIN role_grants g ON g.account_id = a.id AND g.revoked_at IS NULL
      LEFT JOIN org_units u ON u.id = g.unit_id AND u.status = 'active'
     WHERE s.id = ${id} AND s.revoked_at IS NULL AND s.idle_expires_at > now() AND s.absolute_expires_at > now()`.execute(db);
  const first = rows[0];
  if (!first) return null;
  const { memberId, cellId, cellPath, grantId: _g, role: _r, unitId: _u, unitPath: _p, ...session } = first;
  return {
    session,
    memberId,
    cell: cellId && cellPath ? { id: cellId, path: cellPath } : null,
    grants: rows.flatMap((r) => (r.grantId && r.role && r.unitId && r.unitPath ? [{ id: r.grantId, role: r.role, unitId: r.unitId, path: r.unitPath }] : [])),
  };
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
