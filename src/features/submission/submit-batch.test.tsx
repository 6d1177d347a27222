// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { BatchStore } from "../../domain/batch/batch-store.ts";
import { createRow } from "../../domain/batch/row.ts";
import { AnnouncerProvider } from "../../lib/announcer/announcer-context.tsx";
import { AppServicesProvider } from "../../lib/services/app-services-context.tsx";
import { SubmissionStore } from "../../lib/submission/submission-store.ts";
import { setupMockApi } from "../../mocks/node.ts";
import { generateCrm } from "../../simulator/crm-data.ts";
import { prngStream } from "../../simulator/prng.ts";
import { testServices } from "../../test/app-services.tsx";
import { NotificationDockProvider } from "../../ui/notification-dock.tsx";
import { SubmitBatch } from "./submit-batch.tsx";

const api = setupMockApi();
afterEach(cleanup);

const DEAL = "assoc:deals:HUBSPOT_DEFINED:64";

function renderSubmit(
  rows = [
    createRow({ hs_title: "Acme", hs_expiration_date: "2031-01-01" }, "row-a"),
    createRow({ hs_title: "Globex", hs_expiration_date: "2031-01-02" }, "row-b"),
    createRow({ hs_expiration_date: "2031-01-03" }, "row-c"),
  ],
) {
  const batch = new BatchStore(rows);
  const store = new SubmissionStore({ persistEveryMs: 10 });
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const services = testServices({ batch: batch, submissionStore: store });
  render(
    <QueryClientProvider client={queryClient}>
      <AppServicesProvider services={services}>
        <AnnouncerProvider announcer={services.announcer}>
          <NotificationDockProvider>
            <SubmitBatch />
          </NotificationDockProvider>
        </AnnouncerProvider>
      </AppServicesProvider>
    </QueryClientProvider>,
  );
  return { store, announcer: services.announcer };
}

describe("SubmitBatch", () => {
  it("counts a row whose deal HubSpot does not know as invalid, as the grid does, and never sends it", async () => {
    const user = userEvent.setup();
    // The simulator's seeded CRM (seed 42): its first deal exists, 999999999 does not.
    const deal = generateCrm(prngStream(42, "crm")).deals[0]?.id ?? "";
    renderSubmit([
      createRow({ hs_title: "Acme", hs_expiration_date: "2031-01-01", [DEAL]: deal }, "row-a"),
      createRow({ hs_title: "Ghost", hs_expiration_date: "2031-01-02", [DEAL]: "999999999" }, "row-b"),
    ]);
    await user.click(screen.getByRole("button", { name: "Submit batch" }));
    const dialog = await screen.findByRole("dialog", { name: "Submit batch" });
    expect(await within(dialog).findByText("1 quote → 1 request of at most 100")).toBeInTheDocument();
    expect(within(dialog).getByText(/1 invalid row is skipped/)).toBeInTheDocument();
    expect(within(dialog).getByText(/Row 2 “Ghost”: Deal 999999999 was not found\./)).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "Create 1 quote" }));
    const progress = await screen.findByRole("region", { name: "Submission progress" });
    await within(progress).findByText("Submission finished");
    expect(api.simulator.createdQuotes().map((q) => q.objectWriteTraceId)).toEqual(["row-a"]);
  });

  it("plans the valid rows, skips the invalid one, creates the quotes with row ids as trace ids", async () => {
    const user = userEvent.setup();
    const { announcer } = renderSubmit();
    await user.click(screen.getByRole("button", { name: "Submit batch" }));
    const dialog = await screen.findByRole("dialog", { name: "Submit batch" });
    expect(await within(dialog).findByText("2 quotes → 1 request of at most 100")).toBeInTheDocument();
    expect(within(dialog).getByText(/1 invalid row is skipped/)).toBeInTheDocument();
    expect(within(dialog).getByText(/Simulator/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "Create 2 quotes" }));

    const progress = await screen.findByRole("region", { name: "Submission progress" });
    // The Submit button went disabled: focus is on the panel where the run is followed, not on <body>.
    await waitFor(() => expect(progress).toHaveFocus());
    await within(progress).findByText("Submission finished");
    expect(within(progress).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "2");
    await waitFor(() =>
      expect(announcer.history).toEqual([
        "Submission started: 2 quotes to send.",
        "Submission finished: 2 created, 0 failed, 0 unknown, 0 not sent.",
      ]),
    );

    const created = api.simulator.createdQuotes();
    expect(created.map((q) => q.objectWriteTraceId).sort()).toEqual(["row-a", "row-b"]);
    expect(created[0]?.properties.batch_row_key).toMatch(/^row-/);
  });

  it("stops on a 401 with a clear reason and marks nothing created", async () => {
    api.server.use(
      http.post("*/api/hubspot/crm/v3/objects/quotes/batch/create", () =>
        HttpResponse.json(
          {
            status: "error",
            category: "INVALID_AUTHENTICATION",
            message: "The access token provided is not valid.",
          },
          { status: 401 },
        ),
      ),
    );
    const user = userEvent.setup();
    const { store } = renderSubmit();
    await user.click(screen.getByRole("button", { name: "Submit batch" }));
    const dialog = await screen.findByRole("dialog", { name: "Submit batch" });
    await user.click(await within(dialog).findByRole("button", { name: "Create 2 quotes" }));
    const progress = await screen.findByRole("region", { name: "Submission progress" });
    await within(progress).findByText("Submission stopped");
    expect(within(progress).getByRole("alert")).toHaveTextContent(/rejected the access token/);
    await waitFor(() => expect(store.getSnapshot().running).toBe(false));
    expect(store.getSnapshot().current?.rows.every((row) => row.outcome !== "created")).toBe(true);
  });

  it("waits out a ten-secondly 429 (showing it) and then creates every quote", async () => {
    api.server.use(
      http.post(
        "*/api/hubspot/crm/v3/objects/quotes/batch/create",
        () =>
          HttpResponse.json(
            {
              status: "error",
              message: "You have reached your ten_secondly_rolling limit.",
              errorType: "RATE_LIMIT",
              correlationId: "c-1",
              policyName: "TEN_SECONDLY_ROLLING",
            },
            { status: 429, headers: { "retry-after": "1" } },
          ),
        { once: true },
      ),
    );
    const user = userEvent.setup();
    renderSubmit();
    await user.click(screen.getByRole("button", { name: "Submit batch" }));
    const dialog = await screen.findByRole("dialog", { name: "Submit batch" });
    await user.click(await within(dialog).findByRole("button", { name: "Create 2 quotes" }));
    const progress = await screen.findByRole("region", { name: "Submission progress" });
    expect(await within(progress).findByText("Waiting for HubSpot's rate limit…")).toBeInTheDocument();
    await within(progress).findByText("Submission finished", undefined, { timeout: 5000 });
    expect(api.simulator.createdQuotes()).toHaveLength(2);
    expect(within(progress).queryByText(/failed/)).toHaveTextContent("0 failed");
  });
});
