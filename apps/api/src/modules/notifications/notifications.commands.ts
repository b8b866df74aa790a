import type { AnnouncementBody } from "@party/shared/schemas/notifications";
import type { Ctx } from "../../lib/context";
import { recordEvent } from "../../lib/events";
import type { UnitRow } from "../org-units/org-units.repo";
import type { NotificationRow } from "./notifications.repo";
import * as notificationsRepo from "./notifications.repo";

/** Marks one notification read (again is a no-op). The caller has authorized `markRead`. */
export function markNotificationRead(ctx: Ctx, notification: NotificationRow): Promise<NotificationRow> {
  return notificationsRepo.markRead(ctx.db, notification.id);
}

/** Marks every unread notification of the acting account read; returns how many changed. */
export function markAllNotificationsRead(ctx: Ctx): Promise<number> {
  return notificationsRepo.markAllRead(ctx.db, ctx.actor!.accountId);
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
