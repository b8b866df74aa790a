import type { ApproveBody, CreateArticleBody, UpdateArticleBody } from "@party/shared/schemas/news";
import type { Db } from "../../db/db";
import type { ArticleAttachment } from "../../db/schema";
import { covers, hasRoleOver } from "../../lib/actor";
import type { Ctx } from "../../lib/context";
import { AppError, ValidationError } from "../../lib/errors";
import { recordEvent } from "../../lib/events";
import type { JobQueue } from "../../lib/jobs";
import { notifyAccounts } from "../notifications/notifications.commands";
import { notifyUnitSubtree } from "../notifications/notifications.jobs";
import type { UnitRow } from "../org-units/org-units.repo";
import * as filesRepo from "../files/files.repo";
import * as documentsRepo from "../documents/documents.repo";
import { NEWS_CHANGED } from "./feed-cache";
import * as newsRepo from "./news.repo";
import type { ArticleRow } from "./news.repo";
import { htmlToText, sanitizeArticleHtml } from "./news.sanitize";

const articleLink = (id: string) => `/news/${id}`;
/** Tells every process that feeds may show something else now (their caches clear). */
export const newsChanged = { event: NEWS_CHANGED, accountIds: [] };

/**
 * The content as stored: body sanitised, its text extracted, the category checked to belong to the
 * channel, the attachments resolved (`existing`: the files the article already has, which may be kept).
 */
async function prepareContent(db: Db, actorId: string, channelId: string, input: UpdateArticleBody, existing: ArticleAttachment[] = []) {
  if (input.categoryId) {
    const category = await newsRepo.findCategory(db, input.categoryId);
    if (!category || category.unitId !== channelId || category.archivedAt) throw new ValidationError("Not a category of this channel", { categoryId: "invalid" });
  }
  if (input.coverImageId && (await filesRepo.findImages(db, [input.coverImageId])).length === 0) {
    throw new ValidationError("No such picture", { coverImageId: "invalid" });
  }
  const { attachments, uploadIds } = await resolveAttachments(db, actorId, input.attachments, existing);
  const bodyHtml = sanitizeArticleHtml(input.bodyHtml);
  const tags = [...new Set(input.tags)];
  const content = {
    title: input.title,
    summary: input.summary,
    bodyHtml,
    bodyText: htmlToText(bodyHtml),
    categoryId: input.categoryId,
    tags,
    sourceLine: input.sourceLine,
    coverImageId: input.coverImageId,
    coverAlt: input.coverImageId ? input.coverAlt : "",
    attachments: JSON.stringify(attachments),
  };
  return { content, uploadIds };
}

/**
 * The attachment list an editor sent, as stored: `{ uploadId }` must be the actor's own upload of the
 * last 24 hours, not attached anywhere yet (it was checked by content and for classification marks
 * on upload); `{ fileId }` must be one the article already has. Each file once.
 */
async function resolveAttachments(db: Db, actorId: string, refs: UpdateArticleBody["attachments"], existing: ArticleAttachment[]) {
  const uploadIds = refs.flatMap((ref) => ("uploadId" in ref ? [ref.uploadId] : []));
  const uploads = uploadIds.length > 0 ? await documentsRepo.attachableUploads(db, uploadIds, actorId) : [];
  const sizes = new Map((await filesRepo.findFiles(db, uploads.map((u) => u.fileId))).map((f) => [f.id, Number(f.size)]));
  const attachments: ArticleAttachment[] = [];
  refs.forEach((ref, i) => {
    const found =
      "uploadId" in ref
        ? uploads.filter((u) => u.id === ref.uploadId).map((u) => ({ fileId: u.fileId, name: u.name, format: u.format, size: sizes.get(u.fileId) ?? 0 }))[0]
        : existing.find((f) => f.fileId === ref.fileId);
    if (!found) throw new ValidationError("Not a file of this article or an upload of yours from the last 24 hours", { [`attachments.${i}`]: "invalid" });
    if (attachments.some((f) => f.fileId === found.fileId)) throw new ValidationError("The same file is attached twice", { [`attachments.${i}`]: "duplicate" });
    attachments.push(found);
  });
  return { attachments, uploadIds };
}

/**
 * A new draft in the channel of `channel`. An editor of the channel writes for it directly; an
 * editor of a unit below writes a proposal, credited to their unit. The caller has authorized
 * `write` on the channel. Records `news.article_created`.
 */
export async function createArticle(ctx: Ctx, channel: UnitRow, input: CreateArticleBody): Promise<string> {
  const actor = ctx.actor!;
  // The channel's own editors write for it; otherwise the nearest unit below it where the actor edits.
  const nearestBelow = actor.grants.filter((g) => g.role === "editor" && covers(channel.path, g.path)).sort((a, b) => a.path.length - b.path.length)[0];
  const origin = hasRoleOver(actor, channel.path, "editor") ? { id: channel.id } : nearestBelow && { id: nearestBelow.unitId };
  if (!origin) throw new AppError(403, "forbidden", "Not an editor of this channel or a unit below it");
  const { content, uploadIds } = await prepareContent(ctx.db, actor.accountId, channel.id, input);
  const { id } = await ctx.db
    .insertInto("articles")
    .values({ unitId: channel.id, unitPath: channel.path, originUnitId: origin.id, status: "draft", workingRevision: 1, createdBy: actor.accountId })
    .returning("id")
    .executeTakeFirstOrThrow();
  await ctx.db.insertInto("articleRevisions").values({ articleId: id, number: 1, state: "draft", ...content, createdBy: actor.accountId, updatedBy: actor.accountId }).execute();
  await documentsRepo.markUploadsUsed(ctx.db, uploadIds);
  await recordEvent(ctx, { name: "news.article_created", unitId: channel.id, subjectType: "article", subjectId: id, data: { proposal: origin.id !== channel.id } });
  return id;
}

/**
 * Saves the editor's form into the working revision. A returned or declined revision becomes a draft
 * again; a published article gets a new revision while the published one stays live. The caller has
 * authorized `edit`. Records `news.article_edited` only when a revision is opened.
 */
export async function updateArticle(ctx: Ctx, article: ArticleRow, input: UpdateArticleBody): Promise<void> {
  const actor = ctx.actor!;
  const working = article.workingRevision === null ? undefined : await newsRepo.findRevision(ctx.db, article.id, article.workingRevision);
  const { content, uploadIds } = await prepareContent(ctx.db, actor.accountId, article.unitId, input, [...(working?.attachments ?? []), ...article.attachments]);
  await documentsRepo.markUploadsUsed(ctx.db, uploadIds);
  if (article.workingRevision !== null) {
    await ctx.db
      .updateTable("articleRevisions")
      .set({ ...content, state: "draft", updatedBy: actor.accountId, updatedAt: new Date() })
      .where("articleId", "=", article.id)
      .where("number", "=", article.workingRevision)
      .execute();
    const status = article.publishedRevision === null && article.status !== "scheduled" ? "draft" : article.status;
    await ctx.db.updateTable("articles").set({ status, statusReason: status === "draft" ? null : article.statusReason, updatedAt: new Date() }).where("id", "=", article.id).execute();
    return;
  }
  const number = await newsRepo.nextRevisionNumber(ctx.db, article.id);
  await ctx.db.insertInto("articleRevisions").values({ articleId: article.id, number, state: "draft", ...content, createdBy: actor.accountId, updatedBy: actor.accountId }).execute();
  await ctx.db.updateTable("articles").set({ workingRevision: number, updatedAt: new Date() }).where("id", "=", article.id).execute();
  await recordEvent(ctx, { name: "news.revision_opened", unitId: article.unitId, subjectType: "article", subjectId: article.id, data: { revision: number } });
}

/** Sends the working revision to the channel's approvers, who are notified. The caller has authorized `submit`. Records `news.article_submitted`. */
export async function submitArticle(ctx: Ctx, article: ArticleRow): Promise<void> {
  const actor = ctx.actor!;
  const revision = await newsRepo.findRevision(ctx.db, article.id, article.workingRevision!);
  if (!revision?.title.trim()) throw new ValidationError("A title is needed", { title: "required" });
  await ctx.db
    .updateTable("articleRevisions")
    .set({ state: "submitted", submittedBy: actor.accountId, submittedAt: new Date(), reviewedBy: null, reviewedAt: null, reviewReason: null })
    .where("articleId", "=", article.id)
    .where("number", "=", article.workingRevision!)
    .execute();
  if (article.publishedRevision === null && article.status !== "scheduled") {
    await ctx.db.updateTable("articles").set({ status: "submitted", statusReason: null, updatedAt: new Date() }).where("id", "=", article.id).execute();
  }
  await recordEvent(ctx, { name: "news.article_submitted", unitId: article.unitId, subjectType: "article", subjectId: article.id, data: { revision: article.workingRevision } });
  const approvers = (await newsRepo.approversOf(ctx.db, article.unitPath)).filter((id) => id !== actor.accountId);
  await notifyAccounts(ctx, approvers, {
    type: "editorial.submitted",
    title: revision.title,
    body: "",
    link: articleLink(article.id),
    subjectType: "article",
    subjectId: article.id,
    dedupeKey: `article:${article.id}:r${article.workingRevision}:submitted:${Date.now()}`,
  });
}

/**
 * Returns the submitted revision to its editors with a reason (`decline` for a proposal from below,
 * which then cannot be published in this channel as it is). The caller has authorized `return` or
 * `decline`. Records `news.article_returned` or `news.article_declined`; the submitter is notified.
 */
export async function returnArticle(ctx: Ctx, article: ArticleRow, reason: string, kind: "returned" | "declined"): Promise<void> {
  const actor = ctx.actor!;
  await ctx.db
    .updateTable("articleRevisions")
    .set({ state: kind, reviewedBy: actor.accountId, reviewedAt: new Date(), reviewReason: reason })
    .where("articleId", "=", article.id)
    .where("number", "=", article.workingRevision!)
    .execute();
  const neverPublished = article.publishedRevision === null && article.status !== "scheduled";
  await ctx.db
    .updateTable("articles")
    .set({ ...(neverPublished ? { status: kind, statusReason: reason } : {}), updatedAt: new Date() })
    .where("id", "=", article.id)
    .execute();
  await recordEvent(ctx, { name: `news.article_${kind}`, unitId: article.unitId, subjectType: "article", subjectId: article.id, data: { revision: article.workingRevision, reason } });
  if (article.submittedBy) {
    const revision = await newsRepo.findRevision(ctx.db, article.id, article.workingRevision!);
    await notifyAccounts(ctx, [article.submittedBy], {
      type: `editorial.${kind}`,
      title: revision?.title ?? "",
      body: reason,
      link: articleLink(article.id),
      subjectType: "article",
      subjectId: article.id,
      dedupeKey: `article:${article.id}:r${article.workingRevision}:${kind}`,
    });
  }
}

/**
 * Approves the submitted revision: its content becomes the article's published content at once, or
 * at `publishAt` for an article not yet published. Guidance is pinned until the given time and, once
 * published, notifies the channel's whole audience. The caller has authorized `approve`.
 * Records `news.article_approved` (and `news.article_published` when it goes live now).
 */
export async function approveArticle(ctx: Ctx, article: ArticleRow, input: ApproveBody): Promise<void> {
  const actor = ctx.actor!;
  const now = new Date();
  const publishAt = input.publishAt ? new Date(input.publishAt) : null;
  const unpublishAt = input.unpublishAt ? new Date(input.unpublishAt) : null;
  const pinnedUntil = input.guidancePinnedUntil ? new Date(input.guidancePinnedUntil) : null;
  const live = article.publishedRevision !== null && article.status === "published";
  if (publishAt && live) throw new ValidationError("The article is already published", { publishAt: "already_published" });
  if (publishAt && publishAt <= now) throw new ValidationError("Must be in the future", { publishAt: "in_past" });
  if (unpublishAt && unpublishAt <= (publishAt ?? now)) throw new ValidationError("Must be after publication", { unpublishAt: "too_early" });
  if (pinnedUntil && pinnedUntil <= (publishAt ?? now)) throw new ValidationError("Must be after publication", { guidancePinnedUntil: "too_early" });

  const revision = (await newsRepo.findRevision(ctx.db, article.id, article.workingRevision!))!;
  if (article.publishedRevision !== null) {
    await ctx.db.updateTable("articleRevisions").set({ state: "superseded" }).where("articleId", "=", article.id).where("state", "=", "approved").execute();
  }
  await ctx.db
    .updateTable("articleRevisions")
    .set({ state: "approved", reviewedBy: actor.accountId, reviewedAt: now, reviewReason: null })
    .where("articleId", "=", article.id)
    .where("number", "=", revision.number)
    .execute();
  const goesLive = !publishAt;
  await ctx.db
    .updateTable("articles")
    .set({
      title: revision.title,
      summary: revision.summary,
      bodyHtml: revision.bodyHtml,
      bodyText: revision.bodyText,
      categoryId: revision.categoryId,
      tags: revision.tags,
      sourceLine: revision.sourceLine,
      coverImageId: revision.coverImageId,
      coverAlt: revision.coverAlt,
      attachments: JSON.stringify(revision.attachments),
      publishedRevision: revision.number,
      workingRevision: null,
      status: goesLive ? "published" : "scheduled",
      publishedAt: goesLive ? (article.publishedAt ?? now) : null,
      publishAt,
      unpublishAt,
      ...(pinnedUntil ? { isGuidance: true, pinnedUntil } : {}),
      statusReason: null,
      updatedAt: now,
    })
    .where("id", "=", article.id)
    .execute();
  await recordEvent(ctx, {
    name: "news.article_approved",
    unitId: article.unitId,
    subjectType: "article",
    subjectId: article.id,
    data: { revision: revision.number, publishAt: input.publishAt, unpublishAt: input.unpublishAt, guidancePinnedUntil: input.guidancePinnedUntil },
  });
  if (article.submittedBy && article.submittedBy !== actor.accountId) {
    await notifyAccounts(ctx, [article.submittedBy], {
      type: "editorial.published",
      title: revision.title,
      body: "",
      link: articleLink(article.id),
      subjectType: "article",
      subjectId: article.id,
      dedupeKey: `article:${article.id}:r${revision.number}:approved`,
    });
  }
  if (goesLive) await announcePublication(ctx, article.id);
  ctx.publishAfterCommit(newsChanged);
}

/**
 * What follows an article going live (approval now, or the scheduler): `news.article_published`,
 * and for pinned guidance a notification to everyone in the channel's subtree (once per article).
 */
export async function announcePublication(ctx: { db: Db; jobs: JobQueue; actor?: Ctx["actor"]; meta?: Ctx["meta"] }, articleId: string): Promise<void> {
  const article = await ctx.db.selectFrom("articles").select(["id", "unitId", "title", "summary", "isGuidance", "pinnedUntil"]).where("id", "=", articleId).executeTakeFirstOrThrow();
  await recordEvent(
    { actor: ctx.actor ?? null, db: ctx.db, jobs: ctx.jobs, meta: ctx.meta ?? { ip: null, requestId: null }, publishAfterCommit: () => undefined },
    { name: "news.article_published", unitId: article.unitId, subjectType: "article", subjectId: article.id },
  );
  if (article.isGuidance && article.pinnedUntil && article.pinnedUntil > new Date()) {
    await notifyUnitSubtree(ctx, {
      unitId: article.unitId,
      type: "guidance.pinned",
      title: article.title,
      body: article.summary,
      link: articleLink(article.id),
      subjectType: "article",
      subjectId: article.id,
      dedupeKey: `guidance:${article.id}`,
    });
  }
}

/** Takes the article down (or cancels its schedule) with a reason. The caller has authorized `unpublish`. Records `news.article_unpublished`. */
export async function unpublishArticle(ctx: Ctx, article: ArticleRow, reason: string): Promise<void> {
  await ctx.db
    .updateTable("articles")
    .set({ status: "unpublished", statusReason: reason, unpublishAt: null, pinnedUntil: null, updatedAt: new Date() })
    .where("id", "=", article.id)
    .execute();
  await recordEvent(ctx, { name: "news.article_unpublished", unitId: article.unitId, subjectType: "article", subjectId: article.id, data: { reason } });
  ctx.publishAfterCommit(newsChanged);
}

/** Deletes a never-published article and its revisions. The caller has authorized `delete`. Records `news.article_deleted`. */
export async function deleteArticle(ctx: Ctx, article: ArticleRow): Promise<void> {
  await ctx.db.deleteFrom("articles").where("id", "=", article.id).execute();
  await recordEvent(ctx, { name: "news.article_deleted", unitId: article.unitId, subjectType: "article", subjectId: article.id });
}

/** Copies an earlier revision into the working revision (opening one if needed), as a draft to review again. The caller has authorized `restore`. */
export async function restoreRevision(ctx: Ctx, article: ArticleRow, number: number): Promise<void> {
  const source = await newsRepo.findRevision(ctx.db, article.id, number);
  if (!source) throw new ValidationError("No such revision", { number: "invalid" });
  const { title, summary, bodyHtml, bodyText, categoryId, tags, sourceLine, coverImageId, coverAlt } = source;
  const content = { title, summary, bodyHtml, bodyText, categoryId, tags, sourceLine, coverImageId, coverAlt, attachments: JSON.stringify(source.attachments) };
  const actor = ctx.actor!;
  if (article.workingRevision !== null) {
    await ctx.db
      .updateTable("articleRevisions")
      .set({ ...content, state: "draft", restoredFrom: number, updatedBy: actor.accountId, updatedAt: new Date() })
      .where("articleId", "=", article.id)
      .where("number", "=", article.workingRevision)
      .execute();
  } else {
    const next = await newsRepo.nextRevisionNumber(ctx.db, article.id);
    await ctx.db.insertInto("articleRevisions").values({ articleId: article.id, number: next, state: "draft", ...content, restoredFrom: number, createdBy: actor.accountId, updatedBy: actor.accountId }).execute();
    await ctx.db.updateTable("articles").set({ workingRevision: next }).where("id", "=", article.id).execute();
  }
  await ctx.db.updateTable("articles").set({ updatedAt: new Date(), ...(article.publishedRevision === null && article.status !== "scheduled" ? { status: "draft" } : {}) }).where("id", "=", article.id).execute();
  await recordEvent(ctx, { name: "news.revision_restored", unitId: article.unitId, subjectType: "article", subjectId: article.id, data: { from: number } });
}
