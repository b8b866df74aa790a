/**
 * Every kind of notification, registered by the feature that sends it. The registry renders the
 * stored title, so wording lives in one place per type; a type that is not registered cannot be sent.
 * Later features add theirs here (guidance.pinned, article.published, meeting.announced, …).
 */
export interface NotificationType {
  /** What the type is for, for developers and the preferences page. */
  description: string;
  /** The title stored for each recipient, from the sender's title. */
  title: (title: string) => string;
}

export const notificationTypes = {
  "system.announcement": {
    description: "An announcement from a unit admin to every member of the unit's subtree",
    title: (title) => title,
  },
  "guidance.pinned": {
    description: "Guidance (thông tin định hướng) published to everyone in the channel's subtree",
    title: (title) => title,
  },
  "editorial.submitted": {
    description: "An article waits for your approval",
    title: (title) => title,
  },
  "editorial.returned": {
    description: "An approver returned your article with a reason",
    title: (title) => title,
  },
  "editorial.declined": {
    description: "A channel above declined your proposed article",
    title: (title) => title,
  },
  "editorial.published": {
    description: "Your article was approved",
    title: (title) => title,
  },
  "document.published": {
    description: "A unit above you (or your own) published a document; committee-only ones reach only its committee",
    title: (title) => title,
  },
  "feedback.replied": {
    description: "A committee answered your comment on a draft (tiếp thu, không tiếp thu, ghi nhận)",
    title: (title) => title,
  },
  "feedback.forwarded": {
    description: "A unit below forwarded its summary of the feedback on a draft to your unit",
    title: (title) => title,
  },
  "feedback.summary_ready": {
    description: "The summary files (DOCX, XLSX) of a unit's feedback on a draft that you asked for are ready",
    title: (title) => title,
  },
} satisfies Record<string, NotificationType>;

export type NotificationTypeName = keyof typeof notificationTypes;

export const isNotificationType = (type: string): type is NotificationTypeName => Object.hasOwn(notificationTypes, type);
