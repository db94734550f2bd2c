import { useId } from "react";
import { useTranslation } from "react-i18next";
import { applyLanguage } from "../i18n";
import { api } from "../ipc/api";
import type { Language } from "../ipc/api";
import { LANGUAGES } from "../i18n/resources";
import { useLanguage } from "../shared/useLanguage";

function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** Each language is named in itself, so it can be found whatever the current one is. */
const OWN_NAMES: Record<Language, string> = { ja: "日本語", en: "English" };

export function LanguageSelect() {
  const { t } = useTranslation();
  const id = useId();
  const language = useLanguage();

  const change = (value: string) => {
    if (!isLanguage(value)) {
      return;
    }
    // Switch at once; the shell remembers the choice for the next start. If it cannot,
    // the screen still follows the choice for now, which is what the person asked for.
    void applyLanguage(value);
    api.preferencesSetLanguage(value).catch(() => undefined);
  };

  return (
    <div className="language-select">
      <label htmlFor={id}>{t("app.language")}</label>
      <select
        id={id}
        data-testid="language-select"
        value={language}
        onChange={(event) => {
          change(event.target.value);
        }}
      >
        {LANGUAGES.map((option) => (
          <option key={option} value={option} lang={option}>
            {OWN_NAMES[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
