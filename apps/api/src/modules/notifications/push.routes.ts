import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { OkEnvelope } from "@party/shared/schemas/common";
import { NotificationPreferencesEnvelope, UpdateNotificationPreferencesBody } from "@party/shared/schemas/notifications";
import { PushConfigEnvelope, PushSubscriptionBody, PushSubscriptionEnvelope, PushUnsubscribeBody } from "@party/shared/schemas/push";
import { withTransaction } from "../../lib/context";
import { actorOf, metaOf } from "../../lib/http";
import { vapidKeys } from "../../lib/push";
import { notificationPreferences, subscribeDevice, unsubscribeDevice, updateNotificationPreferences } from "./push.commands";

const tags = ["push"];
// Every route here acts on the signed-in account's own devices and settings only.
const config = { policy: "session" };

export const pushRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, env } = app.deps;

  app.get("/push/config", { config, schema: { tags, summary: "The VAPID public key for PushManager.subscribe", response: { 200: PushConfigEnvelope } } }, async () => ({
    data: { publicKey: (await vapidKeys(db, env)).publicKey },
  }));

  app.post(
    "/push/subscriptions",
    {
      config,
      schema: { tags, summary: "Register this device for push (201 new, 200 known)", body: PushSubscriptionBody, response: { 200: PushSubscriptionEnvelope, 201: PushSubscriptionEnvelope } },
    },
    async (req, reply) => {
      const session = req.session!;
      const { row, created } = await withTransaction(app.deps, actorOf(req), metaOf(req), (ctx) => subscribeDevice(ctx, env, session, req.body));
      return reply.status(created ? 201 : 200).send({ data: { id: row.id, createdAt: row.createdAt.toISOString() } });
    },
  );

  app.delete(
    "/push/subscriptions",
    { config, schema: { tags, summary: "Stop push to this device (an unknown endpoint is fine)", body: PushUnsubscribeBody, response: { 200: OkEnvelope } } },
    async (req) => {
      await withTransaction(app.deps, actorOf(req), metaOf(req), (ctx) => unsubscribeDevice(ctx, req.body.endpoint));
      return { ok: true as const };
    },
  );

  app.get(
    "/me/notification-preferences",
    { config, schema: { tags, summary: "Which notification types push, and quiet hours", response: { 200: NotificationPreferencesEnvelope } } },
    async (req) => ({ data: await notificationPreferences({ db }, actorOf(req).accountId) }),
  );

  app.patch(
    "/me/notification-preferences",
    { config, schema: { tags, body: UpdateNotificationPreferencesBody, response: { 200: NotificationPreferencesEnvelope } } },
    async (req) => ({ data: await withTransaction(app.deps, actorOf(req), metaOf(req), (ctx) => updateNotificationPreferences(ctx, req.body)) }),
  );
};
