import type { SessionDto } from "@party/shared/schemas/auth";
import type { Db } from "../../db/db";
import { mfaStateOf } from "../../lib/session";
import * as accountsRepo from "./accounts.repo";

type SessionLike = { accountId: string; csrfToken: string; mfa: string; absoluteExpiresAt: Date; idleExpiresAt: Date };

/** The session as the PWA sees it: who is logged in, which roles count, what the second factor needs. */
export async function presentSession(db: Db, session: SessionLike): Promise<SessionDto> {
  const account = await accountsRepo.findById(db, session.accountId);
  if (!account) throw new Error("session without account");
  const [grants, member] = await Promise.all([
    accountsRepo.grantSummaries(db, account.id),
    account.memberId ? accountsRepo.memberSummary(db, account.memberId) : undefined,
  ]);
  const mfa = mfaStateOf({ mfa: session.mfa, totpEnabledAt: account.totpEnabledAt }, grants.length);
  const expiresAt = session.idleExpiresAt < session.absoluteExpiresAt ? session.idleExpiresAt : session.absoluteExpiresAt;
  return {
    account: {
      id: account.id,
      displayName: account.displayName,
      status: account.status as SessionDto["account"]["status"],
      language: account.language as SessionDto["account"]["language"],
      largeText: account.largeText,
      totpEnabled: account.totpEnabledAt !== null,
    },
    member: member ? { id: member.id, fullName: member.fullName, cell: { id: member.cellId, name: member.cellName } } : null,
    // Until the second factor is passed, roles are listed (so the PWA can explain) but do not count.
    grants: grants.map((g) => ({
      id: g.id,
      role: g.role as SessionDto["grants"][number]["role"],
      unit: { id: g.unitId, name: g.unitName, kind: g.unitKind as SessionDto["grants"][number]["unit"]["kind"] },
    })),
    mfa,
    csrfToken: session.csrfToken,
    expiresAt: expiresAt.toISOString(),
  };
}
