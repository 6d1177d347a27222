import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useCallback, useEffect, useId, useMemo, useRef, useState } from "react";
import { columnsForRow } from "../../domain/columns/layout.ts";
import { cell, collapsed, type Selection, selectionRange } from "../../domain/grid/selection.ts";
import { useT, useTRich } from "../../i18n/use-t.ts";
import { useAnnouncer } from "../../lib/announcer/announcer-context.tsx";
import { describeApiError } from "../../lib/api/api-error.ts";
import { quoteSystemQuery } from "../../lib/api/get-quote-system.ts";
import { useBatchSnapshot, useBatchStore } from "../../lib/batch-store-context.tsx";
import { useAppServices } from "../../lib/services/app-services-context.tsx";
import { useRowOutcomeIssues } from "../../lib/submission/use-row-outcome-issues.ts";
import { Button } from "../../ui/button.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import {
  DraftsMenu,
  IssuesPanel,
  RecordLookup,
  RowDetailPanel,
  useBatchValidation,
  useComposerColumns,
  useDraftAutosave,
} from "./composer-deps.tsx";
import { ComposerToolbar } from "./composer-toolbar.tsx";
import { undoRedo } from "./grid/announce-edits.ts";
import { deleteRows, duplicateRows, insertRows } from "./grid/grid-actions.ts";
import { KeyboardHelp } from "./grid/keyboard-help.tsx";
import { QuoteGrid } from "./grid/quote-grid.tsx";
import { useGridIssues } from "./grid-issues.ts";
import { useComposerLines } from "./lines/use-composer-lines.tsx";
import { useLineColumns } from "./lines/use-line-columns.ts";
import { useLineRules } from "./lines/use-line-rules.ts";
import "./composer.css";
import type { LineJump } from "./lines/lines-panel.tsx";

// One element for the page's lifetime: the menu re-renders for its own reasons, not on every grid move.
const draftsMenu = <DraftsMenu />;

/** The batch composer: toolbar, the quotes grid and its panels. `toolbarEnd` hosts Import CSV and Submit batch. */
export function ComposerPage({ toolbarEnd }: { toolbarEnd?: ReactNode }) {
  const store = useBatchStore();
  const { selection: gridSelection, products: directory } = useAppServices();
  const snapshot = useBatchSnapshot();
  const { columns, available, chooser, openChooser, status, error } = useComposerColumns();
  const lineColumns = useLineColumns();
  const lineRules = useLineRules(lineColumns.properties);
  const quoteSystem = useQuery(quoteSystemQuery()).data;
  const validation = useBatchValidation(columns, { lines: lineRules, quoteSystem });
  const [selection, setSelection] = useState<Selection>(() => collapsed(cell(0, 0)));
  const [notice, setNotice] = useState("");
  const [issuesOpen, setIssuesOpen] = useState(false);
  const issuesId = useId();
  const pageRef = useRef<HTMLElement>(null);
  const closeIssues = () => {
    setIssuesOpen(false);
    pageRef.current?.querySelector<HTMLElement>("[data-issues-toggle]:not(:disabled)")?.focus();
  };
  const [detailRowId, setDetailRowId] = useState<string | undefined>();
  useDraftAutosave();
  const gridRef = useRef<HTMLDivElement>(null);
  const rows = snapshot.rows;
  const range = selectionRange(selection);

  // The submit dialog's "Selected rows": two indices per change of the selected rows, ids resolved on demand.
  const anchorRow = selection.anchor.row;
  const focusRow = selection.active.row;
  const lastRow = rows.length - 1;
  useEffect(() => {
    // Clamped like the grid clamps it (a selection left past the end after deleting rows).
    gridSelection.publish(Math.min(anchorRow, lastRow), Math.min(focusRow, lastRow), () => store.rows);
  }, [anchorRow, focusRow, lastRow, store, gridSelection]);
  useEffect(() => () => gridSelection.clear(), [gridSelection]);

  const focusGrid = () => gridRef.current?.focus();
  const announcer = useAnnouncer();
  const t = useT();
  const [helpOpen, setHelpOpen] = useState(false);
  const addRow = () => {
    insertRows(store, store.rows.length);
    setSelection(collapsed(cell(store.rows.length - 1, 0)));
    focusGrid();
    announcer.announce(t("grid.announce.rowAdded", { row: store.rows.length }));
  };
  const insertRow = () => {
    insertRows(store, range.top);
    setSelection(collapsed(cell(range.top, selection.active.col)));
    announcer.announce(t("grid.announce.rowAdded", { row: range.top + 1 }));
  };
  const removeRows = () => {
    if (store.rows.length === 0) return;
    const count = Math.min(range.bottom, store.rows.length - 1) - range.top + 1;
    deleteRows(store, selection);
    setSelection(collapsed(cell(range.top, selection.active.col)));
    announcer.announce(t("grid.announce.rowsDeleted", { count }));
  };
  const notify = (message: string) => {
    setNotice(message);
    announcer.announce(message);
  };

  const [lineJump, setLineJump] = useState<LineJump | undefined>(undefined);
  const jump = useCallback(
    (rowId: string, columnKey: string | undefined, lineId?: string) => {
      const row = store.rows.findIndex((candidate) => candidate.id === rowId);
      if (row < 0) return;
      if (lineId !== undefined && columnKey !== undefined) {
        // A line item's problem: its quote is selected (so its lines show), then the line's cell.
        setSelection(collapsed(cell(row, selection.active.col)));
        setLineJump((previous) => ({ lineId, key: columnKey, seq: (previous?.seq ?? 0) + 1 }));
        return;
      }
      const col = Math.max(
        0,
        columns.findIndex((column) => column.key === columnKey),
      );
      setSelection(collapsed(cell(row, col)));
      gridRef.current?.focus();
    },
    [store, columns, selection.active.col],
  );

  // Every property the row has a value in, shown or not; computed when the panel opens (its form is a snapshot too).
  const detailColumns = useMemo(() => {
    const row = detailRowId ? store.rows.find((candidate) => candidate.id === detailRowId) : undefined;
    return columnsForRow(columns, available, row?.cells ?? {});
  }, [detailRowId, store, columns, available]);

  const openDetails = () => {
    const row = rows[Math.min(selection.active.row, rows.length - 1)];
    if (row) setDetailRowId(row.id);
  };

  const validationIssues = useMemo(
    () => ({
      issueFor: validation.issueFor,
      issuesForRow: validation.issuesForRow,
      version: validation.version,
    }),
    [validation.issueFor, validation.issuesForRow, validation.version],
  );
  const issues = useGridIssues(validationIssues, useRowOutcomeIssues(), columns);
  const lines = useComposerLines({
    store,
    range,
    quoteGridRef: gridRef,
    directory,
    lineColumns,
    issueForLine: validation.issueForLine,
    validationVersion: validation.version,
    jump: lineJump,
  });

  const tRich = useTRich();
  const empty = (
    <EmptyState
      title={t("composer.empty.title")}
      action={
        <Button variant="primary" onClick={addRow}>
          {t("composer.empty.addRow")}
        </Button>
      }
    >
      <p className="composer-empty-hint">
        {tRich("composer.empty.hint", { kbd: (chunks) => <kbd>{chunks}</kbd> })}
      </p>
    </EmptyState>
  );

  return (
    <section
      aria-label={t("composer.label")}
      className="composer composer--with-lines"
      ref={pageRef}
      onKeyDown={(event) => {
        if (!(event.ctrlKey || event.metaKey) || event.key !== "/") return;
        event.preventDefault();
        setHelpOpen(true);
      }}
    >
      <ComposerToolbar
        rowCount={rows.length}
        selectedRows={rows.length === 0 ? 0 : Math.min(range.bottom, rows.length - 1) - range.top + 1}
        undoLabel={snapshot.canUndo ? (store.undoLabel ?? { action: "edit" }) : undefined}
        redoLabel={snapshot.canRedo ? (store.redoLabel ?? { action: "edit" }) : undefined}
        errors={validation.counts.errors}
        warnings={validation.counts.warnings}
        onAddRow={addRow}
        onInsertRow={insertRow}
        onDuplicateRows={() => {
          duplicateRows(store, selection);
          const count = Math.min(range.bottom, store.rows.length - 1) - range.top + 1;
          announcer.announce(t("grid.announce.rowsDuplicated", { count }));
        }}
        onDeleteRows={removeRows}
        onUndo={() => undoRedo(store, "undo", announcer, t)}
        onRedo={() => undoRedo(store, "redo", announcer, t)}
        onShowIssues={() => setIssuesOpen((open) => !open)}
        issuesOpen={issuesOpen}
        issuesId={issuesId}
        onColumns={openChooser}
        onRowDetails={openDetails}
        drafts={draftsMenu}
        end={toolbarEnd}
      />
      <div className="composer-batchbar">
        {lines.defaultsButton}
        {/* Not a live region: the announcer says each notice once (decision 091). */}
        <p className="composer-status">{notice}</p>
        <Button size="sm" variant="ghost" onClick={() => setHelpOpen(true)} aria-keyshortcuts="Control+/">
          {t("grid.help.button")}
        </Button>
      </div>
      {lines.defaultsPanel}
      {columns.length === 0 && status === "pending" ? (
        <p className="composer-status">{t("composer.loadingProperties")}</p>
      ) : null}
      {columns.length === 0 && status === "error" ? (
        <p role="alert" className="composer-status composer-status--alert">
          {t("composer.propertiesFailed", { error: describeApiError(error, t) })}
        </p>
      ) : null}
      {/* The problems list opens beside the grid, where it is seen, not below a grid that fills the screen. */}
      {/* biome-ignore lint/a11y/noStaticElementInteractions: F6 bubbling from the quote grid moves to the line grid */}
      <div className="composer-body" onKeyDown={lines.onKeyDown}>
        <QuoteGrid
          store={store}
          rows={rows}
          columns={columns}
          selection={selection}
          onSelectionChange={setSelection}
          issues={issues}
          onNotice={notify}
          onInsertRow={insertRow}
          onDeleteRows={removeRows}
          empty={empty}
          gridRef={gridRef}
          lookup={RecordLookup}
          onOpenRowDetails={openDetails}
          rowSummary={lines.rowSummary}
          placeholderFor={lines.placeholderFor}
        />
        {issuesOpen ? <IssuesPanel id={issuesId} onJump={jump} onClose={closeIssues} /> : null}
      </div>
      {lines.linesPanel}
      {detailRowId ? (
        <RowDetailPanel
          rowId={detailRowId}
          columns={detailColumns}
          onClose={() => {
            setDetailRowId(undefined);
            focusGrid();
          }}
        />
      ) : null}
      {chooser}
      <KeyboardHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
    </section>
  );
}
