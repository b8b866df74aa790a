import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { IdParams, OkEnvelope } from "@party/shared/schemas/common";
import {
  AnnouncementAcceptedEnvelope,
  AnnouncementBody,
  NotificationEnvelope,
  NotificationListEnvelope,
  NotificationListQuery,
  UnreadCountEnvelope,
} from "@party/shared/schemas/notifications";
import { withTransaction } from "../../lib/context";
import { ValidationError } from "../../lib/errors";
import { actorOf, metaOf } from "../../lib/http";
import { authorize } from "../../lib/policy";
import { unitPolicy } from "../org-units/org-units.policy";
import * as unitsRepo from "../org-units/org-units.repo";
import { announceToUnit, markAllNotificationsRead, markNotificationRead } from "./notifications.commands";
import { notificationPolicy } from "./notifications.policy";
import { presentNotification } from "./notifications.presenter";
import * as notificationsRepo from "./notifications.repo";

const tags = ["notifications"];
const config = { policy: notificationPolicy.name };

export const notificationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    "/notifications",
    { config, schema: { tags, summary: "The signed-in account's inbox, newest first", querystring: NotificationListQuery, response: { 200: NotificationListEnvelope } } },
    async (req) => {
      const actor = actorOf(req);
      const { cursor, limit } = req.query;
      if (cursor) {
        // Someone else's id is as unknown as a made-up one.
        const at = await notificationsRepo.findById(db, cursor);
        if (!at || !notificationPolicy.can(actor, "read", at)) throw new ValidationError("Invalid cursor", { cursor: "invalid" });
      }
      const rows = await notificationsRepo.listForAccount(db, actor.accountId, { before: cursor, limit });
      return { data: rows.map(presentNotification), nextCursor: rows.length === limit ? rows[rows.length - 1].id : null };
    },
  );

  app.get(
    "/notifications/unread-count",
    { config, schema: { tags, response: { 200: UnreadCountEnvelope } } },
    async (req) => ({ data: { unread: await notificationsRepo.unreadCount(db, actorOf(req).accountId) } }),
  );

  app.post(
    "/notifications/:id/read",
    { config, schema: { tags, params: IdParams, response: { 200: NotificationEnvelope } } },
    async (req) => {
      const actor = actorOf(req);
      const read = await withTransaction(app.deps, actor, metaOf(req), async (ctx) => {
        const notification = await notificationsRepo.findById(ctx.db, req.params.id);
        authorize(notificationPolicy, actor, "markRead", notification);
        return markNotificationRead(ctx, notification);
      });
      return { data: presentNotification(read) };
    },
  );

  app.post("/notifications/read-all", { config, schema: { tags, response: { 200: OkEnvelope } } }, async (req) => {
    const actor = actorOf(req);
    await withTransaction(app.deps, actor, metaOf(req), (ctx) => markAllNotificationsRead(ctx));
    return { ok: true as const };
  });

  app.post(
    "/units/:id/announcements",
    {
      config: { policy: unitPolicy.name },
      schema: { tags, summary: "Notify every member of the unit's subtree (queued; 202)", params: IdParams, body: AnnouncementBody, response: { 202: AnnouncementAcceptedEnvelope } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await withTransaction(app.deps, actor, metaOf(req), async (ctx) => {
        const unit = await unitsRepo.findById(ctx.db, req.params.id);
        authorize(unitPolicy, actor, "announce", unit);
        return announceToUnit(ctx, unit, req.body);
      });
      return reply.status(202).send({ data: { id } });
    },
  );
};
