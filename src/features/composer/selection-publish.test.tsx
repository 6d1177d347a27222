// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { BatchStore } from "../../domain/batch/batch-store.ts";
import { createRow } from "../../domain/batch/row.ts";
import { AppServicesProvider } from "../../lib/services/app-services-context.tsx";
import { setupMockApi } from "../../mocks/node.ts";
import { testServices } from "../../test/app-services.tsx";
import { ComposerPage } from "./composer-page.tsx";
import { stubLayout } from "./grid/jsdom-layout.ts";

setupMockApi();
beforeAll(() => stubLayout());
afterEach(cleanup);

describe("the grid publishes its selected rows", () => {
  it("as a row range whose ids resolve in batch order; a column move publishes nothing", async () => {
    const store = new BatchStore(["a", "b", "c", "d"].map((id) => createRow({ hs_title: id }, id)));
    const services = testServices({ batch: store });
    const gridSelection = services.selection;
    render(
      <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
        <AppServicesProvider services={services}>
          <ComposerPage />
        </AppServicesProvider>
      </QueryClientProvider>,
    );
    const grid = screen.getByRole("grid", { name: "Quotes" });
    await within(grid).findByRole("columnheader", { name: /Quote name/ });
    const user = userEvent.setup();
    grid.focus();
    await user.keyboard("{ArrowDown}{ArrowDown}{Shift>}{ArrowUp}{ArrowUp}{/Shift}");
    const selected = gridSelection.getSnapshot();
    expect(selected.count).toBe(3);
    expect(selected.rowIds()).toEqual(["a", "b", "c"]);
    await user.keyboard("{Shift>}{ArrowRight}{/Shift}");
    expect(gridSelection.getSnapshot()).toBe(selected);
    await user.keyboard("{ArrowDown}");
    expect(gridSelection.getSnapshot().count).toBe(1);
    cleanup();
    expect(gridSelection.getSnapshot().count).toBe(0);
  });
});
