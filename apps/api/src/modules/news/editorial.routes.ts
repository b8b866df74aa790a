import { diffWordsWithSpace } from "diff";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams, OkEnvelope } from "@party/shared/schemas/common";
import {
  ApproveBody,
  ArticleEnvelope,
  CalendarEnvelope,
  CalendarQuery,
  CreateArticleBody,
  DiffEnvelope,
  DiffQuery,
  EditorialListEnvelope,
  EditorialListQuery,
  ReasonBody,
  RestoreBody,
  RevisionListEnvelope,
  UpdateArticleBody,
} from "@party/shared/schemas/news";
import { subtreesWith } from "../../lib/actor";
import { withTransaction } from "../../lib/context";
import { ValidationError } from "../../lib/errors";
import { actorOf, metaOf } from "../../lib/http";
import {
  approveArticle,
  createArticle,
  deleteArticle,
  restoreRevision,
  returnArticle,
  submitArticle,
  unpublishArticle,
  updateArticle,
} from "./news.commands";
import { articleConfig as config, articleResponse, channelConfig, loadArticle, loadChannel, tags } from "./news.access";
import type { articlePolicy } from "./news.policy";
import { decodeCursor, encodeCursor, presentEditorial, presentRevision } from "./news.presenter";
import * as filesRepo from "../files/files.repo";
import * as newsRepo from "./news.repo";

/** The editorial side: writing, review transitions, revisions, a channel's lists and calendar. */
export const editorialRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.post(
    "/articles",
    { config, schema: { tags, summary: "A new draft in a channel (a proposal when the channel is above the writer's unit)", body: CreateArticleBody, response: { 201: ArticleEnvelope } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await withTransaction(app.deps, actor, metaOf(req), async (ctx) => {
        const channel = await loadChannel(ctx.db, actor, req.body.unitId, "write");
        return createArticle(ctx, channel, req.body);
      });
      return reply.status(201).send(await articleResponse(db, actor, id));
    },
  );

  app.put(
    "/articles/:id",
    { config, schema: { tags, summary: "Save the working revision (a published article gets a new one; the live one stays)", params: IdParams, body: UpdateArticleBody, response: { 200: ArticleEnvelope } } },
    async (req) => {
      const actor = actorOf(req);
      await withTransaction(app.deps, actor, metaOf(req), async (ctx) => updateArticle(ctx, await loadArticle(ctx.db, actor, req.params.id, "edit", true), req.body));
      return articleResponse(db, actor, req.params.id);
    },
  );

  /** One route per transition: load with a row lock, authorize, run the command, answer the article. */
  const transition = <B>(path: string, action: (typeof articlePolicy.actions)[number], summary: string, run: (ctx: Parameters<typeof submitArticle>[0], article: newsRepo.ArticleRow, body: B) => Promise<void>, body?: unknown) =>
    app.post(
      `/articles/:id/${path}`,
      { config, schema: { tags, summary, params: IdParams, ...(body ? { body: body as typeof ReasonBody } : {}), response: { 200: ArticleEnvelope } } },
      async (req) => {
        const actor = actorOf(req);
        const { id } = req.params;
        // The body was validated against the schema given for this transition.
        await withTransaction(app.deps, actor, metaOf(req), async (ctx) => run(ctx, await loadArticle(ctx.db, actor, id, action, true), req.body as B));
        return articleResponse(db, actor, id);
      },
    );

  transition("submit", "submit", "Send the working revision to the channel's approvers", (ctx, a) => submitArticle(ctx, a));
  transition<{ reason: string }>("return", "return", "Return the submitted revision to its editors with a reason", (ctx, a, b) => returnArticle(ctx, a, b.reason, "returned"), ReasonBody);
  transition<{ reason: string }>("decline", "decline", "Decline a proposal from a unit below, with a reason", (ctx, a, b) => returnArticle(ctx, a, b.reason, "declined"), ReasonBody);
  transition<ApproveBody>("approve", "approve", "Approve the submitted revision: publish now or at a set time, optionally as pinned guidance", (ctx, a, b) => approveArticle(ctx, a, b), ApproveBody);
  transition<{ reason: string }>("unpublish", "unpublish", "Take the article down (or cancel its schedule) with a reason", (ctx, a, b) => unpublishArticle(ctx, a, b.reason), ReasonBody);
  transition<{ number: number }>("restore", "restore", "Copy an earlier revision into the working revision", (ctx, a, b) => restoreRevision(ctx, a, b.number), RestoreBody);

  app.delete("/articles/:id", { config, schema: { tags, summary: "Delete a never-published article", params: IdParams, response: { 200: OkEnvelope } } }, async (req) => {
    const actor = actorOf(req);
    await withTransaction(app.deps, actor, metaOf(req), async (ctx) => deleteArticle(ctx, await loadArticle(ctx.db, actor, req.params.id, "delete", true)));
    return { ok: true as const };
  });

  app.get("/articles/:id/revisions", { config, schema: { tags, params: IdParams, response: { 200: RevisionListEnvelope } } }, async (req) => {
    const article = await loadArticle(db, actorOf(req), req.params.id, "viewHistory");
    const revisions = await newsRepo.listRevisions(db, article.id);
    const images = await filesRepo.findImages(db, [...new Set(revisions.flatMap((r) => (r.coverImageId ? [r.coverImageId] : [])))]);
    return { data: revisions.map((r) => presentRevision(r, images.find((i) => i.id === r.coverImageId) ?? null)) };
  });

  app.get(
    "/articles/:id/diff",
    { config, schema: { tags, summary: "Word-level changes between two revisions", params: IdParams, querystring: DiffQuery, response: { 200: DiffEnvelope } } },
    async (req) => {
      const article = await loadArticle(db, actorOf(req), req.params.id, "viewHistory");
      const [from, to] = await Promise.all([newsRepo.findRevision(db, article.id, req.query.from), newsRepo.findRevision(db, article.id, req.query.to)]);
      if (!from) throw new ValidationError("No such revision", { from: "invalid" });
      if (!to) throw new ValidationError("No such revision", { to: "invalid" });
      const field = (a: string, b: string) => diffWordsWithSpace(a, b).map((c) => ({ text: c.value, change: c.added ? ("added" as const) : c.removed ? ("removed" as const) : ("same" as const) }));
      return {
        data: {
          from: from.number,
          to: to.number,
          fields: {
            title: field(from.title, to.title),
            summary: field(from.summary, to.summary),
            body: field(from.bodyText, to.bodyText),
            tags: field(from.tags.join(", "), to.tags.join(", ")),
            sourceLine: field(from.sourceLine, to.sourceLine),
          },
        },
      };
    },
  );

  app.get(
    "/news/review-queue",
    { config, schema: { tags, summary: "What waits for the actor's approval: their channels' submissions and proposals from below, oldest first", querystring: EditorialListQuery.pick({ limit: true }), response: { 200: EditorialListEnvelope } } },
    async (req) => {
      const rows = await newsRepo.reviewQueue(db, subtreesWith(actorOf(req), "approver"), req.query.limit);
      return { data: rows.map(presentEditorial), nextCursor: null };
    },
  );

  // ---- a unit's channel ----

  app.get(
    "/units/:id/articles",
    { config: channelConfig, schema: { tags, summary: "The channel's articles and the unit's proposals, for its editorial team", params: IdParams, querystring: EditorialListQuery, response: { 200: EditorialListEnvelope } } },
    async (req) => {
      const unit = await loadChannel(db, actorOf(req), req.params.id, "listEditorial");
      const after = req.query.cursor ? decodeCursor(req.query.cursor) : null;
      if (req.query.cursor && !after) throw new ValidationError("Invalid cursor", { cursor: "invalid" });
      const rows = await newsRepo.channelArticles(db, unit.id, { status: req.query.status, limit: req.query.limit, after: after ?? undefined });
      const last = rows.at(-1);
      return { data: rows.map(presentEditorial), nextCursor: rows.length === req.query.limit && last ? encodeCursor(last.updatedAt, last.id) : null };
    },
  );

  app.get(
    "/units/:id/news-calendar",
    { config: channelConfig, schema: { tags, summary: "Scheduled and published items of the channel between two dates", params: IdParams, querystring: CalendarQuery, response: { 200: CalendarEnvelope } } },
    async (req) => {
      const unit = await loadChannel(db, actorOf(req), req.params.id, "listEditorial");
      const { from, to } = req.query;
      if (to < from) throw new ValidationError("The end is before the start", { to: "too_early" });
      if ((Date.parse(to) - Date.parse(from)) / 86_400_000 > 62) throw new ValidationError("At most two months at a time", { to: "too_big" });
      return { data: (await newsRepo.calendar(db, unit.id, from, to)).map(presentEditorial) };
    },
  );

};
