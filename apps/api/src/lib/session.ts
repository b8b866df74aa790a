import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { MfaState } from "@party/shared/schemas/auth";
import type { Db } from "../db/db";
import type { Env } from "../env";
import * as sessionsRepo from "../modules/auth/sessions.repo";
import type { SessionCache } from "./session-cache";

export const SESSION_COOKIE = "sid";
/** Sessions are touched at most this often, so reads do not turn into a write per request. */
const TOUCH_EVERY_MS = 60_000;

export const hashToken = (token: string): string => createHash("sha256").update(token).digest("hex");

export function safeEqual(a: string, b: string): boolean {
  const ba = Buffer.from(a);
  const bb = Buffer.from(b);
  return ba.length === bb.length && timingSafeEqual(ba, bb);
}

/** Idle and absolute lifetimes: short for staff, long for members on their own phone. */
export function lifetimes(env: Env, staff: boolean, now = Date.now()): { idleExpiresAt: Date; absoluteExpiresAt: Date } {
  return staff
    ? {
        idleExpiresAt: new Date(now + env.SESSION_STAFF_IDLE_MINUTES * 60_000),
        absoluteExpiresAt: new Date(now + env.SESSION_STAFF_ABSOLUTE_HOURS * 3_600_000),
      }
    : {
        idleExpiresAt: new Date(now + env.SESSION_MEMBER_IDLE_HOURS * 3_600_000),
        absoluteExpiresAt: new Date(now + env.SESSION_MEMBER_ABSOLUTE_DAYS * 86_400_000),
      };
}

/**
 * Creates a fresh session (a new id at every login) and returns the cookie token, which is stored
 * only as its SHA-256. Staff sessions start at `enroll` or `verify` until the TOTP step.
 */
export async function createSession(
  db: Db,
  env: Env,
  input: { accountId: string; staff: boolean; totpEnabled: boolean; ip: string | null; userAgent: string | null },
) {
  const token = randomBytes(32).toString("base64url");
  const mfa: MfaState = input.staff ? (input.totpEnabled ? "verify" : "enroll") : "none";
  const session = await sessionsRepo.insertSession(db, {
    id: hashToken(token),
    accountId: input.accountId,
    csrfToken: randomBytes(24).toString("base64url"),
    mfa,
    staff: input.staff,
    ...lifetimes(env, input.staff),
    ip: input.ip,
    userAgent: input.userAgent?.slice(0, 300) ?? null,
  });
  return { token, session };
}

export function setSessionCookie(reply: FastifyReply, env: Env, token: string, expires: Date): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: "/",
    httpOnly: true,
    sameSite: "lax",
    secure: env.COOKIE_SECURE === "auto" ? reply.request.protocol === "https" : env.COOKIE_SECURE === "true",
    expires,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: "/" });
}

export type LiveSession = NonNullable<Awaited<ReturnType<typeof sessionsRepo.findLiveWithActor>>>["session"];

/**
 * Loads the session named by the request's cookie, with its account's member, cell and grants (one
 * query, or none while `cache` holds it), and slides its idle expiry.
 */
export async function readSession(db: Db, env: Env, req: FastifyRequest, cache?: SessionCache) {
  const token = req.cookies[SESSION_COOKIE];
  if (!token || token.length > 100) return null;
  const id = hashToken(token);
  let found = cache?.get(id);
  if (!found) {
    found = (await sessionsRepo.findLiveWithActor(db, id)) ?? undefined;
    if (!found) return null;
    cache?.set(found);
  }
  const { session } = found;
  if (Date.now() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    const { idleExpiresAt } = lifetimes(env, session.staff);
    // Set before the write, so concurrent requests on a cached session touch it once.
    session.lastSeenAt = new Date();
    session.idleExpiresAt = idleExpiresAt;
    await sessionsRepo.touch(db, session.id, idleExpiresAt);
  }
  return found;
}

/**
 * Where the second factor stands for this session and these grants. A member who was given a staff
 * role while logged in must pass TOTP before the role counts.
 */
export function mfaStateOf(session: Pick<LiveSession, "mfa" | "totpEnabledAt">, grantCount: number): MfaState {
  if (session.mfa === "verified") return "verified";
  if (grantCount === 0) return "none";
  return session.totpEnabledAt ? "verify" : "enroll";
}
