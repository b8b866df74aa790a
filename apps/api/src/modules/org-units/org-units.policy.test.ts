import { describe, expect, it } from "vitest";
import { type AllowedTable, PATHS, type Relation, actorFor, policyCases, targetPath } from "../../../test/policy-table";
import type { Actor } from "../../lib/actor";
import { unitPolicy, unitSearchScope } from "./org-units.policy";

// Pure table tests: no database, the policy only looks at the Actor and the unit's path.
type Action = (typeof unitPolicy.actions)[number];

const seesOnly = ["own", "below", "above"] as const;
const inSubtree = ["own", "below"] as const;
const nothing = [] as const;

/** Any role lets its holder see and browse its subtree (and see the line above); the rest is per role. */
const staffRow = (extra: Partial<Record<Action, readonly Relation[]>>): Record<Action, readonly Relation[]> => ({
  read: seesOnly,
  browse: inSubtree,
  listMembers: nothing,
  addMember: nothing,
  manageGrants: nothing,
  viewAudit: nothing,
  announce: nothing,
  viewStats: nothing,
  ...extra,
});

const adminRow = staffRow({ listMembers: inSubtree, addMember: inSubtree, manageGrants: inSubtree, viewAudit: inSubtree, announce: inSubtree, viewStats: inSubtree });

const allowed: AllowedTable<Action> = {
  secretary: staffRow({ listMembers: inSubtree, announce: inSubtree }),
  deputy_secretary: staffRow({ listMembers: inSubtree, announce: inSubtree }),
  editor: staffRow({}),
  approver: staffRow({}),
  unit_admin: adminRow,
  stats_viewer: staffRow({ viewStats: inSubtree }),
  // A plain member sees their own cell and the line above it, and may do nothing else.
  "plain member": { ...staffRow({}), read: ["own", "above"], browse: nothing },
  "staff-only account": adminRow,
};

// One named case per actor × relation × action, e.g. "unit_admin of the ward → listMembers on a unit below → true".
const cases = policyCases(unitPolicy.actions, allowed).map((c) => [c.name, c] as const);

describe("unitPolicy", () => {
  it("has an expectation in the table for every action it defines", () => {
    for (const row of Object.values(allowed)) expect(Object.keys(row).sort()).toEqual([...unitPolicy.actions].sort());
  });

  it.each(cases)("%s", (_name, { who, relation, action, expected }) => {
    expect(unitPolicy.can(actorFor(who), action, { path: targetPath(who, relation) })).toBe(expected);
  });

  it("gives nothing anywhere to an account with neither a member record nor a grant", () => {
    const nobody: Actor = { accountId: "account-nobody", memberId: null, cell: null, grants: [] };
    for (const path of Object.values(PATHS)) {
      expect(Object.values(unitPolicy.serialize(nobody, { path })).some(Boolean)).toBe(false);
    }
  });

  it("does not mistake a unit whose label starts like the grant's for one below it", () => {
    const admin: Actor = { accountId: "a", memberId: null, cell: null, grants: [{ id: "g", role: "unit_admin", unitId: "u", path: "u1.u2" }] };
    expect(unitPolicy.can(admin, "read", { path: "u1.u23" })).toBe(false);
    expect(unitPolicy.can(admin, "listMembers", { path: "u1.u23.u4" })).toBe(false);
  });

  it("serializes one answer per action", () => {
    const abilities = unitPolicy.serialize(actorFor("unit_admin"), { path: PATHS.ward });
    expect(Object.keys(abilities).sort()).toEqual([...unitPolicy.actions].sort());
  });
});

describe("unitSearchScope", () => {
  it("searches the subtrees of every grant plus the line above the member's own cell", () => {
    expect(unitSearchScope(actorFor("secretary"))).toEqual({ subtrees: [PATHS.ward], above: [PATHS.cell] });
    expect(unitSearchScope(actorFor("plain member"))).toEqual({ subtrees: [], above: [PATHS.cell] });
    expect(unitSearchScope(actorFor("staff-only account"))).toEqual({ subtrees: [PATHS.ward], above: [] });
  });
});
