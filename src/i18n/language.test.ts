import { describe, expect, it } from "vitest";
import { formattingLocale, languageFromBrowser } from "./language.ts";
import { loadLanguage, saveLanguage } from "./language-storage.ts";

describe("languageFromBrowser", () => {
  it("takes the first browser language the app speaks", () => {
    expect(languageFromBrowser(["ja-JP", "en-US"])).toBe("ja");
    expect(languageFromBrowser(["de-DE", "ja", "en"])).toBe("ja");
    expect(languageFromBrowser(["EN-gb"])).toBe("en");
  });

  it("falls back to English", () => {
    expect(languageFromBrowser(["de-DE", "fr"])).toBe("en");
    expect(languageFromBrowser([])).toBe("en");
  });
});

describe("formattingLocale", () => {
  it("keeps the user's region of the UI language", () => {
    expect(formattingLocale("en", ["de-DE", "en-GB"])).toBe("en-GB");
    expect(formattingLocale("ja", ["ja-JP"])).toBe("ja-JP");
  });

  it("never formats in another language's locale", () => {
    expect(formattingLocale("en", ["de-DE"])).toBe("en");
    expect(formattingLocale("ja", ["en-US"])).toBe("ja");
  });
});

describe("language storage", () => {
  const memory = () => {
    const items = new Map<string, string>();
    return {
      getItem: (k: string) => items.get(k) ?? null,
      setItem: (k: string, v: string) => items.set(k, v),
    };
  };

  it("remembers the choice", () => {
    const storage = memory();
    expect(loadLanguage(storage)).toBeUndefined();
    saveLanguage("ja", storage);
    expect(loadLanguage(storage)).toBe("ja");
  });

  it("ignores a value it does not know and a storage that throws", () => {
    const storage = memory();
    storage.setItem("quote-batch-composer:language", "klingon");
    expect(loadLanguage(storage)).toBeUndefined();
    const broken = {
      getItem: () => {
        throw new Error("blocked");
      },
      setItem: () => {
        throw new Error("blocked");
      },
    };
    expect(loadLanguage(broken)).toBeUndefined();
    expect(() => saveLanguage("en", broken)).not.toThrow();
  });
});
