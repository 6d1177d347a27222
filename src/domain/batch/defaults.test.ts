import { describe, expect, it } from "vitest";
import type { BatchChange } from "./batch-store.ts";
import { BatchStore } from "./batch-store.ts";
import { addDays, effectiveCells, isDefaulted, NO_DEFAULTS, relativeDays } from "./defaults.ts";
import { createRow } from "./row.ts";

const defaults = {
  cells: { hs_status: "DRAFT", hs_expiration_date: "+30 days", hs_language: "" },
  publish: false,
};

describe("effectiveCells", () => {
  it("takes the row's cell, else the default, resolving a relative expiration against today", () => {
    const row = createRow({ hs_title: "Q", hs_status: "APPROVAL_NOT_NEEDED", hs_language: "" });
    expect(effectiveCells(row, defaults, "2026-12-01")).toEqual({
      hs_title: "Q",
      hs_status: "APPROVAL_NOT_NEEDED",
      hs_language: "",
      hs_expiration_date: "2026-12-31",
    });
    expect(isDefaulted(row, defaults, "hs_expiration_date")).toBe(true);
    expect(isDefaulted(row, defaults, "hs_status")).toBe(false);
    expect(isDefaulted(row, defaults, "hs_language")).toBe(false);
  });

  it("keeps an absolute default date and a row's own date as they are", () => {
    const absolute = { cells: { hs_expiration_date: "2027-01-15" }, publish: false };
    expect(effectiveCells(createRow({}), absolute, "2026-12-01").hs_expiration_date).toBe("2027-01-15");
    const own = createRow({ hs_expiration_date: "2026-12-24" });
    expect(effectiveCells(own, defaults, "2026-12-01").hs_expiration_date).toBe("2026-12-24");
  });

  it("returns the row's own cells when no default applies (no allocation per row)", () => {
    const row = createRow({ hs_status: "DRAFT", hs_expiration_date: "2027-01-01" });
    expect(effectiveCells(row, defaults, "2026-12-01")).toBe(row.cells);
    expect(effectiveCells(row, NO_DEFAULTS, "2026-12-01")).toBe(row.cells);
  });

  it("reads +N, +N d and +N days, and nothing else, as relative", () => {
    expect(relativeDays("+30")).toBe(30);
    expect(relativeDays(" + 7 d ")).toBe(7);
    expect(relativeDays("+1 day")).toBe(1);
    expect(relativeDays("30")).toBeUndefined();
    expect(relativeDays("-3")).toBeUndefined();
    expect(relativeDays("2026-01-01")).toBeUndefined();
    expect(addDays("2026-02-27", 2)).toBe("2026-03-01");
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
  });
});

describe("set-defaults", () => {
  it("is one undoable step that re-checks every row", () => {
    const store = new BatchStore([createRow({}, "a")]);
    const changes: BatchChange[] = [];
    store.subscribe((change) => changes.push(change));
    store.apply({ type: "set-defaults", defaults });
    expect(store.defaults).toBe(defaults);
    expect(changes[0]?.touched).toBe("all");
    store.undo();
    expect(store.defaults).toBe(NO_DEFAULTS);
    store.redo();
    expect(store.defaults).toEqual(defaults);
  });

  it("is restored with a loaded draft, without history", () => {
    const store = new BatchStore();
    store.load([createRow({}, "a")], defaults);
    expect(store.defaults).toBe(defaults);
    expect(store.getSnapshot().canUndo).toBe(false);
    store.load([]);
    expect(store.defaults).toBe(NO_DEFAULTS);
  });
});
