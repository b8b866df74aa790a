import { sql } from "kysely";
import type { Db } from "../../db/db";

export interface AuditRow {
  id: string;
  occurredAt: Date;
  name: string;
  result: string;
  actorId: string | null;
  actorName: string | null;
  unitId: string | null;
  unitName: string | null;
  subjectType: string | null;
  subjectId: string | null;
  ip: string | null;
  data: Record<string, unknown>;
}

/**
 * Events of units inside the given subtrees (plus events tied to no unit when `includeUnscoped`),
 * newest first, keyset-paginated on id.
 */
export function listInSubtrees(
  db: Db,
  scope: { subtrees: string[]; includeUnscoped: boolean },
  filter: { name?: string; before?: string; limit: number },
): Promise<AuditRow[]> {
  return db
    .selectFrom("events as e")
    .leftJoin("accounts as a", "a.id", "e.actorId")
    .leftJoin("orgUnits as u", "u.id", "e.unitId")
    .select([
      sql<string>`e.id::text`.as("id"),
      "e.occurredAt",
      "e.name",
      "e.result",
      "e.actorId",
      "a.displayName as actorName",
      "e.unitId",
      "u.name as unitName",
      "e.subjectType",
      "e.subjectId",
      sql<string | null>`host(e.ip)`.as("ip"),
      "e.data",
    ])
    .where((eb) =>
      eb.or([
        sql<boolean>`e.unit_path <@ ANY(${scope.subtrees}::ltree[])`,
        ...(scope.includeUnscoped ? [eb("e.unitPath", "is", null)] : []),
      ]),
    )
    .$if(Boolean(filter.name), (qb) => qb.where("e.name", "like", `${filter.name}%`))
    .$if(Boolean(filter.before), (qb) => qb.where("e.id", "<", filter.before!))
    .orderBy("e.id", "desc")
    .limit(filter.limit)
    .execute();
}
