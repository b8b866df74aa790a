import type { UnitRole } from "@party/shared";
import type { Ctx } from "../../lib/context";
import { ConflictError } from "../../lib/errors";
import { recordEvent } from "../../lib/events";
import * as accountsRepo from "../auth/accounts.repo";
import type { MemberRow } from "../members/members.repo";
import type { UnitRow } from "../org-units/org-units.repo";
import * as grantsRepo from "./grants.repo";
import type { GrantRow } from "./grants.repo";

/**
 * Grants `role` on `unit` to the member's account (creating a pending account if they have none;
 * they activate it with a code as usual). The caller has authorized `manageGrants` on the unit and
 * `grantRoles` on the member. Records `grants.granted`.
 */
export async function grantRole(ctx: Ctx, unit: UnitRow, member: MemberRow, role: UnitRole): Promise<string> {
  const account =
    (await accountsRepo.findByMemberId(ctx.db, member.id)) ??
    (await accountsRepo.insertAccount(ctx.db, { memberId: member.id, homeUnitId: null, displayName: member.fullName }));
  if (await grantsRepo.findSame(ctx.db, account.id, unit.id, role)) throw new ConflictError("The member already holds this role here", { reason: "already_granted" });
  const { id } = await grantsRepo.insertGrant(ctx.db, { accountId: account.id, unitId: unit.id, role, grantedBy: ctx.actor!.accountId });
  await recordEvent(ctx, { name: "grants.granted", unitId: unit.id, subjectType: "grant", subjectId: id, data: { role, accountId: account.id, memberId: member.id } });
  return id;
}

/** Revokes a grant; it stops counting on the account's next request. The caller has authorized `revoke`. Records `grants.revoked`. */
export async function revokeGrant(ctx: Ctx, grant: GrantRow): Promise<void> {
  await grantsRepo.markRevoked(ctx.db, grant.id, ctx.actor!.accountId);
  await recordEvent(ctx, { name: "grants.revoked", unitId: grant.unitId, subjectType: "grant", subjectId: grant.id, data: { role: grant.role, accountId: grant.accountId } });
}
