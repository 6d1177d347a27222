import { describe, expect, it } from "vitest";
import { associationColumns, availableColumns } from "./build-columns.ts";
import { chooserGroups } from "./chooser.ts";
import { applyLayout, columnsForRow, defaultLayout, moveColumn, toggleColumn } from "./layout.ts";
import { QUOTE_PROPERTIES } from "./property-fixtures.ts";

const labels = {
  contacts: [
    { category: "HUBSPOT_DEFINED" as const, typeId: 69, label: null },
    { category: "USER_DEFINED" as const, typeId: 901, label: "Decision maker" },
  ],
};

describe("available columns", () => {
  it("never offers read-only or calculated properties", () => {
    const keys = availableColumns(QUOTE_PROPERTIES, {}).map((column) => column.key);
    expect(keys).toContain("hs_title");
    expect(keys).not.toContain("hs_amount");
    expect(keys).not.toContain("hs_createdate");
  });

  it("adds USER_DEFINED labels from the labels endpoint next to HubSpot's defined types", () => {
    const columns = associationColumns(labels);
    const labelsByKey = new Map(columns.map((column) => [column.key, column.label]));
    expect(labelsByKey.get("assoc:contacts:USER_DEFINED:901")).toBe("Contact: Decision maker");
    expect(labelsByKey.get("assoc:contacts:HUBSPOT_DEFINED:69")).toBe("Contacts");
    expect(labelsByKey.get("assoc:deals:HUBSPOT_DEFINED:64")).toBe("Deal");
    expect(labelsByKey.get("assoc:contacts:HUBSPOT_DEFINED:702")).toBe("Contact: Signer");
  });
});

describe("layout", () => {
  const available = availableColumns(QUOTE_PROPERTIES, labels);

  it("defaults to the pinned two, status, currency, language and the four usual associations", () => {
    const keys = applyLayout(available, undefined).map((column) => column.key);
    expect(keys).toEqual([
      "hs_title",
      "hs_expiration_date",
      "hs_status",
      "hs_currency",
      "hs_language",
      "assoc:deals:HUBSPOT_DEFINED:64",
      "assoc:quote_template:HUBSPOT_DEFINED:286",
      "assoc:contacts:HUBSPOT_DEFINED:69",
      "assoc:companies:HUBSPOT_DEFINED:71",
    ]);
    expect(defaultLayout()).toContain("hs_locale");
  });

  it("offers no column of existing line items: a quote's lines are created, never borrowed from a deal", () => {
    expect(available.some((column) => column.key.startsWith("assoc:line_items:"))).toBe(false);
  });

  it("keeps pinned columns first and drops unknown, read-only and duplicate saved keys", () => {
    const saved = ["hs_discount", "gone_property", "hs_amount", "hs_discount", "hs_expiration_date"];
    const columns = applyLayout(available, saved);
    expect(columns.map((column) => column.key)).toEqual(["hs_title", "hs_expiration_date", "hs_discount"]);
    expect(columns[0]?.pinned).toBe(true);
  });

  it("moves and toggles unpinned columns only", () => {
    const keys = ["hs_title", "hs_expiration_date", "a", "b", "c"];
    expect(moveColumn(keys, "c", -1)).toEqual(["hs_title", "hs_expiration_date", "a", "c", "b"]);
    expect(moveColumn(keys, "a", -5)).toEqual(keys);
    expect(moveColumn(keys, "hs_title", 2)).toEqual(keys);
    expect(toggleColumn(keys, "hs_title", false)).toEqual(keys);
    expect(toggleColumn(keys, "b", false)).toEqual(["hs_title", "hs_expiration_date", "a", "c"]);
    expect(toggleColumn(keys, "d", true)).toEqual([...keys, "d"]);
  });
});

describe("chooser", () => {
  const available = availableColumns(QUOTE_PROPERTIES, labels);

  it("groups by HubSpot group, hides hidden properties unless asked, associations last", () => {
    const groups = chooserGroups(available, { search: "", showHidden: false });
    expect(groups.map((group) => group.title)).toEqual([
      "Pricing",
      "Quote",
      "Quote information",
      "Associations",
    ]);
    const all = groups.flatMap((group) => group.columns.map((column) => column.key));
    expect(all).not.toContain("hs_secret_flag");
    // The UI names HubSpot's own groups and the associations in the user's language.
    expect(groups.map((group) => group.known)).toEqual([
      undefined,
      undefined,
      "quoteinformation",
      "associations",
    ]);
    const withHidden = chooserGroups(available, { search: "", showHidden: true });
    expect(withHidden.map((group) => group.title)).toContain("Internal");
  });

  it("searches labels and internal names, case-insensitively", () => {
    const byLabel = chooserGroups(available, { search: "DISCO", showHidden: false });
    expect(byLabel.flatMap((group) => group.columns.map((column) => column.key))).toEqual(["hs_discount"]);
    const byName = chooserGroups(available, { search: "hs_esign", showHidden: false });
    expect(byName.flatMap((group) => group.columns.map((column) => column.label))).toEqual(["E-sign"]);
    const assoc = chooserGroups(available, { search: "decision", showHidden: false });
    expect(assoc).toEqual([
      {
        title: "Associations",
        known: "associations",
        columns: [expect.objectContaining({ label: "Contact: Decision maker" })],
      },
    ]);
  });
});

describe("row details", () => {
  const available = availableColumns(QUOTE_PROPERTIES, labels);
  const visible = applyLayout(available, undefined);

  it("show every column the row has a value in, hidden ones after the visible ones", () => {
    const columns = columnsForRow(visible, available, {
      hs_title: "A",
      hs_comments: "Call first",
      hs_esign_enabled: "true",
      hs_phone: "",
    });
    const labelsShown = columns.map((column) => column.label);
    expect(labelsShown.slice(0, visible.length)).toEqual(visible.map((column) => column.label));
    expect(labelsShown.slice(visible.length)).toEqual(["Comments", "E-sign"]);
  });
});
