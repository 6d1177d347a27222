// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { HttpResponse, http } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { setupMockApi } from "../mocks/node.ts";
import { PropertiesView } from "./properties-view.tsx";
import { createQueryClient } from "./query-client.ts";

const api = setupMockApi();
afterEach(cleanup);

function renderView() {
  const client = createQueryClient();
  return render(
    <QueryClientProvider client={client}>
      <PropertiesView />
    </QueryClientProvider>,
  );
}

describe("PropertiesView", () => {
  it("lists the simulator's quote properties with their flags, and filters them", async () => {
    const user = userEvent.setup();
    renderView();
    const table = await screen.findByRole("table", { name: "Quote properties" });
    expect(within(table).getByRole("cell", { name: "hs_title" })).toBeInTheDocument();
    const amount = within(table).getByRole("cell", { name: "hs_quote_amount" }).closest("tr");
    expect(amount).not.toBeNull();
    if (amount) expect(within(amount).queryByText("Writable")).toBeNull();

    await user.selectOptions(screen.getByLabelText("Show"), "read-only");
    expect(within(table).queryByRole("cell", { name: "hs_title" })).toBeNull();
    await user.selectOptions(screen.getByLabelText("Show"), "all");
    await user.type(screen.getByLabelText("Search properties"), "expiration");
    expect(await screen.findByText(/Showing 1 of/)).toBeInTheDocument();
  });

  it("explains a failure in plain words and retries", async () => {
    const user = userEvent.setup();
    let calls = 0;
    api.server.use(
      http.get("/api/hubspot/crm/v3/properties/quotes", () => {
        calls++;
        return calls === 1
          ? HttpResponse.json({ category: "MISSING_SCOPES", message: "missing scope" }, { status: 403 })
          : HttpResponse.json({ results: [] });
      }),
    );
    renderView();
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("could not be loaded");
    expect(alert).toHaveTextContent(/missing a permission/);
    await user.click(within(alert).getByRole("button", { name: "Retry" }));
    expect(await screen.findByRole("heading", { name: "No quote properties" })).toBeInTheDocument();
  });
});
