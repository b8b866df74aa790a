import { sql } from "kysely";
import type { Db } from "../../db/db";

export interface GrantRow {
  id: string;
  role: string;
  unitId: string;
  unitName: string;
  unitKind: string;
  unitPath: string;
  accountId: string;
  displayName: string;
  grantedAt: Date;
}

const base = (db: Db) =>
  db
    .selectFrom("roleGrants as g")
    .innerJoin("orgUnits as u", "u.id", "g.unitId")
    .innerJoin("accounts as a", "a.id", "g.accountId")
    .select([
      "g.id",
      "g.role",
      "g.unitId",
      "u.name as unitName",
      "u.kind as unitKind",
      sql<string>`u.path::text`.as("unitPath"),
      "g.accountId",
      "a.displayName",
      "g.grantedAt",
    ])
    .where("g.revokedAt", "is", null);

export function findActive(db: Db, id: string, options: { forUpdate?: boolean } = {}): Promise<GrantRow | undefined> {
  return base(db)
    .where("g.id", "=", id)
    .$if(options.forUpdate === true, (qb) => qb.forUpdate("g"))
    .executeTakeFirst();
}

/** Active grants on units inside the subtree at `path`, top units first. */
export function listInSubtree(db: Db, path: string): Promise<GrantRow[]> {
  return base(db)
    .where(sql<boolean>`u.path <@ ${path}::ltree`)
    .orderBy("u.path")
    .orderBy("g.role")
    .orderBy("a.displayName")
    .limit(1000)
    .execute();
}

export function findSame(db: Db, accountId: string, unitId: string, role: string) {
  return db
    .selectFrom("roleGrants")
    .select("id")
    .where("accountId", "=", accountId)
    .where("unitId", "=", unitId)
    .where("role", "=", role)
    .where("revokedAt", "is", null)
    .executeTakeFirst();
}

export function insertGrant(db: Db, values: { accountId: string; unitId: string; role: string; grantedBy: string }) {
  return db.insertInto("roleGrants").values(values).returning("id").executeTakeFirstOrThrow();
}

export function markRevoked(db: Db, id: string, revokedBy: string) {
  return db.updateTable("roleGrants").set({ revokedAt: new Date(), revokedBy }).where("id", "=", id).execute();
}
