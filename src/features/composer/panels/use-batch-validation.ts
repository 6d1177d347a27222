import { useQuery } from "@tanstack/react-query";
import { useLayoutEffect, useMemo, useSyncExternalStore } from "react";
import type { ColumnKey } from "../../../domain/batch/columns.ts";
import type { RowId } from "../../../domain/batch/row.ts";
import type { ColumnDef } from "../../../domain/columns/column-def.ts";
import type { CellIssue } from "../../../domain/validation/issue.ts";
import type { LineRules } from "../../../domain/validation/line-rules.ts";
import type { QuoteSystem } from "../../../hubspot/quote-system.ts";
import { quotePropertiesQuery } from "../../../lib/api/get-quote-properties.ts";
import { useAppServices } from "../../../lib/services/app-services-context.tsx";

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
 * The batch's validation (the app's one ValidationService), given its rules by the composer: the property
 * definitions, `columns` (for issue order), the line-item rules and the quote system. An edit re-checks only the rows it touched.
 */
export function useBatchValidation(
  columns: readonly ColumnDef[],
  options: { lines?: LineRules | undefined; quoteSystem?: QuoteSystem | undefined } = {},
): BatchValidation {
  const { validation: service } = useAppServices();
  const properties = useQuery(quotePropertiesQuery()).data;

  // Before paint, so the first frame already shows the batch's issues.
  useLayoutEffect(() => {
    const fallback = properties === undefined && columns.length > 0;
    service.setRules({
      // Until definitions load (or if they failed), the columns' own definitions are the best we have.
      properties: fallback
        ? columns.flatMap((c) => (c.kind === "property" ? [c.property] : []))
        : (properties ?? []),
      columns,
      ...(options.lines ? { lines: options.lines } : {}),
      ...(options.quoteSystem ? { quoteSystem: options.quoteSystem } : {}),
    });
  }, [service, properties, columns, options.lines, options.quoteSystem]);

  const version = useSyncExternalStore(service.subscribe, service.getVersion);
  return useMemo(() => {
    const validator = service.validator;
    return {
      issueFor: (rowId, key) => validator.issueFor(rowId, key),
      issueForLine: (rowId, lineId, key) => validator.issueForLine(rowId, lineId, key),
      issuesForRow: (rowId) => validator.issuesForRow(rowId),
      counts: validator.counts(),
      all: () => validator.all(),
      version,
      pendingRows: service.pendingRows,
    };
  }, [service, version]);
}
