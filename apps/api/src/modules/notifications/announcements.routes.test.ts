import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { buildAccount, buildMember, buildTree } from "../../../test/factories";
import { createTestApp } from "../../../test/server";

const t = await createTestApp();

const inboxOf = (accountId: string) => t.db.selectFrom("notifications").select(["title", "body", "type"]).where("accountId", "=", accountId).execute();

describe("POST /api/units/:id/announcements", () => {
  it("accepts (202), records the event, and once the jobs ran every active account of the subtree has it once, nobody outside", async () => {
    const tree = await buildTree(t.db);
    const admin = await buildAccount(t.db, { homeUnit: tree.district, roles: [["unit_admin", tree.district]] });
    const inCell = await buildAccount(t.db, { cell: tree.cell });
    const inOtherCell = await buildAccount(t.db, { cell: tree.otherCell });
    const pending = await buildAccount(t.db, { cell: tree.cell, status: "pending" });
    const sibling = await buildAccount(t.db, { cell: tree.siblingCell });
    await buildMember(t.db, tree.cell); // no account: nobody to notify

    const res = await (await t.as(admin)).post(`/api/units/${tree.district.id}/announcements`, { title: "Họp toàn quận", body: "Thứ Hai 8 giờ" });

    expect(res.statusCode).toBe(202);
    const event = await t.db.selectFrom("events").select(["id", "name", "unitId"]).where("id", "=", res.json().data.id).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ name: "notifications.announced", unitId: tree.district.id });
    expect(await inboxOf(inCell.id)).toEqual([]); // nothing before the worker runs

    expect(await t.drainJobs()).toBeGreaterThanOrEqual(3); // dispatch → fan-out → batch
    const expected = [{ title: "Họp toàn quận", body: "Thứ Hai 8 giờ", type: "system.announcement" }];
    expect(await inboxOf(inCell.id)).toEqual(expected);
    expect(await inboxOf(inOtherCell.id)).toEqual(expected);
    expect(await inboxOf(pending.id)).toEqual([]);
    expect(await inboxOf(sibling.id)).toEqual([]);
    expect(await inboxOf(admin.id)).toEqual([]); // staff-only account: no member record in the subtree
  });

  it("lets a cell secretary announce to their own cell, which reaches its members only", async () => {
    const tree = await buildTree(t.db);
    const secretary = await buildAccount(t.db, { cell: tree.cell, roles: [["secretary", tree.cell]] });
    const inCell = await buildAccount(t.db, { cell: tree.cell });
    const inOtherCell = await buildAccount(t.db, { cell: tree.otherCell });

    const res = await (await t.as(secretary)).post(`/api/units/${tree.cell.id}/announcements`, { title: "Sinh hoạt chi bộ tối thứ Năm" });

    expect(res.statusCode).toBe(202);
    await t.drainJobs();
    expect(await inboxOf(inCell.id)).toEqual([{ title: "Sinh hoạt chi bộ tối thứ Năm", body: "", type: "system.announcement" }]);
    expect(await inboxOf(secretary.id)).toHaveLength(1); // the secretary is a member of the cell too
    expect(await inboxOf(inOtherCell.id)).toEqual([]);
  });

  it("returns 403 to a cell secretary for the unit above (which they see), 404 to an admin of a sibling district", async () => {
    const tree = await buildTree(t.db);
    const secretary = await buildAccount(t.db, { cell: tree.cell, roles: [["secretary", tree.cell]] });
    const siblingAdmin = await buildAccount(t.db, { homeUnit: tree.sibling, roles: [["unit_admin", tree.sibling]] });

    expect((await (await t.as(secretary)).post(`/api/units/${tree.ward.id}/announcements`, { title: "x" })).statusCode).toBe(403);
    expect((await (await t.as(siblingAdmin)).post(`/api/units/${tree.district.id}/announcements`, { title: "x" })).statusCode).toBe(404);
    expect((await (await t.as(siblingAdmin)).post(`/api/units/${randomUUID()}/announcements`, { title: "x" })).statusCode).toBe(404);
  });

  it("returns 400 for a missing title or an extra field, and queues nothing", async () => {
    const tree = await buildTree(t.db);
    const admin = await buildAccount(t.db, { homeUnit: tree.district, roles: [["unit_admin", tree.district]] });
    const client = await t.as(admin);

    expect((await client.post(`/api/units/${tree.district.id}/announcements`, { body: "x" })).statusCode).toBe(400);
    expect((await client.post(`/api/units/${tree.district.id}/announcements`, { title: "x", type: "guidance.pinned" })).statusCode).toBe(400);
    expect(await t.drainJobs()).toBe(0);
  });

  it("returns 401 without a session", async () => {
    expect((await t.anonymous.post(`/api/units/${randomUUID()}/announcements`, { title: "x" })).statusCode).toBe(401);
  });
});

describe("jobs enqueued in a command's transaction", () => {
  const queued = async (name: string) => {
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = ${name}`.execute(t.db);
    return rows[0].n;
  };

  it("leave nothing when the transaction rolls back, and one job when it commits", async () => {
    const before = await queued("test.rollback");
    await t.boss.createQueue("test.rollback");

    await expect(
      t.db.transaction().execute(async (trx) => {
        await t.jobs.send("test.rollback", { n: 1 }, { db: trx });
        expect(await sql<{ n: number }>`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'test.rollback'`.execute(trx).then((r) => r.rows[0].n)).toBe(before + 1);
        throw new Error("command failed");
      }),
    ).rejects.toThrow("command failed");
    expect(await queued("test.rollback")).toBe(before);

    await t.db.transaction().execute((trx) => t.jobs.send("test.rollback", { n: 2 }, { db: trx }));
    expect(await queued("test.rollback")).toBe(before + 1);
  });

  it("leave no event and no job when the announcing command fails after recording", async () => {
    const tree = await buildTree(t.db);
    const admin = await buildAccount(t.db, { homeUnit: tree.district, roles: [["unit_admin", tree.district]] });
    const dispatchesBefore = await queued("events.dispatch");
    const { withTransaction } = await import("../../lib/context");
    const { announceToUnit } = await import("./notifications.commands");
    const unit = { ...tree.district, path: tree.district.path, depth: 1, childCount: 0, memberCount: 0 };
    const actor = { accountId: admin.id, memberId: null, cell: null, grants: [] };

    await expect(
      withTransaction({ db: t.db, jobs: t.jobs }, actor, { ip: null, requestId: "rollback-test" }, async (ctx) => {
        await announceToUnit(ctx, unit, { title: "Không gửi", body: "" });
        throw new Error("later step failed");
      }),
    ).rejects.toThrow("later step failed");

    expect(await queued("events.dispatch")).toBe(dispatchesBefore);
    expect(await t.db.selectFrom("events").select("id").where("requestId", "=", "rollback-test").execute()).toEqual([]);
  });
});
