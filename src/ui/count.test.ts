import { describe, expect, it } from "vitest";
import { countOf } from "./count.ts";

describe("countOf", () => {
  it("picks the word by the count and formats the number", () => {
    expect(countOf(1, "row")).toBe("1 row");
    expect(countOf(0, "row")).toBe("0 rows");
    expect(countOf(2, "match", "matches")).toBe("2 matches");
    expect(countOf(2000, "row")).toBe(`${(2000).toLocaleString()} rows`);
  });
});
