import type pg from "pg";
import type { UnitRole } from "@party/shared";
import type { MemberDataset } from "./members";
import type { OrgDataset, OrgUnit } from "./org";
import { insertColumns, progress } from "./pg";
import { REFERENCE_DATE, Rng, addDays } from "./random";

/** The password of every bench account (members and staff). */
export const BENCH_PASSWORD = "bench-password-2026";
/** The staff-only administrator of the root unit. */
export const ROOT_ADMIN_EMAIL = "admin@bench.test";
/** Hanoi's reported activation rate among current members. */
const ACTIVATED_SHARE = 0.925;
const SEED = 20_260_003;

export interface StaffLogin {
  role: UnitRole;
  identifier: string;
  unit: string;
  unitKind: string;
}

export interface AccountsSummary {
  accounts: Record<string, number>;
  identifiers: number;
  grants: Record<string, number>;
  staff: StaffLogin[];
}

const CURRENT = new Set(["full", "probationary", "exempt"]);

/**
 * Creates the accounts: every cell gets a secretary (and a deputy when it has 10 members or more),
 * ACTIVATED_SHARE of the other current members have an active account, some a pending one (code
 * issued, never used); members who left keep a disabled account. Plus unit admins: a staff-only
 * account for the root and member accounts for a few committees and grassroots units.
 * Every active account shares one argon2id hash of BENCH_PASSWORD (`passwordHash`).
 */
export async function insertAccounts(client: pg.Client, org: OrgDataset, members: MemberDataset, passwordHash: string): Promise<AccountsSummary> {
  const rng = new Rng(SEED);
  const grants: { member: number | null; unit: OrgUnit; role: UnitRole }[] = [];

  // Secretaries and deputies: the first full members of each cell.
  org.cells.forEach((cell, ci) => {
    const start = members.cellStart[ci];
    const full = Array.from({ length: members.cellSize[ci] }, (_, j) => start + j).filter((k) => members.status[k] === "full");
    if (full[0] !== undefined) grants.push({ member: full[0], unit: cell, role: "secretary" });
    if (full[1] !== undefined && members.cellSize[ci] >= 10) grants.push({ member: full[1], unit: cell, role: "deputy_secretary" });
  });
  // Unit admins of a few committees and of their first grassroots unit: a current member from inside, not already staff.
  const taken = new Set(grants.map((g) => g.member));
  const cellIndex = new Map(org.cells.map((c, i) => [c.id, i]));
  const adminUnits = [0, 1, 13, 30].flatMap((i) => {
    const committee = org.committees[i];
    const grassroots = org.grassroots.find((g) => g.parentId === committee.id);
    return grassroots ? [committee, grassroots] : [committee];
  });
  for (const unit of adminUnits) {
    const cell = org.cells.find((c) => c.path.startsWith(`${unit.path}.`))!;
    const ci = cellIndex.get(cell.id)!;
    for (let k = members.cellStart[ci]; k < members.cellStart[ci] + members.cellSize[ci]; k++) {
      if (members.status[k] === "full" && !taken.has(k)) {
        grants.push({ member: k, unit, role: "unit_admin" });
        taken.add(k);
        break;
      }
    }
  }

  const accountOf = new Map<number, string>();
  const a = { id: [] as string[], member_id: [] as (string | null)[], home_unit_id: [] as (string | null)[], display_name: [] as string[], status: [] as string[] };
  const t = { password_hash: [] as (string | null)[], password_changed_at: [] as (string | null)[], activated_at: [] as (string | null)[], created_at: [] as string[] };
  const ids = { kind: [] as string[], value: [] as string[], account_id: [] as string[] };
  const counts: Record<string, number> = { active: 0, pending: 0, disabled: 0, none: 0 };

  for (let k = 0; k < members.id.length; k++) {
    const roll = rng.next();
    const current = CURRENT.has(members.status[k]);
    const status = taken.has(k) ? "active" : current ? (roll < ACTIVATED_SHARE ? "active" : roll < 0.965 ? "pending" : null) : roll < 0.8 ? "disabled" : null;
    if (!status) {
      counts.none++;
      continue;
    }
    counts[status]++;
    const id = rng.uuid();
    accountOf.set(k, id);
    // Activation spread over the roll-out (2023–2025, more early), never before the member's admission.
    const earliest = Math.max(Date.parse("2023-03-01"), Date.parse(addDays(members.admittedOn[k], 7)));
    const latest = earliest > Date.parse("2025-12-31") ? Date.parse(REFERENCE_DATE) : Date.parse("2025-12-31");
    const activated = status === "pending" ? null : new Date(earliest + Math.floor((latest - earliest) * rng.next() ** 1.6));
    const created = activated ? new Date(activated.getTime() - rng.int(0, 14) * 86_400_000) : new Date(rng.timestamp("2023-03-01", REFERENCE_DATE));
    a.id.push(id);
    a.member_id.push(members.id[k]);
    a.home_unit_id.push(null);
    a.display_name.push(members.fullName[k]);
    a.status.push(status);
    t.password_hash.push(activated ? passwordHash : null);
    t.password_changed_at.push(activated?.toISOString() ?? null);
    t.activated_at.push(activated?.toISOString() ?? null);
    t.created_at.push(created.toISOString());
    ids.kind.push("phone", "card");
    ids.value.push(members.phone[k], members.partyCardNumber[k]);
    ids.account_id.push(id, id);
  }

  // The root's administrator has no member record: a staff-only account of the root unit.
  const rootAdmin = rng.uuid();
  a.id.push(rootAdmin);
  a.member_id.push(null);
  a.home_unit_id.push(org.root.id);
  a.display_name.push("Quản trị Thành ủy (bench)");
  a.status.push("active");
  t.password_hash.push(passwordHash);
  t.password_changed_at.push("2023-03-01T08:00:00+07:00");
  t.activated_at.push("2023-03-01T08:00:00+07:00");
  t.created_at.push("2023-03-01T08:00:00+07:00");
  ids.kind.push("email");
  ids.value.push(ROOT_ADMIN_EMAIL);
  ids.account_id.push(rootAdmin);
  counts.active++;
  grants.push({ member: null, unit: org.root, role: "unit_admin" });

  await insertColumns(
    client,
    "accounts",
    [
      { name: "id", type: "uuid" },
      { name: "member_id", type: "uuid" },
      { name: "home_unit_id", type: "uuid" },
      { name: "display_name", type: "text" },
      { name: "status", type: "text" },
      { name: "password_hash", type: "text" },
      { name: "password_changed_at", type: "timestamptz" },
      { name: "activated_at", type: "timestamptz" },
      { name: "created_at", type: "timestamptz" },
    ],
    { ...a, ...t },
    { onBatch: progress("accounts") },
  );
  await insertColumns(
    client,
    "account_identifiers",
    [
      { name: "kind", type: "text" },
      { name: "value", type: "text" },
      { name: "account_id", type: "uuid" },
    ],
    ids,
    { onBatch: progress("account identifiers") },
  );
  const grantAccount = (g: (typeof grants)[number]) => (g.member === null ? rootAdmin : accountOf.get(g.member)!);
  await insertColumns(
    client,
    "role_grants",
    [
      { name: "id", type: "uuid" },
      { name: "account_id", type: "uuid" },
      { name: "unit_id", type: "uuid" },
      { name: "role", type: "text" },
      { name: "granted_at", type: "timestamptz" },
    ],
    {
      id: grants.map(() => rng.uuid()),
      account_id: grants.map(grantAccount),
      unit_id: grants.map((g) => g.unit.id),
      role: grants.map((g) => g.role),
      granted_at: grants.map(() => "2023-03-01T08:00:00+07:00"),
    },
  );

  const staff: StaffLogin[] = grants
    .filter((g) => g.role === "unit_admin")
    .map((g) => ({ role: g.role, identifier: g.member === null ? ROOT_ADMIN_EMAIL : members.phone[g.member], unit: g.unit.name, unitKind: g.unit.kind }));
  const grantCounts: Record<string, number> = {};
  for (const g of grants) grantCounts[g.role] = (grantCounts[g.role] ?? 0) + 1;
  return { accounts: counts, identifiers: ids.kind.length, grants: grantCounts, staff };
}
