import { z } from "zod";

/** The languages the app has catalogues for. English is the fallback for every other browser language. */
export const Language = z.enum(["en", "ja"]);
export type Language = z.infer<typeof Language>;

export const DEFAULT_LANGUAGE: Language = "en";

/** Each language named in itself, so a user who cannot read the current one still finds theirs. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: "English", ja: "日本語" };

const primarySubtag = (tag: string) => tag.split("-")[0]?.toLowerCase() ?? "";

/** The first of the browser's languages (`navigator.languages`, in preference order) that the app speaks. */
export function languageFromBrowser(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const parsed = Language.safeParse(primarySubtag(tag));
    if (parsed.success) return parsed.data;
  }
  return DEFAULT_LANGUAGE;
}

/**
 * The locale for numbers and dates: the user's own regional variant of the UI language (`en-GB` keeps
 * day-month dates), else the language itself. Never a locale of another language: "Showing 1.000 of 2.000"
 * in an English sentence, or German plural rules for English messages, is the mix this avoids.
 */
export function formattingLocale(language: Language, preferred: readonly string[]): string {
  return preferred.find((tag) => primarySubtag(tag) === language) ?? language;
}
