import { createIntl } from "react-intl";
import { describe, expect, it } from "vitest";
import { messagesFor } from "../../i18n/messages.ts";
import type { Translate } from "../../i18n/use-t.ts";
import { ApiError, describeApiError } from "./api-error.ts";

const japanese = createIntl({ locale: "ja", messages: messagesFor("ja") });
const ja: Translate = (id, values) => japanese.formatMessage({ id }, values);

/** The app server's refusals as `api-guard.ts` sends them: an English message, and the values in `context`. */
const roleRefusal = new ApiError(
  "http",
  "ana@example.com is signed in as submitter; this needs the admin role.",
  403,
  {
    status: "error",
    category: "MISSING_ROLE",
    message: "ana@example.com is signed in as submitter; this needs the admin role.",
    context: { role: ["submitter"], needed: ["admin"] },
  },
);
const csrfRefusal = new ApiError("http", "The page's security token is missing or out of date.", 403, {
  status: "error",
  category: "CSRF_REJECTED",
  message: "The page's security token is missing or out of date.",
});

describe("the app server's own refusals read in the person's language", () => {
  it("names the role the person has and the one the action needs", () => {
    expect(describeApiError(roleRefusal, ja)).toBe(
      "送信者としてサインインしています。この操作には管理者の権限が必要なため、何も送信しませんでした。このアプリの管理者に権限を依頼してください。",
    );
    expect(describeApiError(roleRefusal)).toBe(
      "You are signed in as Submitter; this needs the Admin role, so nothing was sent. Ask an admin of this app for it.",
    );
  });

  it("says what to do about a stale security token", () => {
    expect(describeApiError(csrfRefusal, ja)).toMatch(/^ページのセキュリティトークン/);
    expect(describeApiError(csrfRefusal)).toMatch(/Reload the page/);
  });

  it("without the roles (an older server), still says what to do", () => {
    const older = new ApiError("http", "no", 403, {
      status: "error",
      category: "MISSING_ROLE",
      message: "no",
    });
    expect(describeApiError(older, ja)).toMatch(/管理者に必要な権限を依頼/);
  });
});
