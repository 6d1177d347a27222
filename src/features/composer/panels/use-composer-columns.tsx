import { useQueries, useQuery } from "@tanstack/react-query";
import { type ReactNode, useCallback, useMemo, useRef, useState, useSyncExternalStore } from "react";
import type { ColumnKey } from "../../../domain/batch/columns.ts";
import { availableColumns, type LabelsByTarget } from "../../../domain/columns/build-columns.ts";
import type { ColumnDef } from "../../../domain/columns/column-def.ts";
import { applyLayout } from "../../../domain/columns/layout.ts";
import { ASSOCIATION_TARGET_TYPES } from "../../../hubspot/association-catalogue.ts";
import type { AssociationLabel } from "../../../hubspot/association-labels.ts";
import { associationLabelsQuery } from "../../../lib/api/get-association-labels.ts";
import { quotePropertiesQuery } from "../../../lib/api/get-quote-properties.ts";
import { useAppServices } from "../../../lib/services/app-services-context.tsx";
import type { SavedColumnLayout } from "../../../lib/storage/layout.ts";
import { ColumnChooser } from "./column-chooser.tsx";
import { useAssociationNames } from "./use-association-names.ts";

export interface ComposerColumns {
  columns: ColumnDef[];
  /** Every column the account offers (shown or not): row details show each one a row has a value in. */
  available: readonly ColumnDef[];
  status: "pending" | "error" | "success";
  error?: unknown;
  openChooser(): void;
  chooser: ReactNode;
  /** Remembers a column width the user dragged (kept in the saved layout). */
  resizeColumn(key: ColumnKey, width: number): void;
}

/** Stable across renders: `useQueries` calls it with the latest results. */
function combineLabels(results: readonly { data?: readonly AssociationLabel[] | undefined }[]) {
  return results.map((result) => result.data);
}

/**
 * The grid's columns: from the quote property definitions and the association labels, in the order the
 * user chose in this browser. Labels that fail to load fall back to HubSpot's defined association types.
 */
export function useComposerColumns(): ComposerColumns {
  const properties = useQuery(quotePropertiesQuery());
  const labelData = useQueries({
    queries: ASSOCIATION_TARGET_TYPES.map((type) => associationLabelsQuery(type)),
    combine: combineLabels,
  });
  const { layout } = useAppServices();
  const saved = useSyncExternalStore(layout.subscribe, layout.getSnapshot);
  const [open, setOpen] = useState(false);
  const names = useAssociationNames();

  const labels = useMemo(() => {
    const byTarget: LabelsByTarget = {};
    ASSOCIATION_TARGET_TYPES.forEach((type, i) => {
      const data = labelData[i];
      if (data) byTarget[type] = data;
    });
    return byTarget;
  }, [labelData]);

  const available = useMemo(
    () => (properties.data ? availableColumns(properties.data, labels, names) : []),
    [properties.data, labels, names],
  );

  const computed = useMemo(() => {
    const widths = saved?.widths ?? {};
    return applyLayout(available, saved?.columns).map((column) => {
      const width = widths[column.key];
      return width ? { ...column, width } : column;
    });
  }, [available, saved]);

  // Keep the array identity while nothing changed, so validation is not recompiled on every render.
  const stable = useRef<{ signature: string; columns: ColumnDef[] }>({ signature: "", columns: [] });
  const signature = useMemo(
    () => `${properties.dataUpdatedAt}\n${computed.map((c) => `${c.key}|${c.label}|${c.width}`).join("\n")}`,
    [properties.dataUpdatedAt, computed],
  );
  if (stable.current.signature !== signature) stable.current = { signature, columns: computed };
  const columns = stable.current.columns;

  const persist = useCallback((next: SavedColumnLayout) => layout.set(next), [layout]);

  const apply = useCallback(
    (keys: ColumnKey[]) => {
      persist({ version: 1, columns: keys, ...(saved?.widths ? { widths: saved.widths } : {}) });
      setOpen(false);
    },
    [persist, saved],
  );

  const resizeColumn = useCallback(
    (key: ColumnKey, width: number) => {
      const keys = saved?.columns ?? columns.map((column) => column.key);
      persist({ version: 1, columns: keys, widths: { ...saved?.widths, [key]: Math.round(width) } });
    },
    [persist, saved, columns],
  );

  // Built only when its inputs change: the page re-renders on every edit, the chooser need not.
  const chooser = useMemo(
    () => (
      <ColumnChooser
        open={open}
        onClose={() => setOpen(false)}
        available={available}
        visible={columns.map((column) => column.key)}
        onApply={apply}
      />
    ),
    [open, available, columns, apply],
  );

  return {
    columns,
    available,
    status: properties.status,
    error: properties.error ?? undefined,
    openChooser: useCallback(() => setOpen(true), []),
    chooser,
    resizeColumn,
  };
}
