import { useQuery } from "@tanstack/react-query";
import { useLayoutEffect, useMemo, useState, useSyncExternalStore } from "react";
import type { ColumnKey } from "../../../domain/batch/columns.ts";
import type { RowId } from "../../../domain/batch/row.ts";
import type { ColumnDef } from "../../../domain/columns/column-def.ts";
import type { CellIssue } from "../../../domain/validation/issue.ts";
import type { LineRules } from "../../../domain/validation/line-rules.ts";
import { localToday } from "../../../domain/validation/today.ts";
import { quotePropertiesQuery } from "../../../lib/api/get-quote-properties.ts";
import { useBatchStore } from "../../../lib/batch-store-context.tsx";
import { useKnownMissingRecords } from "./use-record-names.ts";
import { validationHubFor } from "./validation-hub.ts";

export interface BatchValidation {
  issueFor(rowId: RowId, key: ColumnKey): CellIssue | undefined;
  issueForLine(rowId: RowId, lineId: string, key: string): CellIssue | undefined;
  issuesForRow(rowId: RowId): readonly CellIssue[];
  counts: { errors: number; warnings: number };
  all(): readonly CellIssue[];
  /** Bumps whenever any issue may have changed; use it as a memo/render key. */
  version: number;
  /** Rows not checked yet after a big change (an import): counts cover only the rows checked so far. */
  pendingRows: number;
}

/**
 * Validation of the batch in the BatchStore, kept up to date incrementally: an edit re-checks only the
 * rows it touched. Rules come from the property definitions and `columns` (for issue order).
 */
export function useBatchValidation(
  columns: readonly ColumnDef[],
  options: { lines?: LineRules | undefined; quoteSystem?: "legacy" | "cpq" | undefined } = {},
): BatchValidation {
  const store = useBatchStore();
  const hub = validationHubFor(store);
  const properties = useQuery(quotePropertiesQuery()).data;
  const isMissing = useKnownMissingRecords();
  const [today] = useState(localToday);

  // Before paint, so the first frame already shows the batch's issues.
  useLayoutEffect(() => {
    const fallback = properties === undefined && columns.length > 0;
    hub.configure({
      // Until definitions load (or if they failed), the columns' own definitions are the best we have.
      properties: fallback
        ? columns.flatMap((c) => (c.kind === "property" ? [c.property] : []))
        : (properties ?? []),
      columns,
      today,
      isMissing,
      ...(options.lines ? { lines: options.lines } : {}),
      ...(options.quoteSystem ? { quoteSystem: options.quoteSystem } : {}),
    });
  }, [hub, properties, columns, today, isMissing, options.lines, options.quoteSystem]);

  const version = useSyncExternalStore(hub.subscribe, hub.getVersion);
  return useMemo(() => {
    const validator = hub.validator;
    return {
      issueFor: (rowId, key) => validator.issueFor(rowId, key),
      issueForLine: (rowId, lineId, key) => validator.issueForLine(rowId, lineId, key),
      issuesForRow: (rowId) => validator.issuesForRow(rowId),
      counts: validator.counts(),
      all: () => validator.all(),
      version,
      pendingRows: hub.pendingRows,
    };
  }, [hub, version]);
}

/** For views that show issues without owning the columns (the issues panel). */
export function useValidationHub() {
  const store = useBatchStore();
  const hub = validationHubFor(store);
  const version = useSyncExternalStore(hub.subscribe, hub.getVersion);
  return { hub, version, store };
}

/** Rows still waiting to be checked after a big change, for a "Checking N rows…" status. */
export function useValidationPending(): number {
  const hub = validationHubFor(useBatchStore());
  return useSyncExternalStore(hub.subscribe, hub.getPendingRows);
}
