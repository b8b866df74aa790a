import { type Selectable, sql } from "kysely";
import type { UnitRole } from "@party/shared";
import type { Db } from "../../db/db";
import type { Accounts } from "../../db/schema";
import type { IdentifierCandidate } from "../../lib/identifiers";

export type AccountRow = Selectable<Accounts>;

/** Accounts matching any of the candidates; more than one distinct account means the identifier is ambiguous. */
export async function findByIdentifiers(db: Db, candidates: IdentifierCandidate[]): Promise<AccountRow[]> {
  if (candidates.length === 0) return [];
  return db
    .selectFrom("accountIdentifiers as i")
    .innerJoin("accounts as a", "a.id", "i.accountId")
    .selectAll("a")
    .where((eb) => eb.or(candidates.map((c) => eb.and([eb("i.kind", "=", c.kind), eb("i.value", "=", c.value)]))))
    .distinct()
    .execute();
}

export function findById(db: Db, id: string, options: { forUpdate?: boolean } = {}) {
  return db
    .selectFrom("accounts")
    .selectAll()
    .where("id", "=", id)
    .$if(options.forUpdate === true, (qb) => qb.forUpdate())
    .executeTakeFirst();
}

export function findByMemberId(db: Db, memberId: string) {
  return db.selectFrom("accounts").selectAll().where("memberId", "=", memberId).executeTakeFirst();
}

/** One row per active grant (or one row without a grant) of an account, as the actor queries return them. */
export interface ActorRow {
  memberId: string | null;
  cellId: string | null;
  cellPath: string | null;
  grantId: string | null;
  role: UnitRole | null;
  unitId: string | null;
  unitPath: string | null;
}

/** The member, cell and active grants of an account, in SQL: shared by actorGrants and sessionsRepo.findLiveWithActor. */
export const actorColumns = sql`a.member_id, m.cell_id, m.unit_path::text AS cell_path, g.id AS grant_id, g.role, g.unit_id, u.path::text AS unit_path`;
export const actorJoins = sql`
  LEFT JOIN members m ON m.id = a.member_id AND m.status NOT IN ('transferred_out', 'deceased')
  LEFT JOIN role_grants g ON g.account_id = a.id AND g.revoked_at IS NULL
  LEFT JOIN org_units u ON u.id = g.unit_id AND u.status = 'active'`;

/** Folds the rows of actorColumns into what an Actor needs. */
export function actorFromRows(rows: readonly ActorRow[]) {
  const first = rows[0];
  return {
    memberId: first?.memberId ?? null,
    cell: first?.cellId && first.cellPath ? { id: first.cellId, path: first.cellPath } : null,
    grants: rows.flatMap((r) => (r.grantId && r.role && r.unitId && r.unitPath ? [{ id: r.grantId, role: r.role, unitId: r.unitId, path: r.unitPath }] : [])),
  };
}

/** Active grants with their units' paths, plus the member's cell: everything an Actor needs, in one query. */
export async function actorGrants(db: Db, accountId: string) {
  const { rows } = await sql<ActorRow>`SELECT ${actorColumns} FROM accounts a ${actorJoins} WHERE a.id = ${accountId}`.execute(db);
  return actorFromRows(rows);
}

/** Grants with unit names, for the session screen. */
export function grantSummaries(db: Db, accountId: string) {
  return db
    .selectFrom("roleGrants as g")
    .innerJoin("orgUnits as u", "u.id", "g.unitId")
    .select(["g.id", "g.role", "u.id as unitId", "u.name as unitName", "u.kind as unitKind"])
    .where("g.accountId", "=", accountId)
    .where("g.revokedAt", "is", null)
    .where("u.status", "=", "active")
    .orderBy("u.path")
    .execute();
}

export function memberSummary(db: Db, memberId: string) {
  return db
    .selectFrom("members as m")
    .innerJoin("orgUnits as c", "c.id", "m.cellId")
    .select(["m.id", "m.fullName", "c.id as cellId", "c.name as cellName"])
    .where("m.id", "=", memberId)
    .executeTakeFirst();
}

export function recordFailedLogin(db: Db, accountId: string, lockAfter: number, lockMinutes: number) {
  return db
    .updateTable("accounts")
    .set({
      // The counter restarts once the lock is set, so the next lock needs another full run of failures.
      failedLogins: sql<number>`CASE WHEN failed_logins + 1 >= ${lockAfter} THEN 0 ELSE failed_logins + 1 END`,
      lockedUntil: sql<Date | null>`CASE WHEN failed_logins + 1 >= ${lockAfter} THEN now() + make_interval(mins => ${lockMinutes}) ELSE locked_until END`,
    })
    .where("id", "=", accountId)
    .returning(["failedLogins", "lockedUntil"])
    .executeTakeFirstOrThrow();
}

export function clearFailedLogins(db: Db, accountId: string) {
  return db.updateTable("accounts").set({ failedLogins: 0, lockedUntil: null }).where("id", "=", accountId).execute();
}

export function setPassword(db: Db, accountId: string, passwordHash: string, activate: boolean) {
  return db
    .updateTable("accounts")
    .set({
      passwordHash,
      passwordChangedAt: new Date(),
      failedLogins: 0,
      lockedUntil: null,
      ...(activate ? { status: "active", activatedAt: sql<Date>`coalesce(activated_at, now())` } : {}),
    })
    .where("id", "=", accountId)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function setTotpSecret(db: Db, accountId: string, secret: string) {
  return db.updateTable("accounts").set({ totpSecret: secret, totpEnabledAt: null, totpLastStep: null }).where("id", "=", accountId).execute();
}

/** Marks a TOTP step used (and enables TOTP on first use); false when that step or a later one was already used. */
export async function consumeTotpStep(db: Db, accountId: string, step: number): Promise<boolean> {
  const row = await db
    .updateTable("accounts")
    .set({ totpLastStep: step, totpEnabledAt: sql<Date>`coalesce(totp_enabled_at, now())` })
    .where("id", "=", accountId)
    .where((eb) => eb.or([eb("totpLastStep", "is", null), eb("totpLastStep", "<", String(step))]))
    .returning("id")
    .executeTakeFirst();
  return row !== undefined;
}

export function updatePreferences(db: Db, accountId: string, prefs: { language?: string; largeText?: boolean }) {
  return db.updateTable("accounts").set(prefs).where("id", "=", accountId).returningAll().executeTakeFirstOrThrow();
}

export function insertAccount(db: Db, values: { memberId: string | null; homeUnitId: string | null; displayName: string }) {
  return db.insertInto("accounts").values(values).returningAll().executeTakeFirstOrThrow();
}

export async function addIdentifiers(db: Db, accountId: string, identifiers: IdentifierCandidate[]) {
  if (identifiers.length === 0) return;
  await db
    .insertInto("accountIdentifiers")
    .values(identifiers.map((i) => ({ ...i, accountId })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Identifiers already taken by another account. */
export function takenIdentifiers(db: Db, identifiers: IdentifierCandidate[], exceptAccountId: string | null) {
  if (identifiers.length === 0) return Promise.resolve([]);
  return db
    .selectFrom("accountIdentifiers")
    .select(["kind", "value"])
    .where((eb) => eb.or(identifiers.map((c) => eb.and([eb("kind", "=", c.kind), eb("value", "=", c.value)]))))
    .$if(exceptAccountId !== null, (qb) => qb.where("accountId", "<>", exceptAccountId!))
    .execute();
}
