import { type Actor, administers, covers, hasRoleOver, managesMembersOf } from "../../lib/actor";
import { definePolicy } from "../../lib/policy";

type UnitLike = { path: string };

/** A unit is visible to anyone with a role on it or above it, and along the way to their own cell or roles. */
export const seesUnit = (actor: Actor, unit: UnitLike): boolean =>
  actor.grants.some((g) => covers(g.path, unit.path) || covers(unit.path, g.path)) ||
  (actor.cell !== null && covers(unit.path, actor.cell.path));

export const unitPolicy = definePolicy<UnitLike>()("unit", {
  read: seesUnit,
  /** Browse below it: staff of any role on it or above. */
  browse: (actor, u) => actor.grants.some((g) => covers(g.path, u.path)),
  listMembers: (actor, u) => managesMembersOf(actor, u.path),
  addMember: (actor, u) => administers(actor, u.path),
  manageGrants: (actor, u) => administers(actor, u.path),
  viewAudit: (actor, u) => administers(actor, u.path),
  /** Send an announcement to every member of the subtree: its admins, and its secretaries (a cell's to their cell). */
  announce: (actor, u) => managesMembersOf(actor, u.path),
  viewStats: (actor, u) => hasRoleOver(actor, u.path, "stats_viewer", "unit_admin"),
});

/** Search scope: subtrees where the actor holds any role, plus the line above their own cell. */
export function unitSearchScope(actor: Actor): { subtrees: string[]; above: string[] } {
  return {
    subtrees: [...new Set(actor.grants.map((g) => g.path))],
    above: actor.cell ? [actor.cell.path] : [],
  };
}
