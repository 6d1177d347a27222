import type { PropertyOption } from "../../hubspot/properties.ts";
import { normalizeBoolean } from "./booleans.ts";
import { toHalfWidth } from "./half-width.ts";

const fold = (text: string) => toHalfWidth(text).trim().toLowerCase();
/** "Approval not needed", "APPROVAL_NOT_NEEDED" and "approval-not-needed" are one name. */
const squash = (text: string) => fold(text).replace(/[^\p{L}\p{N}]+/gu, "");

function remember(map: Map<string, string>, key: string, value: string): void {
  if (key !== "" && !map.has(key)) map.set(key, value);
}

/**
 * An option's value from what someone wrote: its value or its label, exactly first, then ignoring case and
 * width ("ｕｓｄ", "Us Dollar"), then ignoring spaces and punctuation. A yes/no word finds a true/false
 * option (`booleancheckbox` enumerations). `undefined` when no option is meant.
 */
export function createOptionReader(options: readonly PropertyOption[]): (text: string) => string | undefined {
  const exact = new Map<string, string>();
  const folded = new Map<string, string>();
  const squashed = new Map<string, string>();
  for (const option of options) remember(exact, option.value, option.value);
  for (const option of options) remember(exact, option.label, option.value);
  for (const option of options) remember(folded, fold(option.value), option.value);
  for (const option of options) remember(folded, fold(option.label), option.value);
  for (const option of options) remember(squashed, squash(option.value), option.value);
  for (const option of options) remember(squashed, squash(option.label), option.value);
  return (text) => {
    const trimmed = text.trim();
    const found = exact.get(trimmed) ?? folded.get(fold(trimmed)) ?? squashed.get(squash(trimmed));
    if (found !== undefined) return found;
    const yesNo = normalizeBoolean(toHalfWidth(trimmed));
    return yesNo !== undefined ? exact.get(yesNo) : undefined;
  };
}

/** Separators people put between several options: ; , | new line and the Japanese 、. */
export const MULTI_SEPARATORS = /[;,|\n、]/;
