import type { Property } from "../../hubspot/properties.ts";
import type { AssociationColumn, ColumnKey } from "../batch/columns.ts";

/** A column the grid shows: a quote property, or one association type to one target object type. */
export type ColumnDef =
  | {
      kind: "property";
      key: ColumnKey;
      label: string;
      property: Property;
      /** `hs_title` and `hs_expiration_date` stay first and pinned. */
      pinned: boolean;
      width: number;
    }
  | {
      kind: "association";
      key: ColumnKey;
      label: string;
      association: AssociationColumn;
      pinned: false;
      width: number;
    };
