import { type UnitRole, randomPerson, seededRandom, vietnameseNameSortKey } from "@party/shared";
import { hashPassword } from "../lib/passwords";
import { memberIdentifiers } from "../modules/members/members.commands";
import type { Db } from "./db";
import { type DemoDeps, seedDemoDocuments } from "./seed-documents";
import { seedDemoNews } from "./seed-news";

/** The password of every demo account; printed at start-up. */
export const DEMO_PASSWORD = "sotay-demo-2026";

export interface DemoLogin {
  role: UnitRole | "member";
  identifier: string;
  name: string;
  unit: string;
}

const ORG = {
  code: "HN",
  name: "Thành ủy Hà Nội",
  districts: [
    {
      code: "HN-BD",
      name: "Quận ủy Ba Đình",
      grassroots: [
        { code: "HN-BD-DB", name: "Đảng ủy phường Điện Biên", cells: ["Chi bộ tổ dân phố số 1", "Chi bộ tổ dân phố số 2", "Chi bộ tổ dân phố số 5"] },
        { code: "HN-BD-KM", name: "Đảng ủy phường Kim Mã", cells: ["Chi bộ tổ dân phố số 3", "Chi bộ tổ dân phố số 7"] },
        { code: "HN-BD-NH", name: "Đảng ủy phường Ngọc Hà", cells: ["Chi bộ khu dân cư số 2", "Chi bộ khu dân cư số 4"] },
      ],
    },
    {
      code: "HN-LB",
      name: "Quận ủy Long Biên",
      grassroots: [
        { code: "HN-LB-BD", name: "Đảng ủy phường Bồ Đề", cells: ["Chi bộ tổ dân phố số 4", "Chi bộ tổ dân phố số 9"] },
        { code: "HN-LB-PD", name: "Đảng ủy phường Phúc Đồng", cells: ["Chi bộ tổ dân phố số 6", "Chi bộ tổ dân phố số 8"] },
        { code: "HN-LB-GT", name: "Đảng ủy phường Gia Thụy", cells: ["Chi bộ tổ dân phố số 10", "Chi bộ tổ dân phố số 11"] },
      ],
    },
  ],
} as const;

const pad = (n: number, width: number) => String(n).padStart(width, "0");
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Seeds the demo organisation once: Thành ủy Hà Nội, two district committees, six ward committees,
 * fourteen cells with about 300 members, active demo accounts (password DEMO_PASSWORD): one per
 * role in the first cell and Ba Đình, a member and the secretary of the second cell and the ward's
 * secretary; demo news in the channels the demo member reads (seed-news.ts); documents at every
 * level above the demo members, their text extracted and searchable, and the ward's drafts for
 * feedback, one open and one closed with answered comments (seed-documents.ts, seed-feedback.ts;
 * the files go to `deps.storage`). Returns the demo logins, or null when the database already has units.
 */
export async function seedDemo(db: Db, deps: DemoDeps): Promise<DemoLogin[] | null> {
  const existing = await db.selectFrom("orgUnits").select("id").limit(1).executeTakeFirst();
  if (existing) return null;
  const rand = seededRandom(2026);
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  return db.transaction().execute(async (trx) => {
    const insertUnit = (values: { parentId: string | null; kind: string; code: string; name: string }) =>
      trx.insertInto("orgUnits").values({ ...values, validFrom: "2025-07-01" }).returning(["id", "path", "name"]).executeTakeFirstOrThrow();

    const city = await insertUnit({ parentId: null, kind: "province", code: ORG.code, name: ORG.name });
    const units: Record<string, { id: string; path: string; name: string }> = { [ORG.code]: city };
    const cells: { id: string; path: string; name: string }[] = [];
    for (const d of ORG.districts) {
      units[d.code] = await insertUnit({ parentId: city.id, kind: "district", code: d.code, name: d.name });
      for (const g of d.grassroots) {
        units[g.code] = await insertUnit({ parentId: units[d.code].id, kind: "grassroots", code: g.code, name: g.name });
        for (const [i, cellName] of g.cells.entries()) {
          const cell = await insertUnit({ parentId: units[g.code].id, kind: "cell", code: `${g.code}-${pad(i + 1, 2)}`, name: cellName });
          cells.push(cell);
        }
      }
    }

    let card = 0;
    const memberRows = cells.flatMap((cell) =>
      Array.from({ length: 18 + Math.floor(rand() * 8) }, () => {
        const person = randomPerson(rand);
        const born = new Date(Date.UTC(1945 + Math.floor(rand() * 55), Math.floor(rand() * 12), 1 + Math.floor(rand() * 28)));
        const admitted = new Date(Date.UTC(Math.min(2025, born.getUTCFullYear() + 20 + Math.floor(rand() * 25)), Math.floor(rand() * 12), 1 + Math.floor(rand() * 28)));
        const age = 2026 - born.getUTCFullYear();
        const status = admitted.getUTCFullYear() >= 2025 ? "probationary" : age > 75 && rand() < 0.3 ? "exempt" : "full";
        card += 1;
        return {
          fullName: person.fullName,
          nameSortKey: vietnameseNameSortKey(person.fullName),
          sex: person.sex,
          dateOfBirth: isoDate(born),
          phone: `09${pad(10_000_000 + card * 7919, 8).slice(-8)}`,
          email: null,
          partyCardNumber: pad(70_000_000 + card, 8),
          admittedOn: isoDate(admitted),
          fullMemberOn: status === "probationary" ? null : isoDate(new Date(admitted.getTime() + 365 * 86_400_000)),
          status,
          cellId: cell.id,
          unitPath: cell.path,
        };
      }),
    );
    const members = await trx.insertInto("members").values(memberRows).returning(["id", "fullName", "cellId", "phone", "partyCardNumber", "email"]).execute();

    // One account per role, each on a real member of the cell it belongs to (and the city admin as a staff-only account).
    const [firstCell, secondCell] = cells;
    const demo: { role: UnitRole | "member"; unit: { id: string; name: string }; phone: string; cell: { id: string } }[] = [
      { role: "member", unit: firstCell, phone: "0900000001", cell: firstCell },
      { role: "secretary", unit: firstCell, phone: "0900000002", cell: firstCell },
      { role: "deputy_secretary", unit: firstCell, phone: "0900000003", cell: firstCell },
      { role: "editor", unit: units["HN-BD"], phone: "0900000004", cell: firstCell },
      { role: "approver", unit: units["HN-BD"], phone: "0900000005", cell: firstCell },
      { role: "stats_viewer", unit: units["HN-BD"], phone: "0900000006", cell: firstCell },
      { role: "unit_admin", unit: units["HN-BD"], phone: "0900000007", cell: firstCell },
      { role: "member", unit: secondCell, phone: "0900000008", cell: secondCell },
      { role: "secretary", unit: secondCell, phone: "0900000009", cell: secondCell },
      { role: "secretary", unit: units["HN-BD-DB"], phone: "0900000010", cell: secondCell },
    ];
    const logins: DemoLogin[] = [];
    /** Demo account ids by login. */
    const accountOf = new Map<string, string>();
    const taken = new Set<string>();
    for (const d of demo) {
      const member = members.find((m) => m.cellId === d.cell.id && !taken.has(m.id))!;
      taken.add(member.id);
      await trx.updateTable("members").set({ phone: d.phone }).where("id", "=", member.id).execute();
      const account = await trx
        .insertInto("accounts")
        .values({ memberId: member.id, displayName: member.fullName, status: "active", passwordHash, activatedAt: new Date(), passwordChangedAt: new Date() })
        .returning("id")
        .executeTakeFirstOrThrow();
      accountOf.set(d.phone, account.id);
      const identifiers = memberIdentifiers({ ...member, phone: d.phone });
      await trx.insertInto("accountIdentifiers").values(identifiers.map((x) => ({ ...x, accountId: account.id }))).execute();
      if (d.role !== "member") await trx.insertInto("roleGrants").values({ accountId: account.id, unitId: d.unit.id, role: d.role }).execute();
      logins.push({ role: d.role, identifier: d.phone, name: member.fullName, unit: d.unit.name });
    }
    const admin = await trx
      .insertInto("accounts")
      .values({ homeUnitId: city.id, displayName: "Quản trị Thành ủy", status: "active", passwordHash, activatedAt: new Date(), passwordChangedAt: new Date() })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx.insertInto("accountIdentifiers").values({ kind: "email", value: "admin@sotay.demo", accountId: admin.id }).execute();
    await trx.insertInto("roleGrants").values({ accountId: admin.id, unitId: city.id, role: "unit_admin" }).execute();
    logins.push({ role: "unit_admin", identifier: "admin@sotay.demo", name: "Quản trị Thành ủy", unit: city.name });
    accountOf.set("admin@sotay.demo", admin.id);

    // News in the channels the demo member reads: the city, their district, ward and cell.
    await seedDemoNews(
      trx,
      { city, district: units["HN-BD"], ward: units["HN-BD-DB"], cell: firstCell },
      { editorId: accountOf.get("0900000004") ?? null, approverId: accountOf.get("0900000005") ?? null },
    );
    // Documents at each level above the demo members, and the ward's two drafts for feedback.
    await seedDemoDocuments(trx, deps, { city, district: units["HN-BD"], ward: units["HN-BD-DB"], cell1: firstCell, cell2: secondCell }, accountOf);
    return logins;
  });
}

/** The demo logins of an already seeded database (for the start-up banner). */
export async function demoLogins(db: Db): Promise<DemoLogin[]> {
  const rows = await db
    .selectFrom("accountIdentifiers as i")
    .innerJoin("accounts as a", "a.id", "i.accountId")
    .leftJoin("roleGrants as g", (j) => j.onRef("g.accountId", "=", "a.id").on("g.revokedAt", "is", null))
    .leftJoin("orgUnits as u", "u.id", "g.unitId")
    .leftJoin("members as m", "m.id", "a.memberId")
    .leftJoin("orgUnits as c", "c.id", "m.cellId")
    .select(["i.value", "a.displayName", "g.role", "u.name as unitName", "c.name as cellName"])
    .where((eb) => eb.or([eb("i.value", "like", "09000000%"), eb("i.value", "=", "admin@sotay.demo")]))
    .where((eb) => eb.or([eb("i.kind", "=", "phone"), eb("i.kind", "=", "email")]))
    .orderBy("i.value")
    .execute();
  return rows.map((r) => ({ role: (r.role ?? "member") as DemoLogin["role"], identifier: r.value, name: r.displayName, unit: r.unitName ?? r.cellName ?? "" }));
}
