import { splitRecordIds } from "../../../domain/batch/columns.ts";
import type { ColumnDef } from "../../../domain/columns/column-def.ts";
import type { NormalizeContext } from "../../../domain/grid/editor-input.ts";
import { localeDateOrder } from "../../../domain/values/date-order.ts";
import { displayValue, isIsoDateTime, splitMultiValue } from "../../../hubspot/codecs.ts";
import { isMultiSelect, type Property } from "../../../hubspot/properties.ts";
import type { Translate } from "../../../i18n/use-t.ts";
import { localToIso } from "../../../lib/local-time.ts";

const pad = (n: number) => String(n).padStart(2, "0");

/** A stored ISO or epoch date-time in the user's own zone, as "YYYY-MM-DD HH:MM"; other text unchanged. */
export function dateTimeToLocal(value: string): string {
  if (!isIsoDateTime(value) && !/^\d{10,15}$/.test(value)) return value;
  const date = new Date(/^\d+$/.test(value) ? Number(value) : value);
  if (Number.isNaN(date.getTime())) return value;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** The browser knows the user's zone ("2026-12-31T10:30" local → ISO in UTC) and locale (31/12 or 12/31). */
export const browserNormalizeContext: NormalizeContext = {
  localToIso,
  dateOrder: localeDateOrder(undefined),
};

// displayValue builds a label map per call; cells render often, so keep one map per property definition.
const optionLabels = new WeakMap<Property, Map<string, string>>();

function labelOf(property: Property, value: string): string {
  let labels = optionLabels.get(property);
  if (!labels) {
    labels = new Map(property.options.map((option) => [option.value, option.label]));
    optionLabels.set(property, labels);
  }
  return labels.get(value) ?? value;
}

/** What a cell shows: option labels, Yes/No, local date-times, ids separated by commas. */
export function formatCell(column: ColumnDef, value: string, t: Translate): string {
  if (value === "") return "";
  if (column.kind === "association") return splitRecordIds(value).join(", ");
  const { property } = column;
  if (property.type === "datetime") return dateTimeToLocal(value);
  if (property.type === "enumeration") {
    if (!isMultiSelect(property)) return labelOf(property, value);
    return splitMultiValue(value)
      .map((part) => labelOf(property, part))
      .join("; ");
  }
  // Yes/No in the user's language; the value reader takes はい/いいえ back when the text is pasted.
  if (property.type === "bool" && (value === "true" || value === "false"))
    return t(value === "true" ? "common.yes" : "common.no");
  return displayValue(property, value);
}
