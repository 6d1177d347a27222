import type { Property } from "../../hubspot/properties.ts";
import type { ColumnKey } from "../batch/columns.ts";
import { lineColumns } from "../lines/line-columns.ts";
import { lineTargetKey } from "./group-lines.ts";
import type { MappingTarget } from "./targets.ts";

/**
 * Line-item properties a CSV column can be imported into ("Line item: Quantity"), keyed `line:<name>`: a
 * file with these columns has one record per line item, grouped into quotes on import.
 */
export function lineMappingTargets(properties: readonly Property[]): MappingTarget[] {
  return lineColumns(properties).flatMap((column) =>
    column.kind === "property"
      ? [
          {
            kind: "property" as const,
            key: lineTargetKey(column.key),
            label: `Line item: ${column.label}`,
            property: column.property,
            required: false,
          },
        ]
      : [],
  );
}

/** Quote columns records can be grouped by: unique-value properties (a quote key) first, then the name. */
export function groupKeyCandidates(mapped: readonly MappingTarget[]): MappingTarget[] {
  const quoteProperties = mapped.filter(
    (target) => target.kind === "property" && !target.key.startsWith("line:"),
  );
  const rank = (target: MappingTarget) =>
    target.kind === "property" && target.property.hasUniqueValue ? 0 : target.key === "hs_title" ? 1 : 2;
  return [...quoteProperties].sort((a, b) => rank(a) - rank(b));
}

/** The default grouping: a quote key when one is mapped, else the quote name. */
export function defaultGroupKey(mapped: readonly MappingTarget[]): ColumnKey {
  return groupKeyCandidates(mapped)[0]?.key ?? "hs_title";
}
