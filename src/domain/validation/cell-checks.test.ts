import { describe, expect, it } from "vitest";
import type { Property } from "../../hubspot/properties.ts";
import { property, QUOTE_PROPERTIES } from "../columns/property-fixtures.ts";
import { associationCheck, hasOuterSpace, outerSpaceCheck, propertyCheck } from "./cell-checks.ts";
import { propertiesSchema, propertySchema } from "./schemas.ts";

const byName = (name: string): Property => {
  const found = QUOTE_PROPERTIES.find((p) => p.name === name);
  if (!found) throw new Error(name);
  return found;
};
const problem = (name: string, value: string) => propertyCheck(byName(name))(value)?.message;

describe("property checks compiled from definitions", () => {
  it("accepts any text for string, textarea and phone number properties", () => {
    expect(problem("hs_title", "anything at all")).toBeUndefined();
    expect(problem("hs_comments", "line\nbreak")).toBeUndefined();
    expect(problem("hs_phone", "+1 555")).toBeUndefined();
    expect(propertyCheck(property({ name: "x", type: "brand_new_type" }))("v")).toBeUndefined();
  });

  it("checks numbers, dates, datetimes and booleans in HubSpot's wire form", () => {
    expect(problem("hs_discount", "12.5")).toBeUndefined();
    expect(problem("hs_discount", "12,5")).toMatch(/"12,5" is not a number/);
    expect(problem("hs_discount", "ten")).toMatch(/use digits/);
    expect(problem("hs_expiration_date", "2026-02-30")).toMatch(/not a date in the form YYYY-MM-DD/);
    expect(problem("hs_expiration_date", "2026-12-01")).toBeUndefined();
    expect(problem("hs_sent_at", "2026-12-01T10:00:00Z")).toBeUndefined();
    expect(problem("hs_sent_at", "tomorrow")).toMatch(/ISO 8601/);
    expect(problem("hs_esign_enabled", "true")).toBeUndefined();
    expect(problem("hs_esign_enabled", "yes")).toMatch(/not true or false/);
  });

  it("accepts option values, not labels, and says which value a label stands for", () => {
    expect(problem("hs_status", "DRAFT")).toBeUndefined();
    expect(problem("hs_status", "Draft")).toBe(
      '"Draft" is a label, not a value: pick "DRAFT" from the list.',
    );
    expect(problem("hs_status", "LOST")).toBe(
      '"LOST" is not an option of Status. Pick one of: Draft, Approved.',
    );
  });

  it("checks every value of a multiple-checkbox property", () => {
    expect(problem("hs_payment_methods", "CARD;ACH")).toBeUndefined();
    expect(problem("hs_payment_methods", ";WIRE")).toBeUndefined();
    expect(problem("hs_payment_methods", "CARD;CASH;GOLD")).toMatch(
      /"CASH", "GOLD" are not options of Payment methods/,
    );
  });

  it("skips options it cannot know (externalOptions)", () => {
    const external = property({
      name: "owner",
      type: "enumeration",
      fieldType: "select",
      externalOptions: true,
    });
    expect(propertyCheck(external)("12345")).toBeUndefined();
  });
});

describe("association checks", () => {
  const deal = { toObjectType: "deals" as const, category: "HUBSPOT_DEFINED" as const, typeId: 64 };
  const contacts = { toObjectType: "contacts" as const, category: "HUBSPOT_DEFINED" as const, typeId: 69 };

  it("wants numeric record ids", () => {
    expect(associationCheck(deal)("123")).toBeUndefined();
    expect(associationCheck(contacts)("1;2, 3")).toBeUndefined();
    expect(associationCheck(deal)("Acme deal")?.message).toMatch(
      /"Acme", "deal" are not record ids. Enter the deal's numeric id/,
    );
  });

  it("names ids a lookup could not find", () => {
    const missing = (type: string, id: string) => type === "deals" && id === "123";
    expect(associationCheck(deal, missing)("123")?.message).toBe(
      "Deal 123 was not found. Pick an existing deal or remove the id.",
    );
    const missingContacts = (_: string, id: string) => id !== "1";
    expect(associationCheck(contacts, missingContacts)("1;2;3")?.message).toMatch(
      /^Contacts 2, 3 were not found/,
    );
  });
});

describe("zod schemas", () => {
  it("apply the quote rules: required fields and no past expiration date", () => {
    const schema = propertiesSchema(
      [byName("hs_title"), byName("hs_expiration_date"), byName("hs_status")],
      "2026-11-29",
    );
    const bad = schema.safeParse({ hs_title: "", hs_expiration_date: "2026-11-28", hs_status: "Nope" });
    expect(bad.success).toBe(false);
    const messages = bad.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    expect(messages).toEqual([
      "hs_title: Enter a quote name: every quote needs one.",
      "hs_expiration_date: 2026-11-28 is in the past. Enter today (2026-11-29) or a later date.",
      'hs_status: "Nope" is not an option of Status. Pick one of: Draft, Approved.',
    ]);
    expect(schema.safeParse({ hs_title: "Q", hs_expiration_date: "2026-11-29", hs_status: "" }).success).toBe(
      true,
    );
    expect(propertySchema(byName("hs_discount"), "2026-11-29").safeParse("").success).toBe(true);
  });
});

describe("outer spaces", () => {
  it("warn on a text value that starts or ends with a space (incl. no-break and full-width), not inside", () => {
    const check = outerSpaceCheck(() => undefined);
    expect(check("Acme ")?.severity).toBe("warning");
    expect(check(" Acme")?.message).toMatch(/starts or ends with a space/);
    expect(check("\u00a0Acme")).toBeDefined();
    expect(check("Acme\u3000")).toBeDefined();
    expect(check("Acme renewal")).toBeUndefined();
    expect(hasOuterSpace("日本")).toBe(false);
  });
});

describe("existing line items", () => {
  it("are an error with what to do instead: a line item has one parent", () => {
    const check = associationCheck({ toObjectType: "line_items", category: "HUBSPOT_DEFINED", typeId: 67 });
    expect(check("12345")?.severity).toBe("error");
    expect(check("12345")?.message).toMatch(/line grid/);
  });
});
