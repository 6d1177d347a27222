import { describe, expect, it } from "vitest";
import type { ProductSummary, ResolvedProducts } from "../api/search-products.ts";
import { ProductDirectory } from "./product-directory.ts";

const product = (id: string, price: number): ProductSummary => ({
  id,
  name: `P${id}`,
  sku: undefined,
  price,
  prices: {},
  billingPeriod: undefined,
});

describe("ProductDirectory", () => {
  it("coalesces ids into one lookup and remembers found and missing ones", async () => {
    const calls: string[][] = [];
    const directory = new ProductDirectory(async (ids): Promise<ResolvedProducts> => {
      calls.push([...ids]);
      return {
        found: new Map(ids.filter((id) => id !== "9").map((id) => [id, product(id, 10)])),
        missing: ["9"],
      };
    });
    directory.request(["1", "2", " 1 ", "abc"]);
    directory.request(["9"]);
    expect(directory.status("1")).toBe("loading");
    await directory.settled();
    expect(calls).toEqual([["1", "2", "9"]]);
    expect(directory.price("2")).toBe(10);
    expect(directory.status("9")).toBe("missing");
    expect(directory.status("abc")).toBe("unknown");
    directory.request(["1", "9"]);
    await directory.settled();
    expect(calls).toHaveLength(1);
  });

  it("marks ids whose lookup failed and asks again on retry", async () => {
    let fail = true;
    const directory = new ProductDirectory(async (ids) => {
      if (fail) throw new Error("offline");
      return { found: new Map(ids.map((id) => [id, product(id, 5)])), missing: [] };
    });
    directory.request(["3"]);
    await directory.settled();
    expect(directory.status("3")).toBe("error");
    fail = false;
    directory.retry();
    await directory.settled();
    expect(directory.status("3")).toBe("found");
  });
});
