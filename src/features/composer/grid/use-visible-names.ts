import { createElement, memo, type ReactNode, useEffect, useLayoutEffect, useMemo, useState } from "react";
import { splitRecordIds } from "../../../domain/batch/columns.ts";
import type { BatchRow } from "../../../domain/batch/row.ts";
import type { AssociationTargetType } from "../../../hubspot/association-catalogue.ts";
import { useRecordNames } from "../composer-deps.tsx";
import type { GridLayout } from "./grid-layout.ts";

export interface NameLookup {
  /** "Acme deal (123)", "123 (not found)", or the id while its name is unknown. */
  label(type: AssociationTargetType, id: string): string;
}

const NONE: readonly string[] = [];
const SETTLE_MS = 150;

/**
 * Names for the record ids in the rows on screen, asked once the scrolling settles: one set of lookups for
 * the grid instead of one per cell, so fast scrolling does not churn the query cache.
 */
export function useVisibleRecordNames(
  rows: readonly BatchRow[],
  first: number,
  last: number,
  layout: GridLayout,
): { names: NameLookup; probe: ReactNode } {
  const wanted = useMemo(() => {
    const byType = new Map<AssociationTargetType, Set<string>>();
    for (const column of layout.columns) {
      if (column.def.kind !== "association") continue;
      const type = column.def.association.toObjectType;
      const ids = byType.get(type) ?? new Set<string>();
      byType.set(type, ids);
      for (let i = first; i <= last; i += 1) {
        const value = rows[i]?.cells[column.def.key];
        if (value) for (const id of splitRecordIds(value)) ids.add(id);
      }
    }
    return [...byType].map(([type, ids]) => `${type}=${[...ids].sort().join(",")}`).join("|");
  }, [rows, first, last, layout]);

  const [settled, setSettled] = useState(wanted);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(wanted), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [wanted]);

  const [names, setNames] = useState<NameLookup>(IDS_ONLY);
  const probe = createElement(NamesProbe, { settled, onNames: setNames });
  return { names, probe };
}

const IDS_ONLY: NameLookup = { label: (_type, id) => id };

/**
 * The record queries, in a component of their own: it re-renders only when the ids on screen settle or a
 * lookup answers, never on the grid's own renders (one render of hundreds of per-id queries cost ~1 ms per
 * edit). It hands the grid a new lookup, before paint, when names change.
 */
const NamesProbe = memo(function NamesProbe({
  settled,
  onNames,
}: {
  settled: string;
  onNames(names: NameLookup): void;
}) {
  const ids = (type: AssociationTargetType) => {
    const part = settled.split("|").find((entry) => entry.startsWith(`${type}=`));
    const list = part?.slice(type.length + 1) ?? "";
    return list === "" ? NONE : list.split(",");
  };
  const deals = useRecordNames("deals", ids("deals"));
  const templates = useRecordNames("quote_template", ids("quote_template"));
  const contacts = useRecordNames("contacts", ids("contacts"));
  const companies = useRecordNames("companies", ids("companies"));
  const lineItems = useRecordNames("line_items", ids("line_items"));

  const lookup = useMemo<NameLookup>(() => {
    const byType = { deals, quote_template: templates, contacts, companies, line_items: lineItems };
    return {
      label(type, id) {
        const names = byType[type];
        const record = names.records.get(id);
        if (record) return `${record.name} (${id})`;
        return names.missing.has(id) ? `${id} (not found)` : id;
      },
    };
  }, [deals, templates, contacts, companies, lineItems]);
  useLayoutEffect(() => onNames(lookup), [lookup, onNames]);
  return null;
});
