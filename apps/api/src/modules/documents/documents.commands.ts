import { foldVietnamese, Limits } from "@party/shared";
import type { CreateDocumentBody, DocumentLevel, FileRef, UpdateDocumentBody } from "@party/shared/schemas/documents";
import type { DocumentFormat } from "../../db/schema";
import type { Ctx } from "../../lib/context";
import { ConflictError, ValidationError } from "../../lib/errors";
import { recordEvent } from "../../lib/events";
import { notifyAccounts } from "../notifications/notifications.commands";
import { notifyUnitSubtree } from "../notifications/notifications.jobs";
import * as feedbackRepo from "../feedback/feedback.repo";
import type { UnitRow } from "../org-units/org-units.repo";
import { enqueueExtraction, refreshSearchText } from "./documents.jobs";
import * as documentsRepo from "./documents.repo";
import type { DocumentFileRow, DocumentRow, MetadataValues } from "./documents.repo";

const documentLink = (id: string) => `/documents/${id}`;

/** The level a unit publishes at (a sub-committee publishes for grassroots members). */
const LEVEL_OF_KIND: Record<string, DocumentLevel> = { province: "province", district: "district", grassroots: "grassroots", subcommittee: "grassroots", cell: "cell" };
/** Types that may have no number and symbol: meeting materials and "other" are often unnumbered. */
const UNNUMBERED = new Set(["meeting_material", "other"]);

type FileEntry = { fileId: string; name: string; format: DocumentFormat };

/** Rules across fields, on the metadata as it will be stored. */
function checkMetadata(m: MetadataValues): void {
  if (m.numberSymbol === null && !UNNUMBERED.has(m.type)) throw new ValidationError("A number and symbol is needed for this type", { numberSymbol: "required" });
  if (m.effectiveOn !== null && m.effectiveOn < m.issuedOn) throw new ValidationError("Takes effect before it was issued", { effectiveOn: "too_early" });
}

/** A new deadline for feedback must lie ahead. */
function checkDeadline(feedbackUntil: Date | null): void {
  if (feedbackUntil !== null && feedbackUntil.getTime() <= Date.now()) throw new ValidationError("The deadline for feedback must be in the future", { feedbackUntil: "too_early" });
}

/**
 * A draft's deadline may move (to a future instant) until a unit has forwarded its summary; it may
 * be removed (the document stops being a draft) only while nobody has commented.
 */
async function checkDeadlineChange(ctx: Ctx, documentId: string, next: Date | null): Promise<void> {
  checkDeadline(next);
  const activity = await feedbackRepo.activityOf(ctx.db, documentId);
  if (activity.forwarded > 0) throw new ConflictError("A summary of the feedback has been forwarded: the deadline can no longer change");
  if (next === null && activity.comments > 0) throw new ConflictError("Members have commented on this draft: it stays a draft");
}

/** The uploads, in the order given, if all are the actor's own, unattached and less than a day old; 400 otherwise. */
async function takeUploads(ctx: Ctx, ids: readonly string[], field: string): Promise<(FileEntry & { uploadId: string })[]> {
  if (new Set(ids).size !== ids.length) throw new ValidationError("The same upload twice", { [field]: "duplicate" });
  if (ids.length === 0) return [];
  const rows = await documentsRepo.attachableUploads(ctx.db, ids, ctx.actor!.accountId);
  if (rows.length !== ids.length) {
    throw new ValidationError("Attach only your own uploads of the last 24 hours that are not attached yet", { [field]: "invalid" });
  }
  return ids.map((id) => {
    const u = rows.find((r) => r.id === id)!;
    return { uploadId: u.id, fileId: u.fileId, name: u.name, format: u.format };
  });
}

function checkDistinctFiles(files: FileEntry[], field: string): void {
  if (new Set(files.map((f) => f.fileId)).size !== files.length) throw new ValidationError("The same file twice in one document", { [field]: "duplicate_file" });
}

/** What document_versions keeps of each state: the metadata and the list of files. */
const snapshot = (m: MetadataValues, files: FileEntry[]) => ({
  numberSymbol: m.numberSymbol,
  type: m.type,
  issuingBody: m.issuingBody,
  issuedOn: m.issuedOn,
  effectiveOn: m.effectiveOn,
  summary: m.summary,
  level: m.level,
  tags: m.tags,
  committeeOnly: m.committeeOnly,
  feedbackUntil: m.feedbackUntil?.toISOString() ?? null,
  feedbackVisibility: m.feedbackVisibility,
  files: files.map((f, i) => ({ position: i + 1, fileId: f.fileId, name: f.name, format: f.format })),
});

/** Attaches files to the document and brings its search text up to date; files whose text is not extracted yet are queued again (the job re-indexes every document holding them). */
async function attachFiles(ctx: Ctx, documentId: string, files: FileEntry[], uploadIds: string[], existing: DocumentFileRow[] = []): Promise<void> {
  await documentsRepo.replaceFiles(ctx.db, documentId, files);
  await documentsRepo.markAttached(ctx.db, uploadIds, documentId);
  await refreshSearchText(ctx.db, documentId);
  const known = new Map(existing.map((f) => [f.fileId, f.textStatus]));
  for (const f of files) {
    if (known.get(f.fileId) === "done") continue;
    const text = await documentsRepo.findFileText(ctx.db, f.fileId);
    if (text?.status !== "done") await enqueueExtraction(ctx, f.fileId, f.format);
  }
}

/**
 * Publishes a document of `unit` with the actor's uploads as its files (in the given order): version 1
 * of its metadata, its search text from whatever text is extracted already, and a notification to the
 * unit's subtree (a committee-only document: to the unit's committee only). The level defaults to the
 * unit's, or central for a /TW number. The caller has authorized `publish` on the unit.
 * Records `documents.document_created`.
 */
export async function createDocument(ctx: Ctx, unit: UnitRow, body: CreateDocumentBody): Promise<string> {
  const actor = ctx.actor!;
  const { uploadIds, ...input } = body;
  const metadata: MetadataValues = {
    numberSymbol: input.numberSymbol,
    type: input.type,
    issuingBody: input.issuingBody,
    issuedOn: input.issuedOn,
    effectiveOn: input.effectiveOn,
    summary: input.summary,
    level: input.level ?? defaultLevel(unit.kind, input.numberSymbol),
    tags: [...new Set(input.tags)],
    committeeOnly: input.committeeOnly,
    feedbackUntil: input.feedbackUntil ? new Date(input.feedbackUntil) : null,
    feedbackVisibility: input.feedbackVisibility ?? "own",
  };
  checkMetadata(metadata);
  checkDeadline(metadata.feedbackUntil);
  const uploads = await takeUploads(ctx, uploadIds, "uploadIds");
  checkDistinctFiles(uploads, "uploadIds");
  const { id } = await documentsRepo.insertDocument(ctx.db, { ...metadata, unitId: unit.id, unitPath: unit.path, createdBy: actor.accountId });
  await attachFiles(ctx, id, uploads, uploads.map((u) => u.uploadId));
  await documentsRepo.insertVersion(ctx.db, { documentId: id, version: 1, metadata: snapshot(metadata, uploads), changedBy: actor.accountId });
  await recordEvent(ctx, {
    name: "documents.document_created",
    unitId: unit.id,
    subjectType: "document",
    subjectId: id,
    data: { numberSymbol: metadata.numberSymbol, type: metadata.type, committeeOnly: metadata.committeeOnly, files: uploads.length, feedbackUntil: metadata.feedbackUntil },
  });
  await announce(ctx, unit.id, id, metadata);
  return id;
}

export function defaultLevel(unitKind: string, numberSymbol: string | null): DocumentLevel {
  if (numberSymbol && /\/tw$/.test(foldVietnamese(numberSymbol).replace(/\s+/g, ""))) return "central";
  return LEVEL_OF_KIND[unitKind] ?? "grassroots";
}

/** Tells the audience about a new document: the unit's whole subtree through the fan-out, or only its committee. */
async function announce(ctx: Ctx, unitId: string, documentId: string, m: MetadataValues): Promise<void> {
  const content = {
    type: "document.published",
    title: (m.numberSymbol ? `${m.numberSymbol}: ${m.summary}` : m.summary).slice(0, Limits.notificationTitleMax),
    body: m.issuingBody,
    link: documentLink(documentId),
    subjectType: "document",
    subjectId: documentId,
    dedupeKey: `document:${documentId}:published`,
  };
  if (m.committeeOnly) {
    const committee = (await documentsRepo.committeeOf(ctx.db, unitId)).filter((id) => id !== ctx.actor?.accountId);
    await notifyAccounts(ctx, committee, content);
  } else {
    await notifyUnitSubtree(ctx, { unitId, ...content });
  }
}

/**
 * Changes the metadata fields sent and, with `files`, the list of files (kept ones by fileId, new
 * ones by uploadId, in the new order); a change makes a new version with the new state. Nothing
 * changed, nothing written. The caller has authorized `edit` with the row locked.
 * Records `documents.document_updated` with the names of the changed fields.
 */
export async function updateDocument(ctx: Ctx, doc: DocumentRow, body: UpdateDocumentBody): Promise<void> {
  const actor = ctx.actor!;
  const { files: refs, feedbackUntil, ...fields } = body;
  const current: MetadataValues = {
    numberSymbol: doc.numberSymbol,
    type: doc.type,
    issuingBody: doc.issuingBody,
    issuedOn: doc.issuedOn,
    effectiveOn: doc.effectiveOn,
    summary: doc.summary,
    level: doc.level,
    tags: doc.tags,
    committeeOnly: doc.committeeOnly,
    feedbackUntil: doc.feedbackUntil,
    feedbackVisibility: doc.feedbackVisibility,
  };
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<MetadataValues>;
  if (feedbackUntil !== undefined) defined.feedbackUntil = feedbackUntil === null ? null : new Date(feedbackUntil);
  const next: MetadataValues = { ...current, ...defined, tags: defined.tags ? [...new Set(defined.tags)] : current.tags };
  checkMetadata(next);
  if (current.feedbackUntil?.getTime() !== next.feedbackUntil?.getTime()) await checkDeadlineChange(ctx, doc.id, next.feedbackUntil);
  const existing = await documentsRepo.documentFiles(ctx.db, doc.id);
  const files = refs ? await resolveFiles(ctx, refs, existing) : existing;
  const changed = (Object.keys(current) as (keyof MetadataValues)[]).filter((k) => JSON.stringify(current[k]) !== JSON.stringify(next[k]));
  const filesChanged = JSON.stringify(existing.map((f) => [f.fileId, f.name])) !== JSON.stringify(files.map((f) => [f.fileId, f.name]));
  if (changed.length === 0 && !filesChanged) return;
  const version = doc.version + 1;
  await documentsRepo.updateDocument(ctx.db, doc.id, { ...next, version, updatedBy: actor.accountId });
  if (filesChanged) {
    const uploadIds = files.flatMap((f) => ("uploadId" in f ? [f.uploadId as string] : []));
    await attachFiles(ctx, doc.id, files, uploadIds, existing);
  }
  await documentsRepo.insertVersion(ctx.db, { documentId: doc.id, version, metadata: snapshot(next, files), changedBy: actor.accountId });
  await recordEvent(ctx, {
    name: "documents.document_updated",
    unitId: doc.unitId,
    subjectType: "document",
    subjectId: doc.id,
    data: { version, changed: [...changed, ...(filesChanged ? ["files"] : [])] },
  });
}

/** The new list of files: kept ones must be the document's own, new ones the actor's fresh uploads. */
async function resolveFiles(ctx: Ctx, refs: FileRef[], existing: DocumentFileRow[]): Promise<(FileEntry & { uploadId?: string })[]> {
  const uploadIds = refs.flatMap((r) => ("uploadId" in r ? [r.uploadId] : []));
  const uploads = await takeUploads(ctx, uploadIds, "files");
  const files = refs.map((r) => {
    if ("uploadId" in r) return uploads.find((u) => u.uploadId === r.uploadId)!;
    const kept = existing.find((f) => f.fileId === r.fileId);
    if (!kept) throw new ValidationError("Not a file of this document", { files: "invalid" });
    return { fileId: kept.fileId, name: kept.name, format: kept.format };
  });
  checkDistinctFiles(files, "files");
  return files;
}

/** Withdraws the document (thu hồi) with a reason: members no longer see it; staff still do, with its history. The caller has authorized `withdraw`. Records `documents.document_withdrawn`. */
export async function withdrawDocument(ctx: Ctx, doc: DocumentRow, reason: string): Promise<void> {
  await documentsRepo.withdraw(ctx.db, doc.id, ctx.actor!.accountId, reason);
  await recordEvent(ctx, { name: "documents.document_withdrawn", unitId: doc.unitId, subjectType: "document", subjectId: doc.id, data: { reason } });
}
