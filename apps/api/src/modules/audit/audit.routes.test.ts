import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildAccount, buildMember, buildTree } from "../../../test/factories";
import { createTestApp } from "../../../test/server";
import { insertEvent } from "../../lib/events";

const t = await createTestApp();

/** A staff-only unit admin of `unit` (no member record). */
const adminOf = (unit: { id: string }) => buildAccount(t.db, { homeUnit: unit, roles: [["unit_admin", unit]] });

type Entry = { id: string; name: string; result: string; actor: { id: string } | null; unit: { id: string } | null; subjectId: string | null; data: Record<string, unknown> };
const entries = (res: { json: () => { data: Entry[] } }) => res.json().data;

describe("GET /api/audit", () => {
  it("lists the events of the admin's subtree only, never those of a sibling district", async () => {
    const tree = await buildTree(t.db);
    const adminA = await adminOf(tree.district);
    const adminB = await adminOf(tree.sibling);
    const memberA = await buildMember(t.db, tree.cell);
    const memberB = await buildMember(t.db, tree.siblingCell);
    const clientA = await t.as(adminA);
    const clientB = await t.as(adminB);
    await clientA.get(`/api/members/${memberA.id}`);
    await clientB.get(`/api/members/${memberB.id}`);

    const seenByA = entries(await clientA.get("/api/audit"));
    const seenByB = entries(await clientB.get("/api/audit"));

    expect(seenByA.map((e) => e.subjectId)).toContain(memberA.id);
    expect(seenByA.map((e) => e.subjectId)).not.toContain(memberB.id);
    expect(seenByB.map((e) => e.subjectId)).toContain(memberB.id);
    expect(seenByB.map((e) => e.subjectId)).not.toContain(memberA.id);
    const viewed = seenByA.find((e) => e.subjectId === memberA.id);
    expect(viewed).toMatchObject({ name: "members.profile_viewed", result: "success", actor: { id: adminA.id }, unit: { id: tree.cell.id } });
  });

  it("records access.denied when a sibling district's admin is refused, in the audit of the probed unit", async () => {
    const tree = await buildTree(t.db);
    const adminA = await adminOf(tree.district);
    const adminB = await adminOf(tree.sibling);
    const memberA = await buildMember(t.db, tree.cell);
    const clientB = await t.as(adminB);

    expect((await clientB.get(`/api/members/${memberA.id}`)).statusCode).toBe(404);
    expect((await clientB.get(`/api/units/${tree.cell.id}/members`)).statusCode).toBe(404);

    const denied = entries(await (await t.as(adminA)).get("/api/audit?name=access.denied"));
    expect(denied).toEqual([
      expect.objectContaining({ name: "access.denied", result: "denied", actor: expect.objectContaining({ id: adminB.id }), subjectId: tree.cell.id, data: expect.objectContaining({ action: "listMembers", status: 404 }) }),
      expect.objectContaining({ name: "access.denied", result: "denied", actor: expect.objectContaining({ id: adminB.id }), subjectId: memberA.id, data: expect.objectContaining({ action: "read", status: 404 }) }),
    ]);
    expect(entries(await clientB.get("/api/audit?name=access.denied"))).toEqual([]);
  });

  it("narrows to one unit of the subtree with unitId", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    const inCell = await buildMember(t.db, tree.cell);
    const inOtherCell = await buildMember(t.db, tree.otherCell);
    const client = await t.as(admin);
    await client.get(`/api/members/${inCell.id}`);
    await client.get(`/api/members/${inOtherCell.id}`);

    const res = await client.get(`/api/audit?unitId=${tree.cell.id}`);

    expect(res.statusCode).toBe(200);
    expect(entries(res).map((e) => e.subjectId)).toEqual([inCell.id]);
  });

  it("pages newest first with before, returning every event exactly once", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    const written = ["members.created", "members.profile_viewed", "grants.granted", "grants.revoked", "members.profile_viewed"];
    for (const [i, name] of written.entries()) {
      await insertEvent(t.db, { name: name as `${string}.${string}`, unitId: tree.otherCell.id, subjectType: "test", subjectId: `event-${i}` }, { ip: null, requestId: null });
    }
    const client = await t.as(admin);

    const seen: Entry[] = [];
    let before: string | null = null;
    let pages = 0;
    do {
      const query: string = before ? `&before=${before}` : "";
      const res = await client.get(`/api/audit?unitId=${tree.otherCell.id}&limit=2${query}`);
      expect(res.statusCode).toBe(200);
      seen.push(...entries(res));
      before = res.json().nextBefore;
      pages += 1;
    } while (before && pages < 10);

    expect(seen.map((e) => e.subjectId)).toEqual(["event-4", "event-3", "event-2", "event-1", "event-0"]);
    expect(pages).toBe(3);
  });

  it("filters by event name prefix", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    await insertEvent(t.db, { name: "grants.granted", unitId: tree.cell.id, subjectId: "g" }, { ip: null, requestId: null });
    await insertEvent(t.db, { name: "members.created", unitId: tree.cell.id, subjectId: "m" }, { ip: null, requestId: null });

    const res = await (await t.as(admin)).get(`/api/audit?unitId=${tree.cell.id}&name=grants.`);

    expect(entries(res).map((e) => e.name)).toEqual(["grants.granted"]);
  });

  it("shows events tied to no unit (failed logins of unknown identifiers) to top-level admins only", async () => {
    const tree = await buildTree(t.db);
    const cityAdmin = await adminOf(tree.city);
    const districtAdmin = await adminOf(tree.district);
    const requestId = randomUUID();
    await insertEvent(t.db, { name: "auth.login_failed", result: "failure", actorId: null, unitId: null, data: { reason: "unknown_identifier" } }, { ip: "203.0.113.9", requestId });
    const unscoped = async (client: Awaited<ReturnType<typeof t.as>>) =>
      entries(await client.get("/api/audit?name=auth.login_failed&limit=100")).filter((e) => e.unit === null);

    expect((await unscoped(await t.as(cityAdmin))).length).toBeGreaterThan(0);
    expect(await unscoped(await t.as(districtAdmin))).toEqual([]);
  });

  it("returns 403 to a secretary and to a plain member: only unit admins read the audit trail", async () => {
    const tree = await buildTree(t.db);
    const secretary = await buildAccount(t.db, { cell: tree.cell, roles: [["secretary", tree.cell]] });
    const member = await buildAccount(t.db, { cell: tree.cell });

    for (const account of [secretary, member]) {
      const res = await (await t.as(account)).get("/api/audit");
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe("forbidden");
    }
  });

  it("returns 403 to a district admin asking for the city above, which they can see but not audit", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);

    expect((await (await t.as(admin)).get(`/api/audit?unitId=${tree.city.id}`)).statusCode).toBe(403);
  });

  it("returns 404 for a unitId of a sibling district, as for one that does not exist", async () => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);
    const client = await t.as(admin);

    const hidden = await client.get(`/api/audit?unitId=${tree.siblingCell.id}`);
    const missing = await client.get(`/api/audit?unitId=${randomUUID()}`);

    expect(hidden.statusCode).toBe(404);
    expect(hidden.json()).toEqual(missing.json());
  });

  it.each([
    ["a non-numeric before", "?before=abc"],
    ["a non-uuid unitId", "?unitId=u1.u2"],
    ["a limit of 0", "?limit=0"],
    ["a name with characters outside a-z, _ and .", "?name=members%25"],
    ["an unknown parameter", "?actorId=x"],
  ])("returns 400 for %s", async (_what, query) => {
    const tree = await buildTree(t.db);
    const admin = await adminOf(tree.district);

    const res = await (await t.as(admin)).get(`/api/audit${query}`);

    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe("validation_failed");
  });

  it("returns 401 without a session", async () => {
    expect((await t.anonymous.get("/api/audit")).statusCode).toBe(401);
  });
});
