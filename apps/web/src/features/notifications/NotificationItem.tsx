import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { NotificationDto } from "./api";
import { notificationTypeLabel, receivedAt } from "./labels";
import { safeAppPath } from "./push";

export interface NotificationItemProps {
  notification: NotificationDto;
  /** Marks it read (called only while it is unread). */
  onRead: (notification: NotificationDto) => void;
  /** The home page's short list: one line of the body at most, never expanded. */
  compact?: boolean;
}

/**
 * One notification. Unread ones carry the word "Chưa đọc" and a thick edge, not colour alone.
 * With a link, the title opens it (and marks it read); without one, the title is a button that
 * opens the full text (the body is cut to a few lines until then) and marks it read.
 */
export function NotificationItem({ notification: n, onRead, compact = false }: NotificationItemProps) {
  const { t } = useTranslation();
  const [expanded, setExpanded] = useState(false);
  const id = useId();
  const metaId = `${id}-meta`;
  const bodyId = `${id}-body`;
  const unread = n.readAt === null;
  const link = safeAppPath(n.link);
  const markRead = () => {
    if (unread) onRead(n);
  };

  const title = link ? (
    <Link to={link} className="notification-title" aria-describedby={metaId} onClick={markRead}>
      {n.title}
    </Link>
  ) : compact ? (
    <Link to="/notifications" className="notification-title" aria-describedby={metaId}>
      {n.title}
    </Link>
  ) : (
    <button
      type="button"
      className="notification-title notification-toggle"
      aria-describedby={metaId}
      aria-expanded={n.body ? expanded : undefined}
      aria-controls={n.body ? bodyId : undefined}
      onClick={() => {
        setExpanded((open) => !open);
        markRead();
      }}
    >
      {n.title}
    </button>
  );

  const clamp = compact ? " notification-body-line" : expanded ? "" : " notification-body-clamped";
  return (
    <li className={["item", "notification-item", unread ? "notification-unread" : ""].filter(Boolean).join(" ")}>
      {title}
      <p className="notification-meta meta" id={metaId}>
        {unread && <span className="badge badge-unread">{t("notifications.unread")}</span>}
        <span>{notificationTypeLabel(t, n.type)}</span>
        <time dateTime={n.createdAt}>{receivedAt(t, n.createdAt)}</time>
      </p>
      {n.body && (
        <p className={`notification-body${clamp}`} id={bodyId}>
          {n.body}
        </p>
      )}
    </li>
  );
}
