import type { RevisionState } from "@party/shared/schemas/news";
import { type Actor, administers, covers, hasRoleOver, inAudience } from "../../lib/actor";
import { definePolicy } from "../../lib/policy";

/** An editor of the channel, or of a unit below it (who may propose to it). */
const editsBelow = (actor: Actor, path: string): boolean => actor.grants.some((g) => g.role === "editor" && covers(path, g.path) && g.path !== path);

type ChannelLike = { path: string };

/** A unit's news channel. */
export const newsChannelPolicy = definePolicy<ChannelLike>()("news channel", {
  read: (actor, u) => inAudience(actor, u.path),
  /** Write an article for this channel: its editors directly, editors of a unit below as a proposal. */
  write: (actor, u) => hasRoleOver(actor, u.path, "editor") || editsBelow(actor, u.path),
  /** The channel's editorial lists (drafts, queue, calendar): its editors and approvers. */
  listEditorial: (actor, u) => hasRoleOver(actor, u.path, "editor", "approver"),
  /** Categories (chuyên mục) and the team: the unit's admins. */
  manageCategories: (actor, u) => administers(actor, u.path),
});

export interface ArticleLike {
  /** The channel's path. */
  unitPath: string;
  /** The path of the unit whose editors wrote it. */
  originPath: string;
  status: "draft" | "submitted" | "returned" | "declined" | "scheduled" | "published" | "unpublished";
  publishedRevision: number | null;
  /** State of the revision being written or reviewed; null when there is none. */
  workingState: RevisionState | null;
  /** Who submitted the working revision (an approver never approves their own). */
  submittedBy: string | null;
}

const editorOf = (actor: Actor, a: ArticleLike) => hasRoleOver(actor, a.originPath, "editor") || hasRoleOver(actor, a.unitPath, "editor");
const approverOf = (actor: Actor, a: ArticleLike) => hasRoleOver(actor, a.unitPath, "approver");
const team = (actor: Actor, a: ArticleLike) => editorOf(actor, a) || approverOf(actor, a);
const waiting = (a: ArticleLike) => a.workingState === "submitted";
const isProposal = (a: ArticleLike) => a.originPath !== a.unitPath;

/**
 * Articles: the published ones are read by the channel's whole audience; anything else only by
 * the editorial team (editors of the writing unit or the channel, approvers of the channel).
 * An editor never publishes: approval needs an approver, and never the one who submitted.
 */
export const articlePolicy = definePolicy<ArticleLike>()("article", {
  read: (actor, a) => (a.status === "published" && inAudience(actor, a.unitPath)) || team(actor, a),
  edit: (actor, a) => editorOf(actor, a) && !waiting(a),
  submit: (actor, a) => editorOf(actor, a) && (a.workingState === "draft" || a.workingState === "returned" || a.workingState === "declined"),
  approve: (actor, a) => approverOf(actor, a) && waiting(a) && a.submittedBy !== actor.accountId,
  return: (actor, a) => approverOf(actor, a) && waiting(a) && !isProposal(a),
  /** A proposal from below is declined (with a reason) rather than returned. */
  decline: (actor, a) => approverOf(actor, a) && waiting(a) && isProposal(a),
  unpublish: (actor, a) => approverOf(actor, a) && (a.status === "published" || a.status === "scheduled"),
  delete: (actor, a) => editorOf(actor, a) && a.publishedRevision === null && a.status !== "submitted" && a.status !== "scheduled",
  viewHistory: team,
  restore: (actor, a) => editorOf(actor, a) && !waiting(a),
  viewStats: team,
});
