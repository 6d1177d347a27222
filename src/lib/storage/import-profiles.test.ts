import { describe, expect, it } from "vitest";
import { createProfile } from "../../domain/csv/import-profile.ts";
import { ImportProfileStore } from "./import-profiles.ts";

function memoryStorage() {
  const data = new Map<string, string>();
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
    removeItem: (key: string) => void data.delete(key),
    data,
  };
}

const profile = (name: string) =>
  createProfile({ name, headers: ["Title"], targets: ["hs_title"], savedAt: "2026-12-01T00:00:00.000Z" });

describe("ImportProfileStore", () => {
  it("saves, replaces by name, removes, and survives a reload; corrupt storage reads as none", () => {
    const storage = memoryStorage();
    const store = new ImportProfileStore(storage);
    store.save(profile("Renewals"));
    store.save(profile("EU"));
    store.save(profile("renewals"));
    expect(store.getSnapshot().map((p) => p.name)).toEqual(["renewals", "EU"]);
    expect(new ImportProfileStore(storage).getSnapshot()).toHaveLength(2);
    store.remove("EU");
    expect(new ImportProfileStore(storage).getSnapshot().map((p) => p.name)).toEqual(["renewals"]);
    storage.data.set("quote-batch-composer:import-profiles", "{broken");
    expect(new ImportProfileStore(storage).getSnapshot()).toEqual([]);
  });
});
