// session.ts uses the request/reply decorations of @fastify/cookie; load them for the type checker.
import type {} from "@fastify/cookie";
import { sql } from "kysely";
import type { Db } from "../../apps/api/src/db/db";
import { envWith } from "../../apps/api/src/env";
import { createSession } from "../../apps/api/src/lib/session";
import * as sessionsRepo from "../../apps/api/src/modules/auth/sessions.repo";
import { BENCH_PASSWORD, ROOT_ADMIN_EMAIL } from "./accounts";

export interface BenchUnit {
  id: string;
  path: string;
  name: string;
  kind: string;
  members: number;
}

/** A logged-in staff member: the cookie header to send (and the CSRF token for writes) and the unit they administer. */
export interface StaffSession {
  cookie: string;
  csrfToken: string;
  unit: BenchUnit;
}

const unitByPath = async (db: Db, path: string): Promise<BenchUnit> => {
  const { rows } = await sql<BenchUnit>`
    SELECT u.id, u.path::text AS path, u.name, u.kind,
           (SELECT count(*)::int FROM members m WHERE m.unit_path <@ u.path) AS members
      FROM org_units u WHERE u.path = ${path}::ltree`.execute(db);
  return rows[0];
};

/**
 * Opens a session for the account the way a completed login + TOTP step would: createSession from
 * the API, then the session row marked `verified` (the bench has no authenticator app).
 */
async function verifiedSession(db: Db, accountId: string): Promise<{ cookie: string; csrfToken: string }> {
  const { token, session } = await createSession(db, envWith({}), { accountId, staff: true, totpEnabled: true, ip: "127.0.0.1", userAgent: "bench" });
  await sessionsRepo.update(db, session.id, { mfa: "verified" });
  return { cookie: `sid=${token}`, csrfToken: session.csrfToken };
}

/** Sessions for the root's administrator and for the unit admin of the largest district committee that has one. */
export async function staffSessions(db: Db): Promise<{ root: StaffSession; district: StaffSession }> {
  const { rows } = await sql<{ accountId: string; path: string; kind: string }>`
    SELECT g.account_id, u.path::text AS path, u.kind
      FROM role_grants g
      JOIN org_units u ON u.id = g.unit_id
      JOIN accounts a ON a.id = g.account_id
      LEFT JOIN account_identifiers i ON i.account_id = a.id AND i.kind = 'email'
     WHERE g.role = 'unit_admin' AND g.revoked_at IS NULL AND a.status = 'active'
       AND ((u.kind = 'province' AND i.value = ${ROOT_ADMIN_EMAIL}) OR (u.kind = 'district' AND a.member_id IS NOT NULL))
     ORDER BY (SELECT count(*) FROM members m WHERE m.unit_path <@ u.path) DESC, u.seq`.execute(db);
  // The largest district committee with an admin: the hardest district-level case.
  const root = rows.find((r) => r.kind === "province");
  const district = rows.find((r) => r.kind === "district");
  if (!root || !district) throw new Error("No bench unit admins found: run `npm run generate -w @party/bench` on this database first.");
  return {
    root: { ...(await verifiedSession(db, root.accountId)), unit: await unitByPath(db, root.path) },
    district: { ...(await verifiedSession(db, district.accountId)), unit: await unitByPath(db, district.path) },
  };
}

/** The first grassroots committee inside `under` and its first cell, for smaller-scope variants. */
export async function smallerUnits(db: Db, under: BenchUnit): Promise<{ grassroots: BenchUnit; cell: BenchUnit }> {
  const first = async (kind: string, inside: string) => {
    const { rows } = await sql<{ path: string }>`
      SELECT path::text AS path FROM org_units WHERE kind = ${kind} AND path <@ ${inside}::ltree ORDER BY seq LIMIT 1`.execute(db);
    return unitByPath(db, rows[0].path);
  };
  const grassroots = await first("grassroots", under.path);
  return { grassroots, cell: await first("cell", grassroots.path) };
}

/**
 * Login bodies for `count` member accounts that are active, unlocked and hold no staff role (so the
 * login completes without a TOTP step), spread over the whole city (ordered by account id).
 */
export async function loginBodies(db: Db, count: number): Promise<string[]> {
  const { rows } = await sql<{ value: string }>`
    SELECT i.value FROM account_identifiers i JOIN accounts a ON a.id = i.account_id
     WHERE i.kind = 'phone' AND a.status = 'active' AND a.password_hash IS NOT NULL AND a.member_id IS NOT NULL
       AND (a.locked_until IS NULL OR a.locked_until < now())
       AND NOT EXISTS (SELECT 1 FROM role_grants g WHERE g.account_id = a.id AND g.revoked_at IS NULL)
     ORDER BY a.id LIMIT ${count}`.execute(db);
  if (rows.length === 0) throw new Error("No bench member accounts found: run the generator first.");
  return rows.map((r) => JSON.stringify({ identifier: r.value, password: BENCH_PASSWORD }));
}
