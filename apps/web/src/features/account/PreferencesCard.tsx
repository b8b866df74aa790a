import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Language } from "@party/shared/enums";
import type { SessionDto } from "@party/shared/schemas/auth";
import { Alert } from "../../components/Alert";
import { Card } from "../../components/Card";
import { Checkbox } from "../../components/Checkbox";
import { ErrorAlert } from "../../components/ErrorAlert";
import { LANGUAGES } from "../../i18n";
import { useUpdatePreferences } from "./api";

/**
 * Language and large text, saved to the account (so they follow the member to any device); the
 * session is updated optimistically and SessionEffects applies it at once.
 */
export function PreferencesCard({ session }: { session: SessionDto }) {
  const { t } = useTranslation();
  const { save, mutation: update } = useUpdatePreferences();
  // The controls follow the session, but change in the click's own render (the query cache
  // notifies a tick later, which would make a controlled input flick back for a frame).
  const [language, setShownLanguage] = useState(session.account.language);
  const [largeText, setShownLargeText] = useState(session.account.largeText);
  useEffect(() => setShownLanguage(session.account.language), [session.account.language]);
  useEffect(() => setShownLargeText(session.account.largeText), [session.account.largeText]);

  const setLanguage = (next: Language) => {
    setShownLanguage(next);
    save({ language: next });
  };
  const setLargeText = (next: boolean) => {
    setShownLargeText(next);
    save({ largeText: next });
  };

  return (
    <Card title={t("account.settings")}>
      <fieldset className="fieldset">
        <legend className="field-label">{t("account.language")}</legend>
        <div className="radio-row">
          {LANGUAGES.map((lang) => (
            <label key={lang} className="radio" lang={lang}>
              <input
                type="radio"
                name="language"
                value={lang}
                checked={language === lang}
                onChange={() => setLanguage(lang)}
              />
              {t(`languages.${lang}`)}
            </label>
          ))}
        </div>
      </fieldset>
      <Checkbox
        label={t("account.largeText")}
        hint={t("account.largeTextHint")}
        checked={largeText}
        onChange={(e) => setLargeText(e.target.checked)}
      />
      {update.isError && <ErrorAlert error={update.error} />}
      {update.isSuccess && <Alert tone="success">{t("account.saved")}</Alert>}
    </Card>
  );
}
