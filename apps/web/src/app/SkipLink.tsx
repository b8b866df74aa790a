import { useTranslation } from "react-i18next";

/** "Skip to main content": the first thing a keyboard user reaches; moves focus into <main>. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a
      className="skip-link"
      href="#main-content"
      onClick={(event) => {
        event.preventDefault();
        document.getElementById("main-content")?.focus();
      }}
    >
      {t("app.skipLink")}
    </a>
  );
}
