import { z } from "zod";
import { Limits } from "../limits";
import { PageLimit } from "./common";

export const NotificationDto = z.object({
  id: z.uuid(),
  /** A registered type, e.g. `system.announcement`, `guidance.pinned`. */
  type: z.string(),
  title: z.string(),
  body: z.string(),
  /** Path inside the PWA that opens the subject; null when there is nothing to open. */
  link: z.string().nullable(),
  subject: z.object({ type: z.string(), id: z.string() }).nullable(),
  createdAt: z.iso.datetime(),
  readAt: z.iso.datetime().nullable(),
});
export type NotificationDto = z.infer<typeof NotificationDto>;

export const NotificationListQuery = z
  .object({
    /** Keyset cursor from `nextCursor`: only notifications older than that one. */
    cursor: z.uuid().optional(),
    limit: PageLimit,
  })
  .strict();

export const NotificationListEnvelope = z.object({
  data: z.array(NotificationDto),
  nextCursor: z.uuid().nullable(),
});

export const NotificationEnvelope = z.object({ data: NotificationDto });

export const UnreadCountEnvelope = z.object({ data: z.object({ unread: z.number().int().min(0) }) });

/** What the SSE `notification` event carries. */
export const NotificationLiveEvent = z.object({ unread: z.number().int().min(0) });

export const AnnouncementBody = z
  .object({
    title: z.string().trim().min(1).max(Limits.notificationTitleMax),
    body: z.string().trim().max(Limits.notificationBodyMax).default(""),
  })
  .strict();
export type AnnouncementBody = z.infer<typeof AnnouncementBody>;

/** 202: the fan-out is queued; `id` names it (the recorded event). */
export const AnnouncementAcceptedEnvelope = z.object({ data: z.object({ id: z.string() }) });

/** A time of day in the product's time zone (Asia/Ho_Chi_Minh), `HH:MM`, 24-hour. */
export const TimeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Expected HH:MM");

/**
 * Quiet hours: push notifications that fall between `start` and `end` wait until `end` (and are
 * dropped if the member has read them in the app meanwhile). `start` after `end` spans midnight.
 */
export const QuietHours = z
  .object({ start: TimeOfDay, end: TimeOfDay })
  .strict()
  .refine((q) => q.start !== q.end, { message: "Start and end must differ", path: ["end"] });
export type QuietHours = z.infer<typeof QuietHours>;

export const NotificationPreferencesDto = z.object({
  /** Every registered notification type, and whether it is pushed to this member's devices (the inbox always gets it). */
  push: z.record(z.string(), z.boolean()),
  quietHours: QuietHours.nullable(),
  /** The zone quiet hours are read in. */
  timeZone: z.literal("Asia/Ho_Chi_Minh"),
  /** How many devices of this account receive push notifications. */
  devices: z.number().int().min(0),
});
export type NotificationPreferencesDto = z.infer<typeof NotificationPreferencesDto>;

export const NotificationPreferencesEnvelope = z.object({ data: NotificationPreferencesDto });

/** Partial update: only the types named change; an unknown type is a 400 on `push.<type>`. */
export const UpdateNotificationPreferencesBody = z
  .object({
    push: z.record(z.string().max(100), z.boolean()).optional(),
    quietHours: QuietHours.nullable().optional(),
  })
  .strict();
export type UpdateNotificationPreferencesBody = z.infer<typeof UpdateNotificationPreferencesBody>;

/** What the SSE `signed-out` event carries: the stream's session has ended (logout elsewhere, password change). */
export const SignedOutLiveEvent = z.object({ reason: z.literal("session_revoked") });
