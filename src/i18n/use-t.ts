import { type ReactNode, useCallback, useContext } from "react";
import { createIntl, IntlContext, type IntlShape, type PrimitiveType } from "react-intl";
import { type MessageId, messagesFor } from "./messages.ts";

export type MessageValues = Record<string, PrimitiveType>;
/** A message as text: `t("results.title")`, `t("grid.rows", { count })`. */
export type Translate = (id: MessageId, values?: MessageValues) => string;
export type RichValues = Record<string, PrimitiveType | ReactNode | ((chunks: ReactNode[]) => ReactNode)>;

let englishIntl: IntlShape | undefined;
/** Outside an IntlProvider (component tests), messages come from the English catalogue. */
function fallbackIntl(): IntlShape {
  englishIntl ??= createIntl({ locale: "en", defaultLocale: "en", messages: messagesFor("en") });
  return englishIntl;
}

/** English text outside React, for code whose caller has no language (logs, defaults of un-migrated callers). */
export const translateEnglish: Translate = (id, values) => fallbackIntl().formatMessage({ id }, values);

export function useIntlOrEnglish(): IntlShape {
  // react-intl types the context as always set; without a provider it is null.
  const intl: IntlShape | null = useContext(IntlContext);
  return intl ?? fallbackIntl();
}

/** The message function for the current language; stable until the language changes (safe in memo deps). */
export function useT(): Translate {
  const intl = useIntlOrEnglish();
  return useCallback((id, values) => intl.formatMessage({ id }, values), [intl]);
}

/** Messages with markup: `tRich("x", { b: (chunks) => <strong>{chunks}</strong> })`. */
export function useTRich(): (id: MessageId, values: RichValues) => ReactNode {
  const intl = useIntlOrEnglish();
  return useCallback((id, values) => intl.formatMessage({ id }, values), [intl]);
}
