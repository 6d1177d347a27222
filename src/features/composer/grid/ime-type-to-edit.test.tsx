// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/react";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { BatchStore } from "../../../domain/batch/batch-store.ts";
import { createRow } from "../../../domain/batch/row.ts";
import { AppServicesProvider } from "../../../lib/services/app-services-context.tsx";
import { setupMockApi } from "../../../mocks/node.ts";
import { testServices } from "../../../test/app-services.tsx";
import { ComposerPage } from "../composer-page.tsx";
import { stubLayout } from "./jsdom-layout.ts";

setupMockApi();
beforeAll(() => stubLayout());
afterEach(cleanup);

async function setup() {
  const store = new BatchStore([createRow({ hs_title: "Old" }, "a")]);
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <QueryClientProvider client={client}>
      <AppServicesProvider services={testServices({ batch: store })}>
        <ComposerPage />
      </AppServicesProvider>
    </QueryClientProvider>,
  );
  const grid = screen.getByRole("grid", { name: "Quotes" });
  await within(grid).findByRole("columnheader", { name: /Quote name/ });
  return { store, grid };
}

describe("type-to-edit with an input method (IME)", () => {
  it("opens an empty editor on the composing key, keeps the composition, and Enter inside it does not commit", async () => {
    const { store, grid } = await setup();
    grid.focus();
    // What Chrome sends when a Japanese IME takes the first key: key "Process", keyCode 229.
    const keydown = fireEvent.keyDown(grid, { key: "Process", code: "KeyK", keyCode: 229 });
    expect(keydown).toBe(true); // not prevented: that would cancel the composition
    const editor = screen.getByRole("textbox", { name: /^Quote name, row \d+$/ });
    expect(editor).toHaveFocus();
    expect(editor).toHaveValue("");

    fireEvent.compositionStart(editor);
    fireEvent.change(editor, { target: { value: "かぶしき" } });
    // Enter confirms the IME's candidate, not the cell.
    fireEvent.keyDown(editor, { key: "Enter", keyCode: 229, isComposing: true });
    fireEvent.change(editor, { target: { value: "株式" } });
    fireEvent.compositionEnd(editor, { data: "株式" });
    expect(store.rows[0]?.cells.hs_title).toBe("Old");
    expect(editor).toHaveValue("株式");

    fireEvent.keyDown(editor, { key: "Enter" });
    expect(store.rows[0]?.cells.hs_title).toBe("株式");
  });
});
