import { describe, expect, it } from "vitest";
import { createRow } from "../batch/row.ts";
import { priorQuotes } from "./prior-quotes.ts";
import { createSubmission, markRows } from "./state.ts";

function run(id: string, at: number, marks: [string, "created" | "exists" | "failed", string?][]) {
  const rows = ["a", "b", "c"].map((rowId, i) => ({
    row: createRow({ hs_title: rowId }, rowId),
    rowNumber: i + 1,
  }));
  const { state } = createSubmission({
    id,
    now: at,
    environment: { kind: "simulator" },
    rateLimit: { max: 100, intervalMs: 10_000 },
    rows,
  });
  return markRows(
    state,
    new Map(
      marks.map(([rowId, outcome, hubspotId]) => [rowId, hubspotId ? { outcome, hubspotId } : { outcome }]),
    ),
  );
}

describe("priorQuotes", () => {
  it("lists rows that a past submission created or found in HubSpot, the newest submission winning", () => {
    const first = run("s1", 1, [
      ["a", "created", "10"],
      ["b", "failed"],
    ]);
    const second = run("s2", 2, [
      ["a", "exists", "10"],
      ["b", "created", "20"],
    ]);
    const found = priorQuotes([second, first]);
    expect([...found.keys()].sort()).toEqual(["a", "b"]);
    expect(found.get("a")).toMatchObject({ hubspotId: "10", submissionId: "s2" });
    expect(found.get("b")).toMatchObject({ hubspotId: "20", submissionId: "s2" });
  });
});
