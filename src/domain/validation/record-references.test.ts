import { describe, expect, it } from "vitest";
import { createRow } from "../batch/row.ts";
import { rowsReferencing } from "./record-references.ts";

describe("rowsReferencing", () => {
  it("finds the rows whose association cells hold a matching id", () => {
    const rows = [
      createRow({ "assoc:deals:HUBSPOT_DEFINED:64": "1", hs_title: "404" }, "a"),
      createRow({ "assoc:contacts:HUBSPOT_DEFINED:69": "7;404" }, "b"),
      createRow({ "assoc:deals:HUBSPOT_DEFINED:64": "404" }, "c"),
      createRow({ "assoc:bogus": "404" }, "d"),
    ];
    expect(rowsReferencing(rows, (type, id) => type === "deals" && id === "404")).toEqual(new Set(["c"]));
    expect(rowsReferencing(rows, (_, id) => id === "404")).toEqual(new Set(["b", "c"]));
  });
});
