import { useCallback } from "react";
import type { IssueMessage } from "../domain/validation/issue.ts";
import { ASSOCIATION_TARGET_TYPES } from "../hubspot/association-catalogue.ts";
import type { Formatter } from "./format.ts";
import { useFormat } from "./language-provider.tsx";
import { type MessageValues, type Translate, useT } from "./use-t.ts";

export type IssueText = (message: IssueMessage) => string;

/**
 * A domain problem in words: message `issue.<code>`, lists joined the way the language lists things (each
 * typed value quoted), an association's object type named (`object` → `one`, `other`, `noun`), and "Line 3: …"
 * before a line item's problem. Outside React use `issueText(t, format)`.
 */
export function issueText(t: Translate, format: Formatter): IssueText {
  return (message) => {
    const values: MessageValues = {};
    for (const [key, value] of Object.entries(message.values ?? {})) {
      if (typeof value === "string" || typeof value === "number") values[key] = value;
      // Record ids read as numbers ("Deal 123"); typed values are quoted, so a stray space shows.
      else
        values[key] = format.list(
          key === "ids" ? value : value.map((item) => t("paste.quoted", { name: item })),
        );
    }
    const type = ASSOCIATION_TARGET_TYPES.find((target) => target === message.values?.object);
    if (type) {
      values.one = t(`object.${type}.one`);
      values.other = t(`object.${type}.other`);
      values.noun = t(`object.${type}.noun`);
    }
    const text = t(`issue.${message.code}`, values);
    return message.line === undefined ? text : t("issue.linePrefix", { line: message.line, message: text });
  };
}

/** `issueText` with the current language and formats; stable until they change. */
export function useIssueText(): IssueText {
  const t = useT();
  const format = useFormat();
  return useCallback((message: IssueMessage) => issueText(t, format)(message), [t, format]);
}
