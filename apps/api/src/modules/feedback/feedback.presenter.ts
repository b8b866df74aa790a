import type { UnitKind } from "@party/shared";
import type { CommentDto, DraftDto, FeedbackCountsDto, SummaryDto } from "@party/shared/schemas/feedback";
import type { FeedbackCounts } from "../../db/schema";
import type { Actor } from "../../lib/actor";
import type { DocumentRow } from "../documents/documents.repo";
import { answersFor, commentPolicy, type CommentLike, draftPolicy } from "./feedback.policy";
import type { CommentView, SummaryRow } from "./feedback.repo";

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : null);
const unitRef = (id: string, name: string, kind: string) => ({ id, name, kind: kind as UnitKind });

/** How notifications name a draft: its number, or its summary when it has none. */
export const draftName = (doc: Pick<DocumentRow, "numberSymbol" | "summary">): string => doc.numberSymbol ?? doc.summary;
/** `text` cut to `max` characters, with an ellipsis when cut (notification titles and bodies). */
export const short = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Comments are taken until the deadline. */
export const isOpen = (doc: Pick<DocumentRow, "feedbackUntil">, now = new Date()): boolean => doc.feedbackUntil !== null && now < doc.feedbackUntil;

/** The draft's settings and what the actor may do with it; `comment` is false once the deadline has passed. */
export function presentDraft(actor: Actor, doc: DocumentRow): DraftDto {
  const abilities = draftPolicy.serialize(actor, doc);
  return {
    documentId: doc.id,
    feedbackUntil: doc.feedbackUntil!.toISOString(),
    open: isOpen(doc),
    visibility: doc.feedbackVisibility,
    abilities: { ...abilities, comment: abilities.comment && isOpen(doc) },
  };
}

export const commentLike = (c: CommentView, doc: DocumentRow): CommentLike => ({ id: c.id, accountId: c.accountId, unitId: c.unitId, unitPath: c.unitPath, document: doc });

/** The author is named to themselves and to those who answer for the cell, never to fellow members. */
export function presentComment(actor: Actor, c: CommentView): CommentDto {
  const mine = c.accountId === actor.accountId;
  return {
    id: c.id,
    documentId: c.documentId,
    unit: unitRef(c.unitId, c.unitName, c.unitKind),
    author: mine || answersFor(actor, c.unitPath) ? { id: c.accountId, name: c.authorName } : null,
    mine,
    section: c.section,
    page: c.page,
    quote: c.quote,
    body: c.body,
    status: c.status,
    reply: c.reply,
    repliedBy: c.repliedBy ? { id: c.repliedBy, name: c.repliedByName ?? "" } : null,
    repliedAt: iso(c.repliedAt),
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

/** What the actor may do with the comment now: edit and delete only before the deadline and before an answer. */
export function commentAbilities(actor: Actor, c: CommentView, doc: DocumentRow): Record<string, boolean> {
  const abilities = commentPolicy.serialize(actor, commentLike(c, doc));
  const editable = abilities.edit && isOpen(doc) && c.status === "pending" && c.reply === null;
  return { ...abilities, edit: editable, delete: editable };
}

export const emptyCounts = (): FeedbackCounts => ({ total: 0, commenters: 0, units: 0, byStatus: { pending: 0, accepted: 0, rejected: 0, noted: 0 } });

const presentCounts = (c: Partial<FeedbackCounts> | null | undefined): FeedbackCountsDto => ({ ...emptyCounts(), ...c, byStatus: { ...emptyCounts().byStatus, ...c?.byStatus } });

export function presentSummary(s: SummaryRow, outdated = false): SummaryDto {
  return {
    unit: unitRef(s.unitId, s.unitName, s.unitKind),
    status: s.status,
    generation: s.generation,
    requestedAt: iso(s.requestedAt),
    counts: presentCounts(s.counts),
    generatedAt: iso(s.generatedAt),
    outdated,
    forwardedAt: iso(s.forwardedAt),
    forwardedBy: s.forwardedBy ? { id: s.forwardedBy, name: s.forwardedByName ?? "" } : null,
    formats: s.docxFileId && s.xlsxFileId ? ["docx", "xlsx"] : [],
  };
}

export { unitRef };
