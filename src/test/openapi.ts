import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";
import associationsSpec from "../hubspot/openapi/associations-schema.v4.openapi.json";
import dealsSpec from "../hubspot/openapi/deals.v3.openapi.json";
import lineItemsSpec from "../hubspot/openapi/line-items.v3.openapi.json";
import productsSpec from "../hubspot/openapi/products.v3.openapi.json";
import propertiesSpec from "../hubspot/openapi/properties.v3.openapi.json";
import quotesSpec from "../hubspot/openapi/quotes.v3.openapi.json";

/**
 * JSON-schema validation against HubSpot's own OpenAPI 3.0 files, for contract tests.
 * Component schemas are compiled by ajv from the spec as it is, with two OpenAPI 3.0 adaptations:
 * `nullable: true` becomes a `null` alternative, and `#/components/schemas/...` refs resolve inside
 * the same file.
 */

const SPECS = {
  quotes: quotesSpec,
  properties: propertiesSpec,
  associations: associationsSpec,
  deals: dealsSpec,
  lineItems: lineItemsSpec,
  products: productsSpec,
} as const;
export type SpecName = keyof typeof SPECS;

export interface OpenApiValidatorOptions {
  /**
   * `Schema.property` pairs to treat as nullable where HubSpot sends `null` but its spec says nothing
   * (e.g. `AssociationSpecWithLabel.label`). Each use is a known gap between the spec and the API.
   */
  nullable?: readonly string[];
}

export interface ValidationResult {
  valid: boolean;
  errors: string[];
}

export interface OpenApiValidator {
  validate(schemaName: string, data: unknown): ValidationResult;
  schemaNames(): string[];
  /** The `example` the spec gives for a component schema, if any. */
  example(schemaName: string): unknown;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** OpenAPI 3.0 `nullable` → JSON Schema. Returns a new tree; the imported spec is never mutated. */
export function convertNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convertNullable);
  if (!isRecord(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key !== "nullable") out[key] = convertNullable(value);
  }
  if (node.nullable !== true) return out;
  if (typeof out.$ref === "string") return { anyOf: [{ $ref: out.$ref }, { type: "null" }] };
  if (typeof out.type === "string") out.type = [out.type, "null"];
  else if (Array.isArray(out.type)) out.type = [...out.type, "null"];
  if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
  return out;
}

function markNullable(schemas: Record<string, unknown>, paths: readonly string[]): Record<string, unknown> {
  const copy = structuredClone(schemas);
  for (const path of paths) {
    const [schemaName, propertyName] = path.split(".");
    const schema = schemaName === undefined ? undefined : copy[schemaName];
    const properties = isRecord(schema) ? schema.properties : undefined;
    const property =
      isRecord(properties) && propertyName !== undefined ? properties[propertyName] : undefined;
    if (!isRecord(property)) throw new Error(`No ${path} in the spec to mark nullable`);
    property.nullable = true;
  }
  return copy;
}

function formatErrors(validate: ValidateFunction): string[] {
  return (validate.errors ?? []).map(
    (error) =>
      `${error.instancePath || "(root)"} ${error.message ?? "is invalid"} ${JSON.stringify(error.params)}`,
  );
}

export function openApiValidator(spec: SpecName, options: OpenApiValidatorOptions = {}): OpenApiValidator {
  const components = SPECS[spec].components;
  const schemas = markNullable({ ...components.schemas }, options.nullable ?? []);
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: spec, components: { schemas: convertNullable(schemas) } });
  const compiled = new Map<string, ValidateFunction>();
  const compile = (name: string): ValidateFunction => {
    const known = compiled.get(name);
    if (known) return known;
    if (!(name in schemas)) throw new Error(`${spec} spec has no component schema ${name}`);
    const validate = ajv.getSchema(`${spec}#/components/schemas/${name}`);
    if (!validate) throw new Error(`ajv could not compile ${spec}#/components/schemas/${name}`);
    compiled.set(name, validate);
    return validate;
  };
  return {
    validate(schemaName, data) {
      const validate = compile(schemaName);
      const valid = validate(data) === true;
      return { valid, errors: valid ? [] : formatErrors(validate) };
    },
    schemaNames: () => Object.keys(schemas),
    example(schemaName) {
      const schema = schemas[schemaName];
      return isRecord(schema) ? schema.example : undefined;
    },
  };
}
