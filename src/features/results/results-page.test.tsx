// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { BatchStore } from "../../domain/batch/batch-store.ts";
import { createRow } from "../../domain/batch/row.ts";
import { applyQueueEvent, createSubmission, finishSubmission } from "../../domain/submission/state.ts";
import type { SkippedRow, SubmissionState } from "../../domain/submission/types.ts";
import { LanguageProvider } from "../../i18n/language-provider.tsx";
import { AppServicesProvider } from "../../lib/services/app-services-context.tsx";
import { SubmissionStore } from "../../lib/submission/submission-store.ts";
import { setupMockApi } from "../../mocks/node.ts";
import { testServices } from "../../test/app-services.tsx";
import { ResultsPage } from "./results-page.tsx";

setupMockApi();
afterEach(cleanup);
const NOW = Date.UTC(2026, 0, 5, 9);
const JA_TITLE_REQUIRED = "見積もり名を入力してください。見積もりには必ず名前が必要です。";

function fixture(skipped: SkippedRow[] = []) {
  const rows = ["Acme", "=HYPERLINK(evil)", "Initech"].map((title, i) => ({
    row: createRow({ hs_title: title, hs_expiration_date: "2031-01-01" }, `r${i + 1}`),
    rowNumber: i + 1,
  }));
  const { state } = createSubmission({
    id: "s",
    now: NOW,
    environment: { kind: "simulator", portalId: 24681357, uiDomain: "app.hubspot.com" },
    rateLimit: { max: 100, intervalMs: 10_000 },
    rows,
    skipped,
  });
  const settled = applyQueueEvent(state, {
    type: "settled",
    requestId: "s-r1",
    at: NOW + 500,
    phase: "complete",
    httpStatus: 207,
    batch: {
      status: "COMPLETE",
      startedAt: "2026-01-05T09:00:00.100Z",
      completedAt: "2026-01-05T09:00:00.400Z",
      numErrors: 1,
    },
    rows: [
      { rowId: "r1", outcome: "created", hubspotId: "901" },
      {
        rowId: "r2",
        outcome: "failed",
        error: { category: "VALIDATION_ERROR", message: "bad status", propertyName: "hs_status" },
      },
      { rowId: "r3", outcome: "unknown", error: { category: "UNKNOWN_OUTCOME", message: "502" } },
    ],
  });
  return { state: finishSubmission(settled, { canceled: false }, NOW + 600), rows };
}

function renderResults(
  edit: (row: ReturnType<typeof createRow>) => ReturnType<typeof createRow> = (row) => row,
  skipped: Parameters<typeof fixture>[0] = [],
  language: "en" | "ja" = "en",
  adjust: (state: SubmissionState) => SubmissionState = (state) => state,
) {
  const { state, rows } = fixture(skipped);
  const store = new SubmissionStore();
  store.show(adjust(state));
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <LanguageProvider initialLanguage={language} browserLocales={[language]} timeZone="Asia/Tokyo">
      <QueryClientProvider client={queryClient}>
        <AppServicesProvider
          services={testServices({
            batch: new BatchStore(rows.map((r) => edit(r.row))),
            submissionStore: store,
          })}
        >
          <ResultsPage />
        </AppServicesProvider>
      </QueryClientProvider>
    </LanguageProvider>,
  );
  return { store };
}

describe("ResultsPage", () => {
  it("reads in Japanese: counts, outcomes and the local time of the submission", () => {
    renderResults(undefined, [], "ja");
    expect(screen.getByRole("heading", { name: "結果" })).toBeInTheDocument();
    expect(
      screen.getByText(/2026\/01\/05 18:00 · シミュレーター · 作成済み1件、失敗1件、不明1件、未送信0件/),
    ).toBeInTheDocument();
    const table = screen.getByRole("table", { name: "結果" });
    expect(within(table).getAllByText("作成済み").length).toBeGreaterThan(0);
    expect(screen.getByRole("button", { name: "失敗した行を再試行（1）" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "不明な行を照合（1）" })).toBeInTheDocument();
  });

  it("an undo paused by a sign-out says what was archived and offers signing in, then Resume, not a second Undo", async () => {
    const user = userEvent.setup();
    const paused = { startedAt: NOW + 1_000, quotes: 1, lineItems: 0, archived: 0, failed: 0 };
    const { store } = renderResults(undefined, [], "en", (state) => ({
      ...state,
      undo: { ...paused, paused: { at: Date.now() + 60_000, signIn: "/auth/login" } },
    }));
    const alert = await screen.findByText(/sign-in ended while the quotes were being archived: 0 of 1/);
    expect(alert).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Sign in again" })).toHaveAttribute(
      "href",
      expect.stringMatching(/^\/auth\/login\?returnTo=/),
    );
    expect(screen.queryByRole("button", { name: /^Undo: archive/ })).not.toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Resume" }));
    await waitFor(() => expect(store.getSnapshot().current?.undo?.finishedAt).toBeDefined());
    expect(store.getSnapshot().current?.undo).toMatchObject({
      archived: 1,
      quotes: 1,
      startedAt: NOW + 1_000,
    });
  });

  it("shows one line per row with outcome, linked id, error category, message and property", () => {
    renderResults();
    const table = screen.getByRole("table", { name: "Results" });
    const lines = within(table).getAllByRole("row");
    expect(lines).toHaveLength(4);
    expect(within(table).getByRole("link", { name: "901" })).toHaveAttribute(
      "href",
      "https://app.hubspot.com/quotes/24681357/details/901",
    );
    const failed = lines.find((line) => line.textContent?.includes("bad status"));
    expect(failed).toHaveTextContent("VALIDATION_ERROR");
    expect(failed).toHaveTextContent("hs_status");
    const requests = screen.getByRole("table", { name: "Requests" });
    expect(within(requests).getByText("207")).toBeInTheDocument();
    expect(within(requests).getByText("COMPLETE")).toBeInTheDocument();
  });

  it("gives rows skipped as invalid a line too: not sent, with the reason", () => {
    renderResults(undefined, [{ rowId: "r4", rowNumber: 4, title: "Globex", reason: "Enter a quote name." }]);
    const table = screen.getByRole("table", { name: "Results" });
    const skipped = within(table)
      .getAllByRole("row")
      .find((line) => line.textContent?.includes("Globex"));
    expect(skipped).toHaveTextContent("not sent");
    expect(skipped).toHaveTextContent("INVALID");
    expect(skipped).toHaveTextContent("Skipped: Enter a quote name.");
  });

  it("words a skipped row's reason in the reader's language, whoever submitted it", () => {
    // Submitted in an English browser: the text is English, the code is what every reader's words come from.
    const reason = { reason: "Enter a quote name.", issue: { code: "required.title" as const } };
    renderResults(undefined, [{ rowId: "r4", rowNumber: 4, title: "Globex", ...reason }], "ja");
    const table = screen.getByRole("table", { name: "結果" });
    const skipped = within(table)
      .getAllByRole("row")
      .find((line) => line.textContent?.includes("Globex"));
    expect(skipped).not.toHaveTextContent("Enter a quote name.");
    expect(skipped?.textContent).toContain(JA_TITLE_REQUIRED);
  });

  it("filters and sorts by outcome", async () => {
    const user = userEvent.setup();
    renderResults();
    const table = screen.getByRole("table", { name: "Results" });
    await user.selectOptions(screen.getByLabelText("Show rows"), "failed");
    expect(within(table).getAllByRole("row")).toHaveLength(2);
    await user.selectOptions(screen.getByLabelText("Show rows"), "all");
    await user.click(within(table).getByRole("button", { name: "Outcome" }));
    const firstOutcome = within(table).getAllByRole("row")[1];
    expect(firstOutcome).toHaveTextContent("failed");
    expect(within(table).getByRole("columnheader", { name: "Outcome" })).toHaveAttribute(
      "aria-sort",
      "ascending",
    );
  });

  it("without a unique property, reconcile says what to check and lets the user mark rows", async () => {
    const user = userEvent.setup();
    const { store } = renderResults();
    await user.click(screen.getByRole("button", { name: /Reconcile unknown rows/ }));
    expect(await screen.findByText(/filter by “Create date” from/)).toHaveTextContent("“Initech”");
    await user.click(screen.getByRole("button", { name: "None were created" }));
    expect(store.getSnapshot().current?.rows[2]?.outcome).toBe("not-sent");
    expect(screen.getByRole("button", { name: /Retry failed rows \(2\)/ })).toBeEnabled();
  });

  it("retries the failed row as edited, and names rows that are still invalid instead of sending them", async () => {
    const user = userEvent.setup();
    const { store } = renderResults((row) =>
      row.id === "r2" ? createRow({ hs_expiration_date: "2031-01-01" }, "r2") : row,
    );
    await user.click(screen.getByRole("button", { name: /Retry failed rows \(1\)/ }));
    expect(await screen.findByText(/1 row is still invalid and was not sent: row 2/)).toBeInTheDocument();
    expect(store.getSnapshot().current?.rows[1]?.outcome).toBe("failed");
  });

  it("retries a fixed failed row and records it created", async () => {
    const user = userEvent.setup();
    const { store } = renderResults();
    await user.click(screen.getByRole("button", { name: /Retry failed rows \(1\)/ }));
    await waitFor(() => expect(store.getSnapshot().current?.rows[1]?.outcome).toBe("created"));
    expect(store.getSnapshot().current?.requests).toHaveLength(2);
  });
});
