import { describe, expect, it } from "vitest";
import { type AllowedTable, type Relation, actorFor, policyCases, targetPath } from "../../../test/policy-table";
import type { Actor } from "../../lib/actor";
import { type DocumentLike, documentDeskPolicy, documentPolicy, documentScope, documentUploadPolicy, notePolicy } from "./documents.policy";

// Pure table tests: no database, the policies only look at the Actor and the publishing unit's path.

const audience = ["own", "below", "above"] as const;
const subtree = ["own", "below"] as const;
const nothing = [] as const;

// ---- documentDeskPolicy ----

type DeskAction = (typeof documentDeskPolicy.actions)[number];
const deskRow = (publishes: boolean): Record<DeskAction, readonly Relation[]> => ({ read: audience, publish: publishes ? subtree : nothing, listDesk: publishes ? subtree : nothing });

const deskAllowed: AllowedTable<DeskAction> = {
  // Those who publish: unit admins, secretaries and deputies (the committee) and approvers, for their unit and below.
  secretary: deskRow(true),
  deputy_secretary: deskRow(true),
  approver: deskRow(true),
  unit_admin: deskRow(true),
  editor: deskRow(false),
  stats_viewer: deskRow(false),
  // A plain member reads the documents of their cell and of every unit above it, not of a group below it.
  "plain member": { read: ["own", "above"], publish: nothing, listDesk: nothing },
  "staff-only account": deskRow(true),
};

describe("documentDeskPolicy", () => {
  it("has an expectation in the table for every action it defines", () => {
    for (const row of Object.values(deskAllowed)) expect(Object.keys(row).sort()).toEqual([...documentDeskPolicy.actions].sort());
  });

  it.each(policyCases(documentDeskPolicy.actions, deskAllowed, (where) => `the desk of ${where}`).map((c) => [c.name, c] as const))("%s", (_name, { who, relation, action, expected }) => {
    expect(documentDeskPolicy.can(actorFor(who), action, { path: targetPath(who, relation), status: "active" })).toBe(expected);
  });

  it("lets nobody publish for a closed unit, not even its admin", () => {
    expect(documentDeskPolicy.can(actorFor("unit_admin"), "publish", { path: targetPath("unit_admin", "own"), status: "closed" })).toBe(false);
  });
});

// ---- documentPolicy ----

type DocAction = (typeof documentPolicy.actions)[number];
const doc = (unitPath: string, overrides: Partial<DocumentLike> = {}): DocumentLike => ({ unitPath, committeeOnly: false, withdrawnAt: null, ...overrides });

const docRow = (reads: readonly Relation[], manages: boolean): Record<DocAction, readonly Relation[]> => ({
  read: reads,
  keep: reads,
  edit: manages ? subtree : nothing,
  withdraw: manages ? subtree : nothing,
  viewHistory: manages ? subtree : nothing,
  viewOpens: manages ? subtree : nothing,
});

const documentAllowed: AllowedTable<DocAction> = {
  secretary: docRow(audience, true),
  deputy_secretary: docRow(audience, true),
  approver: docRow(audience, true),
  unit_admin: docRow(audience, true),
  editor: docRow(audience, false),
  stats_viewer: docRow(audience, false),
  "plain member": docRow(["own", "above"], false),
  "staff-only account": docRow(audience, true),
};

/** A committee-only document: only those who publish for its unit (its committee, admins and approvers of it or above). */
const committeeAllowed: AllowedTable<DocAction> = {
  secretary: docRow(subtree, true),
  deputy_secretary: docRow(subtree, true),
  approver: docRow(subtree, true),
  unit_admin: docRow(subtree, true),
  editor: docRow(nothing, false),
  stats_viewer: docRow(nothing, false),
  "plain member": docRow(nothing, false),
  "staff-only account": docRow(subtree, true),
};

/** A withdrawn document: staff who publish for its unit still read it and its history; nobody changes it or keeps it. */
const withdrawnRow = (manages: boolean): Record<DocAction, readonly Relation[]> => ({
  read: manages ? subtree : nothing,
  keep: nothing,
  edit: nothing,
  withdraw: nothing,
  viewHistory: manages ? subtree : nothing,
  viewOpens: manages ? subtree : nothing,
});
const withdrawnAllowed: AllowedTable<DocAction> = {
  secretary: withdrawnRow(true),
  deputy_secretary: withdrawnRow(true),
  approver: withdrawnRow(true),
  unit_admin: withdrawnRow(true),
  editor: withdrawnRow(false),
  stats_viewer: withdrawnRow(false),
  "plain member": withdrawnRow(false),
  "staff-only account": withdrawnRow(true),
};

describe("documentPolicy", () => {
  it("has an expectation in each table for every action it defines", () => {
    for (const table of [documentAllowed, committeeAllowed, withdrawnAllowed]) {
      for (const row of Object.values(table)) expect(Object.keys(row).sort()).toEqual([...documentPolicy.actions].sort());
    }
  });

  it.each(policyCases(documentPolicy.actions, documentAllowed, (where) => `a document of ${where}`).map((c) => [c.name, c] as const))("%s", (_name, { who, relation, action, expected }) => {
    expect(documentPolicy.can(actorFor(who), action, doc(targetPath(who, relation)))).toBe(expected);
  });

  it.each(policyCases(documentPolicy.actions, committeeAllowed, (where) => `a committee-only document of ${where}`).map((c) => [c.name, c] as const))("%s", (_name, { who, relation, action, expected }) => {
    expect(documentPolicy.can(actorFor(who), action, doc(targetPath(who, relation), { committeeOnly: true }))).toBe(expected);
  });

  it.each(policyCases(documentPolicy.actions, withdrawnAllowed, (where) => `a withdrawn document of ${where}`).map((c) => [c.name, c] as const))("%s", (_name, { who, relation, action, expected }) => {
    expect(documentPolicy.can(actorFor(who), action, doc(targetPath(who, relation), { withdrawnAt: new Date("2026-01-01") }))).toBe(expected);
  });

  it("shows a cell's committee-only document to the cell's secretary and not to its members", () => {
    const cell = "u1.u2.u4.u6";
    const secretary: Actor = { accountId: "s", memberId: "m", cell: { id: "c", path: cell }, grants: [{ id: "g", role: "secretary", unitId: "c", path: cell }] };
    const member: Actor = { accountId: "m", memberId: "m2", cell: { id: "c", path: cell }, grants: [] };
    expect(documentPolicy.can(secretary, "read", doc(cell, { committeeOnly: true }))).toBe(true);
    expect(documentPolicy.can(member, "read", doc(cell, { committeeOnly: true }))).toBe(false);
    expect(documentPolicy.can(member, "read", doc(cell))).toBe(true);
  });

  it("does not mistake a unit whose label starts like the grant's for one below it", () => {
    const admin: Actor = { accountId: "a", memberId: null, cell: null, grants: [{ id: "g", role: "unit_admin", unitId: "u", path: "u1.u23" }] };
    expect(documentPolicy.serialize(admin, doc("u1.u2", { committeeOnly: true }))).toEqual({ read: false, keep: false, edit: false, withdraw: false, viewHistory: false, viewOpens: false });
  });
});

describe("documentScope", () => {
  it("turns a ward secretary into the paths above, the ward's subtree, and committee documents of that subtree", () => {
    expect(documentScope(actorFor("secretary"))).toEqual({
      above: ["u1", "u1.u2", "u1.u2.u4", "u1.u2.u4.u6"],
      subtrees: ["u1.u2.u4"],
      publishes: ["u1.u2.u4"],
    });
  });

  it("gives a plain member only their cell and the units above it", () => {
    expect(documentScope(actorFor("plain member"))).toEqual({ above: ["u1", "u1.u2", "u1.u2.u4", "u1.u2.u4.u6"], subtrees: [], publishes: [] });
  });

  it("gives an editor the ward's subtree but no committee documents", () => {
    expect(documentScope(actorFor("editor"))).toMatchObject({ subtrees: ["u1.u2.u4"], publishes: [] });
  });
});

describe("documentUploadPolicy and notePolicy", () => {
  it.each([
    ["secretary", true],
    ["deputy_secretary", true],
    ["approver", true],
    ["unit_admin", true],
    ["editor", true],
    ["stats_viewer", false],
    ["plain member", false],
  ] as const)("lets a %s upload: %s", (who, expected) => {
    expect(documentUploadPolicy.can(actorFor(who), "upload", {})).toBe(expected);
  });

  it("keeps a note to its author, whatever role anyone else holds", () => {
    const note = { accountId: "account-plain" };
    expect(notePolicy.can({ ...actorFor("plain member"), accountId: "account-plain" }, "read", note)).toBe(true);
    for (const who of ["unit_admin", "secretary", "staff-only account"] as const) expect(notePolicy.can(actorFor(who), "read", note)).toBe(false);
  });
});
