import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";

/** The way back to the library, above the title of the documents' pages. */
export function BackToLibrary({ to = "/documents", label }: { to?: string; label?: string }) {
  const { t } = useTranslation();
  return (
    <p className="back-link">
      <Link to={to}>
        <span aria-hidden="true">‹ </span>
        {label ?? t("documents.back")}
      </Link>
    </p>
  );
}
