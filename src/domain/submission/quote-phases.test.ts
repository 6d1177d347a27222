import { describe, expect, it } from "vitest";
import type { BatchResponse } from "../../hubspot/batch-create.ts";
import { createLine, createRow } from "../batch/row.ts";
import {
  incompleteQuotes,
  lineCreateInput,
  matchLines,
  planQuotes,
  publishOutcomes,
  retryIncomplete,
  syncQuotes,
} from "./quote-phases.ts";
import type { RowResult } from "./types.ts";

const row = createRow({ hs_title: "Q1" }, "r1", [
  createLine({ hs_product_id: "11", quantity: "2", price: "" }, "l1"),
  createLine({ hs_product_id: "12", quantity: "1", amount: "9" }, "l2"),
]);
const created = (outcome: RowResult["outcome"], hubspotId?: string): RowResult[] => [
  { rowId: "r1", rowNumber: 1, title: "Q1", outcome, ...(hubspotId ? { hubspotId } : {}) },
];

describe("planQuotes", () => {
  it("gives each line its position and key, drops empty and read-only values, and never publishes CPQ quotes", () => {
    const phases = planQuotes([row], {
      publish: true,
      system: "legacy",
      lineKey: "batch_line_key",
      isLineWritable: (name) => name !== "amount",
    });
    expect(phases.plan[0]?.lines).toEqual([
      {
        lineId: "l1",
        properties: { hs_product_id: "11", quantity: "2", hs_position_on_quote: "0", batch_line_key: "l1" },
      },
      {
        lineId: "l2",
        properties: { hs_product_id: "12", quantity: "1", hs_position_on_quote: "1", batch_line_key: "l2" },
      },
    ]);
    expect(phases.plan[0]?.publish).toBe(true);
    expect(planQuotes([row], { publish: true, system: "cpq" }).plan[0]?.publish).toBe(false);
    expect(lineCreateInput(phases.plan[0]!.lines[0]!, "900").associations).toEqual([
      { to: { id: "900" }, types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 68 }] },
    ]);
  });
});

describe("syncQuotes", () => {
  const phases = planQuotes([row], { publish: false, system: "legacy" });
  it("a quote created by this run sends its lines; one already in HubSpot reads its lines back first", () => {
    expect(syncQuotes(phases, created("created", "900")).progress[0]?.lines).toEqual({
      l1: { state: "todo" },
      l2: { state: "todo" },
    });
    const existing = syncQuotes(phases, created("exists", "900")).progress[0];
    expect(existing?.quote).toEqual({ state: "exists", id: "900" });
    expect(existing?.lines).toEqual({ l1: { state: "unknown" }, l2: { state: "unknown" } });
    expect(incompleteQuotes({ phases, rows: created("exists", "900") })).toEqual(["r1"]);
    expect(incompleteQuotes({ phases, rows: created("failed") })).toEqual([]);
  });

  it("retry makes failed lines sendable again and keeps done ones", () => {
    const synced = syncQuotes(phases, created("created", "900"));
    const p = synced.progress[0]!;
    const failed = {
      ...synced,
      progress: [
        {
          ...p,
          lines: {
            l1: { state: "done" as const, id: "1" },
            l2: { state: "failed" as const, error: { category: "X", message: "bad" } },
          },
        },
      ],
    };
    expect(retryIncomplete(failed).progress[0]?.lines).toEqual({
      l1: { state: "done", id: "1" },
      l2: { state: "todo" },
    });
  });
});

describe("reading answers", () => {
  it("publish results by quote id, errors by trace id (the row)", () => {
    const quotes = [
      { rowId: "r1", quoteId: "900" },
      { rowId: "r2", quoteId: "901" },
    ];
    const outcomes = publishOutcomes(quotes, {
      status: "COMPLETE",
      results: [
        { id: "900", properties: { hs_status: "APPROVAL_NOT_NEEDED" }, createdAt: "", updatedAt: "" },
      ],
      errors: [
        {
          status: "error",
          category: "VALIDATION_ERROR",
          message: "Quote 901 needs a template",
          context: { objectWriteTraceId: ["r2"] },
        },
      ],
      startedAt: "",
      completedAt: "",
    });
    expect(outcomes.get("r1")).toEqual({ state: "done" });
    expect(outcomes.get("r2")?.state).toBe("failed");
  });

  it("matches a quote's line items by key, else by position on the quote", () => {
    const phases = planQuotes([row], { publish: false, system: "legacy" });
    const items: BatchResponse["results"] = [
      { id: "70", properties: { hs_position_on_quote: "1" }, createdAt: "", updatedAt: "" },
      { id: "71", properties: { batch_line_key: "l1" }, createdAt: "", updatedAt: "" },
    ];
    const byPosition = matchLines(
      phases.plan,
      [{ rowId: "r1", quoteId: "900" }],
      new Map([["900", ["70"]]]),
      items,
      undefined,
    );
    expect([...(byPosition.get("r1") ?? [])]).toEqual([["l2", "70"]]);
    const byKey = matchLines(
      phases.plan,
      [{ rowId: "r1", quoteId: "900" }],
      new Map([["900", ["71"]]]),
      items,
      "batch_line_key",
    );
    expect([...(byKey.get("r1") ?? [])]).toEqual([["l1", "71"]]);
  });
});
