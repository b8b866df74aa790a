import type { NotificationPreferencesDto, UpdateNotificationPreferencesBody } from "@party/shared/schemas/notifications";
import type { PushSubscriptionBody } from "@party/shared/schemas/push";
import type { Env } from "../../env";
import type { Ctx } from "../../lib/context";
import { ValidationError } from "../../lib/errors";
import { recordEvent } from "../../lib/events";
import { isAllowedPushEndpoint } from "../../lib/push";
import type { LiveSession } from "../../lib/session";
import { isNotificationType, notificationTypes } from "./notification-types";
import * as pushRepo from "./push.repo";
import { TIME_ZONE, hhmm } from "./quiet-hours";

/**
 * Registers this device for push (again is harmless). Only endpoints of the configured push
 * services are accepted. Records `push.subscribed` for a new device.
 */
export async function subscribeDevice(ctx: Ctx, env: Env, session: LiveSession, input: PushSubscriptionBody) {
  if (!isAllowedPushEndpoint(input.endpoint, env.PUSH_SERVICE_HOSTS)) {
    throw new ValidationError("Not a known push service", { endpoint: "push_service_not_allowed" });
  }
  const { row, created } = await pushRepo.upsertSubscription(ctx.db, {
    accountId: session.accountId,
    sessionId: session.id,
    endpoint: input.endpoint,
    p256dh: input.keys.p256dh,
    auth: input.keys.auth,
    userAgent: ctx.meta.userAgent?.slice(0, 500) ?? null,
  });
  if (created) await recordEvent(ctx, { name: "push.subscribed", unitId: ctx.actor?.cell?.id ?? null, subjectType: "push_subscription", subjectId: row.id, data: { host: new URL(input.endpoint).host } });
  return { row, created };
}

/** Removes this account's device with that endpoint (unknown is fine). Records `push.unsubscribed` when one went. */
export async function unsubscribeDevice(ctx: Ctx, endpoint: string): Promise<void> {
  const removed = await pushRepo.deleteSubscription(ctx.db, ctx.actor!.accountId, endpoint);
  if (removed) await recordEvent(ctx, { name: "push.unsubscribed", unitId: ctx.actor?.cell?.id ?? null, subjectType: "account", subjectId: ctx.actor!.accountId });
}

/** The account's preferences with every registered type (defaults where nothing is stored). */
export async function notificationPreferences(ctx: Pick<Ctx, "db">, accountId: string): Promise<NotificationPreferencesDto> {
  const [row, devices] = await Promise.all([pushRepo.findPreferences(ctx.db, accountId), pushRepo.countForAccount(ctx.db, accountId)]);
  const muted = new Set(row?.pushMutedTypes ?? []);
  return {
    push: Object.fromEntries(Object.keys(notificationTypes).map((type) => [type, !muted.has(type)])),
    quietHours: row?.quietStart && row.quietEnd ? { start: hhmm(row.quietStart), end: hhmm(row.quietEnd) } : null,
    timeZone: TIME_ZONE,
    devices,
  };
}

/** Changes the named types and/or the quiet hours; an unregistered type is a 400 on `push.<type>`. */
export async function updateNotificationPreferences(ctx: Ctx, input: UpdateNotificationPreferencesBody): Promise<NotificationPreferencesDto> {
  const accountId = ctx.actor!.accountId;
  const unknown = Object.keys(input.push ?? {}).filter((type) => !isNotificationType(type));
  if (unknown.length > 0) throw new ValidationError("Unknown notification type", Object.fromEntries(unknown.map((t) => [`push.${t}`, "invalid"])));
  const current = await notificationPreferences(ctx, accountId);
  const push = { ...current.push, ...input.push };
  const quiet = input.quietHours === undefined ? current.quietHours : input.quietHours;
  await pushRepo.savePreferences(ctx.db, accountId, {
    pushMutedTypes: Object.entries(push).filter(([, on]) => !on).map(([type]) => type).sort(),
    quietStart: quiet?.start ?? null,
    quietEnd: quiet?.end ?? null,
  });
  return notificationPreferences(ctx, accountId);
}
