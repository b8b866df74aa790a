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
