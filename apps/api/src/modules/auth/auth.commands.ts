import { authenticator } from "otplib";
import QRCode from "qrcode";
import type { ActivateBody, ChangePasswordBody, LoginBody } from "@party/shared/schemas/auth";
import type { Db } from "../../db/db";
import type { Env } from "../../env";
import type { Ctx, RequestMeta } from "../../lib/context";
import { AppError, RateLimitedError, UnauthenticatedError, ValidationError } from "../../lib/errors";
import { insertEvent, recordEvent } from "../../lib/events";
import { identifierCandidates, maskIdentifier } from "../../lib/identifiers";
import { assertAcceptablePassword, hashPassword, verifyAgainstDummy, verifyPassword } from "../../lib/passwords";
import { createSession, lifetimes, type LiveSession } from "../../lib/session";
import type { Throttle } from "../../lib/throttle";
import * as accountsRepo from "./accounts.repo";
import { hashActivationCode } from "./activation";
import type { AccountRow } from "./accounts.repo";
import * as pushRepo from "../notifications/push.repo";
import * as sessionsRepo from "./sessions.repo";

authenticator.options = { window: 1, step: 30 };

const INVALID_CREDENTIALS = "Wrong identifier or password";

export interface AuthDeps {
  db: Db;
  env: Env;
  throttles: { loginIp: Throttle; identifier: Throttle };
}

/** The unit an account's events belong to: the member's cell, or a staff account's home unit. */
async function accountUnitId(db: Db, account: AccountRow): Promise<string | null> {
  if (account.homeUnitId) return account.homeUnitId;
  if (!account.memberId) return null;
  const member = await db.selectFrom("members").select("cellId").where("id", "=", account.memberId).executeTakeFirst();
  return member?.cellId ?? null;
}

/** Per-IP limit first (429 with Retry-After), before any database work. */
async function throttleIp(deps: AuthDeps, meta: RequestMeta): Promise<void> {
  const wait = await deps.throttles.loginIp.hit(`ip:${meta.ip}`);
  if (wait > 0) throw new RateLimitedError(wait);
}

const lockedError = (seconds: number) =>
  new RateLimitedError(seconds, "account_locked", "Too many failed attempts; the account is locked for a while");

/**
 * Checks an identifier and password and opens a session. Known and unknown identifiers get the
 * same answers (401, and after LOGIN_LOCK_AFTER failures 429 `account_locked`) in similar time.
 * Records `auth.login_succeeded` or `auth.login_failed`.
 */
export async function logIn(deps: AuthDeps, input: LoginBody, meta: RequestMeta) {
  const { db, env } = deps;
  await throttleIp(deps, meta);
  const candidates = identifierCandidates(input.identifier);
  const matches = await accountsRepo.findByIdentifiers(db, candidates);
  const account = matches.length === 1 ? matches[0] : undefined;
  const failed = async (reason: string, acc?: AccountRow) => {
    await insertEvent(
      db,
      {
        name: "auth.login_failed",
        result: "failure",
        actorId: acc?.id ?? null,
        unitId: acc ? await accountUnitId(db, acc) : null,
        subjectType: "account",
        subjectId: acc?.id ?? null,
        data: { reason, identifier: maskIdentifier(input.identifier) },
      },
      meta,
    );
  };

  if (!account || account.status !== "active" || !account.passwordHash) {
    // Unknown identifiers lock the same way accounts do, so a lock does not reveal an account.
    const key = `id:${candidates.map((c) => c.value).join("|") || input.identifier.toLowerCase()}`;
    const locked = await deps.throttles.identifier.peek(key);
    await verifyAgainstDummy(input.password);
    if (locked > 0) throw lockedError(locked);
    await deps.throttles.identifier.hit(key);
    await failed(account ? `account_${account.status}` : "unknown_identifier", account);
    throw new UnauthenticatedError(INVALID_CREDENTIALS);
  }
  if (account.lockedUntil && account.lockedUntil > new Date()) {
    await verifyAgainstDummy(input.password);
    await failed("locked", account);
    throw lockedError((account.lockedUntil.getTime() - Date.now()) / 1000);
  }
  if (!(await verifyPassword(account.passwordHash, input.password))) {
    const after = await accountsRepo.recordFailedLogin(db, account.id, env.LOGIN_LOCK_AFTER, env.LOGIN_LOCK_MINUTES);
    await failed("wrong_password", account);
    if (after.lockedUntil && after.lockedUntil > new Date()) throw lockedError((after.lockedUntil.getTime() - Date.now()) / 1000);
    throw new UnauthenticatedError(INVALID_CREDENTIALS);
  }
  return openSession(deps, account, meta, "auth.login_succeeded");
}

async function openSession(deps: AuthDeps, account: AccountRow, meta: RequestMeta, eventName: `${string}.${string}`) {
  const { db, env } = deps;
  await accountsRepo.clearFailedLogins(db, account.id);
  const { grants } = await accountsRepo.actorGrants(db, account.id);
  const { token, session } = await createSession(db, env, {
    accountId: account.id,
    staff: grants.length > 0,
    totpEnabled: account.totpEnabledAt !== null,
    ip: meta.ip,
    userAgent: meta.userAgent ?? null,
  });
  await insertEvent(
    db,
    { name: eventName, actorId: account.id, unitId: await accountUnitId(db, account), subjectType: "account", subjectId: account.id, data: { mfa: session.mfa } },
    meta,
  );
  return { token, session };
}

/**
 * First-time activation (and password reset): the one-time code an admin or secretary issued plus
 * a new password. Stores the activation time on first use, revokes older sessions, logs in.
 * Records `auth.account_activated` or `auth.password_reset`.
 */
export async function activateAccount(deps: AuthDeps, input: ActivateBody, meta: RequestMeta) {
  const { db } = deps;
  await throttleIp(deps, meta);
  assertAcceptablePassword(input.password);
  const matches = await accountsRepo.findByIdentifiers(db, identifierCandidates(input.identifier));
  const account = matches.length === 1 ? matches[0] : undefined;
  const invalid = new AppError(400, "validation_failed", "Wrong identifier or activation code", { fields: { code: "invalid" } });
  if (!account || account.status === "disabled") throw invalid;

  const passwordHash = await hashPassword(input.password);
  const result = await db.transaction().execute(async (trx) => {
    const code = await trx
      .selectFrom("activationCodes")
      .selectAll()
      .where("accountId", "=", account.id)
      .where("usedAt", "is", null)
      .where("expiresAt", ">", new Date())
      .where("attempts", "<", 5)
      .orderBy("issuedAt", "desc")
      .forUpdate()
      .executeTakeFirst();
    if (!code) return null;
    if (code.codeHash !== hashActivationCode(input.code)) {
      await trx.updateTable("activationCodes").set((eb) => ({ attempts: eb("attempts", "+", 1) })).where("id", "=", code.id).execute();
      return null;
    }
    await trx.updateTable("activationCodes").set({ usedAt: new Date() }).where("id", "=", code.id).execute();
    const firstTime = account.activatedAt === null;
    const updated = await accountsRepo.setPassword(trx, account.id, passwordHash, true);
    const revoked = await sessionsRepo.revokeAllOf(trx, account.id, null);
    await pushRepo.deleteForSessions(trx, revoked);
    return { updated, firstTime, revoked };
  });
  if (!result) {
    await insertEvent(db, { name: "auth.activation_failed", result: "failure", actorId: account.id, unitId: await accountUnitId(db, account), subjectType: "account", subjectId: account.id }, meta);
    throw invalid;
  }
  const opened = await openSession(deps, result.updated, meta, result.firstTime ? "auth.account_activated" : "auth.password_reset");
  return { ...opened, revokedSessionIds: result.revoked };
}

/**
 * Changes the password after checking the current one; revokes every other session and forgets
 * their devices' push subscriptions. Returns the revoked sessions. Records `auth.password_changed`.
 */
export async function changePassword(ctx: Ctx, session: LiveSession, input: ChangePasswordBody): Promise<string[]> {
  const account = await accountsRepo.findById(ctx.db, session.accountId, { forUpdate: true });
  if (!account?.passwordHash || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
    throw new ValidationError("Current password is wrong", { currentPassword: "wrong" });
  }
  assertAcceptablePassword(input.newPassword, "newPassword");
  if (input.newPassword === input.currentPassword) throw new ValidationError("New password must differ", { newPassword: "unchanged" });
  await accountsRepo.setPassword(ctx.db, account.id, await hashPassword(input.newPassword), false);
  const revoked = await sessionsRepo.revokeAllOf(ctx.db, account.id, session.id);
  await pushRepo.deleteForSessions(ctx.db, revoked);
  await recordEvent(ctx, { name: "auth.password_changed", unitId: await accountUnitId(ctx.db, account), subjectType: "account", subjectId: account.id });
  return revoked;
}

/** Starts TOTP enrolment: a new secret (not active until a code from it is verified) and its QR code. */
export async function setUpTotp(deps: AuthDeps, session: LiveSession) {
  const account = await accountsRepo.findById(deps.db, session.accountId);
  if (!account) throw new UnauthenticatedError();
  if (account.totpEnabledAt) throw new AppError(409, "conflict", "Two-step verification is already set up");
  const secret = authenticator.generateSecret(20);
  await accountsRepo.setTotpSecret(deps.db, account.id, secret);
  const otpauthUrl = authenticator.keyuri(account.displayName, deps.env.TOTP_ISSUER, secret);
  const qrCodeDataUrl = await QRCode.toDataURL(otpauthUrl, { margin: 1, width: 240 });
  return { secret, otpauthUrl, qrCodeDataUrl };
}

/**
 * Checks a TOTP code (each code works once), completes enrolment if pending, and marks the session
 * verified with staff lifetimes. Records `auth.totp_enabled` on enrolment, `auth.mfa_verified` or
 * `auth.mfa_failed`.
 */
export async function verifyTotp(deps: AuthDeps, session: LiveSession, code: string, meta: RequestMeta) {
  const { db, env } = deps;
  await throttleIp(deps, meta);
  const account = await accountsRepo.findById(db, session.accountId);
  if (!account?.totpSecret) throw new AppError(409, "conflict", "Set up two-step verification first");
  if (account.lockedUntil && account.lockedUntil > new Date()) throw lockedError((account.lockedUntil.getTime() - Date.now()) / 1000);
  const unitId = await accountUnitId(db, account);
  const delta = authenticator.checkDelta(code, account.totpSecret);
  const step = Math.floor(Date.now() / 30_000) + (delta ?? 0);
  if (delta === null || !(await accountsRepo.consumeTotpStep(db, account.id, step))) {
    const after = await accountsRepo.recordFailedLogin(db, account.id, env.LOGIN_LOCK_AFTER, env.LOGIN_LOCK_MINUTES);
    await insertEvent(db, { name: "auth.mfa_failed", result: "failure", actorId: account.id, unitId, subjectType: "account", subjectId: account.id }, meta);
    if (after.lockedUntil && after.lockedUntil > new Date()) throw lockedError((after.lockedUntil.getTime() - Date.now()) / 1000);
    throw new ValidationError("Wrong or already used code", { code: "invalid" });
  }
  await accountsRepo.clearFailedLogins(db, account.id);
  const staffLifetimes = lifetimes(env, true);
  const updated = await sessionsRepo.update(db, session.id, {
    mfa: "verified",
    staff: true,
    idleExpiresAt: staffLifetimes.idleExpiresAt,
    absoluteExpiresAt: new Date(Math.min(staffLifetimes.absoluteExpiresAt.getTime(), session.absoluteExpiresAt.getTime())),
  });
  const enrolled = account.totpEnabledAt === null;
  await insertEvent(db, { name: enrolled ? "auth.totp_enabled" : "auth.mfa_verified", actorId: account.id, unitId, subjectType: "account", subjectId: account.id }, meta);
  return updated;
}

/** Revokes the session and forgets its device's push subscription. Records `auth.logged_out`. */
export async function logOut(deps: AuthDeps, session: LiveSession, meta: RequestMeta): Promise<void> {
  await pushRepo.deleteForSessions(deps.db, await sessionsRepo.revoke(deps.db, session.id));
  const account = await accountsRepo.findById(deps.db, session.accountId);
  await insertEvent(deps.db, { name: "auth.logged_out", actorId: session.accountId, unitId: account ? await accountUnitId(deps.db, account) : null, subjectType: "account", subjectId: session.accountId }, meta);
}
