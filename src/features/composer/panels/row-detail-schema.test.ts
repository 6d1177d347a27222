import { describe, expect, it } from "vitest";
import type { ColumnDef } from "../../../domain/columns/column-def.ts";
import { TEST_PROPERTIES } from "../../../domain/csv/test-targets.ts";
import { VALUE_CASES } from "../../../test/value-cases.ts";
import { rowDetailSchema } from "./row-detail-schema.ts";

const columns: ColumnDef[] = TEST_PROPERTIES.map((property) => ({
  kind: "property",
  key: property.name,
  label: property.label,
  property,
  pinned: false,
  width: 120,
}));
const context = { localToIso: (local: string) => `${local}.000Z`, dateOrder: "MDY" as const };
const schema = rowDetailSchema(columns, "1980-01-01", context, (message) => message.code);
const propertyCases = VALUE_CASES.filter(([key]) => !key.startsWith("assoc:"));

describe("row details read values like every other entry path", () => {
  it.each(propertyCases)("%s ← %j is saved as %j", (key, input, stored) => {
    const result = schema.safeParse({ properties: { [key]: input }, associations: [] });
    if (result.success) expect(result.data.properties[key]).toBe(stored);
    else {
      // Unreadable: kept as written, and the form says what is wrong with it.
      expect(stored).toBe(input);
      expect(result.error.issues[0]?.path).toEqual(["properties", key]);
    }
  });
});
