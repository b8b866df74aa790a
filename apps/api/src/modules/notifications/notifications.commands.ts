import type { AnnouncementBody } from "@party/shared/schemas/notifications";
import type { Ctx } from "../../lib/context";
import { recordEvent } from "../../lib/events";
import type { UnitRow } from "../org-units/org-units.repo";
import { enqueuePush } from "./push.jobs";
import { type SubtreeNotification, notificationContent } from "./notifications.jobs";
import type { NotificationRow } from "./notifications.repo";
import * as notificationsRepo from "./notifications.repo";

/**
 * Notifies a few named accounts (a meeting's participants, a comment's author) in the caller's
 * transaction: their inbox rows, the push to their devices and the live update all happen only if
 * the command commits. Idempotent per (account, dedupeKey). For a whole subtree use notifyUnitSubtree.
 */
export async function notifyAccounts(ctx: Ctx, accountIds: readonly string[], input: Omit<SubtreeNotification, "unitId">): Promise<string[]> {
  const content = notificationContent(input);
  const reached = await notificationsRepo.insertForAccounts(ctx.db, accountIds, content);
  await enqueuePush(ctx, reached, content.dedupeKey);
  if (reached.length > 0) ctx.publishAfterCommit({ event: "notification", accountIds: reached });
  return reached;
}

/** Marks one notification read (again is a no-op); the account's open screens update their count. The caller has authorized `markRead`. */
export async function markNotificationRead(ctx: Ctx, notification: NotificationRow): Promise<NotificationRow> {
  const read = await notificationsRepo.markRead(ctx.db, notification.id);
  if (!notification.readAt) ctx.publishAfterCommit({ event: "notification", accountIds: [notification.accountId] });
  return read;
}

/** Marks every unread notification of the acting account read; returns how many changed. */
export async function markAllNotificationsRead(ctx: Ctx): Promise<number> {
  const accountId = ctx.actor!.accountId;
  const changed = await notificationsRepo.markAllRead(ctx.db, accountId);
  if (changed > 0) ctx.publishAfterCommit({ event: "notification", accountIds: [accountId] });
  return changed;
}

/**
 * Records `notifications.announced` for the unit; its handler (event-handlers.ts) fans the
 * announcement out to every member of the subtree. The caller has authorized `announce` on the
 * unit. Returns the event id, which names the fan-out.
 */
export function announceToUnit(ctx: Ctx, unit: UnitRow, input: AnnouncementBody): Promise<string> {
  return recordEvent(ctx, {
    name: "notifications.announced",
    unitId: unit.id,
    subjectType: "unit",
    subjectId: unit.id,
    data: { title: input.title, body: input.body },
  });
}
