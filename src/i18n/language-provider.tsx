import { createContext, type ReactNode, useContext, useLayoutEffect, useMemo, useState } from "react";
import { IntlProvider } from "react-intl";
import { createFormatter, type Formatter } from "./format.ts";
import { formattingLocale, type Language } from "./language.ts";
import { messagesFor } from "./messages.ts";

interface LanguageState {
  language: Language;
  setLanguage: (language: Language) => void;
  /** The time zone dates are shown in (`undefined`: the browser's own). */
  timeZone: string | undefined;
  format: Formatter;
}

const LanguageContext = createContext<LanguageState | undefined>(undefined);

export interface LanguageProviderProps {
  initialLanguage: Language;
  /** The browser's languages in preference order (`navigator.languages`), for the regional number format. */
  browserLocales?: readonly string[];
  timeZone?: string;
  /** Called when the user switches, e.g. to remember the choice. */
  onLanguageChange?: (language: Language) => void;
  children: ReactNode;
}

/** The UI language for everything below it: messages, number and date formats, and `<html lang>`. */
export function LanguageProvider({
  initialLanguage,
  browserLocales = [],
  timeZone,
  onLanguageChange,
  children,
}: LanguageProviderProps) {
  const [language, setLanguageState] = useState(initialLanguage);
  const locale = formattingLocale(language, browserLocales);
  // Screen readers pick their voice, and the browser its CJK glyphs and hyphenation, from `lang`.
  useLayoutEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const state = useMemo<LanguageState>(
    () => ({
      language,
      timeZone,
      format: createFormatter({ locale, timeZone }),
      setLanguage: (next) => {
        setLanguageState(next);
        onLanguageChange?.(next);
      },
    }),
    [language, locale, timeZone, onLanguageChange],
  );
  return (
    <LanguageContext.Provider value={state}>
      <IntlProvider locale={locale} defaultLocale="en" messages={messagesFor(language)} timeZone={timeZone}>
        {children}
      </IntlProvider>
    </LanguageContext.Provider>
  );
}

/** The current language and the switch; outside a provider (component tests), English that cannot switch. */
export function useLanguage(): Pick<LanguageState, "language" | "setLanguage"> {
  return useContext(LanguageContext) ?? ENGLISH;
}

/** Numbers, money and dates in the user's locale and time zone. */
export function useFormat(): Formatter {
  return (useContext(LanguageContext) ?? ENGLISH).format;
}

// Component tests render without the app's providers; they see the English UI, as they always have.
const ENGLISH: LanguageState = {
  language: "en",
  timeZone: undefined,
  format: createFormatter({ locale: "en" }),
  setLanguage: () => {},
};
