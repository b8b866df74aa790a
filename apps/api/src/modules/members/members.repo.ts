import { sql } from "kysely";
import type { MemberStatus } from "@party/shared";
import type { Db } from "../../db/db";
import { containsPattern } from "../../lib/sql";

export interface MemberRow {
  id: string;
  fullName: string;
  nameSortKey: string;
  sex: string;
  dateOfBirth: string | null;
  phone: string | null;
  email: string | null;
  partyCardNumber: string | null;
  admittedOn: string | null;
  fullMemberOn: string | null;
  status: string;
  cellId: string;
  cellName: string;
  unitPath: string;
  accountId: string | null;
  accountStatus: string | null;
  activatedAt: Date | null;
}

// The same columns whether `m` is the members table or a page of it (see listInSubtree).
const columns = [
  "m.id",
  "m.fullName",
  "m.nameSortKey",
  "m.sex",
  "m.dateOfBirth",
  "m.phone",
  "m.email",
  "m.partyCardNumber",
  "m.admittedOn",
  "m.fullMemberOn",
  "m.status",
  "m.cellId",
  "c.name as cellName",
  sql<string>`m.unit_path::text`.as("unitPath"),
  "a.id as accountId",
  "a.status as accountStatus",
  "a.activatedAt",
] as const;

const base = (db: Db) =>
  db.selectFrom("members as m").innerJoin("orgUnits as c", "c.id", "m.cellId").leftJoin("accounts as a", "a.memberId", "m.id").select(columns);

export function findById(db: Db, id: string): Promise<MemberRow | undefined> {
  return base(db).where("m.id", "=", id).executeTakeFirst();
}

/** Members are current unless they transferred out or died. */
const CURRENT: MemberStatus[] = ["full", "probationary", "exempt"];

/**
 * Members inside the subtree at `path`, in Vietnamese name order, keyset-paginated on
 * (name_sort_key, id). `q` matches the folded full name anywhere (trigram index).
 */
export function listInSubtree(
  db: Db,
  path: string,
  filter: { q?: string; status?: MemberStatus; after?: { sortKey: string; id: string }; limit: number },
): Promise<MemberRow[]> {
  const q = filter.q?.trim();
  // Pick the page from members alone, then join its few rows: joining first would join the whole
  // subtree before the sort keeps 25 of it.
  const page = db
    .selectFrom("members as m")
    .selectAll("m")
    .where(sql<boolean>`m.unit_path <@ ${path}::ltree`)
    .where("m.status", "in", filter.status ? [filter.status] : CURRENT)
    .$if(Boolean(q), (qb) => qb.where(sql<boolean>`vn_fold(m.full_name) LIKE vn_fold(${containsPattern(q!)})`))
    .$if(filter.after !== undefined, (qb) =>
      qb.where(sql<boolean>`(m.name_sort_key, m.id) > (${filter.after!.sortKey} COLLATE "C", ${filter.after!.id}::uuid)`),
    )
    .orderBy("m.nameSortKey")
    .orderBy("m.id")
    .limit(filter.limit);
  return db
    .selectFrom(page.as("m"))
    .innerJoin("orgUnits as c", "c.id", "m.cellId")
    .leftJoin("accounts as a", "a.memberId", "m.id")
    .select(columns)
    .orderBy("m.nameSortKey")
    .orderBy("m.id")
    .execute();
}

export function insertMember(
  db: Db,
  values: {
    fullName: string;
    nameSortKey: string;
    sex: string;
    dateOfBirth: string | null;
    phone: string | null;
    email: string | null;
    partyCardNumber: string | null;
    admittedOn: string | null;
    fullMemberOn: string | null;
    status: string;
    cellId: string;
    unitPath: string;
  },
) {
  return db.insertInto("members").values(values).returning("id").executeTakeFirstOrThrow();
}

export function invalidateActivationCodes(db: Db, accountId: string) {
  return db.updateTable("activationCodes").set({ expiresAt: new Date() }).where("accountId", "=", accountId).where("usedAt", "is", null).execute();
}

export function insertActivationCode(db: Db, values: { accountId: string; codeHash: string; issuedBy: string; expiresAt: Date }) {
  return db.insertInto("activationCodes").values(values).returningAll().executeTakeFirstOrThrow();
}
