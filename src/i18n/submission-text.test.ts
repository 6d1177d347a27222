import { createIntl } from "react-intl";
import { describe, expect, it } from "vitest";
import { SubmissionMessage } from "../domain/submission/submission-message.ts";
import { SubmissionState } from "../domain/submission/types.ts";
import { createFormatter } from "./format.ts";
import { messagesFor } from "./messages.ts";
import { submissionText } from "./submission-text.ts";

const textIn = (locale: "en" | "ja") => {
  const missing: string[] = [];
  const intl = createIntl({
    locale,
    messages: messagesFor(locale),
    onError: (error) => missing.push(error.message),
  });
  const text = submissionText(
    (id, values) => intl.formatMessage({ id }, values),
    createFormatter({ locale }),
  );
  return { text, missing };
};

/** One of every code, so a code without a message in either language fails here. */
const EVERY_CODE: SubmissionMessage[] = [
  { code: "signedOut" },
  { code: "dailyLimit" },
  { code: "serverStopped" },
  { code: "pageClosedRow" },
  { code: "pageClosedRequest" },
  { code: "connectionLost" },
  { code: "stoppedBeforeAnswer" },
  { code: "noAnswerWithin", seconds: 120 },
  { code: "unexpected", detail: "TypeError: x" },
  { code: "answered", status: 502 },
  { code: "unreadableBody", status: 201 },
  { code: "answerUnreadable" },
  { code: "rateLimited" },
  { code: "notCreated" },
  { code: "refusedNoReason" },
  { code: "lineRefused" },
  { code: "noUsableAnswer" },
  ...(["COMPLETE", "PENDING", "PROCESSING", "CANCELED"] as const).map(
    (batchStatus): SubmissionMessage => ({ code: "unaccounted", batchStatus }),
  ),
  { code: "wholeRequest", rows: [2, 5] },
  { code: "notInHubspot" },
  ...[
    "not-found",
    "forbidden",
    "unauthenticated",
    "role-required",
    "csrf",
    "bad-request",
    "too-large",
    "upstream-timeout",
    "upstream-unreachable",
    "canceled",
    "journal-unavailable",
    "body-timeout",
    "busy",
    "upstream-redirect",
    "upstream-too-large",
    "database-unavailable",
  ].map((kind): SubmissionMessage => ({ code: "proxy", kind, status: 503 })),
  { code: "hubspot", text: "Property values were not valid" },
  { code: "hubspotSeveral", texts: ["a", "b"] },
  { code: "afterSent", status: 502, cause: { code: "answered", status: 502 } },
  { code: "token", cause: { code: "hubspot", text: "expired" } },
  { code: "scope", cause: { code: "hubspot", text: "missing scope" } },
  { code: "gaveUp", tries: 6, cause: { code: "connectionLost" } },
  { code: "mayExist", cause: { code: "noAnswerWithin", seconds: 120 } },
];

describe("submission messages in the viewer's language", () => {
  it.each(["en", "ja"] as const)("every code has a whole sentence in %s", (locale) => {
    const { text, missing } = textIn(locale);
    for (const message of EVERY_CODE) {
      const words = text(message);
      expect(words, JSON.stringify(message)).not.toMatch(/submission\.msg|\{|\}/);
      expect(words.length, JSON.stringify(message)).toBeGreaterThan(8);
    }
    expect(missing).toEqual([]);
  });

  it("says the daily limit, a closed page and an ended sign-in in Japanese and in English", () => {
    const { text: en } = textIn("en");
    const { text: ja } = textIn("ja");
    expect(en({ code: "dailyLimit" })).toBe(
      "HubSpot's daily API limit for this account is used up. The rest of the batch was not sent; send it tomorrow (the limit resets at midnight).",
    );
    expect(ja({ code: "dailyLimit" })).toBe(
      "このアカウントの HubSpot の 1 日あたりの API 上限に達しました。バッチの残りは送信されていません。明日送信してください（上限は午前 0 時にリセットされます）。",
    );
    expect(ja({ code: "pageClosedRow" })).toBe(
      "この行の送信中にページが閉じられました。HubSpot が作成した可能性があります。もう一度送信する前に照合してください。",
    );
    expect(ja({ code: "signedOut" })).toMatch(/^サインインが終了したため/);
    expect(ja({ code: "wholeRequest", rows: [2, 5] })).toMatch(/^作成されませんでした：2、5 行目が原因で/);
    expect(en({ code: "wholeRequest", rows: [2] })).toMatch(/because of row 2\. Fix that row,/);
    expect(en({ code: "wholeRequest", rows: [2, 5] })).toMatch(/because of rows 2 and 5\. Fix those rows,/);
  });

  it("keeps HubSpot's own words verbatim, labelled as HubSpot's, inside our sentence", () => {
    const { text: en } = textIn("en");
    const { text: ja } = textIn("ja");
    const said = { code: "hubspot", text: "Property values were not valid: price" } as const;
    expect(en(said)).toBe("HubSpot said: Property values were not valid: price");
    expect(ja(said)).toBe("HubSpot の応答：Property values were not valid: price");
    const nested: SubmissionMessage = {
      code: "mayExist",
      cause: {
        code: "afterSent",
        status: 504,
        cause: { code: "proxy", kind: "upstream-timeout", status: 504 },
      },
    };
    expect(ja(nested)).toBe(
      "リクエストの送信後、HubSpot は 504 で応答しました。HubSpot が時間内に応答しませんでした。リクエストが反映されたかどうかは不明です。 HubSpot がこの見積もりを作成した可能性があります。もう一度送信する前に照合してください。",
    );
    expect(en({ code: "noAnswerWithin", seconds: 1200 })).toBe("No answer within 1,200 s.");
  });

  it("a proxy kind this page does not know says what is certain: the status", () => {
    const { text: ja, missing } = textIn("ja");
    expect(ja({ code: "proxy", kind: "from-the-future", status: 503 })).toBe("HubSpot の応答は 503 でした。");
    expect(missing).toEqual([]);
  });

  it("shows text stored by earlier versions as it was written", () => {
    const { text: ja } = textIn("ja");
    expect(ja("HubSpot did not create this quote.")).toBe("HubSpot did not create this quote.");
    expect(ja(undefined)).toBe("");
  });
});

describe("stored submissions of both shapes", () => {
  const base = {
    id: "s",
    createdAt: 1,
    environment: { kind: "simulator" },
    rateLimit: { max: 100, intervalMs: 10_000 },
    status: "stopped",
    skipped: [],
  };

  it("reads an earlier version's English text (rows, notes, stop, undo)", () => {
    const old = SubmissionState.parse({
      ...base,
      stopReason: { kind: "daily-limit", message: "HubSpot's daily API limit for this account is used up." },
      rows: [
        {
          rowId: "r1",
          rowNumber: 1,
          title: "A",
          outcome: "unknown",
          error: {
            category: "UNKNOWN_OUTCOME",
            message: "The page was closed while this row was being sent.",
          },
        },
      ],
      requests: [
        {
          id: "s-r1",
          rowIndexes: [0],
          phase: "unknown",
          attempts: 1,
          waits: [],
          note: "The page was closed while this request was on its way.",
        },
      ],
      undo: {
        startedAt: 1,
        quotes: 1,
        lineItems: 0,
        archived: 0,
        failed: 1,
        message: "HubSpot answered 500.",
      },
    });
    expect(old.rows[0]?.error?.message).toBe("The page was closed while this row was being sent.");
    expect(old.requests[0]?.note).toBe("The page was closed while this request was on its way.");
    expect(old.stopReason?.message).toBe("HubSpot's daily API limit for this account is used up.");
  });

  it("reads codes, and refuses a code it does not know rather than showing an id", () => {
    const rows = [
      {
        rowId: "r1",
        rowNumber: 1,
        title: "A",
        outcome: "not-sent",
        error: { category: "RATE_LIMITS", message: { code: "dailyLimit" } },
      },
    ];
    const state = SubmissionState.parse({
      ...base,
      stopReason: { kind: "daily-limit", message: { code: "dailyLimit" } },
      rows,
      requests: [],
    });
    expect(state.rows[0]?.error?.message).toEqual({ code: "dailyLimit" });
    expect(SubmissionMessage.safeParse({ code: "nope" }).success).toBe(false);
  });
});
