import type { UnitKind, UnitRole } from "@party/shared";
import { vietnameseNameSortKey } from "@party/shared";
import type { Db } from "../src/db/db";
import { hashPassword } from "../src/lib/passwords";

// Each builder inserts one valid row with sensible defaults; tests pass only what matters.
let sequence = 0;
const next = () => ++sequence;
const unique = () => `${process.pid}${next()}`;

export async function buildUnit(db: Db, overrides: { parentId?: string | null; kind?: UnitKind; name?: string; status?: string } = {}) {
  const n = unique();
  return db
    .insertInto("orgUnits")
    .values({
      parentId: overrides.parentId ?? null,
      kind: overrides.kind ?? (overrides.parentId ? "cell" : "province"),
      code: `T${n}`,
      name: overrides.name ?? `Đơn vị ${n}`,
      status: overrides.status ?? "active",
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A small tree: city → two districts → a grassroots committee each → two cells each. */
export async function buildTree(db: Db) {
  const city = await buildUnit(db, { kind: "province", name: "Thành ủy Thử nghiệm" });
  const district = await buildUnit(db, { parentId: city.id, kind: "district", name: "Quận ủy Ba Đình" });
  const sibling = await buildUnit(db, { parentId: city.id, kind: "district", name: "Quận ủy Long Biên" });
  const ward = await buildUnit(db, { parentId: district.id, kind: "grassroots", name: "Đảng ủy phường Điện Biên" });
  const siblingWard = await buildUnit(db, { parentId: sibling.id, kind: "grassroots", name: "Đảng ủy phường Bồ Đề" });
  const cell = await buildUnit(db, { parentId: ward.id, kind: "cell", name: "Chi bộ tổ dân phố số 1" });
  const otherCell = await buildUnit(db, { parentId: ward.id, kind: "cell", name: "Chi bộ tổ dân phố số 2" });
  const siblingCell = await buildUnit(db, { parentId: siblingWard.id, kind: "cell", name: "Chi bộ tổ dân phố số 4" });
  return { city, district, sibling, ward, siblingWard, cell, otherCell, siblingCell };
}

export async function buildMember(
  db: Db,
  cell: { id: string; path: string },
  overrides: Partial<{ fullName: string; status: string; phone: string | null; email: string | null; partyCardNumber: string | null; dateOfBirth: string | null }> = {},
) {
  const n = next();
  const fullName = overrides.fullName ?? `Nguyễn Văn Thử ${n}`;
  return db
    .insertInto("members")
    .values({
      fullName,
      nameSortKey: vietnameseNameSortKey(fullName),
      sex: "male",
      dateOfBirth: overrides.dateOfBirth === undefined ? "1960-05-01" : overrides.dateOfBirth,
      phone: overrides.phone === undefined ? `09${String(process.pid % 100).padStart(2, "0")}${String(n).padStart(6, "0")}` : overrides.phone,
      email: overrides.email ?? null,
      partyCardNumber: overrides.partyCardNumber === undefined ? `${String(process.pid % 1000).padStart(3, "0")}${String(n).padStart(5, "0")}` : overrides.partyCardNumber,
      admittedOn: "1990-01-01",
      fullMemberOn: "1991-01-01",
      status: overrides.status ?? "full",
      cellId: cell.id,
      unitPath: cell.path,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

let cachedHash: Promise<string> | undefined;
export const TEST_PASSWORD = "correct horse battery";

/**
 * An active account with password TEST_PASSWORD, for a member of `cell` (or staff-only in `homeUnit`),
 * holding the given roles. Its phone number logs in.
 */
export async function buildAccount(
  db: Db,
  options: { cell?: { id: string; path: string }; homeUnit?: { id: string }; roles?: [UnitRole, { id: string }][]; totpSecret?: string; status?: string } = {},
) {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  const member = options.cell ? await buildMember(db, options.cell) : null;
  const account = await db
    .insertInto("accounts")
    .values({
      memberId: member?.id ?? null,
      homeUnitId: member ? null : (options.homeUnit?.id ?? null),
      displayName: member?.fullName ?? `Cán bộ ${next()}`,
      status: options.status ?? "active",
      passwordHash: await cachedHash,
      activatedAt: new Date(),
      totpSecret: options.totpSecret ?? null,
      totpEnabledAt: options.totpSecret ? new Date() : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const phone = member?.phone ?? `08${String(process.pid % 100).padStart(2, "0")}${String(next()).padStart(6, "0")}`;
  await db.insertInto("accountIdentifiers").values({ kind: "phone", value: phone, accountId: account.id }).execute();
  for (const [role, unit] of options.roles ?? []) {
    await db.insertInto("roleGrants").values({ accountId: account.id, unitId: unit.id, role }).execute();
  }
  return { ...account, member, phone };
}
