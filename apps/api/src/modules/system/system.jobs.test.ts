import { describe, expect, it } from "vitest";
import { buildAccount, buildTree } from "../../../test/factories";
import { createTestApp, testEnv } from "../../../test/server";
import { createSession } from "../../lib/session";
import { runHousekeeping } from "./system.jobs";

const t = await createTestApp();
const daysAgo = (d: number) => new Date(Date.now() - d * 86_400_000);

describe("daily housekeeping", () => {
  it("deletes sessions and activation codes that can no longer be used, and keeps live ones", async () => {
    const tree = await buildTree(t.db);
    const account = await buildAccount(t.db, { cell: tree.cell });
    const open = async () => (await createSession(t.db, testEnv, { accountId: account.id, staff: false, totpEnabled: false, ip: null, userAgent: null })).session.id;
    const [live, idle, revoked] = [await open(), await open(), await open()];
    await t.db.updateTable("sessions").set({ idleExpiresAt: daysAgo(2) }).where("id", "=", idle).execute();
    await t.db.updateTable("sessions").set({ revokedAt: daysAgo(2) }).where("id", "=", revoked).execute();
    const code = (values: { expiresAt: Date; usedAt?: Date }) =>
      t.db.insertInto("activationCodes").values({ accountId: account.id, codeHash: "x", ...values }).returning("id").executeTakeFirstOrThrow();
    const valid = await code({ expiresAt: daysAgo(-1) });
    await code({ expiresAt: daysAgo(2) });
    await code({ expiresAt: daysAgo(-1), usedAt: daysAgo(3) });

    await runHousekeeping(t.jobDeps);
    await runHousekeeping(t.jobDeps); // twice is the same as once

    const sessions = await t.db.selectFrom("sessions").select("id").where("accountId", "=", account.id).execute();
    expect(sessions.map((s) => s.id)).toEqual([live]);
    const codes = await t.db.selectFrom("activationCodes").select("id").where("accountId", "=", account.id).execute();
    expect(codes).toEqual([valid]);
  });

  it("has its queue registered with the worker", async () => {
    const { queues } = await import("../../worker");
    expect(Object.keys(queues)).toContain("system.housekeeping");
  });
});
