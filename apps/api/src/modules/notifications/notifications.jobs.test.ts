import { describe, expect, it } from "vitest";
import { buildAccount, buildTree } from "../../../test/factories";
import { createTestApp, testEnv } from "../../../test/server";
import { FANOUT_BATCH_QUEUE, notifyUnitSubtree, runFanout, runFanoutBatch } from "./notifications.jobs";
import * as notificationsRepo from "./notifications.repo";

const t = await createTestApp();

const countFor = async (dedupeKey: string) =>
  (await t.db.selectFrom("notifications").select("accountId").where("dedupeKey", "=", dedupeKey).execute()).map((r) => r.accountId).sort();

describe("notifyUnitSubtree", () => {
  it("splits the subtree into keyset batches that together reach every active member once", async () => {
    const tree = await buildTree(t.db);
    const inside = [];
    for (const cell of [tree.cell, tree.cell, tree.otherCell, tree.otherCell, tree.cell]) inside.push((await buildAccount(t.db, { cell })).id);
    const outside = await buildAccount(t.db, { cell: tree.siblingCell });

    const bounds = await notificationsRepo.batchBoundaries(t.db, tree.district.path, 2);
    expect(bounds).toHaveLength(3); // 5 accounts in batches of 2

    await notifyUnitSubtree(t.jobDeps, { unitId: tree.district.id, type: "system.announcement", title: "T", body: "", link: "/x", dedupeKey: "k1" });
    const small = { ...t.jobDeps, env: { ...testEnv, FANOUT_BATCH_SIZE: 2 } };
    // Run the fan-out with batches of 2 by hand, then let the drain run the batch jobs it queued.
    const [fanout] = await t.boss.fetch<Parameters<typeof runFanout>[1]>("notifications.fanout");
    await runFanout(small, fanout.data);
    await t.boss.complete("notifications.fanout", fanout.id);
    expect(await t.boss.getQueueSize(FANOUT_BATCH_QUEUE)).toBe(3);
    await t.drainJobs();

    expect(await countFor("k1")).toEqual(inside.sort());
    expect(await countFor("k1")).not.toContain(outside.id);
  });

  it("refuses an unregistered type", async () => {
    const tree = await buildTree(t.db);
    await expect(notifyUnitSubtree(t.jobDeps, { unitId: tree.city.id, type: "nope.nothing", title: "T", body: "", link: null, dedupeKey: "k" })).rejects.toThrow(/Unregistered/);
  });
});

describe("a fan-out batch run twice (a worker killed after writing, then retried)", () => {
  it("writes each notification once and tells live clients only about new ones", async () => {
    const tree = await buildTree(t.db);
    const a = await buildAccount(t.db, { cell: tree.cell });
    const b = await buildAccount(t.db, { cell: tree.otherCell });
    const [fromId] = await notificationsRepo.batchBoundaries(t.db, tree.ward.path, 5000);
    const batch = {
      path: tree.ward.path,
      fromId,
      toId: null,
      content: { type: "system.announcement", title: "Once", body: "", link: null, subjectType: null, subjectId: null, dedupeKey: "twice" },
    };
    const published: string[][] = [];
    const stop = t.live.subscribe((m) => published.push(m.accountIds));

    await runFanoutBatch(t.jobDeps, batch);
    await runFanoutBatch(t.jobDeps, batch);
    await runFanout(t.jobDeps, { unitId: tree.ward.id, ...batch.content }); // the whole fan-out again
    await t.drainJobs();
    stop();

    expect(await countFor("twice")).toEqual([a.id, b.id].sort());
    expect(published).toEqual([[a.id, b.id].sort()].map((ids) => expect.arrayContaining(ids)));
  });
});
