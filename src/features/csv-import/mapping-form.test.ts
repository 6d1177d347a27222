import { describe, expect, it } from "vitest";
import { buildTargets } from "../../domain/csv/targets.ts";
import { TEST_PROPERTIES } from "../../domain/csv/test-targets.ts";
import { duplicateOf, initialMatches, mappingSchema, toRemembered } from "./mapping-form.ts";

const targets = buildTargets(TEST_PROPERTIES);

describe("mapping form", () => {
  it("re-applies a remembered mapping by normalised header, and auto-matches the rest", () => {
    const headers = ["Title", "Notes", "Mystery"];
    const remembered = toRemembered(headers, {
      columns: [{ target: "hs_title" }, { target: "" }, { target: "hs_comments" }],
      mode: "append",
    });
    const matches = initialMatches(["TITLE", "notes", "Mystery", "Discount"], targets, remembered);
    expect(matches.map((m) => m.targetKey)).toEqual(["hs_title", null, "hs_comments", "hs_discount"]);
    expect(matches.map((m) => m.confidence.kind)).toEqual([
      "remembered",
      "remembered",
      "remembered",
      "exact",
    ]);
  });

  it("refuses two columns on one target, naming the first", () => {
    const schema = mappingSchema(["Title", "Name"]);
    const result = schema.safeParse({
      columns: [{ target: "hs_title" }, { target: "hs_title" }],
      mode: "append",
    });
    expect(result.success).toBe(false);
    expect(duplicateOf(result.error?.issues[0]?.message)).toBe("Title");
    expect(duplicateOf("Required")).toBeUndefined();
  });
});
