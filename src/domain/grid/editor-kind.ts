import type { ColumnDef } from "../columns/column-def.ts";

export type EditorKind =
  | "text"
  | "textarea"
  | "number"
  | "date"
  | "datetime"
  | "select"
  | "radio"
  | "checkboxes"
  | "bool"
  | "association";

/** Which editor a column's cells get, from the property's `type` first and its `fieldType` second. */
export function editorKind(column: ColumnDef): EditorKind {
  if (column.kind === "association") return "association";
  const { type, fieldType } = column.property;
  switch (type) {
    case "number":
      return "number";
    case "date":
      return "date";
    case "datetime":
      return "datetime";
    case "bool":
      return "bool";
    case "enumeration":
      if (fieldType === "checkbox") return "checkboxes";
      if (fieldType === "radio") return "radio";
      if (fieldType === "booleancheckbox") return "bool";
      return "select";
    default:
      return fieldType === "textarea" || fieldType === "html" ? "textarea" : "text";
  }
}
