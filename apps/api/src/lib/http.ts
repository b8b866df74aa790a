import type { FastifyRequest } from "fastify";
import type { Actor } from "./actor";
import type { RequestMeta } from "./context";
import { UnauthenticatedError, ValidationError } from "./errors";
import type { LiveSession } from "./session";

declare module "fastify" {
  interface FastifyRequest {
    /** Set by the auth hook on every non-public route; null only on public routes. */
    actor: Actor | null;
    session: LiveSession | null;
  }
  interface FastifyContextConfig {
    /**
     * Who may call the route: "public" (allow-listed in app.test.ts), "session" (any logged-in
     * account, policy checks in the handler), or the name of the policy the handler applies.
     * A route without it is treated as "session" and fails the route-walk test.
     */
    policy?: string;
    /** Lets a staff session that has not passed TOTP yet call this route (the auth routes). */
    allowMfaPending?: boolean;
  }
}

export const metaOf = (req: FastifyRequest): RequestMeta => ({
  ip: req.ip ?? null,
  requestId: String(req.id),
  userAgent: req.headers["user-agent"] ?? null,
});

/** The actor of an authenticated route; the auth hook guarantees it, this keeps the types honest. */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new UnauthenticatedError();
  return req.actor;
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,100}$/;

/**
 * The request's `Idempotency-Key` (8–100 letters, digits, `-` or `_`, e.g. a UUID the client made
 * for this submission), or undefined without one; 400 when malformed. A create route that takes it
 * answers a retry with the same key with what it made the first time, and makes nothing twice.
 */
export function idempotencyKeyOf(req: FastifyRequest): string | undefined {
  const key = req.headers["idempotency-key"];
  if (key === undefined) return undefined;
  if (typeof key !== "string" || !IDEMPOTENCY_KEY.test(key)) throw new ValidationError("Invalid Idempotency-Key header", { "idempotency-key": "8–100 letters, digits, '-' or '_'" });
  return key;
}

/** One `bytes=a-b`, `bytes=a-` or `bytes=-n` range; several ranges are answered whole (allowed by RFC 9110). */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null | "unsatisfiable" {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === "" && m[2] === "")) return null;
  let start: number;
  let end: number;
  if (m[1] === "") {
    start = Math.max(size - Number(m[2]), 0);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === "" ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return "unsatisfiable";
  return { start, end };
}
