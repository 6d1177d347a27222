import { describe, expect, it } from "vitest";
import { BatchCreateRequest } from "../../hubspot/batch-create.ts";
import { createRow } from "../batch/row.ts";
import { chunk } from "./chunk.ts";
import { serialiseRow } from "./serialise.ts";

describe("serialiseRow", () => {
  it("sends only non-empty writable values, associations: [] and the row id as trace id", () => {
    const row = createRow({ hs_title: "A", hs_status: "", hs_quote_amount: "12", hs_locked: "x" }, "r1");
    const { input } = serialiseRow(row, { isWritable: (name) => name !== "hs_quote_amount" });
    expect(input).toEqual({
      properties: { hs_title: "A", hs_locked: "x" },
      associations: [],
      objectWriteTraceId: "r1",
    });
    expect(BatchCreateRequest.safeParse({ inputs: [input] }).success).toBe(true);
  });

  it("merges a record named in several columns of one target into one input with several types", () => {
    const row = createRow(
      {
        "assoc:contacts:HUBSPOT_DEFINED:69": "11; 12",
        "assoc:contacts:HUBSPOT_DEFINED:702": "11",
        "assoc:deals:HUBSPOT_DEFINED:64": "11",
        "assoc:deals:USER_DEFINED:9": "",
      },
      "r2",
    );
    const { input } = serialiseRow(row);
    expect(input.associations).toEqual([
      {
        to: { id: "11" },
        types: [
          { associationCategory: "HUBSPOT_DEFINED", associationTypeId: 69 },
          { associationCategory: "HUBSPOT_DEFINED", associationTypeId: 702 },
        ],
      },
      { to: { id: "12" }, types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 69 }] },
      { to: { id: "11" }, types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 64 }] },
    ]);
  });

  it("stamps the unique property unless the row already has a value", () => {
    const stamp = { propertyName: "batch_row_key", valueFor: (r: { id: string }) => `k-${r.id}` };
    expect(serialiseRow(createRow({ hs_title: "A" }, "r1"), { stamp })).toMatchObject({
      uniqueValue: "k-r1",
      input: { properties: { batch_row_key: "k-r1" } },
    });
    expect(serialiseRow(createRow({ batch_row_key: "mine" }, "r2"), { stamp }).uniqueValue).toBe("mine");
  });
});

describe("chunk", () => {
  it("splits into groups of at most 100", () => {
    const groups = chunk(Array.from({ length: 250 }, (_, i) => i));
    expect(groups.map((g) => g.length)).toEqual([100, 100, 50]);
    expect(chunk([])).toEqual([]);
  });
});
