import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { ColumnDef } from "../../../domain/columns/column-def.ts";
import { lineColumns, STANDARD_LINE_ITEM_PROPERTIES } from "../../../domain/lines/line-columns.ts";
import type { Property } from "../../../hubspot/properties.ts";
import { useT } from "../../../i18n/use-t.ts";
import { lineItemPropertiesQuery } from "../../../lib/api/get-line-item-properties.ts";

export interface LineColumns {
  columns: ColumnDef[];
  /** The portal's definitions, when loaded (validation reads types and options from them). */
  properties: readonly Property[];
  status: "pending" | "error" | "success";
  error: unknown;
}

/** The line grid's columns from the portal's line-item properties; HubSpot's standard ones until then. */
export function useLineColumns(): LineColumns {
  const query = useQuery(lineItemPropertiesQuery());
  const properties = query.data ?? STANDARD_LINE_ITEM_PROPERTIES;
  const t = useT();
  const columns = useMemo(
    () =>
      lineColumns(properties, {
        product: t("lines.column.product"),
        price: t("lines.column.price"),
        discount: t("lines.column.discount"),
      }),
    [properties, t],
  );
  return { columns, properties, status: query.status, error: query.error };
}
