import type { UnitRole } from "@party/shared";
import type { Actor } from "../src/lib/actor";

/**
 * Shared fixtures for the pure policy table tests: actors built by hand on a fixed tree of ltree
 * paths (no database), and a way to turn "who may do what where" into one test case per cell.
 *
 *   u1                      city
 *   ├─ u1.u2                district            ("above" a ward grant)
 *   │  ├─ u1.u2.u4          ward                (every role below is granted here: "own")
 *   │  │  ├─ u1.u2.u4.u6    cell                (the actors' own cell)
 *   │  │  │  └─ u1.u2.u4.u6.u9                  (a group below the cell)
 *   │  │  ├─ u1.u2.u4.u10   cell                (a sibling of the actors' cell)
 *   │  │  └─ u1.u2.u4.u11   cell                ("below" the ward grant, not the actors' cell)
 *   │  └─ u1.u2.u5          ward                ("sibling" of the ward grant)
 *   └─ u1.u3 → u1.u3.u7 → u1.u3.u7.u8           a cell of another district ("unrelated")
 */
export const PATHS = {
  city: "u1",
  district: "u1.u2",
  ward: "u1.u2.u4",
  cell: "u1.u2.u4.u6",
  belowCell: "u1.u2.u4.u6.u9",
  siblingCell: "u1.u2.u4.u10",
  otherCellOfWard: "u1.u2.u4.u11",
  siblingWard: "u1.u2.u5",
  unrelatedCell: "u1.u3.u7.u8",
} as const;

export const RELATIONS = ["own", "below", "above", "sibling", "unrelated"] as const;
export type Relation = (typeof RELATIONS)[number];

export const WHO = [
  "secretary",
  "deputy_secretary",
  "editor",
  "approver",
  "unit_admin",
  "stats_viewer",
  "plain member",
  "staff-only account",
] as const;
export type Who = (typeof WHO)[number];

export const SELF_MEMBER_ID = "00000000-0000-4000-8000-00000000000a";

/**
 * The actor for each row of the table: role holders are members of the cell holding one grant on
 * the ward; the plain member has no grant; the staff-only account has no member record and is a
 * unit_admin of the ward (like the city admin of the demo seed).
 */
export function actorFor(who: Who): Actor {
  const cell = { id: "cell-id", path: PATHS.cell };
  const grant = (role: UnitRole) => [{ id: `grant-${role}`, role, unitId: "ward-id", path: PATHS.ward }];
  if (who === "plain member") return { accountId: "account-member", memberId: SELF_MEMBER_ID, cell, grants: [] };
  if (who === "staff-only account") return { accountId: "account-staff", memberId: null, cell: null, grants: grant("unit_admin") };
  return { accountId: `account-${who}`, memberId: SELF_MEMBER_ID, cell, grants: grant(who) };
}

/** Where the relation is measured from: the grant (the ward), or for the plain member their own cell. */
export function describeActor(who: Who): string {
  if (who === "plain member") return "plain member of the cell";
  if (who === "staff-only account") return "staff-only unit_admin of the ward (no member record)";
  return `${who} of the ward`;
}

/** The path of a unit in the given relation to the actor's grant (or, for a plain member, their cell). */
export function targetPath(who: Who, relation: Relation): string {
  if (who === "plain member") {
    return { own: PATHS.cell, below: PATHS.belowCell, above: PATHS.ward, sibling: PATHS.siblingCell, unrelated: PATHS.unrelatedCell }[relation];
  }
  return { own: PATHS.ward, below: PATHS.otherCellOfWard, above: PATHS.district, sibling: PATHS.siblingWard, unrelated: PATHS.unrelatedCell }[relation];
}

const RELATION_WORDS: Record<Relation, string> = {
  own: "their own unit",
  below: "a unit below",
  above: "the unit above",
  sibling: "a sibling unit",
  unrelated: "a unit of another district",
};

/** For each actor and action, the relations where the action is allowed; everywhere else it is refused. */
export type AllowedTable<A extends string> = Record<Who, Record<A, readonly Relation[]>>;

export interface PolicyCase<A extends string> {
  name: string;
  who: Who;
  relation: Relation;
  action: A;
  expected: boolean;
}

/**
 * Every actor × relation × action of the policy, with a readable name such as
 * "unit_admin of the ward → listMembers on a unit below → true". Throws when the table misses an
 * action, so a new action cannot ship without its expectations.
 */
export function policyCases<A extends string>(
  actions: readonly A[],
  allowed: AllowedTable<A>,
  subject: (where: string) => string = (where) => where,
): PolicyCase<A>[] {
  return WHO.flatMap((who) =>
    actions.flatMap((action) => {
      const where = allowed[who][action];
      if (!where) throw new Error(`The table has no expectations for ${who} → ${action}`);
      return RELATIONS.map((relation) => {
        const expected = where.includes(relation);
        const name = `${describeActor(who)} → ${action} on ${subject(RELATION_WORDS[relation])} → ${expected}`;
        return { name, who, relation, action, expected };
      });
    }),
  );
}
