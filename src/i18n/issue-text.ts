import { useCallback } from "react";
import type { FileIssue } from "../domain/csv/file-issue.ts";
import type { SkippedRow } from "../domain/submission/types.ts";
import type { IssueMessage } from "../domain/validation/issue.ts";
import { ASSOCIATION_TARGET_TYPES } from "../hubspot/association-catalogue.ts";
import type { Formatter } from "./format.ts";
import { useFormat } from "./language-provider.tsx";
import { submissionText } from "./submission-text.ts";
import { type MessageValues, type Translate, useT } from "./use-t.ts";

/** A domain problem (validation) or a file problem (import): both are a code with values. */
export type AnyIssue = IssueMessage | FileIssue;
export type IssueText = (message: AnyIssue) => string;

/** "6:3" → "row 6 has 3" · "6 行目は 3 個": a row of a file and how many fields it has. */
function rowFieldsText(t: Translate): (pair: string) => string {
  return (pair) => {
    const [row = "", fields = ""] = pair.split(":");
    return t("issue.file.rowFields", { row, fields: Number(fields) });
  };
}

/** Record ids read as numbers ("Deal 123"); other lists are typed values, quoted. */
const UNQUOTED_LISTS = new Set(["ids"]);

/**
 * A domain problem in words: message `issue.<code>`, lists joined the way the language lists things (each
 * typed value quoted), sizes (`…Bytes`) as file sizes, `rowFields` ("6:3") as "row 6 has 3", an association's object type named (`object` → `one`,
 * `other`, `noun`), and "Line 3: …" before a line item's problem. Outside React use `issueText(t, format)`.
 */
export function issueText(t: Translate, format: Formatter): IssueText {
  return (message) => {
    const values: MessageValues = {};
    for (const [key, value] of Object.entries(message.values ?? {})) {
      if (typeof value === "number" && key.endsWith("Bytes")) values[key] = format.bytes(value);
      else if (key === "rowFields" && typeof value !== "string" && typeof value !== "number")
        values[key] = format.list(value.map(rowFieldsText(t)));
      else if (typeof value === "string" || typeof value === "number") values[key] = value;
      // Typed values are quoted, so a stray space shows.
      else
        values[key] = format.list(
          UNQUOTED_LISTS.has(key) ? value : value.map((item) => t("paste.quoted", { name: item })),
        );
    }
    if ("cause" in message && message.cause !== undefined)
      values.reason = submissionText(t, format)(message.cause);
    const type = ASSOCIATION_TARGET_TYPES.find((target) => target === message.values?.object);
    const line = "line" in message ? message.line : undefined;
    if (type) {
      values.one = t(`object.${type}.one`);
      values.other = t(`object.${type}.other`);
      values.noun = t(`object.${type}.noun`);
    }
    const text = t(`issue.${message.code}`, values);
    return line === undefined ? text : t("issue.linePrefix", { line, message: text });
  };
}

/** Why a submission skipped a row, in the reader's language; older saves kept only the submitter's words. */
export function skippedReason(wordIssue: IssueText, row: SkippedRow): string {
  return row.issue ? wordIssue(row.issue) : row.reason;
}

/** `issueText` with the current language and formats; stable until they change. */
export function useIssueText(): IssueText {
  const t = useT();
  const format = useFormat();
  return useCallback((message: AnyIssue) => issueText(t, format)(message), [t, format]);
}
