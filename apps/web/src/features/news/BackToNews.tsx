import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";

/** The way back to the feed, above the title of the article and search pages. */
export function BackToNews() {
  const { t } = useTranslation();
  return (
    <p className="back-link">
      <Link to="/news">
        <span aria-hidden="true">‹ </span>
        {t("news.back")}
      </Link>
    </p>
  );
}
