import { type SelectQueryBuilder, sql } from "kysely";
import type { Db } from "../../db/db";
import { containsPattern, prefixPattern } from "../../lib/sql";
import type { DB } from "../../db/schema";

export interface UnitRow {
  id: string;
  parentId: string | null;
  kind: string;
  code: string;
  name: string;
  path: string;
  status: string;
  validFrom: string;
  validTo: string | null;
  depth: number;
  childCount: number;
  memberCount: number;
}

// Counts come from indexed lookups (parent_id, cell_id), so listing children stays cheap at city scale.
const withCounts = <O>(qb: SelectQueryBuilder<DB, "orgUnits", O>) =>
  qb.select([
    "orgUnits.id",
    "orgUnits.parentId",
    "orgUnits.kind",
    "orgUnits.code",
    "orgUnits.name",
    sql<string>`org_units.path::text`.as("path"),
    "orgUnits.status",
    "orgUnits.validFrom",
    "orgUnits.validTo",
    sql<number>`nlevel(org_units.path)`.as("depth"),
    sql<number>`(SELECT count(*)::int FROM org_units c WHERE c.parent_id = org_units.id AND c.status = 'active')`.as("childCount"),
    sql<number>`(SELECT count(*)::int FROM members m WHERE m.cell_id = org_units.id AND m.status IN ('full', 'probationary', 'exempt'))`.as("memberCount"),
  ]);

export function findById(db: Db, id: string): Promise<UnitRow | undefined> {
  return withCounts(db.selectFrom("orgUnits")).where("orgUnits.id", "=", id).executeTakeFirst() as Promise<UnitRow | undefined>;
}

export function findByIds(db: Db, ids: readonly string[]): Promise<UnitRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return withCounts(db.selectFrom("orgUnits")).where("orgUnits.id", "in", ids).orderBy("orgUnits.path").execute() as Promise<UnitRow[]>;
}

export function children(db: Db, parentId: string, includeClosed: boolean): Promise<UnitRow[]> {
  return withCounts(db.selectFrom("orgUnits"))
    .where("orgUnits.parentId", "=", parentId)
    .$if(!includeClosed, (qb) => qb.where("orgUnits.status", "=", "active"))
    .orderBy("orgUnits.name")
    .execute() as Promise<UnitRow[]>;
}

/** The unit at `path` and every unit above it, top first. */
export function ancestors(db: Db, path: string): Promise<UnitRow[]> {
  return withCounts(db.selectFrom("orgUnits"))
    .where(sql<boolean>`org_units.path @> ${path}::ltree`)
    .orderBy(sql`nlevel(org_units.path)`)
    .execute() as Promise<UnitRow[]>;
}

/**
 * Units whose folded name contains the folded query, inside the given subtrees or above the given
 * paths; best matches (prefix, then similarity) first.
 */
export function search(db: Db, q: string, scope: { subtrees: string[]; above: string[] }, limit: number): Promise<UnitRow[]> {
  if (scope.subtrees.length === 0 && scope.above.length === 0) return Promise.resolve([]);
  return withCounts(db.selectFrom("orgUnits"))
    .where(sql<boolean>`vn_fold(org_units.name) LIKE vn_fold(${containsPattern(q)})`)
    .where((eb) =>
      eb.or([
        sql<boolean>`org_units.path <@ ANY(${scope.subtrees}::ltree[])`,
        sql<boolean>`org_units.path @> ANY(${scope.above}::ltree[])`,
      ]),
    )
    .orderBy(sql`vn_fold(org_units.name) LIKE vn_fold(${prefixPattern(q)})`, "desc")
    .orderBy(sql`similarity(vn_fold(org_units.name), vn_fold(${q}))`, "desc")
    .orderBy("orgUnits.path")
    .limit(limit)
    .execute() as Promise<UnitRow[]>;
}
