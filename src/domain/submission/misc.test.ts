import { describe, expect, it } from "vitest";
import { createLine, createRow } from "../batch/row.ts";
import { classify, retryAfterMs } from "./classify.ts";
import { neutraliseFormula, type ResultsWords, resultsTable, tableCsv } from "./export-csv.ts";
import { describeDuration, planSubmission } from "./plan.ts";
import { planQuotes, syncQuotes } from "./quote-phases.ts";
import { manualCheck, reconcileFindings, reconcileReadRequests } from "./reconcile.ts";
import { headersOf } from "./send-result.ts";
import { applyQueueEvent, createSubmission, interruptSubmission, markRows } from "./state.ts";
import { rowOutcomeIssues, summarise } from "./summary.ts";

const NOW = Date.UTC(2026, 0, 5, 9);

function submission(n: number, stamp = false) {
  return createSubmission({
    id: "s",
    now: NOW,
    environment: { kind: "simulator" },
    rateLimit: { max: 100, intervalMs: 10_000 },
    rows: Array.from({ length: n }, (_, i) => ({
      row: createRow({ hs_title: `Q${i + 1}` }, `r${i + 1}`),
      rowNumber: i + 1,
    })),
    serialise: stamp ? { stamp: { propertyName: "batch_row_key", valueFor: (row) => `k-${row.id}` } } : {},
  });
}

describe("plan", () => {
  it("counts requests and defines the floor from the rolling window", () => {
    expect(
      planSubmission({
        quotes: 30_000,
        rateLimit: { max: 100, intervalMs: 10_000 },
        latencyMs: 150,
        concurrency: 16,
      }),
    ).toMatchObject({
      requests: 300,
      floorMs: 20_150,
    });
    expect(planSubmission({ quotes: 150, rateLimit: { max: 100, intervalMs: 10_000 } })).toMatchObject({
      requests: 2,
      floorMs: 0,
    });
    expect(describeDuration(125_000)).toBe("2 min 5 s");
  });
});

describe("classify", () => {
  it("reads Retry-After as seconds or a date", () => {
    expect(retryAfterMs(headersOf({ "Retry-After": "2" }), NOW)).toBe(2000);
    expect(retryAfterMs(headersOf({ "retry-after": new Date(NOW + 5000).toUTCString() }), NOW)).toBe(5000);
    expect(retryAfterMs(headersOf({}), NOW)).toBeUndefined();
  });

  it("treats an unreadable 2xx and a plain 5xx as unknown, never as failed", () => {
    expect(
      classify({ kind: "answered", status: 201, headers: headersOf({}), body: "<html>" }, NOW, 10_000).kind,
    ).toBe("unknown");
    expect(
      classify({ kind: "answered", status: 503, headers: headersOf({}), body: {} }, NOW, 10_000).kind,
    ).toBe("unknown");
    const proxy502 = { category: "UPSTREAM_UNREACHABLE", message: "may or may not have been applied" };
    const marked = headersOf({ "x-proxy-error": "upstream-unreachable" });
    expect(classify({ kind: "answered", status: 502, headers: marked, body: proxy502 }, NOW, 1).kind).toBe(
      "unknown",
    );
    const notForwarded = headersOf({ "x-proxy-not-forwarded": "1" });
    expect(classify({ kind: "answered", status: 504, headers: notForwarded, body: {} }, NOW, 1).kind).toBe(
      "resend",
    );
    expect(
      classify({ kind: "answered", status: 429, headers: headersOf({}), body: {} }, NOW, 10_000),
    ).toMatchObject({ kind: "rate-limited", waitMs: 10_000 });
  });

  it("tells the proxy's session 401 (signed out) from HubSpot rejecting the token", () => {
    const session = {
      kind: "answered" as const,
      status: 401,
      headers: headersOf({
        "x-proxy-error": "unauthenticated",
        "x-proxy-not-forwarded": "1",
        "x-qbc-sign-in": "/auth/login",
      }),
      body: { status: "error", category: "UNAUTHENTICATED", message: "You are not signed in" },
    };
    expect(classify(session, NOW, 10_000)).toEqual({
      kind: "signed-out",
      message: { code: "signedOut" },
      signIn: "/auth/login",
    });
    // Behind a reverse proxy there is no sign-in page of ours: still signed out, with no link.
    const proxyHeader = { ...session, headers: headersOf({ "x-proxy-error": "unauthenticated" }) };
    expect(classify(proxyHeader, NOW, 10_000)).toEqual({
      kind: "signed-out",
      message: { code: "signedOut" },
    });
    // A sign-in "path" to another site is not followed.
    const foreign = {
      ...session,
      headers: headersOf({ "x-proxy-error": "unauthenticated", "x-qbc-sign-in": "//evil.example/login" }),
    };
    expect(classify(foreign, NOW, 10_000)).not.toHaveProperty("signIn");
    // HubSpot's own 401 (expired private-app token), even with the same category in its body.
    const hubspot401 = {
      kind: "answered" as const,
      status: 401,
      headers: headersOf({}),
      body: { status: "error", category: "UNAUTHENTICATED", message: "expired token" },
    };
    expect(classify(hubspot401, NOW, 10_000)).toMatchObject({ kind: "stop-auth", status: 401 });
    // The proxy's other refusals are not sign-in problems.
    const csrf = {
      kind: "answered" as const,
      status: 403,
      headers: headersOf({ "x-proxy-error": "csrf" }),
      body: { status: "error", category: "CSRF_REJECTED", message: "stale" },
    };
    expect(classify(csrf, NOW, 10_000).kind).toBe("stop-auth");
  });
});

describe("state", () => {
  it("turns requests on the wire into unknown and the rest into not sent after a reload", () => {
    const { state } = submission(250);
    const sending = applyQueueEvent(state, { type: "sending", requestId: "s-r1", attempt: 1, at: NOW });
    const after = interruptSubmission(sending, NOW + 1);
    expect(summarise(after).counts).toMatchObject({ unknown: 100, "not-sent": 150 });
    expect(after.status).toBe("interrupted");
  });

  it("gives failed rows cell issues on the property HubSpot named", () => {
    const { state } = submission(2);
    const settled = applyQueueEvent(state, {
      type: "settled",
      requestId: "s-r1",
      at: NOW,
      phase: "complete",
      rows: [
        { rowId: "r1", outcome: "created", hubspotId: "9" },
        {
          rowId: "r2",
          outcome: "failed",
          error: { category: "VALIDATION_ERROR", message: "bad", propertyName: "hs_status" },
        },
      ],
    });
    expect(rowOutcomeIssues(settled).get("r2")?.[0]).toMatchObject({
      columnKey: "hs_status",
      severity: "error",
    });
    expect(rowOutcomeIssues(settled).has("r1")).toBe(false);
  });
});

describe("reconcile", () => {
  it("reads unknown rows back by the stamped value and splits found from missing", () => {
    const { state } = submission(150, true);
    const rows = state.rows.map((row) => ({ ...row, outcome: "unknown" as const }));
    const requests = reconcileReadRequests(rows, "batch_row_key");
    expect(requests.map((r) => r.inputs.length)).toEqual([100, 50]);
    expect(requests[0]?.idProperty).toBe("batch_row_key");
    const findings = reconcileFindings(rows, "batch_row_key", [
      { id: "77", properties: { batch_row_key: "k-r2" }, createdAt: "", updatedAt: "" },
    ]);
    expect(findings.found.get("r2")).toBe("77");
    expect(findings.missing).toHaveLength(149);
    const marked = markRows({ ...state, rows }, new Map([["r2", { outcome: "created", hubspotId: "77" }]]));
    expect(marked.rows[1]).toMatchObject({ outcome: "created", hubspotId: "77" });
  });

  it("tells people exactly what to look for without a unique property", () => {
    const { state } = submission(3);
    const rows = state.rows.map((row) => ({ ...row, outcome: "unknown" as const }));
    const check = manualCheck({ ...state, rows });
    expect(check?.rows.map((row) => row.title)).toEqual(["Q1", "Q2", "Q3"]);
    expect(check?.from).toBe("2026-01-05T08:59:00.000Z");
  });
});

const words: ResultsWords = {
  column: (column) => `[${column}]`,
  outcome: (outcome) => `<${outcome}>`,
  yesNo: (value) => (value ? "Y" : "N"),
  phase: (phase) => `(${phase})`,
  message: (message) => (typeof message === "string" ? message : `{${message.code}}`),
  skippedReason: (row) => (row.issue ? `{${row.issue.code}}` : row.reason),
};

describe("CSV export", () => {
  it("neutralises formulas and quotes cells", () => {
    expect(neutraliseFormula("=SUM(A1)")).toBe("'=SUM(A1)");
    expect(neutraliseFormula("-1")).toBe("'-1");
    expect(neutraliseFormula("\tx")).toBe("'\tx");
    expect(neutraliseFormula("plain")).toBe("plain");
    const { state } = submission(1);
    const table = resultsTable(
      {
        ...state,
        rows: [
          {
            ...state.rows[0]!,
            title: '@evil, "x"',
            outcome: "failed",
            error: { category: "E", message: "+1" },
          },
        ],
        skipped: [{ rowId: "s", rowNumber: 2, title: "=Bad", reason: "No name" }],
      },
      words,
    );
    expect(tableCsv(table)).toBe(
      `[row],[title],[id],[outcome],[category],[message],[property]\r\n1,"'@evil, ""x""",,<failed>,E,'+1,\r\n2,'=Bad,,<skipped>,INVALID,No name,\r\n`,
    );
  });

  it("keeps numbers as numbers and says each quote's incomplete phase in the export's words", () => {
    const row = createRow({ hs_title: "Q1" }, "r1", [
      createLine({ hs_product_id: "11", quantity: "2" }, "l1"),
    ]);
    const rows = [{ rowId: "r1", rowNumber: 1, title: "Q1", outcome: "created" as const, hubspotId: "900" }];
    const synced = syncQuotes(planQuotes([row], { publish: false, system: "legacy" }), rows);
    const p = synced.progress[0]!;
    const phases = {
      ...synced,
      progress: [
        {
          ...p,
          lines: { l1: { state: "failed" as const, error: { category: "X", message: "bad" } } },
          readBack: { state: "done" as const, amount: "1234.5", currency: "JPY" },
        },
      ],
    };
    const { state } = submission(1);
    const table = resultsTable({ ...state, rows, phases }, words);
    expect(table.header).toEqual([
      "[row]",
      "[title]",
      "[id]",
      "[outcome]",
      "[category]",
      "[message]",
      "[property]",
      "[lines]",
      "[linesCreated]",
      "[amount]",
      "[currency]",
      "[published]",
      "[quoteLink]",
      "[pdfLink]",
      "[incompleteAt]",
    ]);
    expect(table.rows[0]).toEqual([
      1,
      "Q1",
      "900",
      "<created>",
      "",
      "",
      "",
      1,
      0,
      1234.5,
      "JPY",
      "N",
      "",
      "",
      "(line items)",
    ]);
  });
});
