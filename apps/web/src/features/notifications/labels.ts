import type { TFunction } from "i18next";
import { formatDateTime } from "../../i18n/format";

/** The notification types the app has words for; any other type is shown as its own name. */
const TYPE_LABELS = {
  "system.announcement": "notifications.types.announcement",
  "article.published": "notifications.types.articlePublished",
  "guidance.pinned": "notifications.types.guidancePinned",
  "editorial.submitted": "notifications.types.editorialSubmitted",
  "editorial.returned": "notifications.types.editorialReturned",
  "editorial.declined": "notifications.types.editorialDeclined",
  "editorial.published": "notifications.types.editorialPublished",
  "meeting.announced": "notifications.types.meetingAnnounced",
  "meeting.changed": "notifications.types.meetingChanged",
  "meeting.reminder": "notifications.types.meetingReminder",
  "document.published": "notifications.types.documentPublished",
  "feedback.replied": "notifications.types.feedbackAnswered",
  "feedback.forwarded": "notifications.types.feedbackForwarded",
  "feedback.summary_ready": "notifications.types.feedbackSummaryReady",
} as const;

/** Known types first, in this order (the order of the preferences' switches). */
export const KNOWN_TYPES = Object.keys(TYPE_LABELS);

export function notificationTypeLabel(t: TFunction, type: string): string {
  const key = (TYPE_LABELS as Record<string, (typeof TYPE_LABELS)[keyof typeof TYPE_LABELS]>)[type];
  return key ? t(key) : type;
}

/** Types in a stable order: the known ones as listed above, then the others alphabetically. */
export function sortTypes(types: string[]): string[] {
  const rank = (type: string) => {
    const i = KNOWN_TYPES.indexOf(type);
    return i < 0 ? KNOWN_TYPES.length : i;
  };
  return [...types].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/**
 * When a notification arrived: "5 phút trước · 23/05/2026 14:03" within the last day, else the
 * date and time alone (dd/mm/yyyy HH:mm, Vietnam time).
 */
export function receivedAt(t: TFunction, iso: string, now = Date.now()): string {
  const absolute = formatDateTime(iso);
  const minutes = Math.floor((now - new Date(iso).getTime()) / 60_000);
  if (!absolute || minutes < 0 || minutes >= 24 * 60) return absolute;
  const relative = minutes < 1 ? t("notifications.justNow") : minutes < 60 ? t("notifications.minutesAgo", { count: minutes }) : t("notifications.hoursAgo", { count: Math.floor(minutes / 60) });
  return `${relative} · ${absolute}`;
}
