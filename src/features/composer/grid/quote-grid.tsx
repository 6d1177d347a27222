// biome-ignore-all lint/a11y/useSemanticElements: a WAI-ARIA grid built from divs so rows can be virtualized and cells positioned
// biome-ignore-all lint/a11y/useFocusableInteractive: focus stays on the grid, which points at the active cell with aria-activedescendant
import { useVirtualizer } from "@tanstack/react-virtual";
import {
  type ClipboardEvent,
  type FocusEvent,
  type PointerEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import type { BatchStore } from "../../../domain/batch/batch-store.ts";
import type { BatchRow } from "../../../domain/batch/row.ts";
import type { ColumnDef } from "../../../domain/columns/column-def.ts";
import { normalizeInput } from "../../../domain/grid/editor-input.ts";
import { navigate } from "../../../domain/grid/navigation.ts";
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
import { ActiveCellTip, CellMessages, cellMessage } from "./cell-messages.tsx";
import type { EditMove } from "./editor-keys.ts";
import { clearSelection, fillDown, fillRight, pasteText, readInto } from "./grid-actions.ts";
import { GridHeader } from "./grid-header.tsx";
import { handleGridKey } from "./grid-keys.ts";
import {
  buildLayout,
  cellId,
  type GridColumn,
  HEADER_HEIGHT,
  ROW_HEIGHT,
  ROW_NUMBER_WIDTH,
} from "./grid-layout.ts";
import { GridRow, GridRowContext, type RowContext } from "./grid-row.tsx";
import { useRecordLabels } from "./use-record-labels.ts";
import { useViewport, type ViewportCache } from "./use-viewport.ts";
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

interface Editing {
  row: number;
  col: number;
  seed: string | undefined;
}

interface FillDrag {
  source: CellRange;
  target: CellRange;
}

const MOVE_KEYS: Record<Exclude<EditMove, "none">, { key: string; shift: boolean }> = {
  down: { key: "Enter", shift: false },
  up: { key: "Enter", shift: true },
  right: { key: "Tab", shift: false },
  left: { key: "Tab", shift: true },
};

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
  const [editing, setEditing] = useState<Editing | null>(null);
  const [fill, setFill] = useState<FillDrag | null>(null);
  const dragging = useRef<"select" | "fill" | null>(null);
  const announcer = useAnnouncer();
  // A committed value is checked after the edit (validation may run a moment later): said if it is wrong.
  const pendingCheck = useRef<{ rowId: string; key: string; row: number; column: string } | null>(null);

  // Callbacks read the latest values through this ref, so the row context object never changes identity.
  const latest = useRef({ selection, rows, columns, editing, fill, issues, size });
  latest.current = { selection, rows, columns, editing, fill, issues, size };

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    scrollMargin: HEADER_HEIGHT,
  });

  const focusGrid = useCallback(() => scrollRef.current?.focus({ preventScroll: true }), [scrollRef]);

  const select = useCallback((next: Selection) => onSelectionChange(next), [onSelectionChange]);

  const commitEdit = useCallback(
    (text: string, move: EditMove) => {
      const { editing: current, rows: currentRows, columns: currentColumns } = latest.current;
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
          pendingCheck.current = {
            rowId: row.id,
            key: column.key,
            row: current.row + 1,
            column: column.label,
          };
        }
      }
      setEditing(null);
      if (move !== "none") {
        const size = { rows: store.rows.length, cols: currentColumns.length };
        const next = navigate(collapsed({ row: current.row, col: current.col }), MOVE_KEYS[move], size, 1);
        if (next) select(next);
      }
      focusGrid();
    },
    [store, select, focusGrid],
  );

  const cancelEdit = useCallback(() => {
    const { editing: current, columns: currentColumns } = latest.current;
    setEditing(null);
    focusGrid();
    // Leaving edit mode is heard, not only seen: the value stays as it was.
    const column = current ? currentColumns[current.col] : undefined;
    if (current && column)
      announcer.announce(t("grid.announce.editCanceled", { column: column.label, row: current.row + 1 }));
  }, [focusGrid, announcer, t]);

  // The check of a committed value: once the grid's issues are current for its row, say what is wrong.
  useEffect(() => {
    const pending = pendingCheck.current;
    if (!pending) return;
    pendingCheck.current = null;
    const issue = issues.issueFor(pending.rowId, pending.key);
    if (issue)
      announcer.announce(
        t("grid.announce.invalid", {
          row: pending.row,
          column: pending.column,
          message: cellMessage(issue, t, describeIssue),
        }),
      );
  }, [issues, announcer, t, describeIssue]);

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
    [onSelectionChange],
  );

  // Keep the active cell in view (below the sticky header, right of the pinned columns). Reads the cached
  // viewport: reading scrollTop/clientHeight here forced a layout in the middle of every edit.
  const { row: activeRow, col: activeCol } = selection.active;
  const viewport = useViewport(scrollRef);
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element || rows.length === 0) return;
    const view = viewport.read();
    const top = HEADER_HEIGHT + activeRow * ROW_HEIGHT;
    if (top < view.top + HEADER_HEIGHT) scrollTo(element, viewport, "top", top - HEADER_HEIGHT);
    else if (top + ROW_HEIGHT > view.top + view.height)
      scrollTo(element, viewport, "top", top + ROW_HEIGHT - view.height);
    const column = layout.columns[activeCol];
    if (column && !column.sticky) {
      if (column.left < view.left + layout.stickyWidth)
        scrollTo(element, viewport, "left", column.left - layout.stickyWidth);
      else if (column.left + column.width > view.left + view.width)
        scrollTo(element, viewport, "left", column.left + column.width - view.width);
    }
  }, [activeRow, activeCol, layout, rows.length, scrollRef, viewport]);

  const pageSize = () => {
    const height = scrollRef.current?.clientHeight ?? 0;
    return Math.max(1, Math.floor((height - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
  };

  const onKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (editing || event.target !== event.currentTarget) return;
    handleGridKey(event, {
      selection,
      size,
      pageSize: pageSize(),
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

  const cellAt = (target: EventTarget | null): { row: number; col: number } | undefined => {
    if (!(target instanceof Element)) return undefined;
    const cell = target.closest<HTMLElement>("[data-col]");
    if (!cell?.dataset.row || cell.dataset.col === undefined) return undefined;
    return { row: Number(cell.dataset.row), col: Number(cell.dataset.col) };
  };

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
  const hintId = `${gridId}-hint`;
  const activeRowData = rows[activeRow];
  const activeColumn = columns[activeCol];
  const activeIssue =
    activeRowData && activeColumn && !editing
      ? issues.issueFor(activeRowData.id, activeColumn.key)
      : undefined;
  const renderedRows = items.flatMap((item) => {
    const row = rows[item.index];
    return row ? [{ id: row.id, index: item.index }] : [];
  });

  return (
    <GridRowContext.Provider value={rowContext}>
      <div className="composer-grid-frame">
        <div
          ref={scrollRef}
          role="grid"
          aria-label={t("grid.quotes")}
          aria-rowcount={rows.length + 1}
          aria-colcount={columns.length + 1}
          aria-multiselectable="true"
          aria-describedby={hintId}
          aria-keyshortcuts="Control+/"
          aria-activedescendant={
            activeRendered && !editing ? cellId(gridId, activeRow, activeCol) : undefined
          }
          tabIndex={0}
          className="composer-grid"
          onKeyDown={onKeyDown}
          onCopy={onCopy}
          onCut={onCut}
          onPaste={onPaste}
          onPointerDown={onPointerDown}
          onPointerOver={onPointerOver}
          onDoubleClick={onDoubleClick}
          onFocus={trackFocus}
          onBlur={trackBlur}
        >
          <GridHeader
            layout={layout}
            selLeft={rows.length > 0 ? range.left : -1}
            selRight={rows.length > 0 ? range.right : -2}
            summaryHeader={props.rowSummary?.header}
          />
          <div
            role="rowgroup"
            className="composer-grid__body"
            style={{ height: rows.length * ROW_HEIGHT, width: layout.totalWidth }}
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
          </div>
          {activeRendered ? (
            <ActiveCellTip
              layout={layout}
              row={activeRow}
              col={activeCol}
              text={activeIssue ? cellMessage(activeIssue, t, describeIssue) : undefined}
              view={viewport.read()}
            />
          ) : null}
        </div>
        {rows.length === 0 ? <div className="composer-grid__empty">{props.empty}</div> : null}
        <p id={hintId} hidden>
          {t("grid.hint")}
        </p>
        <CellMessages
          gridId={gridId}
          layout={layout}
          rows={renderedRows}
          issueFor={issues.issueFor}
          t={t}
          describeIssue={describeIssue}
        />
      </div>
    </GridRowContext.Provider>
  );
}

/**
 * `data-focus` on the grid while focus is anywhere in it (the grid or an editor): without it the active cell
 * dims and cell tips hide. Set on the element directly, so a focus move costs no render, and only when focus
 * enters or leaves the grid: `:focus`/`:focus-within` rules (or an attribute flipped on each move between
 * an editor and the grid) restyled every cell, ~2 ms per edit.
 */
function trackFocus(event: FocusEvent<HTMLDivElement>): void {
  const grid = event.currentTarget;
  if (grid.dataset.focus === undefined) grid.dataset.focus = "";
}

function trackBlur(event: FocusEvent<HTMLDivElement>): void {
  const grid = event.currentTarget;
  const next = event.relatedTarget;
  if (next instanceof Node && grid.contains(next)) return;
  delete grid.dataset.focus;
}

function scrollTo(element: HTMLElement, viewport: ViewportCache, axis: "top" | "left", value: number): void {
  const at = Math.max(0, value);
  if (axis === "top") element.scrollTop = at;
  else element.scrollLeft = at;
  // A second move before the scroll event must see this one (the browser may clamp `at`: read it back).
  viewport.scrolled(axis, axis === "top" ? element.scrollTop : element.scrollLeft);
}

function issueKey(issues: readonly CellIssue[]): string {
  if (issues.length === 0) return "";
  return issues
    .map((issue) => `${issue.columnKey ?? ""}\u0001${issue.severity}\u0001${JSON.stringify(issue.message)}`)
    .join("\u0002");
}
