import { describe, expect, it } from "vitest";
import { BatchStore } from "../../../domain/batch/batch-store.ts";
import { createRow } from "../../../domain/batch/row.ts";
import { availableColumns } from "../../../domain/columns/build-columns.ts";
import { applyLayout } from "../../../domain/columns/layout.ts";
import { QUOTE_PROPERTIES } from "../../../domain/columns/property-fixtures.ts";
import { validationHubFor } from "./validation-hub.ts";

const DEAL = "assoc:deals:HUBSPOT_DEFINED:64";
const columns = applyLayout(availableColumns(QUOTE_PROPERTIES, {}), undefined);
const rows = Array.from({ length: 50 }, (_, i) =>
  createRow({ hs_title: `Q${i}`, [DEAL]: String(i) }, `r${i}`),
);

describe("ValidationHub", () => {
  it("is shared per store and re-checks nothing when only widths or labels change", () => {
    const store = new BatchStore(rows);
    const hub = validationHubFor(store);
    expect(validationHubFor(store)).toBe(hub);
    const input = { properties: QUOTE_PROPERTIES, columns, today: "2026-11-29" };
    hub.configure(input);
    const checked = hub.validator.rowsChecked;
    expect(checked).toBe(50);
    hub.configure({ ...input });
    hub.configure({ ...input, columns: columns.map((c) => ({ ...c, width: c.width + 10 })) });
    expect(hub.validator.rowsChecked).toBe(checked);
    hub.configure({ ...input, today: "2026-11-30" });
    expect(hub.validator.rowsChecked).toBe(checked + 50);
  });

  it("re-checks only rows citing ids newly known to be missing", () => {
    const store = new BatchStore(rows);
    const hub = validationHubFor(store);
    const input = { properties: QUOTE_PROPERTIES, columns, today: "2026-11-29" };
    hub.configure(input);
    const checked = hub.validator.rowsChecked;
    hub.configure({ ...input, isMissing: (type, id) => type === "deals" && (id === "3" || id === "7") });
    expect(hub.validator.rowsChecked - checked).toBe(2);
    expect(hub.validator.issueFor("r7", DEAL)?.message).toBe(
      "Deal 7 was not found. Pick an existing deal or remove the id.",
    );
  });
});
