import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildAccount, buildMember, buildTree } from "../../../test/factories";
import { createTestApp } from "../../../test/server";

const t = await createTestApp();

/** A staff-only unit admin of `unit` (no member record, so lists hold only the members a test builds). */
const adminOf = (unit: { id: string }) => buildAccount(t.db, { homeUnit: unit, roles: [["unit_admin", unit]] });

type ListItem = { id: string; fullName: string };
const fullNames = (res: { json: () => { data: ListItem[] } }) => res.json().data.map((m) => m.fullName);

const eventsAbout = (subjectId: string) =>
  t.db.selectFrom("events").select(["name", "result", "actorId", "unitId", "data"]).where("subjectId", "=", subjectId).orderBy("id").execute();

// Activation is throttled per IP like login; each call comes from its own address so tests stay independent.
let ipCounter = 0;
const activate = (payload: { identifier: string; code: string; password: string }) =>
  t.app.inject({ method: "POST", url: "/api/auth/activate", payload, remoteAddress: `10.20.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}` });

const NEW_PASSWORD = "một mật khẩu đủ dài";

describe("GET /api/units/:id/members", () => {
  it("lists members in Vietnamese name order: given name first", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    for (const fullName of ["Nguyễn Văn Cường", "Trần Thị Bình", "Lê Văn An"]) await buildMember(t.db, tree.cell, { fullName });

    const res = await (await t.as(admin)).get(`/api/units/${tree.cell.id}/members`);

    expect(res.statusCode).toBe(200);
    expect(fullNames(res)).toEqual(["Lê Văn An", "Trần Thị Bình", "Nguyễn Văn Cường"]);
    expect(res.json().nextCursor).toBeNull();
  });

  it("matches q without diacritics: 'nguyen van' finds 'Nguyễn Văn …'", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    for (const fullName of ["Nguyễn Văn Đức", "Nguyễn Thị Hoa", "Trần Văn Nguyên", "Nguyễn Văn Cường"]) await buildMember(t.db, tree.cell, { fullName });

    const res = await (await t.as(admin)).get(`/api/units/${tree.cell.id}/members?q=nguyen%20van`);

    expect(res.statusCode).toBe(200);
    expect(fullNames(res)).toEqual(["Nguyễn Văn Cường", "Nguyễn Văn Đức"]);
  });

  it("returns every member exactly once across cursor pages, namesakes included", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    const built = [];
    for (const fullName of ["Lê Văn An", "Lê Văn An", "Lê Văn An", "Phạm Thị Bình", "Hoàng Văn Chiến", "Đỗ Thị Dung", "Vũ Văn Đạt"]) {
      built.push(await buildMember(t.db, fullName.startsWith("Đỗ") ? tree.otherCell : tree.cell, { fullName }));
    }
    const client = await t.as(admin);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : "";
      const res = await client.get(`/api/units/${tree.ward.id}/members?limit=3${query}`);
      expect(res.statusCode).toBe(200);
      expect(res.json().data.length).toBeLessThanOrEqual(3);
      seen.push(...res.json().data.map((m: ListItem) => m.id));
      cursor = res.json().nextCursor;
      pages += 1;
    } while (cursor && pages < 10);

    const all = await client.get(`/api/units/${tree.ward.id}/members?limit=100`);
    expect(seen).toEqual(all.json().data.map((m: ListItem) => m.id));
    expect([...seen].sort()).toEqual(built.map((m) => m.id).sort());
    expect(pages).toBe(3);
  });

  it("lists the whole subtree of a ward but never a member of a sibling district, even by name", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    const inCell = await buildMember(t.db, tree.cell, { fullName: "Bùi Văn Khoa" });
    const inOtherCell = await buildMember(t.db, tree.otherCell, { fullName: "Bùi Thị Khánh" });
    await buildMember(t.db, tree.siblingCell, { fullName: "Bùi Văn Kiên" });
    const client = await t.as(admin);

    const all = await client.get(`/api/units/${tree.district.id}/members`);
    const searched = await client.get(`/api/units/${tree.district.id}/members?q=bui`);

    expect(all.json().data.map((m: ListItem) => m.id).sort()).toEqual([inCell.id, inOtherCell.id].sort());
    expect(fullNames(searched)).toEqual(["Bùi Thị Khánh", "Bùi Văn Khoa"]);
  });

  it("shows only a masked phone and no sensitive fields in the list", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    const member = await buildMember(t.db, tree.cell, { fullName: "Lê Thị Mai", phone: "0912345678", dateOfBirth: "1958-03-09", email: "mai@example.vn" });

    const res = await (await t.as(admin)).get(`/api/units/${tree.cell.id}/members`);

    const [item] = res.json().data;
    expect(item).toEqual({
      id: member.id,
      fullName: "Lê Thị Mai",
      sex: "male",
      birthYear: 1958,
      status: "full",
      cell: { id: tree.cell.id, name: tree.cell.name },
      phoneMasked: "•••••••678",
      account: null,
    });
    expect(res.body).not.toContain("0912345678");
    expect(res.body).not.toContain("1958-03-09");
    expect(res.body).not.toContain(member.partyCardNumber);
  });

  it("leaves out members who transferred out or died unless asked for that status", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    await buildMember(t.db, tree.cell, { fullName: "Lê Văn An" });
    await buildMember(t.db, tree.cell, { fullName: "Lê Văn Bảo", status: "deceased" });
    await buildMember(t.db, tree.cell, { fullName: "Lê Văn Cẩn", status: "transferred_out" });
    const client = await t.as(admin);

    expect(fullNames(await client.get(`/api/units/${tree.cell.id}/members`))).toEqual(["Lê Văn An"]);
    expect(fullNames(await client.get(`/api/units/${tree.cell.id}/members?status=deceased`))).toEqual(["Lê Văn Bảo"]);
  });

  it("lets the cell's secretary list the cell", async () => {
    const tree = await buildTree(t.db);
    const secretary = await buildAccount(t.db, { cell: tree.cell, roles: [["secretary", tree.cell]] });
    await buildMember(t.db, tree.cell, { fullName: "Lê Văn An" });

    const res = await (await t.as(secretary)).get(`/api/units/${tree.cell.id}/members`);

    expect(res.statusCode).toBe(200);
    expect(fullNames(res)).toContain("Lê Văn An");
    expect(fullNames(res)).toContain(secretary.member!.fullName);
  });

  it("returns 403 to a plain member on their own cell: they can see the unit but may not list it", async () => {
    const tree = await buildTree(t.db);
    const member = await buildAccount(t.db, { cell: tree.cell });

    const res = await (await t.as(member)).get(`/api/units/${tree.cell.id}/members`);

    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("forbidden");
  });

  it("returns 403 to a cell secretary asking for the ward above", async () => {
    const tree = await buildTree(t.db);
    const secretary = await buildAccount(t.db, { cell: tree.cell, roles: [["secretary", tree.cell]] });

    expect((await (await t.as(secretary)).get(`/api/units/${tree.ward.id}/members`)).statusCode).toBe(403);
  });

  it("returns 404 to an admin of a sibling district and audits the refusal", async () => {
    const tree = await buildTree(t.db);
    const siblingAdmin = await adminOf(tree.sibling);

    const res = await (await t.as(siblingAdmin)).get(`/api/units/${tree.cell.id}/members`);

    expect(res.statusCode).toBe(404);
    expect(await eventsAbout(tree.cell.id)).toEqual([
      expect.objectContaining({ name: "access.denied", result: "denied", actorId: siblingAdmin.id, unitId: tree.cell.id }),
    ]);
  });

  it.each([
    ["a non-uuid unit id", "/api/units/abc/members"],
    ["a cursor that was not issued by the server", "/api/units/:id/members?cursor=bm90LWEtY3Vyc29y"],
    ["a limit of 0", "/api/units/:id/members?limit=0"],
    ["a limit over 100", "/api/units/:id/members?limit=101"],
    ["an unknown status", "/api/units/:id/members?status=expelled"],
    ["an unknown query parameter", "/api/units/:id/members?unitPath=u1"],
    ["a q longer than 100 characters", `/api/units/:id/members?q=${"n".repeat(101)}`],
  ])("returns 400 for %s", async (_what, url) => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);

    const res = await (await t.as(admin)).get(url.replace(":id", tree.cell.id));

    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("validation_failed");
  });

  it("returns 401 without a session", async () => {
    const tree = await buildTree(t.db);
    expect((await t.anonymous.get(`/api/units/${tree.cell.id}/members`)).statusCode).toBe(401);
  });
});

describe("GET /api/members/:id", () => {
  it("shows a member their own full record, without auditing it as a profile view", async () => {
    const tree = await buildTree(t.db);
    const account = await buildAccount(t.db, { cell: tree.cell });
    const member = account.member!;

    const res = await (await t.as(account)).get(`/api/members/${member.id}`);

    expect(res.statusCode).toBe(200);
    expect(res.json().data).toMatchObject({ id: member.id, fullName: member.fullName, phone: member.phone, dateOfBirth: "1960-05-01", account: { id: account.id, status: "active" } });
    expect(res.json().abilities).toEqual({ read: true, issueActivation: false, grantRoles: false });
    expect(await eventsAbout(member.id)).toEqual([]);
  });

  it("shows an admin the record and records a members.profile_viewed event", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    const member = await buildMember(t.db, tree.cell);

    const res = await (await t.as(admin)).get(`/api/members/${member.id}`);

    expect(res.statusCode).toBe(200);
    expect(res.json().data.partyCardNumber).toBe(member.partyCardNumber);
    expect(await eventsAbout(member.id)).toEqual([
      expect.objectContaining({ name: "members.profile_viewed", result: "success", actorId: admin.id, unitId: tree.cell.id }),
    ]);
  });

  it("returns 404 to another member of the same cell", async () => {
    const tree = await buildTree(t.db);
    const fellow = await buildAccount(t.db, { cell: tree.cell });
    const member = await buildMember(t.db, tree.cell);

    const res = await (await t.as(fellow)).get(`/api/members/${member.id}`);

    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(member.fullName);
  });

  it("returns 404 to an admin of a sibling district, exactly as for an id that does not exist", async () => {
    const tree = await buildTree(t.db);
    const siblingAdmin = await adminOf(tree.sibling);
    const member = await buildMember(t.db, tree.cell);
    const client = await t.as(siblingAdmin);

    const hidden = await client.get(`/api/members/${member.id}`);
    const missing = await client.get(`/api/members/${randomUUID()}`);

    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual(missing.json());
    expect(await eventsAbout(member.id)).toEqual([
      expect.objectContaining({ name: "access.denied", result: "denied", actorId: siblingAdmin.id, unitId: tree.cell.id }),
    ]);
  });

  it("returns 400 for a non-uuid id", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    expect((await (await t.as(admin)).get("/api/members/12345")).statusCode).toBe(400);
  });

  it("returns 401 without a session", async () => {
    const tree = await buildTree(t.db);
    const member = await buildMember(t.db, tree.cell);
    expect((await t.anonymous.get(`/api/members/${member.id}`)).statusCode).toBe(401);
  });
});

describe("POST /api/members", () => {
  const body = (cellId: string, overrides: Record<string, unknown> = {}) => ({
    cellId,
    fullName: "Phạm Thị Hồng",
    sex: "female",
    dateOfBirth: "1975-08-19",
    phone: "+84 913 456 789",
    ...overrides,
  });

  const countByName = async (fullName: string) =>
    (await t.db.selectFrom("members").select("id").where("fullName", "=", fullName).execute()).length;

  it("creates a probationary member in a cell below the admin, normalising the phone, and audits it", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);

    const res = await (await t.as(admin)).post("/api/members", body(tree.cell.id, { fullName: "Phạm Thị Hồng Nhung" }));

    expect(res.statusCode).toBe(201);
    const created = res.json().data;
    expect(created).toMatchObject({ fullName: "Phạm Thị Hồng Nhung", sex: "female", status: "probationary", phone: "0913456789", cell: { id: tree.cell.id }, account: null });
    const row = await t.db.selectFrom("members").selectAll().where("id", "=", created.id).executeTakeFirstOrThrow();
    expect(row.unitPath).toBe(tree.cell.path);
    expect(await eventsAbout(created.id)).toEqual([expect.objectContaining({ name: "members.created", actorId: admin.id, unitId: tree.cell.id })]);
  });

  it.each([
    ["a status the caller may not set", { status: "deceased" }],
    ["an extra field", { unitPath: "u1" }],
    ["a timestamp field", { createdAt: "2020-01-01T00:00:00Z" }],
    ["a name of one letter", { fullName: "A" }],
    ["a malformed phone number", { phone: "call me" }],
    ["a date that is not yyyy-mm-dd", { dateOfBirth: "19/08/1975" }],
    ["a date that does not exist", { dateOfBirth: "1975-02-29" }],
    ["a date in year 0000, which PostgreSQL refuses", { admittedOn: "0000-01-01" }],
  ])("returns 400 for %s and creates nothing", async (_what, overrides) => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    const payload = body(tree.cell.id, { fullName: "Đinh Thị Lụa", ...overrides });

    const res = await (await t.as(admin)).post("/api/members", payload);

    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("validation_failed");
    expect(await countByName("Đinh Thị Lụa")).toBe(0);
  });

  it("returns 400 when the cellId names a ward rather than a cell", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);

    const res = await (await t.as(admin)).post("/api/members", body(tree.ward.id, { fullName: "Đinh Văn Phường" }));

    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual({ cellId: "not_an_open_cell" });
    expect(await countByName("Đinh Văn Phường")).toBe(0);
  });

  it("returns 404 for a cell of a sibling district and creates nothing", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);

    const res = await (await t.as(admin)).post("/api/members", body(tree.siblingCell.id, { fullName: "Đinh Văn Lạc" }));

    expect(res.statusCode).toBe(404);
    expect(await countByName("Đinh Văn Lạc")).toBe(0);
  });

  it("returns 403 to the cell's secretary: adding members is for unit admins", async () => {
    const tree = await buildTree(t.db);
    const secretary = await buildAccount(t.db, { cell: tree.cell, roles: [["secretary", tree.cell]] });

    const res = await (await t.as(secretary)).post("/api/members", body(tree.cell.id, { fullName: "Đinh Văn Thư" }));

    expect(res.statusCode).toBe(403);
    expect(await countByName("Đinh Văn Thư")).toBe(0);
  });

  it("returns 409 when the party card number is already recorded", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    const existing = await buildMember(t.db, tree.otherCell);

    const res = await (await t.as(admin)).post("/api/members", body(tree.cell.id, { fullName: "Đinh Văn Trùng", partyCardNumber: existing.partyCardNumber }));

    expect(res.statusCode).toBe(409);
    expect(await countByName("Đinh Văn Trùng")).toBe(0);
  });

  it("returns 401 without a session", async () => {
    const tree = await buildTree(t.db);
    expect((await t.anonymous.post("/api/members", body(tree.cell.id))).statusCode).toBe(401);
  });
});

describe("POST /api/members/:id/activation-code", () => {
  const accountOf = (memberId: string) => t.db.selectFrom("accounts").selectAll().where("memberId", "=", memberId).executeTakeFirstOrThrow();

  it("issues an 8-digit code with which the member activates their account and is logged in", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    const member = await buildMember(t.db, tree.cell);

    const issued = await (await t.as(admin)).post(`/api/members/${member.id}/activation-code`);

    expect(issued.statusCode).toBe(201);
    const { code, accountId, expiresAt } = issued.json().data;
    expect(code).toMatch(/^\d{8}$/);
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect((await accountOf(member.id)).status).toBe("pending");

    const activated = await activate({ identifier: member.phone!, code, password: NEW_PASSWORD });

    expect(activated.statusCode).toBe(200);
    expect(activated.json().data.account).toMatchObject({ id: accountId, status: "active" });
    expect(activated.json().data.member.id).toBe(member.id);
    expect(activated.cookies.find((c) => c.name === "sid")?.httpOnly).toBe(true);
    const account = await accountOf(member.id);
    expect(account.status).toBe("active");
    expect(account.activatedAt).toBeInstanceOf(Date);

    const session = await t.app.inject({ method: "GET", url: "/api/auth/session", cookies: { sid: activated.cookies.find((c) => c.name === "sid")!.value } });
    expect(session.statusCode).toBe(200);
  });

  it("audits the issue without storing the code", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    const member = await buildMember(t.db, tree.cell);

    const issued = await (await t.as(admin)).post(`/api/members/${member.id}/activation-code`);

    const events = await eventsAbout(issued.json().data.accountId);
    expect(events).toEqual([expect.objectContaining({ name: "accounts.activation_issued", actorId: admin.id, unitId: tree.cell.id })]);
    expect(JSON.stringify(events)).not.toContain(issued.json().data.code);
  });

  it("accepts a code only once", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    const member = await buildMember(t.db, tree.cell);
    const { code } = (await (await t.as(admin)).post(`/api/members/${member.id}/activation-code`)).json().data;

    expect((await activate({ identifier: member.phone!, code, password: NEW_PASSWORD })).statusCode).toBe(200);
    expect((await activate({ identifier: member.phone!, code, password: "một mật khẩu khác nữa" })).statusCode).toBe(400);
  });

  it("makes the first code invalid when a second one is issued", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    const member = await buildMember(t.db, tree.cell);
    const client = await t.as(admin);
    const first = (await client.post(`/api/members/${member.id}/activation-code`)).json().data.code;
    const second = (await client.post(`/api/members/${member.id}/activation-code`)).json().data.code;

    const withFirst = await activate({ identifier: member.phone!, code: first, password: NEW_PASSWORD });
    const withSecond = await activate({ identifier: member.phone!, code: second, password: NEW_PASSWORD });

    expect(withFirst.statusCode).toBe(400);
    expect(withSecond.statusCode).toBe(200);
  });

  it("refuses a wrong code with 400, and after five wrong tries the right code stops working", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    const member = await buildMember(t.db, tree.cell);
    const { code } = (await (await t.as(admin)).post(`/api/members/${member.id}/activation-code`)).json().data;
    const wrong = code === "00000000" ? "11111111" : "00000000";

    for (let i = 0; i < 5; i++) {
      const res = await activate({ identifier: member.phone!, code: wrong, password: NEW_PASSWORD });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details.fields).toEqual({ code: "invalid" });
    }
    const right = await activate({ identifier: member.phone!, code, password: NEW_PASSWORD });

    expect(right.statusCode).toBe(400);
    expect((await accountOf(member.id)).status).toBe("pending");
  });

  it("lets the cell's secretary issue a code for a member of the cell", async () => {
    const tree = await buildTree(t.db);
    const secretary = await buildAccount(t.db, { cell: tree.cell, roles: [["secretary", tree.cell]] });
    const member = await buildMember(t.db, tree.cell);

    expect((await (await t.as(secretary)).post(`/api/members/${member.id}/activation-code`)).statusCode).toBe(201);
  });

  it("returns 400 for a member with no phone, party card number or e-mail", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    const member = await buildMember(t.db, tree.cell, { phone: null, email: null, partyCardNumber: null });

    const res = await (await t.as(admin)).post(`/api/members/${member.id}/activation-code`);

    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual({ member: "no_identifier" });
    expect(await t.db.selectFrom("accounts").select("id").where("memberId", "=", member.id).execute()).toEqual([]);
  });

  it("returns 400 for a non-uuid id", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    expect((await (await t.as(admin)).post("/api/members/x/activation-code")).statusCode).toBe(400);
  });

  it("returns 403 to a member asking for a code for themselves", async () => {
    const tree = await buildTree(t.db);
    const account = await buildAccount(t.db, { cell: tree.cell });

    expect((await (await t.as(account)).post(`/api/members/${account.member!.id}/activation-code`)).statusCode).toBe(403);
  });

  it("returns 403 for a member who has died", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    const member = await buildMember(t.db, tree.cell, { status: "deceased" });

    expect((await (await t.as(admin)).post(`/api/members/${member.id}/activation-code`)).statusCode).toBe(403);
  });

  it("returns 404 to an admin of a sibling district and creates no account", async () => {
    const tree = await buildTree(t.db);
    const siblingAdmin = await adminOf(tree.sibling);
    const member = await buildMember(t.db, tree.cell);

    const res = await (await t.as(siblingAdmin)).post(`/api/members/${member.id}/activation-code`);

    expect(res.statusCode).toBe(404);
    expect(await t.db.selectFrom("accounts").select("id").where("memberId", "=", member.id).execute()).toEqual([]);
  });

  it("returns 409 when another account already logs in with the member's phone", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    const other = await buildAccount(t.db, { cell: tree.otherCell });
    const member = await buildMember(t.db, tree.cell, { phone: other.phone });

    const res = await (await t.as(admin)).post(`/api/members/${member.id}/activation-code`);

    expect(res.statusCode).toBe(409);
  });

  it("returns 401 without a session", async () => {
    const tree = await buildTree(t.db);
    const member = await buildMember(t.db, tree.cell);
    expect((await t.anonymous.post(`/api/members/${member.id}/activation-code`)).statusCode).toBe(401);
  });
});
