import { describe, expect, it } from "vitest";
import { type AllowedTable, actorFor, PATHS, type Relation, policyCases, targetPath } from "../../../test/policy-table";
import type { Actor } from "../../lib/actor";
import { type CommentLike, commentPolicy, draftPolicy, type DraftLike, summaryPolicy } from "./feedback.policy";

// Pure table tests: no database. Every action is asked about a unit in a relation to the actor
// (their grant on the ward, or a plain member's cell), for a draft published by the city above all of them.

const draft = (unitPath: string, overrides: Partial<DraftLike> = {}): DraftLike => ({ unitPath, committeeOnly: false, withdrawnAt: null, feedbackVisibility: "own", ...overrides });
const cityDraft = (overrides: Partial<DraftLike> = {}) => draft(PATHS.city, overrides);
/** The actors' own cell has id "cell-id" (test/policy-table.ts); other units are named by their path. */
const unitIdOf = (path: string) => (path === PATHS.cell ? "cell-id" : path);
const comment = (who: Actor, path: string, by: "actor" | "someone else", doc = cityDraft()): CommentLike => ({
  id: "comment-1",
  accountId: by === "actor" ? who.accountId : "account-other",
  unitId: unitIdOf(path),
  unitPath: path,
  document: doc,
});

const ALL = ["own", "below", "above", "sibling", "unrelated"] as const;
const subtree = ["own", "below"] as const;
const nothing = [] as const;

/**
 * The actions of the brief, each on the unit in the given relation:
 * comment: on a draft that unit published; readOwn / edit: the actor's own comment filed there;
 * readCell: a fellow member's comment filed there, the draft showing the cell's comments ('all');
 * readOthers: the same with the default visibility ('own'); reply: answer that comment;
 * review: the feedback of a draft that unit published; summarise / forward / download: that unit's summary of a city draft.
 */
const ACTIONS = ["comment", "readOwn", "edit", "readCell", "readOthers", "reply", "review", "summarise", "forward", "download"] as const;
type Action = (typeof ACTIONS)[number];

function can(who: Actor, action: Action, path: string): boolean {
  switch (action) {
    case "comment":
      return draftPolicy.can(who, "comment", draft(path));
    case "review":
      return draftPolicy.can(who, "review", draft(path));
    case "readOwn":
      return commentPolicy.can(who, "read", comment(who, path, "actor"));
    case "edit":
      return commentPolicy.can(who, "edit", comment(who, path, "actor"));
    case "readCell":
      return commentPolicy.can(who, "read", comment(who, path, "someone else", cityDraft({ feedbackVisibility: "all" })));
    case "readOthers":
      return commentPolicy.can(who, "read", comment(who, path, "someone else"));
    case "reply":
      return commentPolicy.can(who, "reply", comment(who, path, "someone else"));
    default:
      return summaryPolicy.can(who, action, { unitId: unitIdOf(path), unitPath: path, document: cityDraft() });
  }
}

/** Those who answer a unit's feedback: its committee, approvers and admins, of it or above. */
const answering: Record<Action, readonly Relation[]> = {
  // Role holders are members of the cell u6, inside the ward (own) and the district (above), not inside a cell below the ward.
  comment: ["own", "above"],
  readOwn: ALL,
  edit: ALL,
  readCell: subtree,
  readOthers: subtree,
  reply: subtree,
  // A grant on the publishing unit, below it or above it.
  review: ["own", "below", "above"],
  summarise: subtree,
  forward: subtree,
  download: subtree,
};
/** Editors and statistics viewers are members like any other here: they comment and read their own. */
const memberOnly: Record<Action, readonly Relation[]> = {
  ...answering,
  readCell: nothing,
  readOthers: nothing,
  reply: nothing,
  review: nothing,
  summarise: nothing,
  forward: nothing,
  download: nothing,
};

const allowed: AllowedTable<Action> = {
  secretary: answering,
  deputy_secretary: answering,
  approver: answering,
  unit_admin: answering,
  editor: memberOnly,
  stats_viewer: memberOnly,
  // Relations from their cell: own = the cell, above = the ward, below = a group under the cell.
  "plain member": {
    comment: ["own", "above"],
    readOwn: ALL,
    edit: ALL,
    readCell: ["own"],
    readOthers: nothing,
    reply: nothing,
    review: nothing,
    summarise: nothing,
    forward: nothing,
    download: nothing,
  },
  // No member record: no cell to comment from, and no comment of their own.
  "staff-only account": { ...answering, comment: nothing },
};

describe("feedback policies", () => {
  it.each(policyCases(ACTIONS, allowed).map((c) => [c.name, c] as const))("%s", (_name, { who, relation, action, expected }) => {
    expect(can(actorFor(who), action, targetPath(who, relation))).toBe(expected);
  });

  it("lets nobody forward the publishing unit's own summary: the feedback ends there", () => {
    const secretary = actorFor("secretary");
    const wardDraft = draft(PATHS.ward);
    expect(summaryPolicy.can(secretary, "summarise", { unitId: "ward", unitPath: PATHS.ward, document: wardDraft })).toBe(true);
    expect(summaryPolicy.can(secretary, "forward", { unitId: "ward", unitPath: PATHS.ward, document: wardDraft })).toBe(false);
    expect(summaryPolicy.can(secretary, "forward", { unitId: "cell", unitPath: PATHS.cell, document: wardDraft })).toBe(true);
  });

  it("hides the summary of a unit outside the draft's subtree even from a committee above both", () => {
    const districtAdmin: Actor = { accountId: "a", memberId: null, cell: null, grants: [{ id: "g", role: "unit_admin", unitId: "d", path: PATHS.district }] };
    expect(summaryPolicy.can(districtAdmin, "read", { unitId: "w", unitPath: PATHS.siblingWard, document: draft(PATHS.ward) })).toBe(false);
    expect(summaryPolicy.can(districtAdmin, "read", { unitId: "c", unitPath: PATHS.otherCellOfWard, document: draft(PATHS.ward) })).toBe(true);
  });

  it("lets a secretary of a cell answer its comments on a city draft but not a sibling cell's", () => {
    const cellSecretary: Actor = { accountId: "s", memberId: "m", cell: { id: "cell-id", path: PATHS.cell }, grants: [{ id: "g", role: "secretary", unitId: "cell-id", path: PATHS.cell }] };
    expect(commentPolicy.can(cellSecretary, "reply", comment(cellSecretary, PATHS.cell, "someone else"))).toBe(true);
    expect(commentPolicy.can(cellSecretary, "read", comment(cellSecretary, PATHS.siblingCell, "someone else"))).toBe(false);
  });

  it("keeps comments on a withdrawn draft from members, their own included, and stops their changes", () => {
    const member = actorFor("plain member");
    const withdrawn = cityDraft({ withdrawnAt: new Date("2026-01-01") });
    expect(commentPolicy.can(member, "read", comment(member, PATHS.cell, "actor", withdrawn))).toBe(false);
    expect(draftPolicy.can(member, "comment", withdrawn)).toBe(false);
    // The ward's secretary still reads the ward's withdrawn draft: no changes, but answers stay possible.
    const secretary = actorFor("secretary");
    const wardWithdrawn = draft(PATHS.ward, { withdrawnAt: new Date("2026-01-01") });
    expect(commentPolicy.can(secretary, "edit", comment(secretary, PATHS.cell, "actor", wardWithdrawn))).toBe(false);
    expect(commentPolicy.can(secretary, "reply", comment(secretary, PATHS.cell, "someone else", wardWithdrawn))).toBe(true);
  });

  it("keeps a committee-only draft's comments to those who publish for its unit", () => {
    const member = actorFor("plain member");
    const committeeDraft = draft(PATHS.ward, { committeeOnly: true });
    expect(draftPolicy.can(member, "comment", committeeDraft)).toBe(false);
    expect(commentPolicy.can(member, "read", comment(member, PATHS.cell, "actor", committeeDraft))).toBe(false);
    expect(draftPolicy.can(actorFor("secretary"), "comment", committeeDraft)).toBe(true);
  });
});
