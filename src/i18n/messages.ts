import en from "./catalogues/en.json";
import ja from "./catalogues/ja.json";
import type { Language } from "./language.ts";

/** Every message id: the English catalogue's keys. An id missing there is a type error at its use. */
export type MessageId = keyof typeof en;

// `satisfies` makes a key missing from the Japanese catalogue a type error too (the unit test checks arguments).
const catalogues = { en, ja } satisfies Record<Language, Record<MessageId, string>>;

/**
 * The catalogue for a language. At run time its values are ICU ASTs, not the strings TypeScript sees:
 * the build precompiles them (scripts/precompile-messages.ts), and react-intl takes either.
 */
export function messagesFor(language: Language): Record<MessageId, string> {
  return catalogues[language];
}

declare global {
  namespace FormatjsIntl {
    interface Message {
      ids: MessageId;
    }
  }
}
