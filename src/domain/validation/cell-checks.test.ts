import { describe, expect, it } from "vitest";
import type { Property } from "../../hubspot/properties.ts";
import { property, QUOTE_PROPERTIES } from "../columns/property-fixtures.ts";
import { associationCheck, hasOuterSpace, outerSpaceCheck, propertyCheck } from "./cell-checks.ts";
import type { IssueMessage } from "./issue.ts";
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
    expect(problem("hs_discount", "12,5")).toEqual({ code: "value.number", values: { value: "12,5" } });
    expect(problem("hs_discount", "ten")).toEqual({ code: "value.number", values: { value: "ten" } });
    expect(problem("hs_expiration_date", "2026-02-30")).toEqual({
      code: "value.date",
      values: { value: "2026-02-30" },
    });
    expect(problem("hs_expiration_date", "2026-12-01")).toBeUndefined();
    expect(problem("hs_sent_at", "2026-12-01T10:00:00Z")).toBeUndefined();
    expect(problem("hs_sent_at", "tomorrow")?.code).toBe("value.datetime");
    expect(problem("hs_esign_enabled", "true")).toBeUndefined();
    expect(problem("hs_esign_enabled", "yes")).toEqual({ code: "value.bool", values: { value: "yes" } });
  });

  it("accepts option values, not labels, and says which value a label stands for", () => {
    expect(problem("hs_status", "DRAFT")).toBeUndefined();
    expect(problem("hs_status", "Draft")).toEqual({
      code: "option.labels",
      values: { count: 1, labels: ["Draft"], values: ["DRAFT"] },
    });
    expect(problem("hs_status", "LOST")).toEqual({
      code: "option.unknown",
      values: { count: 1, values: ["LOST"], property: "Status", choices: ["Draft", "Approved"], more: 0 },
    });
  });

  it("checks every value of a multiple-checkbox property", () => {
    expect(problem("hs_payment_methods", "CARD;ACH")).toBeUndefined();
    expect(problem("hs_payment_methods", ";WIRE")).toBeUndefined();
    expect(problem("hs_payment_methods", "CARD;CASH;GOLD")?.values).toMatchObject({
      count: 2,
      values: ["CASH", "GOLD"],
      property: "Payment methods",
    });
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
    expect(associationCheck(deal)("Acme deal")?.message).toEqual({
      code: "association.notIds",
      values: { count: 2, values: ["Acme", "deal"], object: "deals" },
    });
  });

  it("names ids a lookup could not find", () => {
    const missing = (type: string, id: string) => type === "deals" && id === "123";
    expect(associationCheck(deal, missing)("123")?.message).toEqual({
      code: "association.missing",
      values: { count: 1, ids: ["123"], object: "deals" },
    });
    const missingContacts = (_: string, id: string) => id !== "1";
    expect(associationCheck(contacts, missingContacts)("1;2;3")?.message.values).toMatchObject({
      count: 2,
      ids: ["2", "3"],
    });
  });
});

describe("zod schemas", () => {
  it("apply the quote rules: required fields and no past expiration date", () => {
    // The form's words come from the UI's translator; here a describer that shows the code and values.
    const describeIssue = (m: IssueMessage) => `${m.code} ${JSON.stringify(m.values ?? {})}`;
    const schema = propertiesSchema(
      [byName("hs_title"), byName("hs_expiration_date"), byName("hs_status")],
      "2026-11-29",
      describeIssue,
    );
    const bad = schema.safeParse({ hs_title: "", hs_expiration_date: "2026-11-28", hs_status: "Nope" });
    expect(bad.success).toBe(false);
    const messages = bad.error?.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    expect(messages).toEqual([
      "hs_title: required.title {}",
      'hs_expiration_date: date.past {"date":"2026-11-28","today":"2026-11-29"}',
      'hs_status: option.unknown {"count":1,"values":["Nope"],"property":"Status","choices":["Draft","Approved"],"more":0}',
    ]);
    expect(schema.safeParse({ hs_title: "Q", hs_expiration_date: "2026-11-29", hs_status: "" }).success).toBe(
      true,
    );
    expect(propertySchema(byName("hs_discount"), "2026-11-29", describeIssue).safeParse("").success).toBe(
      true,
    );
  });
});

describe("outer spaces", () => {
  it("warn on a text value that starts or ends with a space (incl. no-break and full-width), not inside", () => {
    const check = outerSpaceCheck(() => undefined);
    expect(check("Acme ")?.severity).toBe("warning");
    expect(check(" Acme")?.message).toEqual({ code: "text.outerSpace" });
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
    expect(check("12345")?.message).toEqual({ code: "association.lineItems" });
  });
});
