import { type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";

export interface PageHeaderProps {
  /** The page's one h1; also the start of the document title. */
  title: string;
  subtitle?: ReactNode;
  /** Above the title (e.g. a breadcrumb). */
  before?: ReactNode;
  actions?: ReactNode;
}

/** The page's h1 (focusable, so navigation can move focus to it) and the document title. */
export function PageHeader({ title, subtitle, before, actions }: PageHeaderProps) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} – ${t("app.titleSuffix")}`;
  }, [title, t]);
  return (
    <div className="page-header">
      {before}
      <div className="page-header-row">
        <div>
          <h1 tabIndex={-1}>{title}</h1>
          {subtitle && <p className="page-subtitle">{subtitle}</p>}
        </div>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
    </div>
  );
}
