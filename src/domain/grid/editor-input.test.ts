import { describe, expect, it } from "vitest";
import type { Property } from "../../hubspot/properties.ts";
import type { ColumnDef } from "../columns/column-def.ts";
import {
  normalizeBool,
  normalizeDate,
  normalizeDateTime,
  normalizeInput,
  normalizeMultiOption,
  normalizeNumber,
  optionValue,
} from "./editor-input.ts";
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

describe("tolerant editor input", () => {
  it("reads numbers with separators and spaces, keeps nonsense as typed", () => {
    expect(normalizeNumber("1,234.50")).toBe("1234.50");
    expect(normalizeNumber(" 12 ")).toBe("12");
    expect(normalizeNumber("$ 99")).toBe("99");
    expect(normalizeNumber("-0.5")).toBe("-0.5");
    expect(normalizeNumber("")).toBe("");
    expect(normalizeNumber("12 apples")).toBe("12 apples");
    expect(normalizeNumber("12,5")).toBe("12.5");
  });

  it("reads dates into YYYY-MM-DD, keeps impossible ones as typed", () => {
    expect(normalizeDate("2026-12-31")).toBe("2026-12-31");
    expect(normalizeDate(" 2026/1/5 ")).toBe("2026-01-05");
    expect(normalizeDate("2026-12-31T10:00:00Z")).toBe("2026-12-31");
    expect(normalizeDate("20261231")).toBe("2026-12-31");
    expect(normalizeDate("2026-02-30")).toBe("2026-02-30");
    expect(normalizeDate("next week")).toBe("next week");
  });

  it("reads date-times: ISO stays, local times go through the caller's zone", () => {
    expect(normalizeDateTime("2026-12-31T10:00:00Z", utc)).toBe("2026-12-31T10:00:00Z");
    expect(normalizeDateTime("1767225600000", utc)).toBe("1767225600000");
    expect(normalizeDateTime("2026-12-31 10:30", utc)).toBe("2026-12-31T10:30:00.000Z");
    expect(normalizeDateTime("2026-12-31", utc)).toBe("2026-12-31T00:00:00.000Z");
    expect(normalizeDateTime("soon", utc)).toBe("soon");
  });

  it("reads yes/no words as booleans", () => {
    expect(normalizeBool("Yes")).toBe("true");
    expect(normalizeBool("0")).toBe("false");
    expect(normalizeBool("maybe")).toBe("maybe");
    expect(normalizeBool("はい")).toBe("true");
  });

  it("maps option labels to values, and keeps unknown options visible", () => {
    expect(optionValue(options, "Dark blue")).toBe("blue_dark");
    expect(optionValue(options, "dark BLUE")).toBe("blue_dark");
    expect(optionValue(options, "red")).toBe("red");
    expect(optionValue(options, "Green")).toBe("Green");
    expect(normalizeMultiOption(options, "Red; dark blue,Green")).toBe("red;blue_dark;Green");
  });

  it("dispatches by column type and field type", () => {
    const ctx = { localToIso: utc };
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
