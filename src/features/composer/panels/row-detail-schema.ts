import { z } from "zod";
import type { ColumnDef } from "../../../domain/columns/column-def.ts";
import { type NormalizeContext, normalizeInput } from "../../../domain/grid/editor-input.ts";
import { propertiesSchema } from "../../../domain/validation/schemas.ts";
import { ASSOCIATION_TARGET_TYPES } from "../../../hubspot/association-catalogue.ts";

export const AssociationRowSchema = z.object({
  toObjectType: z.enum(ASSOCIATION_TARGET_TYPES),
  // The panel shows `rowDetail.pickRecord` and `rowDetail.pickLabel` for these: the schema only decides.
  recordId: z.string().trim().regex(/^\d+$/),
  labelKeys: z.array(z.string()).min(1),
});

/**
 * The row detail form: property cells (format checked; "required" is left to the batch's own issues so
 * a half-filled row can still get its associations) and the row's association rows.
 */
export function rowDetailSchema(columns: readonly ColumnDef[], today: string, context: NormalizeContext) {
  const propertyColumns = columns.flatMap((column) => (column.kind === "property" ? [column] : []));
  const properties = propertyColumns.map((column) => column.property);
  // Typed values are read as in the grid ("31.12.2026" → 2026-12-31) before they are checked and saved.
  const byKey = new Map(propertyColumns.map((column) => [column.key, column]));
  const read = (values: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(values).map(([key, value]) => {
        const column = byKey.get(key);
        return [key, column ? normalizeInput(column, value, context) : value];
      }),
    );
  return z.object({
    properties: z
      .record(z.string(), z.string())
      .transform(read)
      .pipe(propertiesSchema(properties, today, { required: false })),
    associations: z.array(AssociationRowSchema),
  });
}

export interface RowDetailValues {
  properties: Record<string, string>;
  associations: z.infer<typeof AssociationRowSchema>[];
}
