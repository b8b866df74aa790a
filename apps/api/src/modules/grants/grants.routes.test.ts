import { randomUUID } from "node:crypto";
import { authenticator } from "otplib";
import { describe, expect, it } from "vitest";
import { buildAccount, buildMember, buildTree } from "../../../test/factories";
import { createTestApp } from "../../../test/server";

const t = await createTestApp();

/** A staff-only unit admin of `unit` (no member record). */
const adminOf = (unit: { id: string }) => buildAccount(t.db, { homeUnit: unit, roles: [["unit_admin", unit]] });

const activeGrantsOf = (accountId: string) =>
  t.db.selectFrom("roleGrants").select(["id", "role", "unitId"]).where("accountId", "=", accountId).where("revokedAt", "is", null).execute();

const grantId = async (accountId: string) => (await activeGrantsOf(accountId))[0].id;

describe("GET /api/units/:id/grants", () => {
  it("lists the active grants of the unit's subtree, top units first, and nothing of a sibling district", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    const secretary = await buildAccount(t.db, { cell: tree.cell, roles: [["secretary", tree.cell]] });
    const editor = await buildAccount(t.db, { cell: tree.cell, roles: [["editor", tree.ward]] });
    const revoked = await buildAccount(t.db, { cell: tree.otherCell, roles: [["deputy_secretary", tree.otherCell]] });
    await t.db.updateTable("roleGrants").set({ revokedAt: new Date() }).where("accountId", "=", revoked.id).execute();
    await buildAccount(t.db, { cell: tree.siblingCell, roles: [["secretary", tree.siblingCell]] });

    const res = await (await t.as(admin)).get(`/api/units/${tree.district.id}/grants`);

    expect(res.statusCode).toBe(200);
    expect(res.json().data.map((g: { role: string; account: { id: string }; unit: { id: string } }) => [g.role, g.account.id, g.unit.id])).toEqual([
      ["unit_admin", admin.id, tree.district.id],
      ["editor", editor.id, tree.ward.id],
      ["secretary", secretary.id, tree.cell.id],
    ]);
  });

  it("returns 403 to the cell's secretary, who can see the unit but not its grants", async () => {
    const tree = await buildTree(t.db);
    const secretary = await buildAccount(t.db, { cell: tree.cell, roles: [["secretary", tree.cell]] });

    expect((await (await t.as(secretary)).get(`/api/units/${tree.cell.id}/grants`)).statusCode).toBe(403);
  });

  it("returns 404 to an admin of a sibling district", async () => {
    const tree = await buildTree(t.db);
    const siblingAdmin = await adminOf(tree.sibling);

    expect((await (await t.as(siblingAdmin)).get(`/api/units/${tree.district.id}/grants`)).statusCode).toBe(404);
  });

  it("returns 400 for a non-uuid id", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    expect((await (await t.as(admin)).get("/api/units/district/grants")).statusCode).toBe(400);
  });

  it("returns 401 without a session", async () => {
    const tree = await buildTree(t.db);
    expect((await t.anonymous.get(`/api/units/${tree.district.id}/grants`)).statusCode).toBe(401);
  });
});

describe("POST /api/grants", () => {
  it("grants a role and records grants.granted", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    const grantee = await buildAccount(t.db, { cell: tree.cell });

    const res = await (await t.as(admin)).post("/api/grants", { unitId: tree.cell.id, memberId: grantee.member!.id, role: "secretary" });

    expect(res.statusCode).toBe(201);
    expect(res.json().data).toMatchObject({ role: "secretary", unit: { id: tree.cell.id, kind: "cell" }, account: { id: grantee.id } });
    expect(await activeGrantsOf(grantee.id)).toEqual([{ id: res.json().data.id, role: "secretary", unitId: tree.cell.id }]);
    const events = await t.db.selectFrom("events").select(["name", "actorId", "unitId"]).where("subjectId", "=", res.json().data.id).execute();
    expect(events).toEqual([{ name: "grants.granted", actorId: admin.id, unitId: tree.cell.id }]);
  });

  it("gives the grantee the role on their next request", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    const grantee = await buildAccount(t.db, { cell: tree.cell });
    const granteeClient = await t.as(grantee); // a verified session, as after TOTP
    expect((await granteeClient.get(`/api/units/${tree.cell.id}/members`)).statusCode).toBe(403);

    await (await t.as(admin)).post("/api/grants", { unitId: tree.cell.id, memberId: grantee.member!.id, role: "secretary" });

    expect((await granteeClient.get(`/api/units/${tree.cell.id}/members`)).statusCode).toBe(200);
  });

  it("holds a member's existing session at mfa_required until they pass TOTP, then the role counts", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    const grantee = await buildAccount(t.db, { cell: tree.cell });
    const phone = await t.as(grantee, { mfa: "none" }); // logged in as a plain member, no second factor
    expect((await phone.get(`/api/units/${tree.cell.id}/members`)).statusCode).toBe(403);

    await (await t.as(admin)).post("/api/grants", { unitId: tree.cell.id, memberId: grantee.member!.id, role: "deputy_secretary" });

    const held = await phone.get(`/api/units/${tree.cell.id}/members`);
    expect(held.statusCode).toBe(401);
    expect(held.json().error.code).toBe("mfa_required");
    expect((await phone.get("/api/auth/session")).json().data.mfa).toBe("enroll");

    const { secret } = (await phone.post("/api/auth/totp/setup")).json().data;
    const verified = await phone.post("/api/auth/totp/verify", { code: authenticator.generate(secret) });
    expect(verified.statusCode).toBe(200);

    expect((await phone.get(`/api/units/${tree.cell.id}/members`)).statusCode).toBe(200);
  });

  it("creates a pending account for a member who has none yet", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    const member = await buildMember(t.db, tree.cell);

    const res = await (await t.as(admin)).post("/api/grants", { unitId: tree.ward.id, memberId: member.id, role: "editor" });

    expect(res.statusCode).toBe(201);
    const account = await t.db.selectFrom("accounts").select(["id", "status"]).where("memberId", "=", member.id).executeTakeFirstOrThrow();
    expect(account.status).toBe("pending");
    expect(res.json().data.account.id).toBe(account.id);
  });

  it("returns 409 for a role the member already holds on that unit", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    const grantee = await buildAccount(t.db, { cell: tree.cell, roles: [["secretary", tree.cell]] });

    const res = await (await t.as(admin)).post("/api/grants", { unitId: tree.cell.id, memberId: grantee.member!.id, role: "secretary" });

    expect(res.statusCode).toBe(409);
    expect(await activeGrantsOf(grantee.id)).toHaveLength(1);
  });

  it("returns 404 for a unit of a sibling district and grants nothing", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    const grantee = await buildAccount(t.db, { cell: tree.cell });

    const res = await (await t.as(admin)).post("/api/grants", { unitId: tree.siblingCell.id, memberId: grantee.member!.id, role: "secretary" });

    expect(res.statusCode).toBe(404);
    expect(await activeGrantsOf(grantee.id)).toEqual([]);
  });

  it("returns 404 for a member of a sibling district and grants nothing", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    const outsider = await buildAccount(t.db, { cell: tree.siblingCell });

    const res = await (await t.as(admin)).post("/api/grants", { unitId: tree.cell.id, memberId: outsider.member!.id, role: "unit_admin" });

    expect(res.statusCode).toBe(404);
    expect(await activeGrantsOf(outsider.id)).toEqual([]);
  });

  it("returns 403 to a ward admin granting a role on the district above", async () => {
    const tree = await buildTree(t.db);
    const wardAdmin = await adminOf(tree.ward);
    const member = await buildAccount(t.db, { cell: tree.cell });

    const res = await (await t.as(wardAdmin)).post("/api/grants", { unitId: tree.district.id, memberId: member.member!.id, role: "unit_admin" });

    expect(res.statusCode).toBe(403);
    expect(await activeGrantsOf(member.id)).toEqual([]);
  });

  it("returns 403 to the cell's secretary granting a role on the cell", async () => {
    const tree = await buildTree(t.db);
    const secretary = await buildAccount(t.db, { cell: tree.cell, roles: [["secretary", tree.cell]] });
    const member = await buildAccount(t.db, { cell: tree.cell });

    const res = await (await t.as(secretary)).post("/api/grants", { unitId: tree.cell.id, memberId: member.member!.id, role: "deputy_secretary" });

    expect(res.statusCode).toBe(403);
  });

  it("returns 403 for a member who transferred out", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    const member = await buildMember(t.db, tree.cell, { status: "transferred_out" });

    expect((await (await t.as(admin)).post("/api/grants", { unitId: tree.cell.id, memberId: member.id, role: "editor" })).statusCode).toBe(403);
  });

  it.each([
    ["a role that does not exist", { role: "superuser" }],
    ["the implicit member role", { role: "member" }],
    ["an extra field", { role: "editor", grantedBy: "00000000-0000-4000-8000-000000000000" }],
    ["a non-uuid unitId", { role: "editor", unitId: "district" }],
  ])("returns 400 for %s", async (_what, overrides) => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    const member = await buildAccount(t.db, { cell: tree.cell });

    const res = await (await t.as(admin)).post("/api/grants", { unitId: tree.cell.id, memberId: member.member!.id, ...overrides });

    expect(res.statusCode).toBe(400);
    expect(await activeGrantsOf(member.id)).toEqual([]);
  });

  it("returns 401 without a session", async () => {
    const tree = await buildTree(t.db);
    const member = await buildMember(t.db, tree.cell);
    expect((await t.anonymous.post("/api/grants", { unitId: tree.cell.id, memberId: member.id, role: "editor" })).statusCode).toBe(401);
  });
});

describe("DELETE /api/grants/:id", () => {
  it("revokes the grant, records grants.revoked, and drops it from the list", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    const secretary = await buildAccount(t.db, { cell: tree.cell, roles: [["secretary", tree.cell]] });
    const id = await grantId(secretary.id);
    const client = await t.as(admin);

    const res = await client.delete(`/api/grants/${id}`);

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ok: true });
    expect(await activeGrantsOf(secretary.id)).toEqual([]);
    const listed = (await client.get(`/api/units/${tree.cell.id}/grants`)).json().data;
    expect(listed.map((g: { id: string }) => g.id)).not.toContain(id);
    const events = await t.db.selectFrom("events").select(["name", "actorId", "unitId"]).where("subjectId", "=", id).execute();
    expect(events).toEqual([{ name: "grants.revoked", actorId: admin.id, unitId: tree.cell.id }]);
  });

  it("takes effect on the revoked admin's next request", async () => {
    const tree = await buildTree(t.db);
    const districtAdmin = await adminOf(tree.district);
    const wardAdmin = await adminOf(tree.ward);
    const memberAdmin = await buildAccount(t.db, { cell: tree.cell, roles: [["unit_admin", tree.ward]] });
    const wardClient = await t.as(wardAdmin);
    const memberClient = await t.as(memberAdmin);
    expect((await wardClient.get(`/api/units/${tree.cell.id}/members`)).statusCode).toBe(200);
    expect((await memberClient.get(`/api/units/${tree.cell.id}/members`)).statusCode).toBe(200);

    const districtClient = await t.as(districtAdmin);
    await districtClient.delete(`/api/grants/${await grantId(wardAdmin.id)}`);
    await districtClient.delete(`/api/grants/${await grantId(memberAdmin.id)}`);

    // A staff-only account no longer sees the unit at all; a member still sees their own cell.
    expect((await wardClient.get(`/api/units/${tree.cell.id}/members`)).statusCode).toBe(404);
    expect((await memberClient.get(`/api/units/${tree.cell.id}/members`)).statusCode).toBe(403);
  });

  it("returns 404 to an admin of a sibling district and leaves the grant in place", async () => {
    const tree = await buildTree(t.db);
    const siblingAdmin = await adminOf(tree.sibling);
    const secretary = await buildAccount(t.db, { cell: tree.cell, roles: [["secretary", tree.cell]] });

    const res = await (await t.as(siblingAdmin)).delete(`/api/grants/${await grantId(secretary.id)}`);

    expect(res.statusCode).toBe(404);
    expect(await activeGrantsOf(secretary.id)).toHaveLength(1);
  });

  it("returns 404 to a ward admin revoking the grant of the district admin above", async () => {
    const tree = await buildTree(t.db);
    const districtAdmin = await adminOf(tree.district);
    const wardAdmin = await adminOf(tree.ward);

    const res = await (await t.as(wardAdmin)).delete(`/api/grants/${await grantId(districtAdmin.id)}`);

    expect(res.statusCode).toBe(404);
    expect(await activeGrantsOf(districtAdmin.id)).toHaveLength(1);
  });

  it("returns 404 for a grant that is already revoked or does not exist", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    const secretary = await buildAccount(t.db, { cell: tree.cell, roles: [["secretary", tree.cell]] });
    const id = await grantId(secretary.id);
    const client = await t.as(admin);
    await client.delete(`/api/grants/${id}`);

    expect((await client.delete(`/api/grants/${id}`)).statusCode).toBe(404);
    expect((await client.delete(`/api/grants/${randomUUID()}`)).statusCode).toBe(404);
  });

  it("returns 400 for a non-uuid id", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    expect((await (await t.as(admin)).delete("/api/grants/1")).statusCode).toBe(400);
  });

  it("returns 401 without a session", async () => {
    const tree = await buildTree(t.db);
    const secretary = await buildAccount(t.db, { cell: tree.cell, roles: [["secretary", tree.cell]] });
    const res = await t.app.inject({ method: "DELETE", url: `/api/grants/${await grantId(secretary.id)}` });
    expect(res.statusCode).toBe(401);
  });
});
