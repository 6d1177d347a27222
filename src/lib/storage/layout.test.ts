import { describe, expect, it } from "vitest";
import { loadColumnLayout, saveColumnLayout } from "./layout.ts";

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
  };
}

describe("column layout storage", () => {
  it("round-trips a layout", () => {
    const storage = memoryStorage();
    saveColumnLayout({ version: 1, columns: ["hs_title", "hs_status"] }, storage);
    expect(loadColumnLayout(storage)).toEqual({ version: 1, columns: ["hs_title", "hs_status"] });
  });

  it("ignores corrupt or old-format layouts instead of failing", () => {
    const key = "quote-batch-composer:column-layout";
    expect(loadColumnLayout(memoryStorage({ [key]: "{oops" }))).toBeUndefined();
    expect(loadColumnLayout(memoryStorage({ [key]: JSON.stringify({ columns: "x" }) }))).toBeUndefined();
    expect(loadColumnLayout(memoryStorage())).toBeUndefined();
    expect(loadColumnLayout(undefined)).toBeUndefined();
  });
});
