import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Outlet } from "react-router-dom";
import { Icon } from "../components/Icon";
import { AppNotices } from "./AppNotices";
import { LanguageSwitch } from "./LanguageSwitch";
import { SkipLink } from "./SkipLink";
import { useRouteFocus } from "./useRouteFocus";

/** Screens before login (and the second-factor steps): a narrow column, no navigation. */
export function PublicLayout({ children }: { children?: ReactNode }) {
  const { t } = useTranslation();
  useRouteFocus();
  return (
    <div className="public-shell">
      <SkipLink />
      <header className="app-header">
        <span className="brand">
          <Icon name="star" className="brand-star" />
          <span>{t("app.name")}</span>
        </span>
        <LanguageSwitch />
      </header>
      <main id="main-content" className="public-main" tabIndex={-1}>
        <AppNotices />
        {children ?? <Outlet />}
      </main>
    </div>
  );
}
