import type { Db } from "../../db/db";
import type { Actor } from "../../lib/actor";
import { ConflictError, NotFoundError } from "../../lib/errors";
import { authorize } from "../../lib/policy";
import * as documentsRepo from "../documents/documents.repo";
import type { DocumentRow } from "../documents/documents.repo";
import * as unitsRepo from "../org-units/org-units.repo";
import { commentPolicy, draftPolicy, summaryPolicy } from "./feedback.policy";
import { commentLike } from "./feedback.presenter";
import * as feedbackRepo from "./feedback.repo";

/** Shared by the feedback route files: loading drafts, comments and summary targets with authorisation. */

export const tags = ["feedback"];
export const draftConfig = { policy: draftPolicy.name };
export const commentConfig = { policy: commentPolicy.name };
export const summaryConfig = { policy: summaryPolicy.name };

/** A document the actor may see that is not a draft for feedback: 409 (it exists and they may read it). */
function assertDraft(doc: DocumentRow): asserts doc is DocumentRow & { feedbackUntil: Date } {
  if (doc.feedbackUntil === null) throw new ConflictError("This document is not a draft for feedback");
}

/** The draft, if the actor may do `action` with it (404 unreadable or missing, 403 not allowed, 409 not a draft). */
export async function loadDraft(db: Db, actor: Actor, id: string, action: (typeof draftPolicy.actions)[number], forUpdate = false) {
  const doc = await documentsRepo.findDocument(db, id, { forUpdate });
  authorize(draftPolicy, actor, action, doc);
  assertDraft(doc);
  return doc;
}

/** The comment and its draft, if the actor may do `action` with the comment (404 for anyone who may not see it). */
export async function loadComment(db: Db, actor: Actor, id: string, action: (typeof commentPolicy.actions)[number], forUpdate = false) {
  const comment = await feedbackRepo.findComment(db, id, { forUpdate });
  const doc = comment ? await documentsRepo.findDocument(db, comment.documentId) : undefined;
  if (!comment || !doc) throw new NotFoundError("comment not found");
  authorize(commentPolicy, actor, action, commentLike(comment, doc));
  assertDraft(doc);
  return { comment, doc };
}

/** The unit's feedback on the draft, if the actor may do `action` with it; a unit outside the draft's subtree is 404. */
export async function loadSummaryTarget(db: Db, actor: Actor, unitId: string, documentId: string, action: (typeof summaryPolicy.actions)[number]) {
  const [unit, doc] = await Promise.all([unitsRepo.findById(db, unitId), documentsRepo.findDocument(db, documentId)]);
  const target = unit && doc ? { unitId: unit.id, unitPath: unit.path, document: doc } : undefined;
  authorize(summaryPolicy, actor, action, target);
  assertDraft(doc!);
  return { unit: unit!, doc: doc! as DocumentRow & { feedbackUntil: Date }, target: target! };
}
