import { useTranslation } from "react-i18next";
import { LANGUAGES, applyLanguage } from "../i18n";

/** Two toggle buttons (Tiếng Việt / English) for screens shown before login; remembered on this device. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t("app.languageSwitch")}>
      {LANGUAGES.map((lang) => (
        <button
          key={lang}
          type="button"
          lang={lang}
          className="language-option"
          aria-pressed={i18n.language === lang}
          onClick={() => applyLanguage(lang)}
        >
          {t(`languages.${lang}`)}
        </button>
      ))}
    </div>
  );
}
