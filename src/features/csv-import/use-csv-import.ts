import { useCallback, useEffect, useRef, useState } from "react";
import type { BatchDefaults } from "../../domain/batch/defaults.ts";
import type { BatchOperation } from "../../domain/batch/operations.ts";
import type { BatchRow } from "../../domain/batch/row.ts";
import type { CsvDelimiter } from "../../domain/csv/delimiter.ts";
import type { CsvEncoding } from "../../domain/csv/encoding.ts";
import { fileProblem } from "../../domain/csv/file-check.ts";
import { asFileIssue } from "../../domain/csv/file-issue.ts";
import { groupLineRecords, isLineTargetKey } from "../../domain/csv/group-lines.ts";
import { productTermsInRows, rowsWithProductIds } from "../../domain/lines/product-terms.ts";
import { useIssueText } from "../../i18n/issue-text.ts";
import { useT } from "../../i18n/use-t.ts";
import { useAppServices } from "../../lib/services/app-services-context.tsx";
import { recordParseTimings } from "./bench-hook.ts";
import { rowsFromColumns } from "./build-rows.ts";
import { dataEnd, fatalProblem } from "./preview-model.ts";
import { CsvWorkerClient, ImportCancelled } from "./worker/csv-worker-client.ts";
import type { ParseOptions, ParseSummary } from "./worker/protocol.ts";

export type ImportState =
  | { kind: "closed" }
  | { kind: "paste" }
  | { kind: "loading"; name: string; phase: string; fraction: number }
  | {
      kind: "preview";
      name: string;
      summary: ParseSummary;
      headerRow: number | null;
      /** Leave the detected summary rows (totals) out of the import: the default. */
      skipSummary: boolean;
      step: "file" | "map";
    }
  | { kind: "importing"; name: string; rows: number; total: number; matchingProducts?: number };

/** What the mapping step knows about an import: values it could not read, columns left out. */
export interface ImportReport {
  /** The import profile applied in the mapping step, whose batch defaults come with the import. */
  profile?: { name: string; defaults: BatchDefaults } | undefined;
  attention: number;
  /** Headers of the file columns that were not imported. */
  ignored: string[];
  /** Set when line-item columns are mapped: records with the same value here become one quote. */
  groupBy?: string | undefined;
}

export interface ImportOutcome extends ImportReport {
  rows: number;
  replaced: number;
  /** Totals lines at the end of the file that were left out. */
  summarySkipped: number;
  /** How records were grouped into quotes (files with line-item columns). */
  grouped?: { quotes: number; lines: number; ungrouped: number[]; conflicts: number } | undefined;
  /** Product names or SKUs in line-item cells that matched no single product (or all, when unreachable). */
  products?: { unmatched: number; unreachable: boolean } | undefined;
}

const CHUNK_ROWS = 5000;
/** Workers start this long after page load or an import, when the page is idle again. */
const WARM_DELAY_MS = 1000;

export function useCsvImport() {
  const { batch: store, layout, products: directory } = useAppServices();
  const [client] = useState(() => new CsvWorkerClient());
  const t = useT();
  const explain = useIssueText();
  const [state, setState] = useState<ImportState>({ kind: "closed" });
  const [alert, setAlert] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const source = useRef<{ name: string; data: Blob | string } | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;

  useEffect(() => {
    // Idle until the user imports; ~100 ms of script loading moved off the drop → preview path.
    const idle = setTimeout(() => client.warm(), WARM_DELAY_MS);
    return () => {
      clearTimeout(idle);
      client.dispose();
    };
  }, [client]);

  const fail = useCallback(
    (error: unknown, name: string) => {
      if (error instanceof ImportCancelled) return;
      // The worker's problems are codes; anything else (a bug) still says the file and what to try.
      const message = explain(asFileIssue(error));
      setAlert(t("csvImport.alert.failed", { name, message }));
      setState((current) => (current.kind === "loading" ? { kind: "closed" } : current));
    },
    [t, explain],
  );

  const parse = useCallback(
    async (name: string, data: Blob | string, options: ParseOptions, keepStep?: ImportState) => {
      source.current = { name, data };
      setState({ kind: "loading", name, phase: "reading", fraction: 0 });
      try {
        const summary = await client.parse(data, options, (phase, fraction) =>
          setState({ kind: "loading", name, phase, fraction }),
        );
        recordParseTimings(summary.timings);
        const headerRow = summary.detectedHeaderRow;
        const fatal = fatalProblem(summary, headerRow, name);
        // A workbook's other sheets may hold the data: keep the preview (and its sheet picker) open.
        const otherSheets = (summary.workbook?.sheets.length ?? 0) > 1;
        if (fatal && !otherSheets) {
          setAlert(explain(fatal));
          setState({ kind: "closed" });
          return;
        }
        setAlert(fatal ? explain(fatal) : null);
        setState({
          kind: "preview",
          name,
          summary,
          headerRow,
          skipSummary: keepStep?.kind === "preview" ? keepStep.skipSummary : true,
          step: keepStep?.kind === "preview" ? keepStep.step : "file",
        });
      } catch (error) {
        fail(error, name);
      }
    },
    [client, fail, explain],
  );

  /** A file from the input or a drop. Refused with an alert when it cannot be a CSV or an import is open. */
  const openFile = useCallback(
    (file: File) => {
      const current = stateRef.current;
      if (current.kind !== "closed" && current.kind !== "paste") {
        setAlert(
          "name" in current
            ? t("csvImport.alert.busyNamed", { file: file.name, current: current.name })
            : t("csvImport.alert.busy", { file: file.name }),
        );
        return;
      }
      setOutcome(null);
      const problem = fileProblem(file);
      if (problem) {
        setAlert(explain(problem));
        return;
      }
      setAlert(null);
      void parse(file.name, file, {});
    },
    [parse, t, explain],
  );

  const openPaste = useCallback(() => {
    setAlert(null);
    setOutcome(null);
    setState({ kind: "paste" });
  }, []);

  const parseText = useCallback(
    (text: string) => {
      if (text.trim() === "") {
        setAlert(t("csvImport.alert.noText"));
        return;
      }
      setAlert(null);
      void parse(t("csvImport.pastedName"), text, {});
    },
    [parse, t],
  );

  const reparse = useCallback(
    (change: { encoding?: CsvEncoding; delimiter?: CsvDelimiter; sheet?: number }) => {
      const current = stateRef.current;
      if (current.kind !== "preview" || !source.current) return;
      // Another sheet is another table: its header row and summary rows are detected afresh.
      if (change.sheet !== undefined) {
        void parse(
          source.current.name,
          source.current.data,
          { sheet: change.sheet },
          { ...current, step: "file" },
        );
        return;
      }
      // A new encoding may change what the delimiter looks like: let it be detected again.
      const options: ParseOptions = change.encoding
        ? { encoding: change.encoding }
        : { encoding: current.summary.encoding, delimiter: change.delimiter ?? current.summary.delimiter };
      void parse(source.current.name, source.current.data, options, current);
    },
    [parse],
  );

  const setHeaderRow = useCallback((headerRow: number | null) => {
    setState((current) => (current.kind === "preview" ? { ...current, headerRow } : current));
  }, []);

  const setSkipSummary = useCallback((skipSummary: boolean) => {
    setState((current) => (current.kind === "preview" ? { ...current, skipSummary } : current));
  }, []);

  const setStep = useCallback((step: "file" | "map") => {
    setState((current) => (current.kind === "preview" ? { ...current, step } : current));
  }, []);

  const cancel = useCallback(() => {
    client.cancel();
    setTimeout(() => client.warm(), WARM_DELAY_MS);
    source.current = null;
    setAlert(null);
    setState({ kind: "closed" });
  }, [client]);

  /** Streams the coerced rows from the worker and applies them as ONE undoable step. */
  const runImport = useCallback(
    async (mode: "append" | "replace", report: ImportReport) => {
      const current = stateRef.current;
      if (current.kind !== "preview") return;
      const { name } = current;
      let rows: BatchRow[] = [];
      const filled = new Set<string>();
      setState({ kind: "importing", name, rows: 0, total: 0 });
      try {
        performance.mark("csv-import:receive");
        await client.importRows(CHUNK_ROWS, (chunk) => {
          const built = rowsFromColumns(chunk.keys, chunk.columns, chunk.rows);
          for (const key of chunk.keys) filled.add(key);
          for (const row of built) rows.push(row);
        });
        performance.measure("csv-import:receive", "csv-import:receive");
        let grouped: ImportOutcome["grouped"];
        if (report.groupBy) {
          // One record per line item: records with the same key become one quote with those lines.
          const result = groupLineRecords(rows, report.groupBy);
          rows = result.rows;
          grouped = {
            quotes: result.rows.length,
            lines: result.lineCount,
            ungrouped: result.ungrouped.map((record) => record.index + 1),
            conflicts: result.conflicts.length,
          };
        }
        // Files name their products ("Widget", "W-100"); HubSpot needs ids. Matched before the rows land,
        // so the import stays one undo step; what matched no single product is kept and marked.
        let products: ImportOutcome["products"];
        const terms = productTermsInRows(rows);
        if (terms.length > 0) {
          setState({
            kind: "importing",
            name,
            rows: rows.length,
            total: rows.length,
            matchingProducts: terms.length,
          });
          try {
            const matches = await directory.matchTerms(terms);
            rows = rowsWithProductIds(rows, matches);
            const unmatched = terms.filter((term) => matches.get(term)?.kind !== "found").length;
            products = { unmatched, unreachable: false };
          } catch {
            products = { unmatched: terms.length, unreachable: true };
          }
        }
        performance.mark("csv-import:apply");
        const replaced = mode === "replace" ? store.rows.length : 0;
        const base = store.rows.length;
        // Appending to an empty batch is replacing it: replace-rows is O(1) where insert-rows sorts, merges
        // and collects ids (~180 ms for 100,000 rows). Undo is the same: back to the rows before.
        const rowsOperation: BatchOperation =
          mode === "replace" || base === 0
            ? { type: "replace-rows", rows }
            : { type: "insert-rows", inserts: rows.map((row, index) => ({ index: base + index, row })) };
        // A profile's batch defaults land with the rows: one undo takes both back.
        const profileDefaults = report.profile?.defaults;
        const operation: BatchOperation = profileDefaults
          ? {
              type: "sequence",
              operations: [
                {
                  type: "set-defaults",
                  defaults: {
                    cells: { ...store.defaults.cells, ...profileDefaults.cells },
                    publish: profileDefaults.publish,
                  },
                },
                rowsOperation,
              ],
            }
          : rowsOperation;
        store.apply(operation, "import");
        // A column mapped to a property the grid does not show is shown now: its values and errors are seen.
        // Line-item columns belong to the line grid, which shows the portal's line-item columns.
        layout.reveal([...filled].filter((key) => !isLineTargetKey(key)));
        // Named spans for the bench and the browser's profiler: our hand-over vs the store and its listeners.
        performance.measure("csv-import:apply", "csv-import:apply");
        // A fresh worker frees the file's records; a later one will be ready for the next import.
        client.cancel();
        setTimeout(() => client.warm(), WARM_DELAY_MS);
        source.current = null;
        const summary = current.summary.summaryRows;
        const summarySkipped =
          current.skipSummary && dataEnd(current.summary, current.headerRow, true) !== null && summary
            ? summary.records.filter((record) => record.fields.some((field) => field.trim() !== "")).length
            : 0;
        setOutcome({ rows: rows.length, replaced, summarySkipped, ...report, grouped, products });
        setState({ kind: "closed" });
      } catch (error) {
        fail(error, name);
        setState(current);
      }
    },
    [client, store, layout, directory, fail],
  );

  return {
    state,
    alert,
    outcome,
    client,
    store,
    openFile,
    openPaste,
    parseText,
    reparse,
    setHeaderRow,
    setSkipSummary,
    setStep,
    cancel,
    runImport,
    dismissAlert: () => setAlert(null),
    dismissOutcome: () => setOutcome(null),
  };
}

export type CsvImportController = ReturnType<typeof useCsvImport>;
