import i18next from "i18next";
import { initReactI18next } from "react-i18next";
import type { Language } from "../ipc/api";
import { DEFAULT_LANGUAGE, resources } from "./resources";

/**
 * Sets up the one i18next instance. No language detector: the preference comes from the
 * shell (`preferencesGet`), and detectors cache to localStorage, which we never use.
 * Resources are bundled, so initialisation is synchronous and nothing is fetched.
 */
export function initI18n(language: Language = DEFAULT_LANGUAGE): typeof i18next {
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources,
      lng: language,
      fallbackLng: DEFAULT_LANGUAGE,
      supportedLngs: ["ja", "en"],
      initAsync: false,
      // React already escapes what it renders.
      interpolation: { escapeValue: false },
    });
    i18next.on("languageChanged", (lng) => {
      // Lets the webview pick Japanese or Latin glyphs and hyphenation correctly.
      document.documentElement.lang = lng;
    });
    document.documentElement.lang = language;
  }
  return i18next;
}

export async function applyLanguage(language: Language): Promise<void> {
  if (i18next.language !== language) {
    await i18next.changeLanguage(language);
  }
}

export function currentLanguage(): Language {
  return i18next.language === "en" ? "en" : "ja";
}
