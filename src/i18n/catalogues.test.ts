import { readFileSync } from "node:fs";
import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { Language } from "./language.ts";

// Read as files, not imports: the build plugin turns imports into ASTs, and this checks the source text.
const read = (language: Language): Record<string, string> =>
  JSON.parse(readFileSync(new URL(`./catalogues/${language}.json`, import.meta.url), "utf8"));

// Japanese has no plural forms: `{count, number}件` is the translation of `{count, plural, one {# row} …}`.
const kind = (type: TYPE) => (type === TYPE.plural || type === TYPE.number ? "number" : TYPE[type]);

/** "count:number", "name:argument", "b:tag": what a message needs from its caller. */
function argumentsOf(elements: MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.literal || element.type === TYPE.pound) continue;
    found.add(`${element.value}:${kind(element.type)}`);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, found);
    }
    if (element.type === TYPE.tag) argumentsOf(element.children, found);
  }
  return found;
}

const catalogues = Object.fromEntries(Language.options.map((language) => [language, read(language)]));
const english = read("en");

describe("message catalogues", () => {
  it.each(Language.options)("%s has exactly the English keys", (language) => {
    expect(Object.keys(catalogues[language] ?? {}).sort()).toEqual(Object.keys(english).sort());
  });

  it.each(Language.options)("%s messages are valid ICU and not empty", (language) => {
    for (const [key, message] of Object.entries(catalogues[language] ?? {})) {
      expect(message.trim(), key).not.toBe("");
      expect(() => parse(message), key).not.toThrow();
    }
  });

  it("every language asks for the same arguments as English, of the same kind", () => {
    for (const language of Language.options) {
      for (const [key, message] of Object.entries(english)) {
        const translated = catalogues[language]?.[key] ?? "";
        expect([...argumentsOf(parse(translated))].sort(), `${language} ${key}`).toEqual(
          [...argumentsOf(parse(message))].sort(),
        );
      }
    }
  });

  it("uses HubSpot's Japanese terms, not near-synonyms", () => {
    // HubSpot's Japanese UI says 見積もり (quote) and 商品項目 (line item); 見積 / 見積り / ラインアイテム are not its words.
    for (const [key, message] of Object.entries(catalogues.ja ?? {})) {
      expect(message, key).not.toMatch(/見積(?!もり)|見積り|ラインアイテム|明細行/);
    }
  });
});
