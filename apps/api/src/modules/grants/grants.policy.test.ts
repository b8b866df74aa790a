import { describe, expect, it } from "vitest";
import { type AllowedTable, actorFor, policyCases, targetPath } from "../../../test/policy-table";
import type { Actor } from "../../lib/actor";
import { grantPolicy } from "./grants.policy";

// Pure table tests: no database, the policy only looks at the Actor and the granted unit's path.
type Action = (typeof grantPolicy.actions)[number];

const nothing = { read: [], revoke: [] } as const;
const admin = { read: ["own", "below"], revoke: ["own", "below"] } as const;

const allowed: AllowedTable<Action> = {
  secretary: nothing,
  deputy_secretary: nothing,
  editor: nothing,
  approver: nothing,
  unit_admin: admin,
  stats_viewer: nothing,
  "plain member": nothing,
  "staff-only account": admin,
};

// One named case per actor × relation × action, e.g. "unit_admin of the ward → listMembers on a unit below → true".
const cases = policyCases(grantPolicy.actions, allowed, (where) => `a grant on ${where}`).map((c) => [c.name, c] as const);

describe("grantPolicy", () => {
  it("has an expectation in the table for every action it defines", () => {
    for (const row of Object.values(allowed)) expect(Object.keys(row).sort()).toEqual([...grantPolicy.actions].sort());
  });

  it.each(cases)("%s", (_name, { who, relation, action, expected }) => {
    expect(grantPolicy.can(actorFor(who), action, { unitPath: targetPath(who, relation) })).toBe(expected);
  });

  it("lets an admin holding grants in two districts revoke in both and nowhere else", () => {
    const twoDistricts: Actor = {
      accountId: "a",
      memberId: null,
      cell: null,
      grants: [
        { id: "g1", role: "unit_admin", unitId: "d1", path: "u1.u2" },
        { id: "g2", role: "unit_admin", unitId: "d2", path: "u1.u3" },
      ],
    };
    expect(grantPolicy.can(twoDistricts, "revoke", { unitPath: "u1.u2.u4" })).toBe(true);
    expect(grantPolicy.can(twoDistricts, "revoke", { unitPath: "u1.u3.u7" })).toBe(true);
    expect(grantPolicy.can(twoDistricts, "revoke", { unitPath: "u1" })).toBe(false);
    expect(grantPolicy.can(twoDistricts, "revoke", { unitPath: "u1.u4" })).toBe(false);
  });
});
