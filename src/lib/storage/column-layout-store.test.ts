import { describe, expect, it, vi } from "vitest";
import { defaultLayout } from "../../domain/columns/layout.ts";
import { ColumnLayoutStore } from "./column-layout-store.ts";

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

describe("ColumnLayoutStore", () => {
  it("reveals imported columns after the default layout, once, and remembers them", () => {
    const storage = memoryStorage();
    const layout = new ColumnLayoutStore(storage);
    const listener = vi.fn();
    layout.subscribe(listener);
    layout.reveal(["hs_title", "hs_comments", "hs_esign_enabled", "hs_comments"]);
    expect(layout.getSnapshot()?.columns).toEqual([...defaultLayout(), "hs_comments", "hs_esign_enabled"]);
    layout.reveal(["hs_comments"]);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(new ColumnLayoutStore(storage).getSnapshot()?.columns.at(-1)).toBe("hs_esign_enabled");
  });

  it("keeps the user's order and widths when revealing", () => {
    const layout = new ColumnLayoutStore(memoryStorage());
    layout.set({ version: 1, columns: ["hs_title", "hs_status"], widths: { hs_status: 90 } });
    layout.reveal(["hs_comments"]);
    expect(layout.getSnapshot()).toEqual({
      version: 1,
      columns: ["hs_title", "hs_status", "hs_comments"],
      widths: { hs_status: 90 },
    });
  });
});
