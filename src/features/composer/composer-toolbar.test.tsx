// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { act, cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BatchStore } from "../../domain/batch/batch-store.ts";
import { createRow } from "../../domain/batch/row.ts";
import { availableColumns } from "../../domain/columns/build-columns.ts";
import { applyLayout } from "../../domain/columns/layout.ts";
import { QUOTE_PROPERTIES } from "../../domain/columns/property-fixtures.ts";
import { BatchStoreProvider } from "../../lib/batch-store-context.tsx";
import { ComposerToolbar } from "./composer-toolbar.tsx";
import { validationHubFor } from "./panels/validation-hub.ts";

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const columns = applyLayout(availableColumns(QUOTE_PROPERTIES, {}), undefined);
const noop = () => {};

function Toolbar({ store }: { store: BatchStore }) {
  const counts = validationHubFor(store).validator.counts();
  return (
    <BatchStoreProvider store={store}>
      <ComposerToolbar
        rowCount={store.rows.length}
        selectedRows={1}
        undoLabel={undefined}
        redoLabel={undefined}
        errors={counts.errors}
        warnings={counts.warnings}
        onAddRow={noop}
        onInsertRow={noop}
        onDuplicateRows={noop}
        onDeleteRows={noop}
        onUndo={noop}
        onRedo={noop}
        onShowIssues={noop}
        onColumns={noop}
        onRowDetails={noop}
      />
    </BatchStoreProvider>
  );
}

describe("ComposerToolbar while a big import is checked", () => {
  it('says "Checking N rows…" instead of counts until every row is checked', () => {
    vi.useFakeTimers();
    const store = new BatchStore();
    validationHubFor(store).configure({ properties: QUOTE_PROPERTIES, columns, today: "2026-11-29" });
    const { rerender } = render(<Toolbar store={store} />);
    expect(screen.getByRole("status")).toHaveTextContent("");
    act(() => {
      store.apply({
        type: "replace-rows",
        rows: Array.from({ length: 2500 }, (_, i) => createRow({ hs_title: `Q${i}` }, `r${i}`)),
      });
    });
    expect(screen.getByRole("status")).toHaveTextContent("Checking 2,500 rows…");
    expect(screen.queryByRole("button", { name: /errors/ })).not.toBeInTheDocument();
    act(() => {
      vi.advanceTimersByTime(0);
    });
    expect(screen.getByRole("status")).toHaveTextContent("Checking 1,500 rows…");
    act(() => {
      vi.runAllTimers();
    });
    rerender(<Toolbar store={store} />);
    expect(screen.getByRole("status")).toHaveTextContent("");
    expect(screen.getByRole("button", { name: "2,500 errors" })).toBeInTheDocument();
  });
});
