// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BatchStore } from "../../../domain/batch/batch-store.ts";
import { createRow } from "../../../domain/batch/row.ts";
import { availableColumns } from "../../../domain/columns/build-columns.ts";
import { applyLayout } from "../../../domain/columns/layout.ts";
import { QUOTE_PROPERTIES } from "../../../domain/columns/property-fixtures.ts";
import { AppServicesProvider } from "../../../lib/services/app-services-context.tsx";
import { setupMockApi } from "../../../mocks/node.ts";
import { testServices } from "../../../test/app-services.tsx";
import { RowDetailPanel } from "./row-detail-panel.tsx";

setupMockApi();
afterEach(cleanup);

const CONTACTS = "assoc:contacts:HUBSPOT_DEFINED:69";
const DECIDER = "assoc:contacts:USER_DEFINED:1001";
const DEAL = "assoc:deals:HUBSPOT_DEFINED:64";
const columns = applyLayout(availableColumns(QUOTE_PROPERTIES, {}), undefined);
const original = { hs_title: "Old", hs_expiration_date: "2030-01-01", [CONTACTS]: "11;12", [DECIDER]: "12" };

function renderPanel(store: BatchStore, onClose = vi.fn()) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <AppServicesProvider services={testServices({ batch: store })}>
        <RowDetailPanel rowId="r1" columns={columns} onClose={onClose} />
      </AppServicesProvider>
    </QueryClientProvider>,
  );
  return onClose;
}

describe("RowDetailPanel", () => {
  it("keeps a multi-line quote name as written, and saving does not change it", async () => {
    const user = userEvent.setup();
    const store = new BatchStore([createRow({ ...original, hs_title: "Multi\nline title" }, "r1")]);
    renderPanel(store);
    const dialog = await screen.findByRole("dialog", { name: "Quote row 1" });
    expect(within(dialog).getByLabelText("Quote name")).toHaveValue("Multi\nline title");
    await user.click(within(dialog).getByRole("button", { name: "Save row" }));
    expect(store.rows[0]?.cells.hs_title).toBe("Multi\nline title");
  });

  it("shows one association row per record with all its labels", async () => {
    const store = new BatchStore([createRow({ hs_title: "x" }, "r0"), createRow(original, "r1")]);
    renderPanel(store);
    const dialog = await screen.findByRole("dialog", { name: "Quote row 2" });
    const labels = within(dialog).getByRole("group", { name: "Association 2 labels" });
    await waitFor(() =>
      expect(within(labels).getByRole("checkbox", { name: "Contact: Decision maker" })).toBeChecked(),
    );
    expect(within(labels).getByRole("checkbox", { name: "Contacts" })).toBeChecked();
    expect(
      within(within(dialog).getByRole("group", { name: "Association 1 labels" })).getByRole("checkbox", {
        name: "Contact: Decision maker",
      }),
    ).not.toBeChecked();
  });

  it("saves properties and associations as ONE undoable edit", async () => {
    const user = userEvent.setup();
    const store = new BatchStore([createRow(original, "r1")]);
    const onClose = renderPanel(store);
    const dialog = await screen.findByRole("dialog", { name: "Quote row 1" });

    const title = within(dialog).getByRole("textbox", { name: "Quote name" });
    await user.clear(title);
    await user.type(title, "New name");
    const second = within(dialog).getByRole("group", { name: "Association 2 labels" });
    await user.click(await within(second).findByRole("checkbox", { name: "Contact: Decision maker" }));

    await user.click(within(dialog).getByRole("button", { name: "Add association" }));
    await user.type(within(dialog).getByRole("combobox", { name: "Association 3 record" }), "5{Enter}");
    await user.click(within(dialog).getByRole("button", { name: "Save row" }));

    await waitFor(() => expect(onClose).toHaveBeenCalled());
    expect(store.rows[0]?.cells).toMatchObject({
      hs_title: "New name",
      [CONTACTS]: "11;12",
      [DECIDER]: "",
      [DEAL]: "5",
    });
    store.undo();
    // Undo may leave "" where a cell was missing: both mean empty.
    const filled = Object.entries(store.rows[0]?.cells ?? {}).filter(([, value]) => value !== "");
    expect(Object.fromEntries(filled)).toEqual(original);
    expect(store.getSnapshot().canUndo).toBe(false);
  });

  it("will not save an association without a record or a label", async () => {
    const user = userEvent.setup();
    const store = new BatchStore([createRow(original, "r1")]);
    const onClose = renderPanel(store);
    const dialog = await screen.findByRole("dialog", { name: "Quote row 1" });
    await user.click(within(dialog).getByRole("button", { name: "Add association" }));
    await user.click(within(dialog).getByRole("button", { name: "Save row" }));
    expect(await within(dialog).findByText("Pick a record, or type its numeric id.")).toBeInTheDocument();
    expect(onClose).not.toHaveBeenCalled();
    expect(store.getSnapshot().canUndo).toBe(false);
  });

  it("has no serious or critical accessibility violations", async () => {
    const store = new BatchStore([createRow(original, "r1")]);
    renderPanel(store);
    const dialog = await screen.findByRole("dialog", { name: "Quote row 1" });
    await within(dialog).findAllByRole("checkbox", { name: "Contact: Decision maker" });
    const result = await axe.run(dialog, { rules: { "color-contrast": { enabled: false } } });
    const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes[0]?.html}`)).toEqual([]);
  });
});
