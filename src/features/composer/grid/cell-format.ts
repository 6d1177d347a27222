import { splitRecordIds } from "../../../domain/batch/columns.ts";
import type { ColumnDef } from "../../../domain/columns/column-def.ts";
import type { NormalizeContext } from "../../../domain/grid/editor-input.ts";
import { displayValue, isIsoDateTime } from "../../../hubspot/codecs.ts";

const pad = (n: number) => String(n).padStart(2, "0");

/** A stored ISO or epoch date-time in the user's own zone, as "YYYY-MM-DD HH:MM"; other text unchanged. */
export function dateTimeToLocal(value: string): string {
  if (!isIsoDateTime(value) && !/^\d{10,15}$/.test(value)) return value;
  const date = new Date(/^\d+$/.test(value) ? Number(value) : value);
  if (Number.isNaN(date.getTime())) return value;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The browser knows the user's zone: "2026-12-31T10:30" local → ISO 8601 in UTC. */
export const browserNormalizeContext: NormalizeContext = {
  localToIso(local) {
    const date = new Date(local);
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
  },
};

/** What a cell shows: option labels, Yes/No, local date-times, ids separated by commas. */
export function formatCell(column: ColumnDef, value: string): string {
  if (value === "") return "";
  if (column.kind === "association") return splitRecordIds(value).join(", ");
  if (column.property.type === "datetime") return dateTimeToLocal(value);
  return displayValue(column.property, value);
}
