import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { NavLink } from "react-router-dom";
import { Icon } from "../../components/Icon";
import { useUnreadCount } from "./api";

/** More than this shows as "99+" on the badge (the accessible name keeps the real number). */
const BADGE_MAX = 99;

/**
 * The header's link to the inbox with the live unread count: a badge for the eye, the count in the
 * link's name ("Thông báo, 3 chưa đọc"), and a polite announcement when new notifications arrive.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const count = useUnreadCount().data;
  const unread = count ?? 0;
  const previous = useRef<number | null>(null);
  const [announcement, setAnnouncement] = useState("");

  useEffect(() => {
    if (count === undefined) return;
    // Only a rise after the first known count is news; the first count and read marks are not.
    if (previous.current !== null && count > previous.current) setAnnouncement(t("notifications.arrived", { count }));
    previous.current = count;
  }, [count, t]);

  const label = unread > 0 ? t("notifications.bellUnread", { count: unread }) : t("notifications.bell");
  return (
    <>
      <NavLink to="/notifications" className="bell" aria-label={label}>
        <Icon name="bell" />
        <span className="bell-text">{t("notifications.bell")}</span>
        {unread > 0 && (
          <span className="bell-count" aria-hidden="true">
            {unread > BADGE_MAX ? `${BADGE_MAX}+` : unread}
          </span>
        )}
      </NavLink>
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
    </>
  );
}
