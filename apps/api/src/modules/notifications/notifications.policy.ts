import { definePolicy } from "../../lib/policy";

type NotificationLike = { accountId: string };

/** A notification is its recipient's alone: anyone else gets 404, as for an id that does not exist. */
export const notificationPolicy = definePolicy<NotificationLike>()("notification", {
  read: (actor, n) => n.accountId === actor.accountId,
  markRead: (actor, n) => n.accountId === actor.accountId,
});
