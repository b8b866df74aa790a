import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildAccount, buildMember, buildTree, buildUnit } from "../../../test/factories";
import { createTestApp } from "../../../test/server";

const t = await createTestApp();

/** A staff-only unit admin of `unit` (no member record), the shape of a district's IT officer. */
const adminOf = (unit: { id: string }) => buildAccount(t.db, { homeUnit: unit, roles: [["unit_admin", unit]] });

const names = (res: { json: () => { data: { name: string }[] } }) => res.json().data.map((u) => u.name);

describe("GET /api/units", () => {
  it("returns the top units where the actor holds roles", async () => {
    const tree = await buildTree(t.db);
    const admin = await buildAccount(t.db, { homeUnit: tree.district, roles: [["unit_admin", tree.district], ["editor", tree.ward]] });

    const res = await (await t.as(admin)).get("/api/units");

    expect(res.statusCode).toBe(200);
    expect(res.json().data.map((u: { id: string }) => u.id)).toEqual([tree.district.id]);
    expect(res.json().abilities[tree.district.id]).toMatchObject({ read: true, browse: true, listMembers: true, manageGrants: true });
  });

  it("returns a plain member's own cell, with what they may do there", async () => {
    const tree = await buildTree(t.db);
    const member = await buildAccount(t.db, { cell: tree.cell });

    const res = await (await t.as(member)).get("/api/units");

    expect(res.statusCode).toBe(200);
    expect(res.json().data).toEqual([expect.objectContaining({ id: tree.cell.id, kind: "cell", memberCount: 1 })]);
    expect(res.json().abilities[tree.cell.id]).toMatchObject({ read: true, browse: false, listMembers: false });
  });

  it("lists a secretary's cell once, not as both their cell and their grant", async () => {
    const tree = await buildTree(t.db);
    const secretary = await buildAccount(t.db, { cell: tree.cell, roles: [["secretary", tree.cell]] });

    const res = await (await t.as(secretary)).get("/api/units");

    expect(res.json().data.map((u: { id: string }) => u.id)).toEqual([tree.cell.id]);
  });

  it("returns 401 without a session", async () => {
    const res = await t.anonymous.get("/api/units");

    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe("unauthenticated");
  });
});

describe("GET /api/units/search", () => {
  it("ignores diacritics: 'dien bien' finds 'Đảng ủy phường Điện Biên'", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);

    const res = await (await t.as(admin)).get("/api/units/search?q=dien%20bien");

    expect(res.statusCode).toBe(200);
    expect(res.json().data.map((u: { id: string }) => u.id)).toEqual([tree.ward.id]);
  });

  it("folds đ to d: 'dang uy' finds 'Đảng ủy …', and only inside the actor's scope", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);

    const res = await (await t.as(admin)).get("/api/units/search?q=dang%20uy");

    expect(res.statusCode).toBe(200);
    // Đảng ủy phường Bồ Đề of the sibling district matches too, but is out of scope.
    expect(names(res)).toEqual(["Đảng ủy phường Điện Biên"]);
  });

  it("matches queries typed with diacritics, in capitals or in NFD", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    const client = await t.as(admin);

    for (const q of ["Điện Biên", "ĐIỆN BIÊN", "Điện Biên".normalize("NFD"), "  dien   bien "]) {
      const res = await client.get(`/api/units/search?q=${encodeURIComponent(q)}`);
      expect(res.statusCode, q).toBe(200);
      expect(names(res), q).toEqual(["Đảng ủy phường Điện Biên"]);
    }
  });

  it("treats % and _ in the query as text, not wildcards", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);

    const res = await (await t.as(admin)).get("/api/units/search?q=%25");

    expect(res.statusCode).toBe(200);
    expect(res.json().data).toEqual([]);
  });

  it("puts names that start with the query before names that only contain it", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    await buildUnit(t.db, { parentId: tree.ward.id, kind: "cell", name: "Điện Biên – Chi bộ khu tập thể" });

    const res = await (await t.as(admin)).get("/api/units/search?q=dien%20bien");

    expect(names(res)).toEqual(["Điện Biên – Chi bộ khu tập thể", "Đảng ủy phường Điện Biên"]);
  });

  it("lets a plain member find the units above their own cell, but not beside it", async () => {
    const tree = await buildTree(t.db);
    const member = await buildAccount(t.db, { cell: tree.cell });
    const client = await t.as(member);

    expect(names(await client.get("/api/units/search?q=ba%20dinh"))).toEqual(["Quận ủy Ba Đình"]);
    expect(names(await client.get("/api/units/search?q=to%20dan%20pho"))).toEqual(["Chi bộ tổ dân phố số 1"]);
    expect(names(await client.get("/api/units/search?q=long%20bien"))).toEqual([]);
  });

  it.each([
    ["without q", ""],
    ["with an empty q", "?q="],
    ["with a q of only spaces", "?q=%20%20"],
    ["with a q longer than 100 characters", `?q=${"a".repeat(101)}`],
    ["with a limit over 50", "?q=dang&limit=51"],
    ["with an unknown parameter", "?q=dang&unitPath=u1"],
  ])("returns 400 %s", async (_what, query) => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);

    const res = await (await t.as(admin)).get(`/api/units/search${query}`);

    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("validation_failed");
  });

  it("returns 401 without a session", async () => {
    expect((await t.anonymous.get("/api/units/search?q=dang")).statusCode).toBe(401);
  });
});

describe("GET /api/units/:id", () => {
  it("returns a unit below the admin's district with counts and abilities", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    await buildMember(t.db, tree.cell);
    await buildMember(t.db, tree.cell);

    const res = await (await t.as(admin)).get(`/api/units/${tree.cell.id}`);

    expect(res.statusCode).toBe(200);
    expect(res.json().data).toMatchObject({ id: tree.cell.id, parentId: tree.ward.id, kind: "cell", name: "Chi bộ tổ dân phố số 1", depth: 4, memberCount: 2, childCount: 0 });
    expect(res.json().data).not.toHaveProperty("path");
    expect(res.json().abilities).toMatchObject({ read: true, addMember: true });
  });

  it("lets a plain member read the units above their cell", async () => {
    const tree = await buildTree(t.db);
    const member = await buildAccount(t.db, { cell: tree.cell });

    const res = await (await t.as(member)).get(`/api/units/${tree.district.id}`);

    expect(res.statusCode).toBe(200);
    expect(res.json().abilities).toMatchObject({ read: true, browse: false });
  });

  it("returns 404 to an admin of a sibling district, exactly as for a unit that does not exist", async () => {
    const tree = await buildTree(t.db);
    const siblingAdmin = await adminOf(tree.sibling);
    const client = await t.as(siblingAdmin);

    const hidden = await client.get(`/api/units/${tree.cell.id}`);
    const missing = await client.get(`/api/units/${randomUUID()}`);

    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual(missing.json());
  });

  it("returns 404 to a plain member asking for a sibling cell", async () => {
    const tree = await buildTree(t.db);
    const member = await buildAccount(t.db, { cell: tree.cell });

    expect((await (await t.as(member)).get(`/api/units/${tree.otherCell.id}`)).statusCode).toBe(404);
  });

  it("returns 400 for an id that is not a uuid", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);

    const res = await (await t.as(admin)).get("/api/units/not-a-uuid");

    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: "validation_failed", details: { in: "params" } });
  });

  it("returns 401 without a session", async () => {
    const tree = await buildTree(t.db);
    expect((await t.anonymous.get(`/api/units/${tree.cell.id}`)).statusCode).toBe(401);
  });
});

describe("GET /api/units/:id/children", () => {
  it("lists the open children in name order", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    await buildUnit(t.db, { parentId: tree.ward.id, kind: "cell", name: "Chi bộ đã giải thể", status: "closed" });

    const res = await (await t.as(admin)).get(`/api/units/${tree.ward.id}/children`);

    expect(res.statusCode).toBe(200);
    expect(names(res)).toEqual(["Chi bộ tổ dân phố số 1", "Chi bộ tổ dân phố số 2"]);
    expect(Object.keys(res.json().abilities).sort()).toEqual([tree.cell.id, tree.otherCell.id].sort());
  });

  it("includes closed children when asked", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    await buildUnit(t.db, { parentId: tree.ward.id, kind: "cell", name: "Chi bộ đã giải thể", status: "closed" });

    const res = await (await t.as(admin)).get(`/api/units/${tree.ward.id}/children?includeClosed=true`);

    expect(names(res)).toContain("Chi bộ đã giải thể");
    expect(res.json().data).toHaveLength(3);
  });

  it("returns 403 to a plain member on the ward above their cell: they may see it, not browse it", async () => {
    const tree = await buildTree(t.db);
    const member = await buildAccount(t.db, { cell: tree.cell });

    const res = await (await t.as(member)).get(`/api/units/${tree.ward.id}/children`);

    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe("forbidden");
  });

  it("returns 404 to an admin of a sibling district", async () => {
    const tree = await buildTree(t.db);
    const siblingAdmin = await adminOf(tree.sibling);

    expect((await (await t.as(siblingAdmin)).get(`/api/units/${tree.ward.id}/children`)).statusCode).toBe(404);
  });

  it.each([
    ["a non-uuid id", "/api/units/123/children"],
    ["an includeClosed that is not true or false", "/api/units/:id/children?includeClosed=yes"],
  ])("returns 400 for %s", async (_what, url) => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);

    expect((await (await t.as(admin)).get(url.replace(":id", tree.ward.id))).statusCode).toBe(400);
  });

  it("returns 401 without a session", async () => {
    const tree = await buildTree(t.db);
    expect((await t.anonymous.get(`/api/units/${tree.ward.id}/children`)).statusCode).toBe(401);
  });
});

describe("GET /api/units/:id/ancestors", () => {
  it("returns the unit and every unit above it, top first", async () => {
    const tree = await buildTree(t.db);
    const member = await buildAccount(t.db, { cell: tree.cell });

    const res = await (await t.as(member)).get(`/api/units/${tree.cell.id}/ancestors`);

    expect(res.statusCode).toBe(200);
    expect(res.json().data.map((u: { id: string }) => u.id)).toEqual([tree.city.id, tree.district.id, tree.ward.id, tree.cell.id]);
  });

  it("returns 404 to an admin of a sibling district", async () => {
    const tree = await buildTree(t.db);
    const siblingAdmin = await adminOf(tree.sibling);

    expect((await (await t.as(siblingAdmin)).get(`/api/units/${tree.cell.id}/ancestors`)).statusCode).toBe(404);
  });

  it("returns 400 for a non-uuid id", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);

    expect((await (await t.as(admin)).get("/api/units/u1.u2/ancestors")).statusCode).toBe(400);
  });

  it("returns 401 without a session", async () => {
    const tree = await buildTree(t.db);
    expect((await t.anonymous.get(`/api/units/${tree.cell.id}/ancestors`)).statusCode).toBe(401);
  });
});
