import { type Actor, covers, subtreesWith } from "../../lib/actor";
import { definePolicy } from "../../lib/policy";
import type { FeedbackVisibility } from "../../db/schema";
import { type DocumentLike, documentPolicy, PUBLISHER_ROLES, publishesFor } from "../documents/documents.policy";

/** A document as the feedback rules see it: where it was published, and who sees comments. */
export interface DraftLike extends DocumentLike {
  feedbackVisibility: FeedbackVisibility;
}

/**
 * Answers the feedback of the unit at `path` (replies, summarises, forwards): the unit's committee
 * (secretary, deputy secretary), its approvers and unit admins, of it or of a unit above; the same
 * people who publish its documents.
 */
export const answersFor = (actor: Actor, path: string): boolean => publishesFor(actor, path);

const reads = (actor: Actor, d: DraftLike): boolean => documentPolicy.can(actor, "read", d);
const live = (d: DraftLike): boolean => d.withdrawnAt === null;
const own = (actor: Actor, c: { accountId: string }): boolean => c.accountId === actor.accountId;

/**
 * A draft for feedback. Its readers read it; members whose cell lies in the publishing unit's
 * subtree comment (until the deadline: a 409, checked by the commands); staff who answer for the
 * publishing unit, a unit below it or above it review its feedback.
 */
export const draftPolicy = definePolicy<DraftLike>()("draft", {
  read: reads,
  comment: (actor, d) => reads(actor, d) && live(d) && actor.cell !== null && covers(d.unitPath, actor.cell.path),
  review: (actor, d) => reads(actor, d) && actor.grants.some((g) => PUBLISHER_ROLES.includes(g.role) && (covers(g.path, d.unitPath) || covers(d.unitPath, g.path))),
});

/** A comment: its author's cell (`unitId`, `unitPath`) when it was written, and its draft. */
export interface CommentLike {
  id: string;
  accountId: string;
  unitId: string;
  unitPath: string;
  document: DraftLike;
}

/**
 * Who sees a comment: its author; the rest of the author's cell when the draft's visibility is
 * 'all'; whoever answers for the author's cell (its committee or a committee above). Anyone else,
 * a sibling cell's secretary included, gets 404. Its author edits or deletes it (before the deadline
 * and before an answer: 409); those who answer for the cell reply.
 */
export const commentPolicy = definePolicy<CommentLike>()("comment", {
  read: (actor, c) =>
    reads(actor, c.document) && (own(actor, c) || (c.document.feedbackVisibility === "all" && actor.cell?.id === c.unitId) || answersFor(actor, c.unitPath)),
  edit: (actor, c) => reads(actor, c.document) && live(c.document) && own(actor, c),
  reply: (actor, c) => reads(actor, c.document) && answersFor(actor, c.unitPath),
});

/** One unit's feedback on a draft: a unit of the publishing unit's subtree (the publishing unit included). */
export interface SummaryTarget {
  unitId: string;
  unitPath: string;
  document: DraftLike;
}

const answersHere = (actor: Actor, s: SummaryTarget): boolean => reads(actor, s.document) && covers(s.document.unitPath, s.unitPath) && answersFor(actor, s.unitPath);

/**
 * A unit's feedback summary: those who answer for the unit see it, generate it (after the deadline:
 * 409) and download it, and forward it to the unit above, except at the publishing unit, where the
 * feedback ends. A unit outside the draft's subtree, or one the actor does not answer for, is 404.
 */
export const summaryPolicy = definePolicy<SummaryTarget>()("feedback summary", {
  read: answersHere,
  summarise: (actor, s) => answersHere(actor, s) && live(s.document),
  forward: (actor, s) => answersHere(actor, s) && live(s.document) && s.unitPath !== s.document.unitPath,
  download: answersHere,
});

/** The subtrees whose comments the actor sees as a committee, for SQL: `unit_path <@ ANY(…)`. */
export const answeringSubtrees = (actor: Actor): string[] => subtreesWith(actor, ...PUBLISHER_ROLES);
