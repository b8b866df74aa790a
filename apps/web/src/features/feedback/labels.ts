import type { TFunction } from "i18next";
import { isApiError } from "../../api/errors";
import { errorMessage } from "../../i18n/errors";
import type { CommentDto, FeedbackStatus, SummaryDto } from "./api";
// The feedback screens' styles come with them (all of them import this file), like the documents'.
import "../../styles/feedback.css";

/** Where a draft's feedback pages are: the members' page, and the committee's review of one unit. */
export const feedbackPath = (documentId: string) => `/documents/${documentId}/feedback`;
export const reviewPath = (documentId: string, unitId?: string) => `/documents/${documentId}/feedback/review${unitId ? `?unitId=${unitId}` : ""}`;

// Keyed by the shared enum: the compiler fails here when a status is added there.
const STATUS_BADGES: Record<FeedbackStatus, string> = {
  pending: "badge",
  accepted: "badge badge-success",
  rejected: "badge badge-failure",
  noted: "badge badge-noted",
};

/** Chưa trả lời, Tiếp thu, Không tiếp thu, Ghi nhận: in the order the filters offer them. */
export const FEEDBACK_STATUSES = Object.keys(STATUS_BADGES) as FeedbackStatus[];
/** What a reply may mark a comment. */
export const REPLY_STATUSES = FEEDBACK_STATUSES.filter((s): s is Exclude<FeedbackStatus, "pending"> => s !== "pending");

export const isFeedbackStatus = (value: string | null): value is FeedbackStatus => value !== null && value in STATUS_BADGES;

export const statusLabel = (t: TFunction, status: FeedbackStatus): string => t(`feedback.status.${status}`);
/** The status in words, in a badge whose colour only repeats them. */
export const statusBadgeClass = (status: FeedbackStatus): string => STATUS_BADGES[status];

/** "Điều 3 · Trang 2", or "Ý kiến chung" for a comment on the whole draft. */
export function placeOf(t: TFunction, c: Pick<CommentDto, "section" | "page">): string {
  const parts = [c.section ?? (c.page === null ? t("feedback.comment.whole") : null), c.page === null ? null : t("feedback.comment.onPage", { page: c.page })];
  return parts.filter(Boolean).join(" · ");
}

/** A short form of a comment for button names ("Sửa góp ý: …"). */
export const excerpt = (text: string): string => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** Where a unit's summary stands, in words. */
export function summaryState(t: TFunction, s: SummaryDto | null): string {
  if (!s || s.generation === "none") return t("feedback.summary.none");
  if (s.status === "forwarded") return t("feedback.summary.forwarded");
  if (s.generation === "queued") return t("feedback.summary.queued");
  if (s.generation === "failed") return t("feedback.summary.failed");
  return s.outdated ? t("feedback.summary.outdated") : t("feedback.summary.done");
}

/**
 * An error in the user's language; a 409 says why in this draft's words: after the deadline, once
 * answered, before the deadline (summaries), forwarded already or the summary out of date.
 */
export function feedbackError(t: TFunction, error: unknown, action: "send" | "change" | "reply" | "summarise" | "forward"): string {
  return isApiError(error) && error.status === 409 ? t(`feedback.conflict.${action}`) : errorMessage(t, error);
}
