import { useId } from "react";
import { LANGUAGE_NAMES, Language } from "../i18n/language.ts";
import { useLanguage } from "../i18n/language-provider.tsx";
import { useT } from "../i18n/use-t.ts";

/** The UI language, chosen by the user; remembered by the provider's `onLanguageChange`. */
export function LanguageSwitcher() {
  const { language, setLanguage } = useLanguage();
  const t = useT();
  const id = useId();
  return (
    <div className="app-language">
      <label htmlFor={id} className="app-language__label">
        {t("language.label")}
      </label>
      <select
        id={id}
        className="app-language__select"
        value={language}
        onChange={(event) => {
          const next = Language.safeParse(event.target.value);
          if (next.success) setLanguage(next.data);
        }}
      >
        {Language.options.map((option) => (
          // `lang` per option: a Japanese name read by an English voice is noise.
          <option key={option} value={option} lang={option}>
            {LANGUAGE_NAMES[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
