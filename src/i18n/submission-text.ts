import { useCallback } from "react";
import type { StoredMessage, SubmissionMessage } from "../domain/submission/submission-message.ts";
import type { Formatter } from "./format.ts";
import { useFormat } from "./language-provider.tsx";
import type { MessageId } from "./messages.ts";
import { type Translate, useT } from "./use-t.ts";

export type SubmissionText = (message: StoredMessage | undefined) => string;

/** The app server's own refusals and failures, by `x-proxy-error` kind (src/server/proxy-http.ts). */
const PROXY_MESSAGES: Readonly<Record<string, MessageId>> = {
  "not-found": "submission.msg.proxy.notFound",
  forbidden: "submission.msg.proxy.forbidden",
  unauthenticated: "submission.msg.signedOut",
  "role-required": "submission.msg.proxy.roleRequired",
  csrf: "submission.msg.proxy.csrf",
  "bad-request": "submission.msg.proxy.badRequest",
  "too-large": "submission.msg.proxy.tooLarge",
  "upstream-timeout": "submission.msg.proxy.upstreamTimeout",
  "upstream-unreachable": "submission.msg.proxy.upstreamUnreachable",
  canceled: "submission.msg.proxy.canceled",
  "journal-unavailable": "submission.msg.proxy.journalUnavailable",
  "body-timeout": "submission.msg.proxy.bodyTimeout",
  busy: "submission.msg.proxy.busy",
  "upstream-redirect": "submission.msg.proxy.upstreamRedirect",
  "upstream-too-large": "submission.msg.proxy.upstreamTooLarge",
  "database-unavailable": "submission.msg.proxy.databaseUnavailable",
};

/**
 * A submission's message in the viewer's language (decision 072): codes through `submission.msg.*`,
 * HubSpot's words verbatim behind "HubSpot:", and text stored by earlier versions as it was written.
 */
export function submissionText(t: Translate, format: Formatter): SubmissionText {
  const render = (message: SubmissionMessage): string => {
    switch (message.code) {
      case "noAnswerWithin":
        return t("submission.msg.noAnswerWithin", { seconds: format.number(message.seconds) });
      case "unexpected":
        return t("submission.msg.unexpected", { detail: message.detail });
      case "answered":
      case "unreadableBody":
        return t(`submission.msg.${message.code}`, { status: message.status });
      case "unaccounted":
        return t(`submission.msg.unaccounted.${message.batchStatus}`);
      case "wholeRequest":
        return t("submission.msg.wholeRequest", {
          count: message.rows.length,
          rows: format.list(message.rows.map((row) => format.number(row))),
        });
      case "proxy": {
        // A kind this page does not know (a newer server): what is certain, the status.
        const id = Object.hasOwn(PROXY_MESSAGES, message.kind) ? PROXY_MESSAGES[message.kind] : undefined;
        return id ? t(id) : t("submission.msg.answered", { status: message.status });
      }
      case "hubspot":
        return t("submission.msg.hubspot", { text: message.text });
      case "hubspotSeveral":
        return t("submission.msg.hubspotSeveral", {
          texts: message.texts.map((text) => t("submission.msg.quoted", { text })).join(" / "),
        });
      case "afterSent":
        return t("submission.msg.afterSent", { status: message.status, reason: render(message.cause) });
      case "token":
      case "scope":
      case "mayExist":
        return t(`submission.msg.${message.code}`, { reason: render(message.cause) });
      case "gaveUp":
        return t("submission.msg.gaveUp", { tries: message.tries, reason: render(message.cause) });
      default:
        return t(`submission.msg.${message.code}`);
    }
  };
  return (message) => (message === undefined ? "" : typeof message === "string" ? message : render(message));
}

/** `submissionText` with the current language and formats; stable until they change. */
export function useSubmissionText(): SubmissionText {
  const t = useT();
  const format = useFormat();
  return useCallback((message) => submissionText(t, format)(message), [t, format]);
}
