import { describe, expect, it } from "vitest";
import type { Property } from "../../hubspot/properties.ts";
import type { ColumnDef } from "../columns/column-def.ts";
import { normalizeDate, normalizeInput } from "./editor-input.ts";
import { editorKind } from "./editor-kind.ts";

function property(type: string, fieldType: string, options: Property["options"] = []): Property {
  return { name: "p", label: "P", type, fieldType, groupName: "g", description: "", options };
}
function column(p: Property): ColumnDef {
  return { kind: "property", key: p.name, label: p.label, property: p, pinned: false, width: 120 };
}
const options = [
  { label: "Red", value: "red", hidden: false },
  { label: "Dark blue", value: "blue_dark", hidden: false },
];
const utc = (local: string) => `${local.length === 16 ? `${local}:00` : local}.000Z`;

const ctx = { localToIso: utc, dateOrder: "MDY" as const };
const typed = (p: Property, text: string) => normalizeInput(column(p), text, ctx);

describe("tolerant editor input", () => {
  it("reads numbers with separators and spaces, keeps nonsense as typed", () => {
    const n = property("number", "number");
    expect(typed(n, "1,234.50")).toBe("1234.50");
    expect(typed(n, " 12 ")).toBe("12");
    expect(typed(n, "$ 99")).toBe("99");
    expect(typed(n, "-0.5")).toBe("-0.5");
    expect(typed(n, "")).toBe("");
    expect(typed(n, "12 apples")).toBe("12 apples");
    expect(typed(n, "12,5")).toBe("12.5");
    expect(typed(n, "１２３")).toBe("123");
  });

  it("reads dates into YYYY-MM-DD, keeps impossible ones as typed", () => {
    expect(normalizeDate("2026-12-31", ctx)).toBe("2026-12-31");
    expect(normalizeDate(" 2026/1/5 ", ctx)).toBe("2026-01-05");
    expect(normalizeDate("2026-12-31T10:00:00Z", ctx)).toBe("2026-12-31");
    expect(normalizeDate("20261231", ctx)).toBe("2026-12-31");
    expect(normalizeDate("31.12.2026", ctx)).toBe("2026-12-31");
    expect(normalizeDate("31/12/2026", ctx)).toBe("2026-12-31");
    expect(normalizeDate("03/04/2026", ctx)).toBe("2026-03-04");
    expect(normalizeDate("03/04/2026", { dateOrder: "DMY" })).toBe("2026-04-03");
    expect(normalizeDate("2026-02-30", ctx)).toBe("2026-02-30");
    expect(normalizeDate("next week", ctx)).toBe("next week");
  });

  it("reads date-times: ISO stays, local times go through the caller's zone", () => {
    const dt = property("datetime", "date");
    expect(typed(dt, "2026-12-31T10:00:00Z")).toBe("2026-12-31T10:00:00Z");
    expect(typed(dt, "1767225600000")).toBe("1767225600000");
    expect(typed(dt, "2026-12-31 10:30")).toBe("2026-12-31T10:30:00.000Z");
    expect(typed(dt, "2026-12-31")).toBe("2026-12-31T00:00:00.000Z");
    expect(typed(dt, "soon")).toBe("soon");
  });

  it("reads yes/no words as booleans", () => {
    const b = property("bool", "booleancheckbox");
    expect(typed(b, "Yes")).toBe("true");
    expect(typed(b, "0")).toBe("false");
    expect(typed(b, "maybe")).toBe("maybe");
    expect(typed(b, "はい")).toBe("true");
  });

  it("maps option labels to values, and keeps unknown options visible", () => {
    const select = property("enumeration", "select", options);
    expect(typed(select, "Dark blue")).toBe("blue_dark");
    expect(typed(select, "dark BLUE")).toBe("blue_dark");
    expect(typed(select, "red")).toBe("red");
    expect(typed(select, "Green")).toBe("Green");
    const checks = property("enumeration", "checkbox", options);
    expect(typed(checks, "Red; dark blue")).toBe("red;blue_dark");
    expect(typed(checks, "Red; dark blue,Green")).toBe("Red; dark blue,Green");
  });

  it("dispatches by column type and field type", () => {
    expect(normalizeInput(column(property("number", "number")), "1,000", ctx)).toBe("1000");
    expect(normalizeInput(column(property("enumeration", "radio", options)), "Red", ctx)).toBe("red");
    expect(normalizeInput(column(property("enumeration", "checkbox", options)), "Red;Dark blue", ctx)).toBe(
      "red;blue_dark",
    );
    expect(normalizeInput(column(property("bool", "booleancheckbox")), "no", ctx)).toBe("false");
    expect(normalizeInput(column(property("string", "text")), " as is ", ctx)).toBe(" as is ");
    const assoc: ColumnDef = {
      kind: "association",
      key: "assoc:deals:HUBSPOT_DEFINED:64",
      label: "Deal",
      association: { toObjectType: "deals", category: "HUBSPOT_DEFINED", typeId: 64 },
      pinned: false,
      width: 120,
    };
    expect(normalizeInput(assoc, "12, 34 ;56", ctx)).toBe("12;34;56");
  });

  it("picks editors from type and field type", () => {
    expect(editorKind(column(property("string", "textarea")))).toBe("textarea");
    expect(editorKind(column(property("string", "text")))).toBe("text");
    expect(editorKind(column(property("date", "date")))).toBe("date");
    expect(editorKind(column(property("datetime", "date")))).toBe("datetime");
    expect(editorKind(column(property("enumeration", "select")))).toBe("select");
    expect(editorKind(column(property("enumeration", "checkbox")))).toBe("checkboxes");
    expect(editorKind(column(property("enumeration", "booleancheckbox")))).toBe("bool");
    expect(editorKind(column(property("phone_number", "phonenumber")))).toBe("text");
  });
});
