import { Limits } from "@party/shared";
import { type CreateCommentBody, FeedbackLimits, type ReplyBody, type UpdateCommentBody } from "@party/shared/schemas/feedback";
import type { Ctx } from "../../lib/context";
import { ConflictError } from "../../lib/errors";
import { recordEvent } from "../../lib/events";
import type { DocumentRow } from "../documents/documents.repo";
import { notifyAccounts } from "../notifications/notifications.commands";
import type { UnitRow } from "../org-units/org-units.repo";
import { enqueueSummary } from "./feedback.jobs";
import { draftName, isOpen, short } from "./feedback.presenter";
import * as feedbackRepo from "./feedback.repo";
import type { CommentView } from "./feedback.repo";
import { STATUS_LABELS } from "./feedback.report";

type Draft = DocumentRow & { feedbackUntil: Date };

const deadlineClosed = () => new ConflictError("The deadline for feedback on this draft has passed");

/** Refuses changes by the author once the deadline has passed or the comment has been answered (409). */
function assertEditable(doc: Draft, comment: CommentView): void {
  if (!isOpen(doc)) throw deadlineClosed();
  if (comment.status !== "pending" || comment.reply !== null) throw new ConflictError("This comment has been answered and can no longer change");
}

/**
 * Adds the actor's comment to the draft, filed under their cell. The caller has authorized
 * `comment`. 409 after the deadline, or past FeedbackLimits.commentsPerMember comments on one draft.
 * Records `feedback.comment_created`. With an idempotency key the author used before, it makes
 * nothing and answers the comment made then (`replayed`); 409 when that key came with another comment.
 */
export async function createComment(ctx: Ctx, doc: Draft, body: CreateCommentBody, idempotencyKey?: string): Promise<{ id: string; replayed: boolean }> {
  const actor = ctx.actor!;
  const replay = async () => {
    const earlier = idempotencyKey ? await feedbackRepo.findByIdempotencyKey(ctx.db, actor.accountId, idempotencyKey) : undefined;
    if (!earlier) return undefined;
    const same = earlier.documentId === doc.id && earlier.section === body.section && earlier.page === body.page && earlier.quote === body.quote && earlier.body === body.body;
    if (!same) throw new ConflictError("This Idempotency-Key was used for another comment", { "idempotency-key": "reused" });
    return { id: earlier.id, replayed: true };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  if (!isOpen(doc)) throw deadlineClosed();
  if ((await feedbackRepo.countOwnComments(ctx.db, doc.id, actor.accountId)) >= FeedbackLimits.commentsPerMember) {
    throw new ConflictError(`At most ${FeedbackLimits.commentsPerMember} comments per member on one draft`);
  }
  const cell = actor.cell!;
  const id = await feedbackRepo.insertComment(ctx.db, { documentId: doc.id, accountId: actor.accountId, unitId: cell.id, unitPath: cell.path, ...body, idempotencyKey });
  // null: the same key committed by a request running at the same moment.
  if (id === null) return (await replay())!;
  await recordEvent(ctx, {
    name: "feedback.comment_created",
    unitId: cell.id,
    subjectType: "feedback_comment",
    subjectId: id,
    data: { documentId: doc.id, section: body.section, page: body.page },
  });
  return { id, replayed: false };
}

/** Changes the fields sent of the actor's own comment (locked), before the deadline and an answer (409). Records `feedback.comment_updated`. */
export async function updateComment(ctx: Ctx, doc: Draft, comment: CommentView, body: UpdateCommentBody): Promise<void> {
  assertEditable(doc, comment);
  const changes = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined));
  await feedbackRepo.updateComment(ctx.db, comment.id, changes);
  await recordEvent(ctx, {
    name: "feedback.comment_updated",
    unitId: comment.unitId,
    subjectType: "feedback_comment",
    subjectId: comment.id,
    data: { documentId: doc.id, changed: Object.keys(changes) },
  });
}

/** Deletes the actor's own comment (locked), before the deadline and an answer (409); it is kept, marked deleted. Records `feedback.comment_deleted`. */
export async function deleteComment(ctx: Ctx, doc: Draft, comment: CommentView): Promise<void> {
  assertEditable(doc, comment);
  await feedbackRepo.deleteComment(ctx.db, comment.id);
  await recordEvent(ctx, { name: "feedback.comment_deleted", unitId: comment.unitId, subjectType: "feedback_comment", subjectId: comment.id, data: { documentId: doc.id } });
}

/**
 * Answers a comment (locked): its status (tiếp thu, không tiếp thu, ghi nhận) and an optional reply,
 * replacing an earlier answer; before or after the deadline. The author is notified
 * (`feedback.replied`). The caller has authorized `reply`. Records `feedback.comment_replied`.
 */
export async function replyToComment(ctx: Ctx, doc: Draft, comment: CommentView, body: ReplyBody): Promise<void> {
  const actor = ctx.actor!;
  const repliedAt = await feedbackRepo.saveReply(ctx.db, comment.id, { status: body.status, reply: body.reply, repliedBy: actor.accountId });
  await recordEvent(ctx, {
    name: "feedback.comment_replied",
    unitId: comment.unitId,
    subjectType: "feedback_comment",
    subjectId: comment.id,
    data: { documentId: doc.id, status: body.status, again: comment.repliedAt !== null },
  });
  if (comment.accountId === actor.accountId) return;
  await notifyAccounts(ctx, [comment.accountId], {
    type: "feedback.replied",
    title: short(`Ý kiến góp ý của đồng chí về dự thảo ${draftName(doc)}: ${STATUS_LABELS[body.status]}`, Limits.notificationTitleMax),
    body: short(body.reply ?? STATUS_LABELS[body.status], Limits.notificationBodyMax),
    link: `/documents/${doc.id}/feedback`,
    subjectType: "feedback_comment",
    subjectId: comment.id,
    dedupeKey: `feedback-comment:${comment.id}:replied:${repliedAt.getTime()}`,
  });
}

/** Refuses work on summaries before the deadline (409): members may still comment. */
function assertClosed(doc: Draft): void {
  if (isOpen(doc)) throw new ConflictError("Members may comment until the deadline: summarise the feedback after it");
}

/**
 * Asks for the unit's summary files: the `feedback.summarise` job makes the DOCX and XLSX from the
 * comments as they are when it runs. After the deadline, and not once forwarded (409). The caller
 * has authorized `summarise`. The job records `feedback.summary_generated`.
 */
export async function requestSummary(ctx: Ctx, doc: Draft, unit: UnitRow): Promise<void> {
  assertClosed(doc);
  const summary = await feedbackRepo.lockSummary(ctx.db, doc.id, unit.id);
  if (summary.status === "forwarded") throw new ConflictError("This unit's summary has been forwarded and can no longer change");
  await feedbackRepo.markQueued(ctx.db, summary.id, ctx.actor!.accountId);
  await enqueueSummary(ctx, doc.id, unit.id);
}

/**
 * Forwards the unit's summary to the unit above, whose own summary then includes it, and notifies
 * that unit's committee and approvers (`feedback.forwarded`). 409 before the deadline, before the
 * files are made, when the comments changed since (generate again), or when already forwarded.
 * The caller has authorized `forward`. Records `feedback.summary_forwarded`.
 */
export async function forwardSummary(ctx: Ctx, doc: Draft, unit: UnitRow): Promise<void> {
  assertClosed(doc);
  const summary = await feedbackRepo.lockSummary(ctx.db, doc.id, unit.id);
  if (summary.status === "forwarded") throw new ConflictError("This unit's summary has already been forwarded");
  if (summary.generation !== "done" || !summary.fingerprint) throw new ConflictError("Generate the summary before forwarding it");
  if ((await feedbackRepo.summaryFingerprint(ctx.db, doc.id, unit.path)) !== summary.fingerprint) {
    throw new ConflictError("The feedback changed since the summary was generated: generate it again before forwarding it");
  }
  await feedbackRepo.markForwarded(ctx.db, summary.id, ctx.actor!.accountId);
  await recordEvent(ctx, {
    name: "feedback.summary_forwarded",
    unitId: unit.id,
    subjectType: "feedback_summary",
    subjectId: summary.id,
    data: { documentId: doc.id, to: unit.parentId, counts: summary.counts },
  });
  if (!unit.parentId) return;
  const reviewers = (await feedbackRepo.reviewersOf(ctx.db, unit.parentId)).filter((id) => id !== ctx.actor!.accountId);
  await notifyAccounts(ctx, reviewers, {
    type: "feedback.forwarded",
    title: short(`${unit.name} gửi tổng hợp ý kiến góp ý dự thảo ${draftName(doc)}`, Limits.notificationTitleMax),
    body: `${summary.counts.total ?? 0} ý kiến`,
    link: `/documents/${doc.id}/feedback?unitId=${unit.parentId}`,
    subjectType: "feedback_summary",
    subjectId: summary.id,
    dedupeKey: `feedback-summary:${summary.id}:forwarded`,
  });
}
