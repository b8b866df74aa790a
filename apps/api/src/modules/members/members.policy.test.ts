import { describe, expect, it } from "vitest";
import { type AllowedTable, PATHS, SELF_MEMBER_ID, actorFor, policyCases, targetPath } from "../../../test/policy-table";
import { memberPolicy } from "./members.policy";

// Pure table tests: no database, the policy only looks at the Actor and the member's cell path.
type Action = (typeof memberPolicy.actions)[number];

const inSubtree = ["own", "below"] as const;
const nothing = { read: [], issueActivation: [], grantRoles: [] } as const;
const manager = { read: inSubtree, issueActivation: inSubtree, grantRoles: [] } as const;

const allowed: AllowedTable<Action> = {
  secretary: manager,
  deputy_secretary: manager,
  editor: nothing,
  approver: nothing,
  unit_admin: { read: inSubtree, issueActivation: inSubtree, grantRoles: inSubtree },
  stats_viewer: nothing,
  // Another member of the same cell is not readable: members see only their own record.
  "plain member": nothing,
  "staff-only account": { read: inSubtree, issueActivation: inSubtree, grantRoles: inSubtree },
};

const member = (unitPath: string, overrides: Partial<{ id: string; status: string }> = {}) => ({
  id: "00000000-0000-4000-8000-0000000000bb",
  unitPath,
  status: "full",
  ...overrides,
});

// One named case per actor × relation × action, e.g. "unit_admin of the ward → listMembers on a unit below → true".
const cases = policyCases(memberPolicy.actions, allowed, (where) => `another member in ${where}`).map((c) => [c.name, c] as const);

describe("memberPolicy", () => {
  it("has an expectation in the table for every action it defines", () => {
    for (const row of Object.values(allowed)) expect(Object.keys(row).sort()).toEqual([...memberPolicy.actions].sort());
  });

  it.each(cases)("%s", (_name, { who, relation, action, expected }) => {
    expect(memberPolicy.can(actorFor(who), action, member(targetPath(who, relation)))).toBe(expected);
  });

  it("lets a plain member read their own record but not issue themselves a code or a role", () => {
    const self = member(PATHS.cell, { id: SELF_MEMBER_ID });
    expect(memberPolicy.serialize(actorFor("plain member"), self)).toEqual({ read: true, issueActivation: false, grantRoles: false });
  });

  it.each(["editor", "approver", "stats_viewer"] as const)("lets a %s read their own record through their membership", (who) => {
    expect(memberPolicy.can(actorFor(who), "read", member(PATHS.cell, { id: SELF_MEMBER_ID }))).toBe(true);
  });

  it.each(["transferred_out", "deceased"])("lets the unit admin read a %s member but not issue a code or grant a role", (status) => {
    const gone = member(PATHS.otherCellOfWard, { status });
    expect(memberPolicy.serialize(actorFor("unit_admin"), gone)).toEqual({ read: true, issueActivation: false, grantRoles: false });
  });

  it.each(["full", "probationary", "exempt"])("treats a %s member as current", (status) => {
    const current = member(PATHS.otherCellOfWard, { status });
    expect(memberPolicy.serialize(actorFor("unit_admin"), current)).toEqual({ read: true, issueActivation: true, grantRoles: true });
  });
});
