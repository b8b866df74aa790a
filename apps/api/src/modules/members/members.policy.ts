import { administers, managesMembersOf } from "../../lib/actor";
import { definePolicy } from "../../lib/policy";

type MemberLike = { id: string; unitPath: string; status: string };

const isCurrent = (m: MemberLike) => m.status !== "transferred_out" && m.status !== "deceased";

/**
 * A member record is read by the member themself and by those who manage members of their cell
 * (its unit admins, secretaries and deputies, at the cell or above).
 */
export const memberPolicy = definePolicy<MemberLike>()("member", {
  read: (actor, m) => actor.memberId === m.id || managesMembersOf(actor, m.unitPath),
  issueActivation: (actor, m) => managesMembersOf(actor, m.unitPath) && isCurrent(m),
  /** Receive a role: only a unit admin above the member's cell may hand one out. */
  grantRoles: (actor, m) => administers(actor, m.unitPath) && isCurrent(m),
});
