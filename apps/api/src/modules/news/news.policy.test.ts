import type { UnitRole } from "@party/shared";
import { describe, expect, it } from "vitest";
import { type AllowedTable, PATHS, type Relation, SELF_MEMBER_ID, actorFor, policyCases, targetPath } from "../../../test/policy-table";
import type { Actor } from "../../lib/actor";
import { type ArticleLike, articlePolicy, newsChannelPolicy } from "./news.policy";

// Pure table tests: no database, the policies only look at the Actor and the channel's (or article's) paths.

// ---- newsChannelPolicy: one case per actor × relation × action ----

type ChannelAction = (typeof newsChannelPolicy.actions)[number];

const seesOnly = ["own", "below", "above"] as const;
const inSubtree = ["own", "below"] as const;
const nothing = [] as const;

/** Any grant puts its holder in the audience of the channels of its subtree and of the line above. */
const staffRow = (extra: Partial<Record<ChannelAction, readonly Relation[]>>): Record<ChannelAction, readonly Relation[]> => ({
  read: seesOnly,
  write: nothing,
  listEditorial: nothing,
  manageCategories: nothing,
  ...extra,
});

const channelAllowed: AllowedTable<ChannelAction> = {
  secretary: staffRow({}),
  deputy_secretary: staffRow({}),
  // An editor writes for the channels of its subtree, and proposes to the channel above.
  editor: staffRow({ write: ["own", "below", "above"], listEditorial: inSubtree }),
  approver: staffRow({ listEditorial: inSubtree }),
  unit_admin: staffRow({ manageCategories: inSubtree }),
  stats_viewer: staffRow({}),
  // A plain member is in the audience of their own cell and the units above it, not of a group below it.
  "plain member": { ...staffRow({}), read: ["own", "above"] },
  "staff-only account": staffRow({ manageCategories: inSubtree }),
};

// e.g. "editor of the ward → write on the channel of the unit above → true".
const channelCases = policyCases(newsChannelPolicy.actions, channelAllowed, (where) => `the channel of ${where}`).map((c) => [c.name, c] as const);

describe("newsChannelPolicy", () => {
  it("has an expectation in the table for every action it defines", () => {
    for (const row of Object.values(channelAllowed)) expect(Object.keys(row).sort()).toEqual([...newsChannelPolicy.actions].sort());
  });

  it.each(channelCases)("%s", (_name, { who, relation, action, expected }) => {
    expect(newsChannelPolicy.can(actorFor(who), action, { path: targetPath(who, relation) })).toBe(expected);
  });

  it("gives nothing anywhere to an account with neither a member record nor a grant", () => {
    const nobody: Actor = { accountId: "account-nobody", memberId: null, cell: null, grants: [] };
    for (const path of Object.values(PATHS)) {
      expect(Object.values(newsChannelPolicy.serialize(nobody, { path })).some(Boolean)).toBe(false);
    }
  });

  it("does not mistake a unit whose label starts like the grant's for one above or below it", () => {
    const editor: Actor = { accountId: "a", memberId: null, cell: null, grants: [{ id: "g", role: "editor", unitId: "u", path: "u1.u23" }] };
    expect(newsChannelPolicy.serialize(editor, { path: "u1.u2" })).toEqual({ read: false, write: false, listEditorial: false, manageCategories: false });
    expect(newsChannelPolicy.can(editor, "write", { path: "u1.u23.u4" })).toBe(true);
  });
});

// ---- articlePolicy: focused tables ----

type ArticleAction = (typeof articlePolicy.actions)[number];

const grantOn = (role: UnitRole, path: string) => ({ id: `grant-${role}-${path}`, role, unitId: `unit-${path}`, path });
const memberOf = (cellPath: string) => ({ id: `cell-${cellPath}`, path: cellPath });

/** Who acts. The "…of the ward" role holders are the shared fixtures (members of the cell, grant on the ward). */
const ACTORS = {
  "secretary of the ward": actorFor("secretary"),
  "deputy_secretary of the ward": actorFor("deputy_secretary"),
  "editor of the ward": actorFor("editor"),
  "approver of the ward": actorFor("approver"),
  "unit_admin of the ward": actorFor("unit_admin"),
  "stats_viewer of the ward": actorFor("stats_viewer"),
  "staff-only unit_admin of the ward": actorFor("staff-only account"),
  "plain member of a cell of the ward": actorFor("plain member"),
  "plain member of a cell of the sibling ward": { accountId: "account-sibling-member", memberId: "m-sib", cell: memberOf(`${PATHS.siblingWard}.u12`), grants: [] },
  "plain member of another district": { accountId: "account-far-member", memberId: "m-far", cell: memberOf(PATHS.unrelatedCell), grants: [] },
  // The author of a proposal: an editor of a cell below the ward's channel.
  "editor of a cell of the ward": { accountId: "account-cell-editor", memberId: "m-ce", cell: memberOf(PATHS.cell), grants: [grantOn("editor", PATHS.cell)] },
  "approver of a cell of the ward": { accountId: "account-cell-approver", memberId: "m-ca", cell: memberOf(PATHS.cell), grants: [grantOn("approver", PATHS.cell)] },
  "editor of the district": { accountId: "account-district-editor", memberId: null, cell: null, grants: [grantOn("editor", PATHS.district)] },
  "approver of the district": { accountId: "account-district-approver", memberId: null, cell: null, grants: [grantOn("approver", PATHS.district)] },
  "editor of the sibling ward": { accountId: "account-sibling-editor", memberId: null, cell: null, grants: [grantOn("editor", PATHS.siblingWard)] },
  "approver of the sibling ward": { accountId: "account-sibling-approver", memberId: null, cell: null, grants: [grantOn("approver", PATHS.siblingWard)] },
  "editor and approver of the ward": {
    accountId: "account-editor-approver",
    memberId: SELF_MEMBER_ID,
    cell: memberOf(PATHS.cell),
    grants: [grantOn("editor", PATHS.ward), grantOn("approver", PATHS.ward)],
  },
} satisfies Record<string, Actor>;
type ActorName = keyof typeof ACTORS;

const article = (overrides: Partial<ArticleLike> = {}): ArticleLike => ({
  unitPath: PATHS.ward,
  originPath: PATHS.ward,
  status: "draft",
  publishedRevision: null,
  workingState: "draft",
  submittedBy: null,
  ...overrides,
});
const submitted = { status: "submitted", workingState: "submitted", submittedBy: "account-editor" } as const;
const published = { status: "published", publishedRevision: 1, workingState: null } as const;
const fromCell = { originPath: PATHS.cell } as const;

/** What is acted on, named as it reads in a test title. */
const ARTICLES = {
  "a draft of the ward's channel": article(),
  "a submitted draft of the ward's channel": article(submitted),
  "a draft of the ward's channel submitted by the approver themself": article({ ...submitted, submittedBy: "account-approver" }),
  "a draft of the ward's channel submitted by the editor-approver themself": article({ ...submitted, submittedBy: "account-editor-approver" }),
  "a returned draft of the ward's channel": article({ status: "returned", workingState: "returned" }),
  "a scheduled article of the ward's channel": article({ status: "scheduled", publishedRevision: 1, workingState: null }),
  "a published article of the ward's channel": article(published),
  "a published article of the ward's channel with a new draft": article({ ...published, workingState: "draft" }),
  "a published article of the ward's channel with a submitted revision": article({ ...published, workingState: "submitted", submittedBy: "account-editor" }),
  "an unpublished article of the ward's channel": article({ status: "unpublished", publishedRevision: 1, workingState: null }),
  "a published article of the district's channel": article({ ...published, unitPath: PATHS.district, originPath: PATHS.district }),
  "a draft proposal from a cell to the ward's channel": article(fromCell),
  "a submitted proposal from a cell to the ward's channel": article({ ...fromCell, ...submitted, submittedBy: "account-cell-editor" }),
  "a declined proposal from a cell to the ward's channel": article({ ...fromCell, status: "declined", workingState: "declined" }),
  "a submitted proposal from the ward to the district's channel": article({ ...submitted, unitPath: PATHS.district, originPath: PATHS.ward }),
} satisfies Record<string, ArticleLike>;
type ArticleName = keyof typeof ARTICLES;

type Row = readonly [who: ActorName, action: ArticleAction, what: ArticleName, expected: boolean];

/** Named cases, e.g. "approver of the ward → approve a submitted draft of the ward's channel → true". */
const named = (rows: readonly Row[]) => rows.map(([who, action, what, expected]) => [`${who} → ${action} ${what} → ${expected}`, who, action, what, expected] as const);

const check = (_name: string, who: ActorName, action: ArticleAction, what: ArticleName, expected: boolean) => {
  expect(articlePolicy.can(ACTORS[who], action, ARTICLES[what])).toBe(expected);
};

describe("articlePolicy", () => {
  it("defines exactly the actions these tables cover", () => {
    expect([...articlePolicy.actions].sort()).toEqual(
      ["approve", "decline", "delete", "edit", "read", "restore", "return", "submit", "unpublish", "viewHistory", "viewStats"].sort(),
    );
  });

  describe("read: a published article is read by the whole audience of its channel", () => {
    it.each(
      named([
        ["plain member of a cell of the ward", "read", "a published article of the ward's channel", true],
        ["plain member of a cell of the ward", "read", "a published article of the ward's channel with a new draft", true],
        ["plain member of a cell of the ward", "read", "a published article of the district's channel", true],
        ["plain member of a cell of the sibling ward", "read", "a published article of the ward's channel", false],
        ["plain member of another district", "read", "a published article of the ward's channel", false],
        ["plain member of another district", "read", "a published article of the district's channel", false],
        ["secretary of the ward", "read", "a published article of the ward's channel", true],
        ["stats_viewer of the ward", "read", "a published article of the district's channel", true],
        ["staff-only unit_admin of the ward", "read", "a published article of the ward's channel", true],
        ["editor of a cell of the ward", "read", "a published article of the ward's channel", true],
        ["approver of the district", "read", "a published article of the ward's channel", true],
        ["approver of the sibling ward", "read", "a published article of the ward's channel", false],
        ["editor of the sibling ward", "read", "a published article of the ward's channel", false],
        ["approver of the sibling ward", "read", "a published article of the district's channel", true],
        // Not yet or no longer published: out of the audience's reach.
        ["plain member of a cell of the ward", "read", "a scheduled article of the ward's channel", false],
        ["plain member of a cell of the ward", "read", "an unpublished article of the ward's channel", false],
        ["secretary of the ward", "read", "a scheduled article of the ward's channel", false],
        ["secretary of the ward", "read", "an unpublished article of the ward's channel", false],
      ]),
    )("%s", check);
  });

  describe("read: work in progress is read only by the editorial team", () => {
    const unpublished: ArticleName[] = [
      "a draft of the ward's channel",
      "a submitted draft of the ward's channel",
      "a returned draft of the ward's channel",
      "a scheduled article of the ward's channel",
      "an unpublished article of the ward's channel",
      "a draft proposal from a cell to the ward's channel",
      "a submitted proposal from a cell to the ward's channel",
      "a declined proposal from a cell to the ward's channel",
    ];
    // Editors of the channel (or above it, grants apply to subtrees) and approvers of the channel.
    const team: ActorName[] = ["editor of the ward", "approver of the ward", "editor and approver of the ward", "editor of the district", "approver of the district"];
    const outsiders: ActorName[] = [
      "secretary of the ward",
      "deputy_secretary of the ward",
      "unit_admin of the ward",
      "stats_viewer of the ward",
      "staff-only unit_admin of the ward",
      "plain member of a cell of the ward",
      "approver of a cell of the ward",
      "editor of the sibling ward",
      "approver of the sibling ward",
    ];
    it.each(
      named([
        ...team.flatMap((who) => unpublished.map((what): Row => [who, "read", what, true])),
        ...outsiders.flatMap((who) => unpublished.map((what): Row => [who, "read", what, false])),
        // The proposal's author reads their proposal, not the channel's own drafts.
        ["editor of a cell of the ward", "read", "a draft proposal from a cell to the ward's channel", true],
        ["editor of a cell of the ward", "read", "a declined proposal from a cell to the ward's channel", true],
        ["editor of a cell of the ward", "read", "a draft of the ward's channel", false],
        ["editor of a cell of the ward", "read", "a submitted draft of the ward's channel", false],
        // Editors of the writing unit read a proposal to the channel above; that channel's approvers too.
        ["editor of the ward", "read", "a submitted proposal from the ward to the district's channel", true],
        ["approver of the district", "read", "a submitted proposal from the ward to the district's channel", true],
        ["approver of the ward", "read", "a submitted proposal from the ward to the district's channel", false],
        ["secretary of the ward", "read", "a submitted proposal from the ward to the district's channel", false],
      ]),
    )("%s", check);
  });

  describe("edit and submit: editors only, never while under review", () => {
    it.each(
      named([
        ["editor of the ward", "edit", "a draft of the ward's channel", true],
        ["editor of the ward", "edit", "a returned draft of the ward's channel", true],
        ["editor of the ward", "edit", "a submitted draft of the ward's channel", false],
        ["editor of the ward", "edit", "a published article of the ward's channel", true],
        ["editor of the ward", "edit", "a published article of the ward's channel with a new draft", true],
        ["editor of the ward", "edit", "a published article of the ward's channel with a submitted revision", false],
        ["editor of the ward", "edit", "a submitted proposal from a cell to the ward's channel", false],
        ["editor of the ward", "edit", "a draft proposal from a cell to the ward's channel", true],
        ["editor of the district", "edit", "a draft of the ward's channel", true],
        ["editor of the sibling ward", "edit", "a draft of the ward's channel", false],
        ["approver of the ward", "edit", "a draft of the ward's channel", false],
        ["secretary of the ward", "edit", "a draft of the ward's channel", false],
        ["unit_admin of the ward", "edit", "a draft of the ward's channel", false],
        ["plain member of a cell of the ward", "edit", "a published article of the ward's channel", false],
        // The proposal's author edits their proposal, and only it.
        ["editor of a cell of the ward", "edit", "a draft proposal from a cell to the ward's channel", true],
        ["editor of a cell of the ward", "edit", "a declined proposal from a cell to the ward's channel", true],
        ["editor of a cell of the ward", "edit", "a submitted proposal from a cell to the ward's channel", false],
        ["editor of a cell of the ward", "edit", "a draft of the ward's channel", false],
        ["editor of the ward", "restore", "a published article of the ward's channel", true],
        ["editor of the ward", "restore", "a submitted draft of the ward's channel", false],
        ["approver of the ward", "restore", "a published article of the ward's channel", false],

        ["editor of the ward", "submit", "a draft of the ward's channel", true],
        ["editor of the ward", "submit", "a returned draft of the ward's channel", true],
        ["editor of the ward", "submit", "a published article of the ward's channel with a new draft", true],
        ["editor of the ward", "submit", "a submitted draft of the ward's channel", false],
        ["editor of the ward", "submit", "a published article of the ward's channel", false],
        ["editor of the ward", "submit", "a scheduled article of the ward's channel", false],
        ["editor of the ward", "submit", "an unpublished article of the ward's channel", false],
        ["editor of the ward", "submit", "a published article of the ward's channel with a submitted revision", false],
        ["approver of the ward", "submit", "a draft of the ward's channel", false],
        ["secretary of the ward", "submit", "a draft of the ward's channel", false],
        ["editor of the sibling ward", "submit", "a draft of the ward's channel", false],
        ["editor of a cell of the ward", "submit", "a draft proposal from a cell to the ward's channel", true],
        ["editor of a cell of the ward", "submit", "a declined proposal from a cell to the ward's channel", true],
        ["editor of a cell of the ward", "submit", "a submitted proposal from a cell to the ward's channel", false],
        ["editor of a cell of the ward", "submit", "a draft of the ward's channel", false],
      ]),
    )("%s", check);
  });

  describe("approve: an approver over the channel, a submitted revision, never the one who submitted it", () => {
    it.each(
      named([
        ["approver of the ward", "approve", "a submitted draft of the ward's channel", true],
        ["approver of the ward", "approve", "a published article of the ward's channel with a submitted revision", true],
        ["approver of the ward", "approve", "a submitted proposal from a cell to the ward's channel", true],
        ["approver of the ward", "approve", "a draft of the ward's channel", false],
        ["approver of the ward", "approve", "a returned draft of the ward's channel", false],
        ["approver of the ward", "approve", "a declined proposal from a cell to the ward's channel", false],
        ["approver of the ward", "approve", "a published article of the ward's channel", false],
        ["approver of the ward", "approve", "a published article of the ward's channel with a new draft", false],
        ["approver of the ward", "approve", "a draft of the ward's channel submitted by the approver themself", false],
        ["editor and approver of the ward", "approve", "a draft of the ward's channel submitted by the editor-approver themself", false],
        ["editor and approver of the ward", "approve", "a submitted draft of the ward's channel", true],
        // Grants apply to subtrees: the approver above approves; a sibling's or one below does not.
        ["approver of the district", "approve", "a submitted draft of the ward's channel", true],
        ["approver of the district", "approve", "a submitted proposal from the ward to the district's channel", true],
        ["approver of the ward", "approve", "a submitted proposal from the ward to the district's channel", false],
        ["approver of the sibling ward", "approve", "a submitted draft of the ward's channel", false],
        ["approver of a cell of the ward", "approve", "a submitted draft of the ward's channel", false],
        // An editor never publishes, nor does any other role.
        ["editor of the ward", "approve", "a submitted draft of the ward's channel", false],
        ["editor of the district", "approve", "a submitted draft of the ward's channel", false],
        ["editor of a cell of the ward", "approve", "a submitted proposal from a cell to the ward's channel", false],
        ["secretary of the ward", "approve", "a submitted draft of the ward's channel", false],
        ["unit_admin of the ward", "approve", "a submitted draft of the ward's channel", false],
        ["staff-only unit_admin of the ward", "approve", "a submitted draft of the ward's channel", false],
      ]),
    )("%s", check);
  });

  describe("return and decline: a submission of the channel is returned, a proposal from below declined", () => {
    it.each(
      named([
        ["approver of the ward", "return", "a submitted draft of the ward's channel", true],
        ["approver of the ward", "decline", "a submitted draft of the ward's channel", false],
        ["approver of the ward", "return", "a published article of the ward's channel with a submitted revision", true],
        ["approver of the ward", "return", "a submitted proposal from a cell to the ward's channel", false],
        ["approver of the ward", "decline", "a submitted proposal from a cell to the ward's channel", true],
        ["approver of the ward", "return", "a draft of the ward's channel", false],
        ["approver of the ward", "decline", "a draft proposal from a cell to the ward's channel", false],
        ["approver of the ward", "decline", "a declined proposal from a cell to the ward's channel", false],
        ["approver of the district", "return", "a submitted proposal from the ward to the district's channel", false],
        ["approver of the district", "decline", "a submitted proposal from the ward to the district's channel", true],
        ["approver of the district", "return", "a submitted draft of the ward's channel", true],
        ["approver of the ward", "decline", "a submitted proposal from the ward to the district's channel", false],
        ["approver of the sibling ward", "return", "a submitted draft of the ward's channel", false],
        ["approver of the sibling ward", "decline", "a submitted proposal from a cell to the ward's channel", false],
        ["editor of the ward", "return", "a submitted draft of the ward's channel", false],
        ["editor of the ward", "decline", "a submitted proposal from a cell to the ward's channel", false],
        ["secretary of the ward", "return", "a submitted draft of the ward's channel", false],
      ]),
    )("%s", check);
  });

  describe("unpublish: approvers only, for published or scheduled articles", () => {
    it.each(
      named([
        ["approver of the ward", "unpublish", "a published article of the ward's channel", true],
        ["approver of the ward", "unpublish", "a published article of the ward's channel with a new draft", true],
        ["approver of the ward", "unpublish", "a scheduled article of the ward's channel", true],
        ["approver of the ward", "unpublish", "an unpublished article of the ward's channel", false],
        ["approver of the ward", "unpublish", "a draft of the ward's channel", false],
        ["approver of the ward", "unpublish", "a submitted draft of the ward's channel", false],
        ["approver of the ward", "unpublish", "a published article of the district's channel", false],
        ["approver of the district", "unpublish", "a published article of the ward's channel", true],
        ["approver of the sibling ward", "unpublish", "a published article of the ward's channel", false],
        ["editor of the ward", "unpublish", "a published article of the ward's channel", false],
        ["secretary of the ward", "unpublish", "a published article of the ward's channel", false],
        ["unit_admin of the ward", "unpublish", "a published article of the ward's channel", false],
      ]),
    )("%s", check);
  });

  describe("delete: editors, only what was never published and is neither under review nor scheduled", () => {
    it.each(
      named([
        ["editor of the ward", "delete", "a draft of the ward's channel", true],
        ["editor of the ward", "delete", "a returned draft of the ward's channel", true],
        ["editor of the ward", "delete", "a declined proposal from a cell to the ward's channel", true],
        ["editor of the ward", "delete", "a submitted draft of the ward's channel", false],
        ["editor of the ward", "delete", "a scheduled article of the ward's channel", false],
        ["editor of the ward", "delete", "a published article of the ward's channel", false],
        ["editor of the ward", "delete", "a published article of the ward's channel with a new draft", false],
        ["editor of the ward", "delete", "an unpublished article of the ward's channel", false],
        ["editor of a cell of the ward", "delete", "a draft proposal from a cell to the ward's channel", true],
        ["editor of a cell of the ward", "delete", "a submitted proposal from a cell to the ward's channel", false],
        ["editor of a cell of the ward", "delete", "a draft of the ward's channel", false],
        ["approver of the ward", "delete", "a draft of the ward's channel", false],
        ["secretary of the ward", "delete", "a draft of the ward's channel", false],
        ["unit_admin of the ward", "delete", "a draft of the ward's channel", false],
      ]),
    )("%s", check);
  });

  describe("viewHistory and viewStats: the editorial team", () => {
    it.each(
      named([
        ["editor of the ward", "viewHistory", "a published article of the ward's channel", true],
        ["approver of the ward", "viewStats", "a published article of the ward's channel", true],
        ["editor of a cell of the ward", "viewHistory", "a draft proposal from a cell to the ward's channel", true],
        ["plain member of a cell of the ward", "viewHistory", "a published article of the ward's channel", false],
        ["secretary of the ward", "viewStats", "a published article of the ward's channel", false],
        ["unit_admin of the ward", "viewStats", "a published article of the ward's channel", false],
      ]),
    )("%s", check);
  });

  it("lets a plain member only read a published article of their channel", () => {
    const abilities = articlePolicy.serialize(ACTORS["plain member of a cell of the ward"], ARTICLES["a published article of the ward's channel"]);
    expect(Object.entries(abilities).filter(([, can]) => can)).toEqual([["read", true]]);
  });

  it("gives nothing to an account with neither a member record nor a grant", () => {
    const nobody: Actor = { accountId: "account-nobody", memberId: null, cell: null, grants: [] };
    for (const a of Object.values(ARTICLES)) expect(Object.values(articlePolicy.serialize(nobody, a)).some(Boolean)).toBe(false);
  });
});
