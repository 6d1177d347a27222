// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it } from "vitest";
import { BatchStore } from "../../domain/batch/batch-store.ts";
import { createRow } from "../../domain/batch/row.ts";
import { AnnouncerProvider } from "../../lib/announcer/announcer-context.tsx";
import { AppServicesProvider } from "../../lib/services/app-services-context.tsx";
import { SubmissionStore } from "../../lib/submission/submission-store.ts";
import { setupMockApi } from "../../mocks/node.ts";
import { testServices } from "../../test/app-services.tsx";
import { NotificationDockProvider } from "../../ui/notification-dock.tsx";
import { SubmitBatch } from "./submit-batch.tsx";

const api = setupMockApi();
afterEach(cleanup);

function renderSubmit() {
  const batch = new BatchStore([
    createRow({ hs_title: "Acme", hs_expiration_date: "2031-01-01" }, "row-a"),
    createRow({ hs_title: "Globex", hs_expiration_date: "2031-01-02" }, "row-b"),
    createRow({ hs_title: "Initech", hs_expiration_date: "2031-01-03" }, "row-c"),
    createRow({ hs_expiration_date: "2031-01-04" }, "row-d"),
  ]);
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const services = testServices({ batch, submissionStore: new SubmissionStore({ persistEveryMs: 10 }) });
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
  return { batch, gridSelection: services.selection };
}

describe("Submit dialog: selected rows", () => {
  it("offers no selection choice when the grid selects one row", async () => {
    const user = userEvent.setup();
    const { batch, gridSelection } = renderSubmit();
    act(() => gridSelection.publish(1, 1, () => batch.rows));
    await user.click(screen.getByRole("button", { name: "Submit batch" }));
    const dialog = await screen.findByRole("dialog", { name: "Submit batch" });
    await within(dialog).findByText("3 quotes → 1 request of at most 100");
    expect(within(dialog).queryByRole("radio", { name: /Selected rows/ })).toBeNull();
  });

  it("sends only the valid rows of a selected range, and plans for them", async () => {
    const user = userEvent.setup();
    const { batch, gridSelection } = renderSubmit();
    // Dragged upwards from the invalid last row to the second: rows b, c (valid) and d (invalid).
    act(() => gridSelection.publish(3, 1, () => batch.rows));
    await user.click(screen.getByRole("button", { name: "Submit batch" }));
    const dialog = await screen.findByRole("dialog", { name: "Submit batch" });
    await within(dialog).findByText("3 quotes → 1 request of at most 100");
    expect(within(dialog).getByRole("radio", { name: "All valid rows (3)" })).toBeChecked();
    await user.click(within(dialog).getByRole("radio", { name: "Selected rows (3)" }));
    expect(within(dialog).getByText("2 quotes → 1 request of at most 100")).toBeInTheDocument();
    expect(within(dialog).getByText(/1 invalid row is skipped/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "Create 2 quotes" }));
    const progress = await screen.findByRole("region", { name: "Submission progress" });
    await within(progress).findByText("Submission finished");
    const created = api.simulator.createdQuotes();
    expect(created.map((quote) => quote.objectWriteTraceId).sort()).toEqual(["row-b", "row-c"]);
  });
});
