// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { BatchStore } from "../../domain/batch/batch-store.ts";
import { createRow } from "../../domain/batch/row.ts";
import { AnnouncerProvider } from "../../lib/announcer/announcer-context.tsx";
import { AppServicesProvider } from "../../lib/services/app-services-context.tsx";
import { setupMockApi } from "../../mocks/node.ts";
import { testServices } from "../../test/app-services.tsx";
import { ComposerPage } from "./composer-page.tsx";
import { stubLayout } from "./grid/jsdom-layout.ts";

setupMockApi();
beforeAll(() => stubLayout());
afterEach(cleanup);

async function setup(rows = [createRow({ hs_title: "First", hs_expiration_date: "2030-01-01" }, "a")]) {
  const store = new BatchStore(rows);
  const user = userEvent.setup();
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const services = testServices({ batch: store });
  render(
    <QueryClientProvider client={client}>
      <AppServicesProvider services={services}>
        <AnnouncerProvider announcer={services.announcer}>
          <ComposerPage />
        </AnnouncerProvider>
      </AppServicesProvider>
    </QueryClientProvider>,
  );
  const grid = screen.getByRole("grid", { name: "Quotes" });
  // Columns come from the property definitions, fetched through the proxy (msw over the simulator).
  await within(grid).findByRole("columnheader", { name: /Quote name/ });
  return { store, user, grid, announcer: services.announcer };
}

function paste(target: Element | Document, text: string) {
  fireEvent.paste(target, {
    clipboardData: { getData: (type: string) => (type === "text/plain" ? text : "") },
  });
}

const cellText = (grid: HTMLElement, row: number, col: number) =>
  within(grid).getAllByRole("row")[row]!.querySelectorAll('[role="gridcell"]')[col]?.textContent;

describe("ComposerPage grid", () => {
  it("is a labelled ARIA grid with headers, row headers and counts", async () => {
    const { grid } = await setup();
    expect(grid).toHaveAttribute("aria-rowcount", "2");
    expect(within(grid).getByRole("columnheader", { name: /Quote name/ })).toBeInTheDocument();
    expect(within(grid).getByRole("rowheader", { name: /^1, ?No lines$/ })).toBeInTheDocument();
    expect(within(grid).getAllByRole("gridcell")[0]).toHaveTextContent("First");
  });

  it("types over a cell, commits with Enter, moves down, and undoes with Ctrl+Z", async () => {
    const { grid, store, user } = await setup([createRow({}, "a"), createRow({}, "b")]);
    grid.focus();
    await user.keyboard("Hello");
    expect(screen.getByRole("textbox", { name: /^Quote name, row \d+$/ })).toHaveValue("Hello");
    await user.keyboard("{Enter}");
    expect(store.rows[0]?.cells.hs_title).toBe("Hello");
    expect(grid).toHaveFocus();
    expect(grid.getAttribute("aria-activedescendant")).toMatch(/-r1-c0$/);
    await user.keyboard("{Control>}z{/Control}");
    expect(store.rows[0]?.cells.hs_title ?? "").toBe("");
    await user.keyboard("{Control>}y{/Control}");
    expect(store.rows[0]?.cells.hs_title).toBe("Hello");
  });

  it("Tab commits and moves right; Escape cancels; F2 edits the existing value", async () => {
    const { grid, store, user } = await setup();
    grid.focus();
    await user.keyboard("{F2}");
    const input = screen.getByRole("textbox", { name: /^Quote name, row \d+$/ });
    expect(input).toHaveValue("First");
    await user.keyboard(" quote{Tab}");
    expect(store.rows[0]?.cells.hs_title).toBe("First quote");
    expect(grid.getAttribute("aria-activedescendant")).toMatch(/-r0-c1$/);
    await user.keyboard("2031/2/3{Escape}");
    expect(store.rows[0]?.cells.hs_expiration_date).toBe("2030-01-01");
    await user.keyboard("2031/2/3{Enter}");
    expect(store.rows[0]?.cells.hs_expiration_date).toBe("2031-02-03");
  });

  it("pastes TSV at the active cell, adds rows, reports extra columns, and undoes in one step", async () => {
    const { grid, store, user, announcer } = await setup([]);
    expect(screen.getByText("Drop a CSV or paste from a spreadsheet")).toBeInTheDocument();
    grid.focus();
    const many = Array.from({ length: 5 }, (_, i) => `Q${i}\t2030-01-0${i + 1}`).join("\r\n");
    act(() => paste(grid, `${many}\r\n`));
    expect(store.rows).toHaveLength(5);
    expect(store.rows[4]?.cells).toMatchObject({ hs_title: "Q4", hs_expiration_date: "2030-01-05" });
    // Shown beside the grid and said once by the app's one live region (not a second live region).
    expect(document.querySelector(".composer-status")).toHaveTextContent("Pasted 10 cells and added 5 rows.");
    expect(announcer.history).toContain("Pasted 10 cells and added 5 rows.");
    await user.keyboard("{Control>}z{/Control}");
    expect(store.rows).toHaveLength(0);
    expect(announcer.history.at(-1)).toBe("Undid paste.");

    // With nothing focused (after a click on the empty state), Ctrl+V still lands in the grid.
    grid.blur();
    act(() => paste(document, "Loose\t2030-02-02\r\n"));
    expect(store.rows[0]?.cells.hs_title).toBe("Loose");
    await user.keyboard("{Control>}z{/Control}");

    const wide = `Name${"\tx".repeat(30)}\tSurplus\r\n`;
    act(() => paste(grid, wide));
    expect(screen.getByText(/pasted columns did not fit/)).toHaveTextContent(
      /\d+ pasted columns did not fit and were not pasted \(first row: “x”/,
    );
  });

  it("selects with Shift+arrows, clears with Delete, fills down with Ctrl+D and copies TSV", async () => {
    const rows = ["A", "B", "C"].map((t, i) =>
      createRow({ hs_title: t, hs_expiration_date: "2030-01-01" }, `r${i}`),
    );
    const { grid, store, user } = await setup(rows);
    grid.focus();
    await user.keyboard("{Shift>}{ArrowDown}{ArrowDown}{/Shift}");
    expect(within(grid).getAllByRole("gridcell", { selected: true })).toHaveLength(3);
    await user.keyboard("{Control>}d{/Control}");
    expect(store.rows.map((row) => row.cells.hs_title)).toEqual(["A", "A", "A"]);
    let copied = "";
    fireEvent.copy(grid, { clipboardData: { setData: (_t: string, v: string) => (copied = v) } });
    expect(copied).toBe("A\r\nA\r\nA\r\n");
    await user.keyboard("{Delete}");
    expect(store.rows.map((row) => row.cells.hs_title)).toEqual(["", "", ""]);
    expect(cellText(grid, 1, 0)).toContain("");
  });

  it("edits a select with labels and stores the value; shows invalid cells with a message", async () => {
    const { grid, store, user } = await setup([
      createRow({ hs_title: "", hs_expiration_date: "2030-01-01" }, "a"),
    ]);
    const title = within(grid).getAllByRole("gridcell")[0]!;
    expect(title).toHaveAttribute("aria-invalid", "true");
    expect(title).toHaveAccessibleDescription(/Error:/);
    grid.focus();
    await user.keyboard("{ArrowRight}{ArrowRight}{Enter}");
    const select = screen.getByRole("combobox", { name: /^Quote approval status, row \d+$/ });
    await user.selectOptions(select, "Approved");
    await user.keyboard("{Enter}");
    expect(store.rows[0]?.cells.hs_status).toBe("APPROVED");
    expect(within(grid).getAllByRole("gridcell")[2]).toHaveTextContent("Approved");
  });

  it("edits a multi-line quote name in a text area that keeps its line break", async () => {
    const { grid, store, user } = await setup([
      createRow({ hs_title: "Multi\nline", hs_expiration_date: "2030-01-01" }, "a"),
    ]);
    grid.focus();
    await user.keyboard("{F2}");
    const editor = screen.getByRole("textbox", { name: /^Quote name, row \d+$/ });
    expect(editor.tagName).toBe("TEXTAREA");
    expect(editor).toHaveValue("Multi\nline");
    await user.keyboard("{Enter}");
    expect(store.rows[0]?.cells.hs_title).toBe("Multi\nline");
  });

  it("typing a name into a Deal cell starts the deal lookup with it, instead of storing a bad id", async () => {
    const { grid, store, user } = await setup();
    const headers = within(grid).getAllByRole("columnheader");
    const deal = headers.findIndex((header) => /^Deal/.test(header.textContent ?? ""));
    // Column headers include the row-number corner: data column = header index - 1.
    grid.focus();
    await user.keyboard("{ArrowRight}".repeat(deal - 1));
    await user.keyboard("Acme");
    const search = screen.getByRole("combobox", { name: /^Deal, row \d+$/ });
    expect(search).toHaveValue("Acme");
    await user.keyboard("{Escape}{Escape}");
    expect(store.rows[0]?.cells["assoc:deals:HUBSPOT_DEFINED:64"] ?? "").toBe("");
  });

  it("inserts, duplicates and deletes rows from the toolbar, with labelled undo", async () => {
    const rows = ["A", "B"].map((t, i) =>
      createRow({ hs_title: t, hs_expiration_date: "2030-01-01" }, `r${i}`),
    );
    const { grid, store, user } = await setup(rows);
    grid.focus();
    await user.keyboard("{ArrowDown}");
    await user.click(screen.getByRole("button", { name: "Duplicate row" }));
    expect(store.rows.map((row) => row.cells.hs_title)).toEqual(["A", "B", "B"]);
    expect(screen.getByRole("button", { name: "Undo duplicate row" })).toBeEnabled();
    await user.click(screen.getByRole("button", { name: "Insert row" }));
    expect(store.rows.map((row) => row.cells.hs_title ?? "")).toEqual(["A", "", "B", "B"]);
    await user.click(screen.getByRole("button", { name: "Delete row" }));
    expect(store.rows.map((row) => row.cells.hs_title)).toEqual(["A", "B", "B"]);
    await user.click(screen.getByRole("button", { name: "Undo delete row" }));
    expect(store.rows).toHaveLength(4);
    await user.click(screen.getByRole("button", { name: "Redo delete row" }));
    expect(store.rows).toHaveLength(3);
  });
});
