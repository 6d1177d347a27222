import { describe, expect, it } from "vitest";
import { Property } from "../../hubspot/properties.ts";
import { TEST_PROPERTIES } from "./test-targets.ts";
import { unmappedColumns } from "./unmapped.ts";

const amount = Property.parse({
  name: "hs_quote_amount",
  label: "Quote amount",
  type: "number",
  fieldType: "number",
  groupName: "quoteinformation",
  calculated: true,
});

describe("columns that will not be imported", () => {
  it("lists every unmapped column and says when it is a property HubSpot fills itself", () => {
    const headers = ["Title", "Amount", "E-sign", "コメント", "Sent"];
    const keys = ["hs_title", null, null, null, "hs_sent_at"];
    expect(unmappedColumns(headers, keys, [...TEST_PROPERTIES, amount])).toEqual([
      { column: 1, header: "Amount", readOnlyLabel: "Quote amount" },
      { column: 2, header: "E-sign" },
      { column: 3, header: "コメント" },
    ]);
    expect(unmappedColumns(["Create date"], [null], TEST_PROPERTIES)).toEqual([
      { column: 0, header: "Create date", readOnlyLabel: "Create date" },
    ]);
  });
});
