// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { BatchStore } from "../../domain/batch/batch-store.ts";
import { createRow } from "../../domain/batch/row.ts";
import { applyQueueEvent, createSubmission, finishSubmission } from "../../domain/submission/state.ts";
import { AppServicesProvider } from "../../lib/services/app-services-context.tsx";
import { SubmissionStore } from "../../lib/submission/submission-store.ts";
import { setupMockApi } from "../../mocks/node.ts";
import { testServices } from "../../test/app-services.tsx";
import { ComposerPage } from "./composer-page.tsx";
import { stubLayout } from "./grid/jsdom-layout.ts";

setupMockApi();
beforeAll(() => stubLayout());
afterEach(cleanup);

const valid = (title: string) => ({ hs_title: title, hs_expiration_date: "2099-01-01" });

/** A finished submission: row a created, b failed on the expiration date, c failed with no property. */
function submitted(): SubmissionStore {
  const { state } = createSubmission({
    id: "s",
    now: 0,
    environment: { kind: "simulator" },
    rateLimit: { max: 100, intervalMs: 10_000 },
    rows: ["a", "b", "c"].map((id, i) => ({ row: createRow(valid(id), id), rowNumber: i + 1 })),
  });
  const settled = applyQueueEvent(state, {
    type: "settled",
    requestId: "s-r1",
    at: 1,
    phase: "complete",
    rows: [
      { rowId: "a", outcome: "created", hubspotId: "5" },
      {
        rowId: "b",
        outcome: "failed",
        error: {
          category: "VALIDATION_ERROR",
          message: "Expiration date is too far away",
          propertyName: "hs_expiration_date",
        },
      },
      { rowId: "c", outcome: "failed", error: { category: "RATE_LIMITS", message: "Try again later" } },
    ],
  });
  const store = new SubmissionStore();
  store.show(finishSubmission(settled, { canceled: false }, 2));
  return store;
}

async function setup() {
  const store = new BatchStore(["a", "b", "c"].map((id) => createRow(valid(id), id)));
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <AppServicesProvider services={testServices({ batch: store, submissionStore: submitted() })}>
        <ComposerPage />
      </AppServicesProvider>
    </QueryClientProvider>,
  );
  const grid = screen.getByRole("grid", { name: "Quotes" });
  await within(grid).findByRole("columnheader", { name: /Quote name/ });
  return { grid, store, user: userEvent.setup() };
}

const cellOf = (grid: HTMLElement, row: number, header: RegExp) => {
  const headers = within(grid).getAllByRole("columnheader");
  const col = headers.findIndex((h) => header.test(h.textContent ?? "")) - 1;
  return within(grid).getAllByRole("row")[row]!.querySelectorAll('[role="gridcell"]')[col]!;
};

describe("submission outcomes on the grid", () => {
  it("marks a failed row's cell with HubSpot's message, and a row-level failure on its title", async () => {
    const { grid } = await setup();
    const date = cellOf(grid, 2, /xpiration/i);
    expect(date).toHaveAttribute("aria-invalid", "true");
    expect(date).toHaveAccessibleDescription(expect.stringContaining("Expiration date is too far away"));
    expect(date.querySelector(".composer-cell__mark")).not.toBeNull();
    const title = cellOf(grid, 3, /Quote name/);
    expect(title).toHaveAttribute("aria-invalid", "true");
    expect(title).toHaveAccessibleDescription(expect.stringContaining("Try again later"));
    // The created row carries nothing.
    expect(cellOf(grid, 1, /Quote name/)).not.toHaveAttribute("aria-invalid");
  });

  it("describes the active cell with the message when focus reaches it", async () => {
    const { grid, user } = await setup();
    grid.focus();
    await user.keyboard("{ArrowDown}{ArrowDown}");
    const title = cellOf(grid, 3, /Quote name/);
    const tip = document.getElementById(title.getAttribute("aria-describedby") ?? "");
    expect(tip).toHaveTextContent("HubSpot did not create this quote: Try again later");
  });

  it("lists HubSpot's rejections in the issues panel, labelled as such", async () => {
    const { user } = await setup();
    await user.click(screen.getAllByRole("button", { name: /errors?/ })[0]!);
    const rejected = await screen.findByRole("list", { name: "HubSpot rejected" });
    const items = within(rejected).getAllByRole("listitem");
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent("HubSpot rejected this");
    expect(items[0]).toHaveTextContent("Row 2");
    expect(items[0]).toHaveTextContent("Expiration date is too far away");
    expect(items[1]).toHaveTextContent("Row 3");
  });

  it("a validation error in the cell wins over HubSpot's older word", async () => {
    const { grid, store } = await setup();
    act(() =>
      store.apply({ type: "set-cells", edits: [{ rowId: "b", key: "hs_expiration_date", value: "" }] }),
    );
    const date = cellOf(grid, 2, /xpiration/i);
    expect(date).toHaveAccessibleDescription(expect.not.stringContaining("too far away"));
    expect(date).not.toHaveAttribute("title");
    expect(date).toHaveAttribute("aria-invalid", "true");
  });
});
