import { Language } from "./language.ts";

export type KeyValueStorage = Pick<Storage, "getItem" | "setItem">;

const STORAGE_KEY = "quote-batch-composer:language";

function browserStorage(): KeyValueStorage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    // Private modes and sandboxed frames can throw on access: the browser's language applies instead.
    return undefined;
  }
}

/** The language the user chose last time in this browser, if any (never throws). */
export function loadLanguage(storage = browserStorage()): Language | undefined {
  try {
    const parsed = Language.safeParse(storage?.getItem(STORAGE_KEY));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function saveLanguage(language: Language, storage = browserStorage()): void {
  try {
    storage?.setItem(STORAGE_KEY, language);
  } catch {
    // A blocked storage costs the choice next visit, not the switch now.
  }
}
