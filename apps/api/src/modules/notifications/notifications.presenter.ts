import type { NotificationDto } from "@party/shared/schemas/notifications";
import type { NotificationRow } from "./notifications.repo";

export const presentNotification = (n: NotificationRow): NotificationDto => ({
  id: n.id,
  type: n.type,
  title: n.title,
  body: n.body,
  link: n.link,
  subject: n.subjectType && n.subjectId ? { type: n.subjectType, id: n.subjectId } : null,
  createdAt: n.createdAt.toISOString(),
  readAt: n.readAt ? n.readAt.toISOString() : null,
});
