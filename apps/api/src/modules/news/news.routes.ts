import { diffWordsWithSpace } from "diff";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams, OkEnvelope } from "@party/shared/schemas/common";
import {
  ApproveBody,
  ArticleEnvelope,
  CalendarEnvelope,
  CalendarQuery,
  CategoryEnvelope,
  CategoryListEnvelope,
  CreateArticleBody,
  CreateCategoryBody,
  DiffEnvelope,
  DiffQuery,
  EditorialListEnvelope,
  EditorialListQuery,
  FeedEnvelope,
  FeedQuery,
  ReaderStatsEnvelope,
  ReasonBody,
  RestoreBody,
  RevisionListEnvelope,
  SearchEnvelope,
  SearchQuery,
  UpdateArticleBody,
  UpdateCategoryBody,
} from "@party/shared/schemas/news";
import type { Db } from "../../db/db";
import { type Actor, subtreesWith } from "../../lib/actor";
import { withTransaction } from "../../lib/context";
import { AppError, ValidationError } from "../../lib/errors";
import { recordEvent } from "../../lib/events";
import { actorOf, metaOf } from "../../lib/http";
import { authorize } from "../../lib/policy";
import * as unitsRepo from "../org-units/org-units.repo";
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
import { articlePolicy, newsChannelPolicy } from "./news.policy";
import { decodeCursor, encodeCursor, presentArticle, presentCategory, presentEditorial, presentRevision, presentSummary } from "./news.presenter";
import * as newsRepo from "./news.repo";
import { highlightAll, queryTerms, snippet } from "./news.snippets";

const tags = ["news"];
const config = { policy: articlePolicy.name };
const channelConfig = { policy: newsChannelPolicy.name };

/** The channels whose articles reach the actor: their cell's and every unit above, and those of their grants and above. */
const audiencePaths = (actor: Actor): string[] => newsRepo.pathsAbove([...(actor.cell ? [actor.cell.path] : []), ...actor.grants.map((g) => g.path)]);

async function loadArticle(db: Db, actor: Actor, id: string, action: (typeof articlePolicy.actions)[number], forUpdate = false) {
  const article = await newsRepo.findArticle(db, id, { forUpdate });
  authorize(articlePolicy, actor, action, article);
  return article;
}

async function loadChannel(db: Db, actor: Actor, id: string, action: (typeof newsChannelPolicy.actions)[number]) {
  const unit = await unitsRepo.findById(db, id);
  authorize(newsChannelPolicy, actor, action, unit);
  return unit;
}

export const newsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  /** The article as the actor may see it: the working revision only for the editorial team. */
  async function articleResponse(database: Db, actor: Actor, id: string) {
    const article = (await newsRepo.findArticle(database, id))!;
    const [units, category, read, working] = await Promise.all([
      unitsRepo.findByIds(database, [article.unitId, article.originUnitId]),
      article.categoryId ? newsRepo.findCategory(database, article.categoryId) : Promise.resolve(undefined),
      newsRepo.hasRead(database, article.id, actor.accountId),
      article.workingRevision !== null && articlePolicy.can(actor, "viewHistory", article)
        ? newsRepo.findRevision(database, article.id, article.workingRevision)
        : Promise.resolve(undefined),
    ]);
    const unit = units.find((u) => u.id === article.unitId)!;
    const origin = units.find((u) => u.id === article.originUnitId)!;
    return {
      data: presentArticle(article, {
        unit,
        origin,
        category: category ? { id: category.id, name: category.name } : null,
        read,
        working: working ? presentRevision(working) : null,
      }),
      abilities: articlePolicy.serialize(actor, article),
    };
  }

  // ---- reading ----

  app.get(
    "/news/feed",
    { config, schema: { tags, summary: "The member's feed: their unit's and every unit above's articles, pinned guidance on top", querystring: FeedQuery, response: { 200: FeedEnvelope } } },
    async (req) => {
      const actor = actorOf(req);
      const { cursor, limit, level, categoryId } = req.query;
      const after = cursor ? decodeCursor(cursor) : null;
      if (cursor && !after) throw new ValidationError("Invalid cursor", { cursor: "invalid" });
      const paths = audiencePaths(actor);
      const [rows, pinned] = await Promise.all([
        newsRepo.feed(db, { accountId: actor.accountId, paths, limit, level, categoryId, after: after ? { publishedAt: after.at, id: after.id } : undefined }),
        after || level || categoryId ? Promise.resolve([]) : newsRepo.pinned(db, actor.accountId, paths),
      ]);
      const last = rows.at(-1);
      return {
        pinned: pinned.map(presentSummary),
        data: rows.map(presentSummary),
        nextCursor: rows.length === limit && last?.publishedAt ? encodeCursor(last.publishedAt, last.id) : null,
      };
    },
  );

  app.get(
    "/news/search",
    { config, schema: { tags, summary: "Diacritic-insensitive search over the articles the member may see, ranked, with snippets", querystring: SearchQuery, response: { 200: SearchEnvelope } } },
    async (req) => {
      const actor = actorOf(req);
      const { q, limit, offset } = req.query;
      const terms = queryTerms(q);
      if (terms.length === 0) return { data: [], hasMore: false };
      const rows = await newsRepo.search(db, {
        accountId: actor.accountId,
        q,
        above: audiencePaths(actor),
        subtrees: subtreesWith(actor, "secretary", "deputy_secretary", "editor", "approver", "unit_admin", "stats_viewer"),
        limit: limit + 1,
        offset,
      });
      return {
        data: rows.slice(0, limit).map((r) => ({
          ...presentSummary(r),
          titleParts: highlightAll(r.title, terms),
          snippet: snippet(r.summary && !queryHits(r.bodyText ?? "", terms) ? r.summary : (r.bodyText ?? ""), terms),
          rank: Number(r.rank ?? 0),
        })),
        hasMore: rows.length > limit,
      };
    },
  );

  app.get("/articles/:id", { config, schema: { tags, params: IdParams, response: { 200: ArticleEnvelope } } }, async (req) => {
    const actor = actorOf(req);
    await loadArticle(db, actor, req.params.id, "read");
    return articleResponse(db, actor, req.params.id);
  });

  app.post("/articles/:id/read", { config, schema: { tags, summary: "Mark the article read today (for the read mark and unique readers per day)", params: IdParams, response: { 200: OkEnvelope } } }, async (req) => {
    const actor = actorOf(req);
    const article = await loadArticle(db, actor, req.params.id, "read");
    if (article.status !== "published") throw new AppError(409, "conflict", "Only published articles are read");
    await newsRepo.markRead(db, article.id, actor.accountId);
    return { ok: true as const };
  });

  app.get("/articles/:id/readers", { config, schema: { tags, summary: "Unique readers per day", params: IdParams, response: { 200: ReaderStatsEnvelope } } }, async (req) => {
    const article = await loadArticle(db, actorOf(req), req.params.id, "viewStats");
    return { data: await newsRepo.readerStats(db, article.id) };
  });

  // ---- writing and review ----

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
    return { data: (await newsRepo.listRevisions(db, article.id)).map(presentRevision) };
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

  app.get(
    "/units/:id/news-categories",
    { config: channelConfig, schema: { tags, params: IdParams, response: { 200: CategoryListEnvelope } } },
    async (req) => {
      const actor = actorOf(req);
      const unit = await loadChannel(db, actor, req.params.id, "read");
      return { data: (await newsRepo.categoriesOf(db, unit.id, newsChannelPolicy.can(actor, "manageCategories", unit))).map(presentCategory) };
    },
  );

  app.post(
    "/units/:id/news-categories",
    { config: channelConfig, schema: { tags, params: IdParams, body: CreateCategoryBody, response: { 201: CategoryEnvelope } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const category = await withTransaction(app.deps, actor, metaOf(req), async (ctx) => {
        const unit = await loadChannel(ctx.db, actor, req.params.id, "manageCategories");
        const clash = await ctx.db.selectFrom("newsCategories").select("id").where("unitId", "=", unit.id).where("name", "=", req.body.name).executeTakeFirst();
        if (clash) throw new AppError(409, "conflict", "A category with this name exists", { fields: { name: "taken" } });
        const row = await ctx.db.insertInto("newsCategories").values({ unitId: unit.id, name: req.body.name, position: req.body.position ?? 0 }).returningAll().executeTakeFirstOrThrow();
        await recordEvent(ctx, { name: "news.category_created", unitId: unit.id, subjectType: "news_category", subjectId: row.id, data: { name: row.name } });
        return row;
      });
      return reply.status(201).send({ data: presentCategory(category) });
    },
  );

  app.patch(
    "/news-categories/:id",
    { config: channelConfig, schema: { tags, summary: "Rename, reorder or archive a category", params: IdParams, body: UpdateCategoryBody, response: { 200: CategoryEnvelope } } },
    async (req) => {
      const actor = actorOf(req);
      const updated = await withTransaction(app.deps, actor, metaOf(req), async (ctx) => {
        const category = await newsRepo.findCategory(ctx.db, req.params.id);
        authorize(newsChannelPolicy, actor, "manageCategories", category);
        const { name, position, archived } = req.body;
        if (name && name !== category.name) {
          const clash = await ctx.db.selectFrom("newsCategories").select("id").where("unitId", "=", category.unitId).where("name", "=", name).executeTakeFirst();
          if (clash) throw new AppError(409, "conflict", "A category with this name exists", { fields: { name: "taken" } });
        }
        const row = await ctx.db
          .updateTable("newsCategories")
          .set({ ...(name ? { name } : {}), ...(position !== undefined ? { position } : {}), ...(archived !== undefined ? { archivedAt: archived ? (category.archivedAt ?? new Date()) : null } : {}) })
          .where("id", "=", category.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await recordEvent(ctx, { name: "news.category_changed", unitId: category.unitId, subjectType: "news_category", subjectId: category.id, data: req.body });
        return row;
      });
      return { data: presentCategory(updated) };
    },
  );

};

/** Whether any query word occurs in the text (folded): else the summary makes the better snippet. */
const queryHits = (text: string, terms: string[]) => highlightAll(text.slice(0, 20_000), terms).some((p) => p.match);
