import { useVirtualizer } from "@tanstack/react-virtual";
import {
  type ClipboardEvent,
  type PointerEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
} from "react";
import type { BatchStore } from "../../../domain/batch/batch-store.ts";
import type { BatchRow } from "../../../domain/batch/row.ts";
import type { ColumnDef } from "../../../domain/columns/column-def.ts";
import { normalizeInput } from "../../../domain/grid/editor-input.ts";
import { copyRange, fillTarget, planFill } from "../../../domain/grid/range-edits.ts";
import {
  type CellRange,
  clampSelection,
  collapsed,
  extendTo,
  type Selection,
  selectionRange,
} from "../../../domain/grid/selection.ts";
import type { CellIssue } from "../../../domain/validation/issue.ts";
import { useIssueText } from "../../../i18n/issue-text.ts";
import { useT } from "../../../i18n/use-t.ts";
import { useAnnouncer } from "../../../lib/announcer/announcer-context.tsx";
import { announceCells, undoRedo } from "./announce-edits.ts";
import type { LookupComponent } from "./association-editor.tsx";
import { CellEditor } from "./cell-editor.tsx";
import { browserNormalizeContext, formatCell } from "./cell-format.ts";
import type { EditMove } from "./editor-keys.ts";
import { clearSelection, fillDown, fillRight, pasteText, readInto } from "./grid-actions.ts";
import { cellAt, pageSize } from "./grid-dom.ts";
import { handleGridKey } from "./grid-keys.ts";
import { buildLayout, type GridColumn, HEADER_HEIGHT, ROW_HEIGHT, ROW_NUMBER_WIDTH } from "./grid-layout.ts";
import { GridRow, GridRowContext, type RowContext } from "./grid-row.tsx";
import { GridShell } from "./grid-shell.tsx";
import { useActiveCellInView } from "./use-active-cell-in-view.ts";
import { selectionAfterEdit, useEditSession } from "./use-edit-session.ts";
import { useRecordLabels } from "./use-record-labels.ts";
import { useViewport } from "./use-viewport.ts";
import "./quote-grid.css";

export interface GridIssues {
  issueFor(rowId: string, key: string): CellIssue | undefined;
  issuesForRow(rowId: string): readonly CellIssue[];
  version: number;
}

export interface QuoteGridProps {
  store: BatchStore;
  rows: readonly BatchRow[];
  columns: readonly ColumnDef[];
  selection: Selection;
  onSelectionChange(selection: Selection): void;
  issues: GridIssues;
  /** Plain-words feedback (paste results, columns that did not fit) for the page's status line. */
  onNotice(message: string): void;
  /** The record lookup combobox for association cells; without it they edit as text (ids). */
  lookup?: LookupComponent;
  /** Alt+Enter: the active row's detail panel. */
  onOpenRowDetails?(): void;
  /** Shown over the body when there are no rows. */
  empty?: ReactNode;
  gridRef?: React.RefObject<HTMLDivElement | null>;
  /** A read-only summary beside each row number (the quote's line items); a new object re-renders rows. */
  rowSummary?: { header: string; width: number; text(row: BatchRow): string } | undefined;
  /** The batch default for a column, shown in grey in empty cells. */
  placeholderFor?: ((key: string) => string | undefined) | undefined;
  /** Ctrl+Shift+=: a row at the active one (the composer announces it). */
  onInsertRow?(): void;
  /** Ctrl+-: the selected rows go. */
  onDeleteRows?(): void;
}

interface FillDrag {
  source: CellRange;
  target: CellRange;
}

/** The quotes grid: WAI-ARIA grid, virtualized rows, spreadsheet keys, clipboard, fill and inline editors. */
export function QuoteGrid(props: QuoteGridProps) {
  const { store, rows, columns, issues, onSelectionChange, onNotice } = props;
  const gridId = useId().replace(/:/g, "");
  const ownRef = useRef<HTMLDivElement>(null);
  const scrollRef = props.gridRef ?? ownRef;
  const summaryWidth = props.rowSummary?.width ?? 0;
  const layout = useMemo(
    () => buildLayout(columns, ROW_NUMBER_WIDTH + summaryWidth),
    [columns, summaryWidth],
  );
  const size = { rows: rows.length, cols: columns.length };
  const selection = clampSelection(props.selection, size);
  const range = selectionRange(selection);
  const t = useT();
  const describeIssue = useIssueText();
  const [fill, setFill] = useState<FillDrag | null>(null);
  const dragging = useRef<"select" | "fill" | null>(null);
  const announcer = useAnnouncer();
  const focusGrid = useCallback(() => scrollRef.current?.focus({ preventScroll: true }), [scrollRef]);
  const { editing, editingRef, setEditing, cancelEdit, checkLater } = useEditSession({
    columns,
    focusGrid,
    issueFor: issues.issueFor,
    issuesVersion: issues,
  });

  // Callbacks read the latest values through this ref, so the row context object never changes identity.
  const latest = useRef({ selection, rows, columns, fill, issues, size });
  latest.current = { selection, rows, columns, fill, issues, size };

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    scrollMargin: HEADER_HEIGHT,
  });

  const select = useCallback((next: Selection) => onSelectionChange(next), [onSelectionChange]);

  const commitEdit = useCallback(
    (text: string, move: EditMove) => {
      const { rows: currentRows, columns: currentColumns } = latest.current;
      const current = editingRef.current;
      if (!current) return;
      const row = currentRows[current.row];
      const column = currentColumns[current.col];
      if (row && column) {
        const value = normalizeInput(column, text, browserNormalizeContext);
        if (value !== (row.cells[column.key] ?? "")) {
          store.apply(
            { type: "set-cells", edits: [{ rowId: row.id, key: column.key, value }] },
            { action: "edit-cell", column: column.label },
          );
          checkLater({ id: row.id, key: column.key, row: current.row + 1, column: column.label });
        }
      }
      setEditing(null);
      const next = selectionAfterEdit(current, move, {
        rows: store.rows.length,
        cols: currentColumns.length,
      });
      if (next) select(next);
      focusGrid();
    },
    [store, select, focusGrid, editingRef, setEditing, checkLater],
  );

  const lookup = props.lookup;
  const visibleItems = virtualizer.getVirtualItems();
  const names = useRecordLabels();
  const rowContext = useMemo<RowContext>(
    () => ({
      gridId,
      layout,
      issueFor: (rowId, key) => latest.current.issues.issueFor(rowId, key),
      names,
      summary: props.rowSummary?.text,
      placeholder: props.placeholderFor,
      renderEditor: (row: BatchRow, column: GridColumn, seed: string | undefined, rowNumber: number) => (
        <CellEditor
          column={column.def}
          name={t("grid.editorName", { column: column.def.label, row: rowNumber })}
          value={row.cells[column.def.key] ?? ""}
          seed={seed}
          onCommit={commitEdit}
          onCancel={cancelEdit}
          lookup={lookup}
        />
      ),
    }),
    [gridId, layout, commitEdit, cancelEdit, lookup, names, props.rowSummary, props.placeholderFor, t],
  );

  const startEdit = useCallback(
    (seed: string | undefined) => {
      const { selection: current, size: currentSize } = latest.current;
      if (currentSize.rows === 0 || currentSize.cols === 0) return;
      onSelectionChange(collapsed(current.active));
      setEditing({ row: current.active.row, col: current.active.col, seed });
    },
    [onSelectionChange, setEditing],
  );

  const { row: activeRow, col: activeCol } = selection.active;
  const viewport = useViewport(scrollRef);
  useActiveCellInView(scrollRef, viewport, selection.active, layout, rows.length);

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (editing || event.target !== event.currentTarget) return;
    handleGridKey(event, {
      selection,
      size,
      pageSize: pageSize(scrollRef.current?.clientHeight ?? 0),
      select,
      startEdit,
      clear: () => sayCells("grid.announce.cleared", clearSelection(store, columns, selection)),
      undo: () => undoRedo(store, "undo", announcer, t),
      redo: () => undoRedo(store, "redo", announcer, t),
      fillDown: () => sayCells("grid.announce.filled", fillDown(store, columns, selection)),
      fillRight: () => sayCells("grid.announce.filled", fillRight(store, columns, selection)),
      openDetails: () => props.onOpenRowDetails?.(),
      ...(props.onInsertRow ? { insertRow: props.onInsertRow } : {}),
      ...(props.onDeleteRows ? { deleteRows: props.onDeleteRows } : {}),
    });
  };

  const sayCells = (id: "grid.announce.cleared" | "grid.announce.filled", count: number) =>
    announceCells(announcer, t, id, count);

  const format = (key: string, value: string) => {
    const column = columns.find((c) => c.key === key);
    return column ? formatCell(column, value, t) : value;
  };

  const onCopy = (event: ClipboardEvent<HTMLDivElement>) => {
    if (editing || rows.length === 0) return;
    event.preventDefault();
    event.clipboardData.setData("text/plain", copyRange(rows, layout.keys, range, format));
  };

  const onCut = (event: ClipboardEvent<HTMLDivElement>) => {
    if (editing || rows.length === 0) return;
    onCopy(event);
    clearSelection(store, columns, selection);
  };

  const pasteFrom = useCallback(
    (text: string) => {
      const result = pasteText(store, latest.current.columns, latest.current.selection, text, t);
      if (!result) return;
      select(result.selection);
      onNotice(result.message);
    },
    [store, select, onNotice, t],
  );

  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    if (editing) return;
    event.preventDefault();
    pasteFrom(event.clipboardData.getData("text/plain"));
  };

  // Ctrl+V with nothing focused (say, after clicking the empty state) pastes into the grid too.
  useEffect(() => {
    const onDocumentPaste = (event: globalThis.ClipboardEvent) => {
      const grid = scrollRef.current;
      if (document.activeElement !== document.body || !event.clipboardData) return;
      if (!grid?.isConnected || grid.closest("[hidden]")) return;
      event.preventDefault();
      pasteFrom(event.clipboardData.getData("text/plain"));
      grid.focus({ preventScroll: true });
    };
    document.addEventListener("paste", onDocumentPaste);
    return () => document.removeEventListener("paste", onDocumentPaste);
  }, [pasteFrom, scrollRef]);

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    const target = event.target;
    const at = cellAt(target);
    if (!at) return;
    event.preventDefault();
    focusGrid();
    if (target instanceof Element && target.closest("[data-fill-handle]")) {
      dragging.current = "fill";
      setFill({ source: range, target: range });
      return;
    }
    dragging.current = "select";
    if (at.col === -1) {
      // The row number selects the whole row.
      const rowSelection = {
        anchor: { row: at.row, col: 0 },
        active: { row: at.row, col: columns.length - 1 },
      };
      select(
        event.shiftKey ? { ...rowSelection, anchor: { row: selection.anchor.row, col: 0 } } : rowSelection,
      );
      return;
    }
    select(event.shiftKey ? extendTo(selection, at) : collapsed(at));
  };

  const onPointerOver = (event: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current) return;
    const at = cellAt(event.target);
    if (!at || at.col < 0) return;
    if (dragging.current === "select") select(extendTo(latest.current.selection, at));
    else if (latest.current.fill) {
      const source = latest.current.fill.source;
      setFill({ source, target: fillTarget(source, at.row, at.col) });
    }
  };

  useEffect(() => {
    const end = () => {
      const mode = dragging.current;
      dragging.current = null;
      const current = latest.current.fill;
      if (mode !== "fill" || !current) return;
      setFill(null);
      const { rows: currentRows, columns: currentColumns } = latest.current;
      const operation = planFill(
        currentRows,
        layout.keys,
        current.source,
        current.target,
        readInto(currentColumns),
      );
      if (operation) store.apply(operation, "fill");
      select({
        anchor: { row: current.target.top, col: current.target.left },
        active: { row: current.target.bottom, col: current.target.right },
      });
    };
    window.addEventListener("pointerup", end);
    return () => window.removeEventListener("pointerup", end);
  }, [layout, store, select]);

  const onDoubleClick = (event: React.MouseEvent<HTMLDivElement>) => {
    const at = cellAt(event.target);
    if (!at || at.col < 0 || editing) return;
    select(collapsed(at));
    setEditing({ row: at.row, col: at.col, seed: undefined });
  };

  const items = visibleItems;
  const firstVisible = items[0]?.index ?? 0;
  const lastVisible = items.at(-1)?.index ?? -1;
  const activeRendered = rows.length > 0 && activeRow >= firstVisible && activeRow <= lastVisible;
  const fillRange = fill?.target;
  const activeRowData = rows[activeRow];
  const activeColumn = columns[activeCol];
  const renderedRows = items.flatMap((item) => {
    const row = rows[item.index];
    return row ? [{ id: row.id, index: item.index }] : [];
  });

  return (
    <GridRowContext.Provider value={rowContext}>
      <GridShell
        gridId={gridId}
        scrollRef={scrollRef}
        label={t("grid.quotes")}
        hint={t("grid.hint")}
        className="composer-grid"
        frameClassName="composer-grid-frame"
        layout={layout}
        rowCount={rows.length}
        range={range}
        active={selection.active}
        activeRendered={activeRendered}
        editing={editing !== null}
        activeIssue={
          activeRowData && activeColumn && !editing
            ? issues.issueFor(activeRowData.id, activeColumn.key)
            : undefined
        }
        renderedRows={renderedRows}
        issueFor={issues.issueFor}
        viewport={viewport}
        summaryHeader={props.rowSummary?.header}
        t={t}
        describeIssue={describeIssue}
        onKeyDown={onKeyDown}
        onCopy={onCopy}
        onCut={onCut}
        onPaste={onPaste}
        onPointerDown={onPointerDown}
        onPointerOver={onPointerOver}
        onDoubleClick={onDoubleClick}
        after={rows.length === 0 ? <div className="composer-grid__empty">{props.empty}</div> : null}
      >
        {items.map((item) => {
          const index = item.index;
          const row = rows[index];
          if (!row) return null;
          const inRange = index >= range.top && index <= range.bottom;
          const inFill = fillRange !== undefined && index >= fillRange.top && index <= fillRange.bottom;
          const isEditing = editing !== null && editing.row === index;
          return (
            <GridRow
              key={row.id}
              row={row}
              index={index}
              activeCol={index === activeRow ? activeCol : -1}
              selLeft={inRange ? range.left : -1}
              selRight={inRange ? range.right : -2}
              handleCol={!editing && !fill && index === range.bottom ? range.right : -1}
              fillLeft={inFill ? fillRange.left : -1}
              fillRight={inFill ? fillRange.right : -2}
              editingCol={isEditing ? editing.col : -1}
              editSeed={isEditing ? editing.seed : undefined}
              issuesKey={issueKey(issues.issuesForRow(row.id))}
            />
          );
        })}
      </GridShell>
    </GridRowContext.Provider>
  );
}

function issueKey(issues: readonly CellIssue[]): string {
  if (issues.length === 0) return "";
  return issues
    .map((issue) => `${issue.columnKey ?? ""}\u0001${issue.severity}\u0001${JSON.stringify(issue.message)}`)
    .join("\u0002");
}
