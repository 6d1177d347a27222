// @vitest-environment jsdom
import { act, cleanup, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ColumnDef } from "../../../domain/columns/column-def.ts";
import { TEST_PROPERTIES } from "../../../domain/csv/test-targets.ts";
import type { CellIssue } from "../../../domain/validation/issue.ts";
import { disposeTestServices, TestProviders, testServices } from "../../../test/app-services.tsx";
import { selectionAfterEdit, useEditSession } from "./use-edit-session.ts";

afterEach(() => {
  cleanup();
  disposeTestServices();
});

const columns: readonly ColumnDef[] = TEST_PROPERTIES.filter((property) =>
  ["hs_title", "hs_expiration_date"].includes(property.name),
).map((property) => ({
  kind: "property",
  key: property.name,
  label: property.label,
  property,
  pinned: true,
  width: 120,
}));

function setup(issueFor: (id: string, key: string) => CellIssue | undefined) {
  const services = testServices();
  const focusGrid = vi.fn();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <TestProviders services={services}>{children}</TestProviders>
  );
  const hook = renderHook(
    ({ version }: { version: number }) =>
      useEditSession({ columns, focusGrid, issueFor, issuesVersion: version }),
    { wrapper, initialProps: { version: 0 } },
  );
  return { hook, focusGrid, spoken: () => [...services.announcer.history] };
}

describe("useEditSession", () => {
  it("cancelling an edit returns to the grid and says the cell is unchanged", () => {
    const { hook, focusGrid, spoken } = setup(() => undefined);
    act(() => hook.result.current.setEditing({ row: 2, col: 1, seed: "x" }));
    expect(hook.result.current.editing).toEqual({ row: 2, col: 1, seed: "x" });
    expect(hook.result.current.editingRef.current).toEqual({ row: 2, col: 1, seed: "x" });
    act(() => hook.result.current.cancelEdit());
    expect(hook.result.current.editing).toBeNull();
    expect(focusGrid).toHaveBeenCalledOnce();
    expect(spoken()).toEqual(["Edit canceled; Expiration date in row 3 is unchanged."]);
  });

  it("says a committed value's problem once the issues are current, and only once", () => {
    let issue: CellIssue | undefined;
    const { hook, spoken } = setup((id, key) => (id === "q1" && key === "hs_title" ? issue : undefined));
    act(() => hook.result.current.checkLater({ id: "q1", key: "hs_title", row: 4, column: "Quote name" }));
    // Validation catches up: a new version of the issues holds the problem.
    issue = { rowId: "q1", severity: "error", columnKey: "hs_title", message: { code: "required.title" } };
    hook.rerender({ version: 1 });
    expect(spoken()).toHaveLength(1);
    expect(spoken()[0]).toBe("Row 4, Quote name: Error: Enter a quote name: every quote needs one.");
    hook.rerender({ version: 2 });
    expect(spoken()).toHaveLength(1);
  });

  it("says nothing when the committed value is valid", () => {
    const { hook, spoken } = setup(() => undefined);
    act(() => hook.result.current.checkLater({ id: "q1", key: "hs_title", row: 1, column: "Quote name" }));
    hook.rerender({ version: 1 });
    expect(spoken()).toEqual([]);
  });
});

describe("selectionAfterEdit", () => {
  const size = { rows: 3, cols: 2 };
  it("Enter moves down, Shift+Enter up, Tab right, Shift+Tab left, a click away nowhere", () => {
    const at = { row: 1, col: 0, seed: undefined };
    expect(selectionAfterEdit(at, "down", size)?.active).toEqual({ row: 2, col: 0 });
    expect(selectionAfterEdit(at, "up", size)?.active).toEqual({ row: 0, col: 0 });
    expect(selectionAfterEdit(at, "right", size)?.active).toEqual({ row: 1, col: 1 });
    expect(selectionAfterEdit({ ...at, col: 1 }, "left", size)?.active).toEqual({ row: 1, col: 0 });
    expect(selectionAfterEdit(at, "none", size)).toBeUndefined();
  });
});
