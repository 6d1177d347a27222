import { describe, expect, it } from "vitest";
import type { ProductSummary, ResolvedProducts } from "../api/search-products.ts";
import { ProductDirectory } from "./product-directory.ts";

const product = (id: string, price: number): ProductSummary => ({
  id,
  name: `P${id}`,
  sku: id === "1" ? "SKU-1" : undefined,
  price,
  prices: {},
  billingPeriod: undefined,
});

describe("ProductDirectory", () => {
  it("resolves ids for the reference checker and remembers names, prices and missing ids", async () => {
    const directory = new ProductDirectory(
      async (ids): Promise<ResolvedProducts> => ({
        found: new Map(ids.filter((id) => id !== "9").map((id) => [id, product(id, 10)])),
        missing: ids.filter((id) => id === "9"),
      }),
    );
    const answer = directory.resolve(["1", "2", "9"]);
    expect(directory.status("1")).toBe("loading");
    const result = await answer;
    expect(result.found.get("1")).toEqual({ id: "1", name: "P1", detail: "SKU-1" });
    expect(result.missing).toEqual(["9"]);
    expect(directory.price(" 2 ")).toBe(10);
    expect(directory.status("9")).toBe("missing");
    expect(directory.status("abc")).toBe("unknown");
  });

  it("marks ids whose lookup failed and rethrows, so the checker asks again later", async () => {
    let fail = true;
    const directory = new ProductDirectory(async (ids) => {
      if (fail) throw new Error("offline");
      return { found: new Map(ids.map((id) => [id, product(id, 5)])), missing: [] };
    });
    await expect(directory.resolve(["3"])).rejects.toThrow("offline");
    expect(directory.status("3")).toBe("error");
    fail = false;
    await directory.resolve(["3"]);
    expect(directory.status("3")).toBe("found");
  });

  it("knows a product picked in a lookup at once", () => {
    const directory = new ProductDirectory(async () => ({ found: new Map(), missing: [] }));
    directory.remember(product("7", 70));
    expect(directory.status("7")).toBe("found");
    expect(directory.price("7")).toBe(70);
  });
});

describe("ProductDirectory.matchTerms", () => {
  it("turns names and SKUs into product ids and remembers the products found", async () => {
    const searched: string[][] = [];
    const directory = new ProductDirectory(
      async () => ({ found: new Map(), missing: [] }),
      async (terms) => {
        searched.push([...terms]);
        return [product("1", 10), { ...product("2", 20), name: "Gadget" }];
      },
    );
    const matches = await directory.matchTerms(["sku-1", "gadget", "nope"]);
    expect(searched).toEqual([["sku-1", "gadget", "nope"]]);
    expect(Object.fromEntries(matches)).toEqual({
      "sku-1": { kind: "found", id: "1" },
      gadget: { kind: "found", id: "2" },
      nope: { kind: "none" },
    });
    expect(directory.status("2")).toBe("found");
  });
});
