import { describe, expect, it } from "vitest";
import { convertNullable, openApiValidator } from "./openapi.ts";

describe("openApiValidator", () => {
  it("resolves component refs and reports errors by path", () => {
    const quotes = openApiValidator("quotes");
    const result = quotes.validate("BatchResponseSimplePublicObject", {
      status: "COMPLETE",
      results: [
        { id: 1, properties: {}, createdAt: "x", updatedAt: "2026-01-01T00:00:00Z", archived: false },
      ],
      startedAt: "2026-01-01T00:00:00Z",
      completedAt: "2026-01-01T00:00:00Z",
    });
    expect(result.valid).toBe(false);
    expect(result.errors.join("\n")).toContain("/results/0/id");
    expect(result.errors.join("\n")).toContain("/results/0/createdAt");
  });

  it("checks formats (uuid correlation ids)", () => {
    const quotes = openApiValidator("quotes");
    const body = { category: "VALIDATION_ERROR", message: "m", correlationId: "not-a-uuid" };
    expect(quotes.validate("Error", body).valid).toBe(false);
    expect(
      quotes.validate("Error", { ...body, correlationId: "aeb5f871-7f07-4993-9211-075dc63e7cbf" }).valid,
    ).toBe(true);
  });

  it("turns OpenAPI 3.0 nullable into a null alternative", () => {
    expect(convertNullable({ type: "string", nullable: true })).toEqual({ type: ["string", "null"] });
    expect(convertNullable({ $ref: "#/x", nullable: true })).toEqual({
      anyOf: [{ $ref: "#/x" }, { type: "null" }],
    });
    expect(convertNullable({ type: "string", enum: ["a"], nullable: true })).toEqual({
      type: ["string", "null"],
      enum: ["a", null],
    });
    expect(convertNullable({ properties: { a: { type: "integer", nullable: false } } })).toEqual({
      properties: { a: { type: "integer" } },
    });
  });

  it("marks named spec gaps nullable, and only those", () => {
    const data = { results: [{ category: "HUBSPOT_DEFINED", typeId: 64, label: null }] };
    const schema = "CollectionResponseAssociationSpecWithLabelNoPaging";
    expect(openApiValidator("associations").validate(schema, data).valid).toBe(false);
    expect(
      openApiValidator("associations", { nullable: ["AssociationSpecWithLabel.label"] }).validate(
        schema,
        data,
      ).valid,
    ).toBe(true);
    expect(() => openApiValidator("associations", { nullable: ["Nope.label"] })).toThrow(/Nope.label/);
  });

  it("refuses an unknown schema name", () => {
    expect(() => openApiValidator("deals").validate("NoSuchSchema", {})).toThrow(/NoSuchSchema/);
  });
});
