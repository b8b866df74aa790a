import { describe, expect, it } from "vitest";
import type { Actor } from "./actor";
import { AppError } from "./errors";
import { authorize, definePolicy } from "./policy";

// The library under every policy: 404 for what the actor may not see, 403 for what they see but may not do.
type Row = { id: string; unitId: string; unitPath: string; open: boolean };
const rowPolicy = definePolicy<Row>()("row", {
  read: (actor, r) => actor.grants.some((g) => r.unitPath.startsWith(g.path)),
  close: (_actor, r) => r.open,
});

const admin: Actor = { accountId: "a", memberId: null, cell: null, grants: [{ id: "g", role: "unit_admin", unitId: "d1", path: "u1.u2" }] };
const row = (overrides: Partial<Row> = {}): Row => ({ id: "row-1", unitId: "cell-1", unitPath: "u1.u2.u4", open: true, ...overrides });

const thrown = (fn: () => void): AppError => {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("authorize() did not throw");
};

describe("authorize", () => {
  it("passes when the actor may read and act", () => {
    expect(() => authorize(rowPolicy, admin, "close", row())).not.toThrow();
  });

  it("gives 404 without an audit record for a row that does not exist", () => {
    const error = thrown(() => authorize(rowPolicy, admin, "close", undefined));
    expect(error.statusCode).toBe(404);
    expect(error.denied).toBeUndefined();
  });

  it("gives the same 404 for a row the actor may not read, marked for the audit trail with the row's unit", () => {
    const error = thrown(() => authorize(rowPolicy, admin, "close", row({ unitPath: "u1.u3.u7" })));
    expect(error.statusCode).toBe(404);
    expect(error.message).toBe(thrown(() => authorize(rowPolicy, admin, "close", undefined)).message);
    expect(error.denied).toEqual({ policy: "row", action: "close", subjectId: "row-1", unitId: "cell-1" });
  });

  it("gives 403 for a readable row the actor may not act on", () => {
    const error = thrown(() => authorize(rowPolicy, admin, "close", row({ open: false })));
    expect(error.statusCode).toBe(403);
    expect(error.denied).toMatchObject({ action: "close", unitId: "cell-1" });
  });

  it("ties a denied unit to the unit itself and a denied member to their cell", () => {
    const unitPolicy = definePolicy<{ id: string; path: string }>()("unit", { read: () => false });
    const memberPolicy = definePolicy<{ id: string; cellId: string }>()("member", { read: () => false });

    expect(thrown(() => authorize(unitPolicy, admin, "read", { id: "unit-9", path: "u1.u3" })).denied?.unitId).toBe("unit-9");
    expect(thrown(() => authorize(memberPolicy, admin, "read", { id: "member-9", cellId: "cell-9" })).denied?.unitId).toBe("cell-9");
  });

  it("serializes every action for the PWA", () => {
    expect(rowPolicy.serialize(admin, row({ open: false }))).toEqual({ read: true, close: false });
    expect(rowPolicy.actions).toEqual(["read", "close"]);
  });
});
