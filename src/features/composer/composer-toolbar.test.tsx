// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { act, cleanup, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BatchStore } from "../../domain/batch/batch-store.ts";
import { createRow } from "../../domain/batch/row.ts";
import { availableColumns } from "../../domain/columns/build-columns.ts";
import { applyLayout } from "../../domain/columns/layout.ts";
import { QUOTE_PROPERTIES } from "../../domain/columns/property-fixtures.ts";
import type { AppServices } from "../../lib/services/app-services.ts";
import { AppServicesProvider } from "../../lib/services/app-services-context.tsx";
import { testServices } from "../../test/app-services.tsx";
import { ComposerToolbar } from "./composer-toolbar.tsx";

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const columns = applyLayout(availableColumns(QUOTE_PROPERTIES, {}), undefined);
const noop = () => {};

function Toolbar({ services }: { services: AppServices }) {
  const store = services.batch;
  const counts = services.validation.validator.counts();
  return (
    <AppServicesProvider services={services}>
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
    </AppServicesProvider>
  );
}

describe("ComposerToolbar while a big import is checked", () => {
  it('says "Checking N rows…" instead of counts until every row is checked', () => {
    vi.useFakeTimers();
    const store = new BatchStore();
    const services = testServices({ batch: store, now: () => new Date(2026, 10, 29) });
    services.validation.setRules({ properties: QUOTE_PROPERTIES, columns });
    const { rerender } = render(<Toolbar services={services} />);
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
      // Not runAllTimers: the services' midnight watch is an interval that never ends.
      vi.advanceTimersByTime(50);
    });
    rerender(<Toolbar services={services} />);
    expect(screen.getByRole("status")).toHaveTextContent("");
    expect(screen.getByRole("button", { name: "2,500 errors" })).toBeInTheDocument();
  });
});
