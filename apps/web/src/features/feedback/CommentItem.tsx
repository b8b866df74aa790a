import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../i18n/format";
import type { CommentDto } from "./api";
import { placeOf, statusBadgeClass, statusLabel } from "./labels";

/**
 * One comment: its status in words, where it applies, the quoted passage, what was said, who and
 * when (the author's name only where the API gives it), and the committee's answer under it.
 */
export function CommentItem({ comment: c, actions }: { comment: CommentDto; actions?: ReactNode }) {
  const { t } = useTranslation();
  const answered = c.status !== "pending" || c.reply !== null;
  const who = [c.mine ? t("feedback.comment.you") : c.author?.name, c.unit.name].filter(Boolean).join(" · ");
  return (
    <li className="item fb-comment">
      <p className="fb-comment-head">
        <span className={statusBadgeClass(c.status)}>
          <span className="visually-hidden">{t("feedback.comment.statusPrefix")} </span>
          {statusLabel(t, c.status)}
        </span>
        <span className="fb-place">{placeOf(t, c)}</span>
      </p>
      {c.quote && (
        <blockquote className="fb-quote">
          <span className="visually-hidden">{t("feedback.comment.quoted")} </span>
          {c.quote}
        </blockquote>
      )}
      <p className="fb-body">{c.body}</p>
      <p className="meta">
        {who} · <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
      </p>
      {answered && (
        <div className="fb-reply">
          <p className="fb-reply-head">
            {c.repliedBy && c.repliedAt
              ? t("feedback.comment.repliedBy", { name: c.repliedBy.name, time: formatDateTime(c.repliedAt) })
              : t("feedback.comment.replied")}
          </p>
          {c.reply && <p className="fb-reply-body">{c.reply}</p>}
        </div>
      )}
      {actions && <div className="button-row">{actions}</div>}
    </li>
  );
}
