const TRUE_WORDS = ["true", "yes", "y", "1", "on", "x", "checked", "はい", "ja", "oui", "si", "sí", "○", "✓"];
const FALSE_WORDS = ["false", "no", "n", "0", "off", "unchecked", "いいえ", "nein", "non", "×"];
const WORDS = new Map<string, "true" | "false">([
  ...TRUE_WORDS.map((word) => [word, "true"] as const),
  ...FALSE_WORDS.map((word) => [word, "false"] as const),
]);

/** yes/no/true/false/1/0/y/n/はい/いいえ (and on/off, ja/nein, oui/non) → "true"/"false". */
export function normalizeBoolean(raw: string): "true" | "false" | undefined {
  return WORDS.get(raw.trim().toLowerCase());
}
