// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppServicesProvider } from "../../../lib/services/app-services-context.tsx";
import { setupMockApi } from "../../../mocks/node.ts";
import { testServices } from "../../../test/app-services.tsx";
import { useComposerColumns } from "./use-composer-columns.tsx";

setupMockApi();
afterEach(cleanup);

function Harness() {
  const { columns, status, openChooser, chooser } = useComposerColumns();
  return (
    <div>
      <p>status: {status}</p>
      <button type="button" onClick={openChooser}>
        Open chooser
      </button>
      <ol aria-label="Visible columns">
        {columns.map((column) => (
          <li key={column.key}>{column.key}</li>
        ))}
      </ol>
      {chooser}
    </div>
  );
}

function renderHarness() {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <AppServicesProvider services={testServices()}>
        <Harness />
      </AppServicesProvider>
    </QueryClientProvider>,
  );
}

const visibleKeys = () =>
  within(screen.getByRole("list", { name: "Visible columns" }))
    .queryAllByRole("listitem")
    .map((item) => item.textContent);

describe("column chooser", () => {
  beforeEach(() => localStorage.clear());

  it("starts from the default layout built from the property definitions and labels", async () => {
    renderHarness();
    await screen.findByText("status: success");
    await waitFor(() => expect(visibleKeys()).toContain("assoc:companies:HUBSPOT_DEFINED:71"));
    expect(visibleKeys().slice(0, 6)).toEqual([
      "hs_title",
      "hs_expiration_date",
      "hs_status",
      "hs_currency",
      "hs_language",
      "hs_locale",
    ]);
  });

  it("searches writable properties only, shows hidden ones on request, adds and reorders, and remembers", async () => {
    const user = userEvent.setup();
    const view = renderHarness();
    await screen.findByText("status: success");
    await user.click(screen.getByRole("button", { name: "Open chooser" }));
    const dialog = await screen.findByRole("dialog", { name: "Choose columns" });
    const search = within(dialog).getByRole("searchbox", { name: "Search properties" });

    await user.type(search, "quote number");
    expect(within(dialog).getByText(/No property matches/)).toBeInTheDocument();

    await user.clear(search);
    await user.type(search, "source app");
    expect(within(dialog).queryByRole("checkbox", { name: /Source app/ })).toBeNull();
    await user.click(within(dialog).getByRole("checkbox", { name: "Show hidden properties" }));
    expect(within(dialog).getByRole("checkbox", { name: /Source app/ })).toBeInTheDocument();

    await user.clear(search);
    await user.type(search, "contract_term");
    await user.click(within(dialog).getByRole("checkbox", { name: /Contract term/ }));
    await user.click(within(dialog).getByRole("button", { name: "Move Contract term (months) up" }));
    await user.click(within(dialog).getByRole("button", { name: "Remove Quote template" }));
    await user.click(within(dialog).getByRole("button", { name: "Apply" }));

    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    const keys = visibleKeys();
    expect(keys.at(-2)).toBe("contract_term_months");
    expect(keys.at(-1)).toBe("assoc:companies:HUBSPOT_DEFINED:71");
    expect(keys).not.toContain("assoc:quote_template:HUBSPOT_DEFINED:286");

    view.unmount();
    renderHarness();
    await screen.findByText("status: success");
    await waitFor(() => expect(visibleKeys()).toEqual(keys));
  });

  it("offers USER_DEFINED association labels", async () => {
    const user = userEvent.setup();
    renderHarness();
    await screen.findByText("status: success");
    await user.click(screen.getByRole("button", { name: "Open chooser" }));
    const dialog = await screen.findByRole("dialog", { name: "Choose columns" });
    await user.type(within(dialog).getByRole("searchbox", { name: "Search properties" }), "decision");
    expect(
      await within(dialog).findByRole("checkbox", { name: "Contact: Decision maker" }),
    ).toBeInTheDocument();
  });

  it("has no serious or critical accessibility violations when open", async () => {
    const user = userEvent.setup();
    renderHarness();
    await screen.findByText("status: success");
    await user.click(screen.getByRole("button", { name: "Open chooser" }));
    const dialog = await screen.findByRole("dialog", { name: "Choose columns" });
    // Colour contrast needs layout, which jsdom does not do; the e2e axe scan covers it.
    const result = await axe.run(dialog, { rules: { "color-contrast": { enabled: false } } });
    const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes[0]?.html}`)).toEqual([]);
  });
});
