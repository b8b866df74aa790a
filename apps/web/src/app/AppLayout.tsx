import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Link, NavLink, Outlet } from "react-router-dom";
import { Icon, type IconName } from "../components/Icon";
import { NotificationBell } from "../features/notifications/NotificationBell";
import { useLiveNotifications } from "../features/notifications/live";
import { AdminLinks } from "./AdminLinks";
import { AppNotices } from "./AppNotices";
import { isStaff, useSession } from "./session";
import { SkipLink } from "./SkipLink";
import { useRouteFocus } from "./useRouteFocus";

const MAIN_ITEMS: { to: string; icon: IconName; label: "nav.home" | "nav.news" | "nav.documents" | "nav.meetings" | "nav.me" }[] = [
  { to: "/", icon: "home", label: "nav.home" },
  { to: "/news", icon: "news", label: "nav.news" },
  { to: "/documents", icon: "document", label: "nav.documents" },
  { to: "/meetings", icon: "calendar", label: "nav.meetings" },
  { to: "/me", icon: "person", label: "nav.me" },
];

/**
 * The logged-in frame: header (with the notification bell, on phones and desktops alike), the main
 * navigation (a bottom bar on phones, a side menu from 1024 px, where staff also get the admin
 * section) and <main>. It holds the tab's one live event stream while it is mounted.
 */
export function AppLayout({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  const { session } = useSession();
  useRouteFocus();
  useLiveNotifications(session?.account.id ?? null);
  return (
    <div className="app-shell">
      <SkipLink />
      <header className="app-header app-header-app">
        <Link to="/" className="brand">
          <Icon name="star" className="brand-star" />
          <span>{t("app.name")}</span>
        </Link>
        <div className="header-actions">
          {session && <span className="header-user">{session.member?.fullName ?? session.account.displayName}</span>}
          {session && <NotificationBell />}
        </div>
      </header>
      <nav className="main-nav" aria-label={t("app.mainNav")}>
        <ul>
          {MAIN_ITEMS.map((item) => (
            <li key={item.to}>
              <NavLink to={item.to} end={item.to === "/"} className="nav-link">
                <Icon name={item.icon} />
                <span>{t(item.label)}</span>
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      {isStaff(session) && (
        <nav className="admin-nav" aria-labelledby="admin-nav-heading">
          <h2 id="admin-nav-heading" className="nav-heading">
            {t("app.adminNav")}
          </h2>
          <AdminLinks className="admin-nav-list" />
        </nav>
      )}
      <main id="main-content" className="app-main" tabIndex={-1}>
        <AppNotices />
        {children ?? <Outlet />}
      </main>
    </div>
  );
}
