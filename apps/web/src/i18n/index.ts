import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import type { Language } from "@party/shared/enums";
import { en } from "./en";
import { vi } from "./vi";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof vi };
  }
}

export const LANGUAGES: readonly Language[] = ["vi", "en"];
const LANGUAGE_KEY = "sotay.pref.language";

export const isLanguage = (value: unknown): value is Language => value === "vi" || value === "en";

/** The language saved on this device (before login, or after logout); Vietnamese by default. */
export function deviceLanguage(): Language {
  try {
    const saved = localStorage.getItem(LANGUAGE_KEY);
    return isLanguage(saved) ? saved : "vi";
  } catch {
    return "vi";
  }
}

/** Switches the UI language now, sets <html lang> and remembers it on this device. */
export function applyLanguage(language: Language): void {
  if (i18n.language !== language) void i18n.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    localStorage.setItem(LANGUAGE_KEY, language);
  } catch {
    // storage disabled (private mode): the language still applies for this visit
  }
}

void i18n.use(initReactI18next).init({
  resources: { vi: { translation: vi }, en: { translation: en } },
  lng: deviceLanguage(),
  fallbackLng: "vi",
  supportedLngs: ["vi", "en"],
  interpolation: { escapeValue: false },
  returnNull: false,
  initAsync: false,
});
document.documentElement.lang = i18n.language;

export default i18n;
