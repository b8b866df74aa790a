import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams } from "@party/shared/schemas/common";
import { CategoryEnvelope, CategoryListEnvelope, CreateCategoryBody, UpdateCategoryBody } from "@party/shared/schemas/news";
import { withTransaction } from "../../lib/context";
import { AppError } from "../../lib/errors";
import { recordEvent } from "../../lib/events";
import { actorOf, metaOf } from "../../lib/http";
import { authorize } from "../../lib/policy";
import { channelConfig, loadChannel, tags } from "./news.access";
import { newsChanged } from "./news.commands";
import { newsChannelPolicy } from "./news.policy";
import { presentCategory } from "./news.presenter";
import * as newsRepo from "./news.repo";

/** A channel's categories (chuyên mục), managed by the unit's admins. */
export const categoriesRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

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
        ctx.publishAfterCommit(newsChanged);
        await recordEvent(ctx, { name: "news.category_changed", unitId: category.unitId, subjectType: "news_category", subjectId: category.id, data: req.body });
        return row;
      });
      return { data: presentCategory(updated) };
    },
  );

};
