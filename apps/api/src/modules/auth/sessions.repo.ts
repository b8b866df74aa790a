import type { Selectable } from "kysely";
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
