import { z } from "zod";
import type { ColumnDef } from "../../../domain/columns/column-def.ts";
import { propertiesSchema } from "../../../domain/validation/schemas.ts";
import { ASSOCIATION_TARGET_TYPES } from "../../../hubspot/association-catalogue.ts";

export const AssociationRowSchema = z.object({
  toObjectType: z.enum(ASSOCIATION_TARGET_TYPES),
  recordId: z.string().trim().regex(/^\d+$/, "Pick a record, or type its numeric id."),
  labelKeys: z.array(z.string()).min(1, "Pick at least one label."),
});

/**
 * The row detail form: property cells (format checked; "required" is left to the batch's own issues so
 * a half-filled row can still get its associations) and the row's association rows.
 */
export function rowDetailSchema(columns: readonly ColumnDef[], today: string) {
  const properties = columns.flatMap((column) => (column.kind === "property" ? [column.property] : []));
  return z.object({
    properties: propertiesSchema(properties, today, { required: false }),
    associations: z.array(AssociationRowSchema),
  });
}

export interface RowDetailValues {
  properties: Record<string, string>;
  associations: z.infer<typeof AssociationRowSchema>[];
}
