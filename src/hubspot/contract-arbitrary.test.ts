import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { openApiValidator } from "../test/openapi.ts";
import { AssociationLabelList } from "./association-labels.ts";
import { BatchResponse } from "./batch-create.ts";
import { ApiErrorBody } from "./errors.ts";
import { PropertyList } from "./properties.ts";
import { ObjectCollection } from "./search.ts";

/**
 * Generated spec-valid bodies (every optional field sometimes present, sometimes not): ajv confirms
 * each sample is valid per HubSpot's spec, and our zod schemas must accept all of them.
 */

const quotes = openApiValidator("quotes");
const properties = openApiValidator("properties");
const associations = openApiValidator("associations");

const key = fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/);
const text = fc.string({ maxLength: 20 });
const iso = fc
  .date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2100-01-01T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString());
const stringMap = fc.dictionary(key, text, { maxKeys: 4 });
const listMap = fc.dictionary(key, fc.array(text, { maxLength: 3 }), { maxKeys: 3 });

const errorDetail = fc.record(
  { message: text, code: text, in: text, subCategory: text, context: listMap },
  { requiredKeys: ["message"] },
);
const standardError = fc.record(
  {
    status: text,
    category: text,
    message: text,
    context: listMap,
    errors: fc.array(errorDetail, { maxLength: 2 }),
    links: stringMap,
    id: text,
    subCategory: fc.constant({}),
  },
  { requiredKeys: ["status", "category", "message", "context", "errors", "links"] },
);
const simpleObject = fc.record(
  {
    id: fc.stringMatching(/^\d{1,12}$/),
    properties: stringMap,
    createdAt: iso,
    updatedAt: iso,
    archived: fc.boolean(),
    archivedAt: iso,
    objectWriteTraceId: text,
    url: text,
  },
  { requiredKeys: ["id", "properties", "createdAt", "updatedAt", "archived"] },
);
const batchResponse = fc.record(
  {
    status: fc.constantFrom("PENDING", "PROCESSING", "CANCELED", "COMPLETE"),
    results: fc.array(simpleObject, { maxLength: 4 }),
    numErrors: fc.integer({ min: 0, max: 100 }),
    errors: fc.array(standardError, { maxLength: 3 }),
    requestedAt: iso,
    startedAt: iso,
    completedAt: iso,
    links: stringMap,
  },
  { requiredKeys: ["status", "results", "startedAt", "completedAt"] },
);
const apiError = fc.record(
  {
    category: text,
    correlationId: fc.uuid(),
    message: text,
    subCategory: text,
    context: listMap,
    errors: fc.array(errorDetail, { maxLength: 2 }),
    links: stringMap,
  },
  { requiredKeys: ["category", "correlationId", "message"] },
);
const option = fc.record(
  {
    label: text,
    value: text,
    hidden: fc.boolean(),
    displayOrder: fc.integer({ min: -1, max: 50 }),
    description: text,
  },
  { requiredKeys: ["label", "value", "hidden"] },
);
const property = fc.record(
  {
    name: key,
    label: text,
    type: fc.constantFrom(
      "string",
      "number",
      "date",
      "datetime",
      "enumeration",
      "bool",
      "phone_number",
      "object_coordinates",
    ),
    fieldType: fc.constantFrom(
      "text",
      "textarea",
      "number",
      "date",
      "select",
      "radio",
      "checkbox",
      "booleancheckbox",
      "file",
    ),
    groupName: key,
    description: text,
    options: fc.array(option, { maxLength: 3 }),
    hidden: fc.boolean(),
    calculated: fc.boolean(),
    hasUniqueValue: fc.boolean(),
    hubspotDefined: fc.boolean(),
    externalOptions: fc.boolean(),
    displayOrder: fc.integer({ min: -1, max: 100 }),
    modificationMetadata: fc.record(
      {
        archivable: fc.boolean(),
        readOnlyDefinition: fc.boolean(),
        readOnlyValue: fc.boolean(),
        readOnlyOptions: fc.boolean(),
      },
      { requiredKeys: ["archivable", "readOnlyDefinition", "readOnlyValue"] },
    ),
  },
  { requiredKeys: ["name", "label", "type", "fieldType", "groupName", "description", "options"] },
);
const label = fc.record(
  {
    category: fc.constantFrom("HUBSPOT_DEFINED", "USER_DEFINED", "INTEGRATOR_DEFINED", "WORK"),
    typeId: fc.integer({ min: 1, max: 100_000 }),
    label: text,
  },
  { requiredKeys: ["category", "typeId"] },
);
const page = fc.record(
  {
    total: fc.integer({ min: 0, max: 10_000 }),
    results: fc.array(simpleObject, { maxLength: 3 }),
    paging: fc.record(
      { next: fc.record({ after: text, link: text }, { requiredKeys: ["after"] }) },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ["total", "results"] },
);

function check<T>(arbitrary: fc.Arbitrary<T>, valid: (sample: T) => boolean, accept: (sample: T) => unknown) {
  fc.assert(
    fc.property(arbitrary, (sample) => {
      expect(valid(sample)).toBe(true);
      accept(sample);
    }),
    { numRuns: 150 },
  );
}

describe("zod accepts every spec-valid body", () => {
  it("batch responses (201 and 207)", () => {
    check(
      batchResponse,
      (s) => quotes.validate("BatchResponseSimplePublicObjectWithErrors", s).valid,
      (s) => BatchResponse.parse(s),
    );
  });

  it("Error bodies", () => {
    check(
      apiError,
      (s) => quotes.validate("Error", s).valid,
      (s) => ApiErrorBody.parse(s),
    );
  });

  it("property lists, unknown types included", () => {
    check(
      fc.array(property, { maxLength: 3 }).map((results) => ({ results })),
      (s) => properties.validate("CollectionResponsePropertyNoPaging", s).valid,
      (s) => PropertyList.parse(s),
    );
  });

  it("association label lists", () => {
    check(
      fc.array(label, { maxLength: 4 }).map((results) => ({ results })),
      (s) => associations.validate("CollectionResponseAssociationSpecWithLabelNoPaging", s).valid,
      (s) => AssociationLabelList.parse(s),
    );
  });

  it("search pages", () => {
    check(
      page,
      (s) => quotes.validate("CollectionResponseWithTotalSimplePublicObject", s).valid,
      (s) => ObjectCollection.parse(s),
    );
  });
});
