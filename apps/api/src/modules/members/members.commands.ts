import { vietnameseNameSortKey } from "@party/shared";
import type { CreateMemberBody } from "@party/shared/schemas/members";
import type { Env } from "../../env";
import type { Ctx } from "../../lib/context";
import { ConflictError, ValidationError } from "../../lib/errors";
import { recordEvent } from "../../lib/events";
import { type IdentifierCandidate, normalizeEmail, normalizePhone } from "../../lib/identifiers";
import * as accountsRepo from "../auth/accounts.repo";
import { generateActivationCode, hashActivationCode } from "../auth/activation";
import type { UnitRow } from "../org-units/org-units.repo";
import * as membersRepo from "./members.repo";
import type { MemberRow } from "./members.repo";

/** The identifiers a member can log in with: phone, party card number, e-mail. */
export function memberIdentifiers(m: Pick<MemberRow, "phone" | "email" | "partyCardNumber">): IdentifierCandidate[] {
  const ids: IdentifierCandidate[] = [];
  if (m.phone) ids.push({ kind: "phone", value: normalizePhone(m.phone) });
  if (m.partyCardNumber) ids.push({ kind: "card", value: m.partyCardNumber });
  if (m.email) ids.push({ kind: "email", value: normalizeEmail(m.email) });
  return ids;
}

/**
 * Adds a member to a cell. The caller has authorized `addMember` on the cell.
 * Records `members.created`.
 */
export async function createMember(ctx: Ctx, cell: UnitRow, input: CreateMemberBody): Promise<string> {
  if (cell.kind !== "cell" || cell.status !== "active") throw new ValidationError("Members belong to an open cell", { cellId: "not_an_open_cell" });
  if (input.partyCardNumber) {
    const taken = await ctx.db.selectFrom("members").select("id").where("partyCardNumber", "=", input.partyCardNumber).executeTakeFirst();
    if (taken) throw new ConflictError("Party card number already recorded", { fields: { partyCardNumber: "taken" } });
  }
  const { id } = await membersRepo.insertMember(ctx.db, {
    fullName: input.fullName,
    nameSortKey: vietnameseNameSortKey(input.fullName),
    sex: input.sex,
    dateOfBirth: input.dateOfBirth ?? null,
    phone: input.phone ? normalizePhone(input.phone) : null,
    email: input.email ? normalizeEmail(input.email) : null,
    partyCardNumber: input.partyCardNumber ?? null,
    admittedOn: input.admittedOn ?? null,
    fullMemberOn: input.fullMemberOn ?? null,
    status: input.status,
    cellId: cell.id,
    unitPath: cell.path,
  });
  await recordEvent(ctx, { name: "members.created", unitId: cell.id, subjectType: "member", subjectId: id });
  return id;
}

/**
 * Issues a one-time activation code for the member (creating their account on first issue); any
 * earlier unused code stops working. Works as a password reset for an active account too.
 * The caller has authorized `issueActivation`. Records `accounts.activation_issued`.
 */
export async function issueActivationCode(ctx: Ctx, env: Env, member: MemberRow) {
  const identifiers = memberIdentifiers(member);
  if (identifiers.length === 0) {
    throw new ValidationError("The member has no phone number, party card number or e-mail to log in with", { member: "no_identifier" });
  }
  let account = await accountsRepo.findByMemberId(ctx.db, member.id);
  const taken = await accountsRepo.takenIdentifiers(ctx.db, identifiers, account?.id ?? null);
  if (taken.length > 0) throw new ConflictError("Another account already uses this login", { taken: taken.map((t) => t.kind) });
  if (!account) {
    account = await accountsRepo.insertAccount(ctx.db, { memberId: member.id, homeUnitId: null, displayName: member.fullName });
  }
  await accountsRepo.addIdentifiers(ctx.db, account.id, identifiers);
  await membersRepo.invalidateActivationCodes(ctx.db, account.id);
  const code = generateActivationCode();
  const row = await membersRepo.insertActivationCode(ctx.db, {
    accountId: account.id,
    codeHash: hashActivationCode(code),
    issuedBy: ctx.actor!.accountId,
    expiresAt: new Date(Date.now() + env.ACTIVATION_CODE_HOURS * 3_600_000),
  });
  await recordEvent(ctx, {
    name: "accounts.activation_issued",
    unitId: member.cellId,
    subjectType: "account",
    subjectId: account.id,
    data: { memberId: member.id, reset: account.activatedAt !== null },
  });
  return { accountId: account.id, code, expiresAt: row.expiresAt.toISOString() };
}
