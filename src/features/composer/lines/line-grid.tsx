// biome-ignore-all lint/a11y/useSemanticElements: a WAI-ARIA grid built from divs so rows can be virtualized and cells positioned
// biome-ignore-all lint/a11y/useFocusableInteractive: focus stays on the grid, which points at the active cell with aria-activedescendant

import { useVirtualizer } from "@tanstack/react-virtual";
import {
  type ClipboardEvent,
  type KeyboardEvent,
  type PointerEvent,
  type RefObject,
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import type { BatchStore, EditAction } from "../../../domain/batch/batch-store.ts";
import type { BatchRow, LineRow } from "../../../domain/batch/row.ts";
import type { ColumnDef } from "../../../domain/columns/column-def.ts";
import { normalizeInput } from "../../../domain/grid/editor-input.ts";
import { navigate } from "../../../domain/grid/navigation.ts";
import { copyRange } from "../../../domain/grid/range-edits.ts";
import {
  clampSelection,
  collapsed,
  extendTo,
  type Selection,
  selectionRange,
} from "../../../domain/grid/selection.ts";
import { LINE_KEYS } from "../../../domain/lines/line-columns.ts";
import {
  type LineSheet,
  planInsertLine,
  planMoveLine,
  planNewLine,
  planRemoveLines,
} from "../../../domain/lines/line-sheet.ts";
import type { ProductMatch } from "../../../domain/lines/product-terms.ts";
import type { CellIssue } from "../../../domain/validation/issue.ts";
import { useIssueText } from "../../../i18n/issue-text.ts";
import { useT } from "../../../i18n/use-t.ts";
import { useAnnouncer } from "../../../lib/announcer/announcer-context.tsx";
import type { ProductDirectory } from "../../../lib/products/product-directory.ts";
import { announceCells, undoRedo } from "../grid/announce-edits.ts";
import { CellEditor } from "../grid/cell-editor.tsx";
import { browserNormalizeContext, formatCell } from "../grid/cell-format.ts";
import { ActiveCellTip, CellMessages, cellMessage } from "../grid/cell-messages.tsx";
import type { EditMove } from "../grid/editor-keys.ts";
import { GridHeader } from "../grid/grid-header.tsx";
import { handleGridKey } from "../grid/grid-keys.ts";
import { buildLayout, cellId, type GridColumn, HEADER_HEIGHT, ROW_HEIGHT } from "../grid/grid-layout.ts";
import { useViewport } from "../grid/use-viewport.ts";
import { applyLinePaste, clearLines, fillLines, planLinePaste } from "./line-actions.ts";
import { LineGridRow, type LineRowContext, LineRowContextValue } from "./line-grid-row.tsx";
import { ProductEditor } from "./product-editor.tsx";

export interface LineGridProps {
  store: BatchStore;
  rows: readonly BatchRow[];
  sheet: LineSheet;
  columns: readonly ColumnDef[];
  directory: ProductDirectory;
  productsVersion: number;
  issueFor(lineId: string, key: string): CellIssue | undefined;
  selection: Selection;
  onSelectionChange(selection: Selection): void;
  onNotice(message: string): void;
  /** Escape with nothing selected, or F6: back to the quotes. */
  onLeave(): void;
  gridRef: RefObject<HTMLDivElement | null>;
}

const MOVE_KEYS: Record<Exclude<EditMove, "none">, { key: string; shift: boolean }> = {
  down: { key: "Enter", shift: false },
  up: { key: "Enter", shift: true },
  right: { key: "Tab", shift: false },
  left: { key: "Tab", shift: true },
};

interface Editing {
  row: number;
  col: number;
  seed: string | undefined;
}

/**
 * The line-item grid under the quotes: the lines of the selected quotes, then an empty row that adds a line
 * to the last of them. Same keys as the quote grid (arrows, Tab, Enter, F2, Delete, Ctrl+C/X/V/D/R/Z/Y),
 * plus Ctrl+Shift++ / Ctrl+- to insert or delete lines and Alt+↑/↓ to move a line on its quote.
 */
export function LineGrid(props: LineGridProps) {
  const { store, sheet, columns, directory, onSelectionChange, onNotice, gridRef } = props;
  const gridId = useId().replace(/:/g, "");
  const t = useT();
  const describeIssue = useIssueText();
  const layout = useMemo(() => buildLayout(columns), [columns]);
  const lineCount = sheet.entries.length;
  const size = { rows: lineCount + (sheet.target ? 1 : 0), cols: columns.length };
  const selection = clampSelection(props.selection, size);
  const range = selectionRange(selection);
  const [editing, setEditing] = useState<Editing | null>(null);
  const dragging = useRef(false);
  const announcer = useAnnouncer();
  const pendingCheck = useRef<{ lineId: string; key: string; row: number; column: string } | null>(null);
  const latest = useRef({ selection, sheet, columns, editing, size });
  latest.current = { selection, sheet, columns, editing, size };

  const virtualizer = useVirtualizer({
    count: size.rows,
    getScrollElement: () => gridRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    scrollMargin: HEADER_HEIGHT,
  });
  const focusGrid = useCallback(() => gridRef.current?.focus({ preventScroll: true }), [gridRef]);

  const commitEdit = useCallback(
    (text: string, move: EditMove) => {
      const { editing: current, sheet: currentSheet, columns: currentColumns } = latest.current;
      if (!current) return;
      const column = currentColumns[current.col];
      const entry = currentSheet.entries[current.row];
      let rowsAfter = latest.current.size.rows;
      if (column) {
        const value =
          column.key === LINE_KEYS.product
            ? text.trim()
            : normalizeInput(column, text, browserNormalizeContext);
        if (entry && value !== (entry.line.cells[column.key] ?? "")) {
          store.apply(
            {
              type: "set-cells",
              edits: [{ rowId: entry.rowId, lineId: entry.line.id, key: column.key, value }],
            },
            { action: "edit-cell", column: column.label },
          );
          pendingCheck.current = {
            lineId: entry.line.id,
            key: column.key,
            row: current.row + 1,
            column: column.label,
          };
        } else if (!entry && value !== "") {
          const operation = planNewLine(currentSheet, { [column.key]: value });
          if (operation) store.apply(operation, "add-line");
          rowsAfter += 1;
          announcer.announce(t("grid.announce.lineAdded", { row: rowsAfter - 1 }));
        }
      }
      setEditing(null);
      if (move !== "none") {
        const next = navigate(
          collapsed({ row: current.row, col: current.col }),
          MOVE_KEYS[move],
          { rows: rowsAfter, cols: currentColumns.length },
          1,
        );
        if (next) onSelectionChange(next);
      }
      focusGrid();
    },
    [store, onSelectionChange, focusGrid, announcer, t],
  );

  const cancelEdit = useCallback(() => {
    const { editing: current, columns: currentColumns } = latest.current;
    setEditing(null);
    focusGrid();
    const column = current ? currentColumns[current.col] : undefined;
    if (current && column)
      announcer.announce(t("grid.announce.editCanceled", { column: column.label, row: current.row + 1 }));
  }, [focusGrid, announcer, t]);

  // A committed value that validation finds wrong is said with its message (see the quote grid).
  useEffect(() => {
    const pending = pendingCheck.current;
    if (!pending) return;
    pendingCheck.current = null;
    const issue = props.issueFor(pending.lineId, pending.key);
    if (issue)
      announcer.announce(
        t("grid.announce.invalid", {
          row: pending.row,
          column: pending.column,
          message: cellMessage(issue, t, describeIssue),
        }),
      );
  }, [props.issueFor, announcer, t, describeIssue]);

  const rowContext = useMemo<LineRowContext>(
    () => ({
      gridId,
      layout,
      issueFor: props.issueFor,
      products: { directory, version: props.productsVersion },
      renderEditor: (
        line: LineRow | undefined,
        column: GridColumn,
        seed: string | undefined,
        rowNumber: number,
      ) =>
        column.def.key === LINE_KEYS.product ? (
          <ProductEditor
            column={column.def}
            name={t("grid.editorName", { column: column.def.label, row: rowNumber })}
            value={line?.cells[column.def.key] ?? ""}
            seed={seed}
            directory={directory}
            onCommit={commitEdit}
            onCancel={cancelEdit}
          />
        ) : (
          <CellEditor
            column={column.def}
            name={t("grid.editorName", { column: column.def.label, row: rowNumber })}
            value={line?.cells[column.def.key] ?? ""}
            seed={seed}
            onCommit={commitEdit}
            onCancel={cancelEdit}
          />
        ),
    }),
    [gridId, layout, props.issueFor, directory, props.productsVersion, commitEdit, cancelEdit, t],
  );

  const startEdit = (seed: string | undefined) => {
    if (size.rows === 0 || size.cols === 0) return;
    onSelectionChange(collapsed(selection.active));
    setEditing({ row: selection.active.row, col: selection.active.col, seed });
  };

  const { row: activeRow, col: activeCol } = selection.active;
  const viewport = useViewport(gridRef);
  useLayoutEffect(() => {
    const element = gridRef.current;
    if (!element || size.rows === 0) return;
    const view = viewport.read();
    const top = HEADER_HEIGHT + activeRow * ROW_HEIGHT;
    let next: number | undefined;
    if (top < view.top + HEADER_HEIGHT) next = top - HEADER_HEIGHT;
    else if (top + ROW_HEIGHT > view.top + view.height) next = top + ROW_HEIGHT - view.height;
    if (next !== undefined) {
      element.scrollTop = Math.max(0, next);
      viewport.scrolled("top", element.scrollTop);
    }
  }, [activeRow, size.rows, gridRef, viewport]);

  const apply = (operation: ReturnType<typeof planRemoveLines>, label: EditAction) => {
    if (operation) store.apply(operation, label);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (editing || event.target !== event.currentTarget) return;
    const mod = event.ctrlKey || event.metaKey;
    if (
      event.key === "F6" ||
      (event.key === "Escape" && range.top === range.bottom && range.left === range.right)
    ) {
      event.preventDefault();
      props.onLeave();
      return;
    }
    if (mod && event.shiftKey && (event.key === "+" || event.key === "=")) {
      event.preventDefault();
      const inserted = planInsertLine(sheet, range.top);
      apply(inserted, "insert-line");
      if (inserted) announcer.announce(t("grid.announce.lineAdded", { row: range.top + 1 }));
      return;
    }
    if (mod && !event.shiftKey && event.key === "-") {
      event.preventDefault();
      const last = Math.min(range.bottom, lineCount - 1);
      const removed = planRemoveLines(sheet, range.top, last);
      apply(removed, "delete-lines");
      if (removed) announcer.announce(t("grid.announce.linesDeleted", { count: last - range.top + 1 }));
      return;
    }
    if (event.altKey && (event.key === "ArrowUp" || event.key === "ArrowDown")) {
      event.preventDefault();
      const by = event.key === "ArrowUp" ? -1 : 1;
      const operation = planMoveLine(sheet, activeRow, by);
      if (operation) {
        store.apply(operation, "move-line");
        onSelectionChange(collapsed({ row: activeRow + by, col: activeCol }));
      }
      return;
    }
    const pageSize = Math.max(
      1,
      Math.floor(((gridRef.current?.clientHeight ?? 0) - HEADER_HEIGHT) / ROW_HEIGHT) - 1,
    );
    handleGridKey(event, {
      selection,
      size,
      pageSize,
      select: onSelectionChange,
      startEdit,
      clear: () =>
        announceCells(announcer, t, "grid.announce.cleared", clearLines(store, sheet, columns, selection)),
      undo: () => undoRedo(store, "undo", announcer, t),
      redo: () => undoRedo(store, "redo", announcer, t),
      fillDown: () =>
        announceCells(
          announcer,
          t,
          "grid.announce.filled",
          fillLines(store, sheet, columns, selection, "down"),
        ),
      fillRight: () =>
        announceCells(
          announcer,
          t,
          "grid.announce.filled",
          fillLines(store, sheet, columns, selection, "right"),
        ),
      openDetails: () => undefined,
    });
  };

  const format = (key: string, value: string) => {
    const column = columns.find((c) => c.key === key);
    return column ? formatCell(column, value, t) : value;
  };

  const onCopy = (event: ClipboardEvent<HTMLDivElement>) => {
    if (editing || lineCount === 0) return;
    event.preventDefault();
    event.clipboardData.setData("text/plain", copyRange(sheet.gridRows, layout.keys, range, format));
  };

  const onCut = (event: ClipboardEvent<HTMLDivElement>) => {
    if (editing || lineCount === 0) return;
    onCopy(event);
    clearLines(store, sheet, columns, selection);
  };

  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    if (editing) return;
    event.preventDefault();
    const planned = planLinePaste(sheet, columns, selection, event.clipboardData.getData("text/plain"), t);
    if (!planned) return;
    if (!("operation" in planned)) {
      onNotice(planned.message);
      return;
    }
    const apply = (matches?: ReadonlyMap<string, ProductMatch>) => {
      applyLinePaste(store, planned, matches);
      onSelectionChange(planned.selection);
    };
    const terms = planned.productTerms;
    if (terms.length === 0) {
      apply();
      onNotice(planned.message);
      return;
    }
    // Names and SKUs (what a spreadsheet holds) become product ids before the paste lands: one undo step.
    onNotice(t("lines.paste.matching", { count: terms.length }));
    directory.matchTerms(terms).then(
      (matches) => {
        apply(matches);
        const unmatched = terms.filter((term) => matches.get(term)?.kind !== "found").length;
        onNotice(
          unmatched === 0
            ? t("paste.withExtra", {
                pasted: planned.message,
                extra: t("lines.paste.matched", { count: terms.length }),
              })
            : t("paste.withExtra", {
                pasted: planned.message,
                extra: t("lines.paste.unmatched", { count: unmatched }),
              }),
        );
      },
      () => {
        apply();
        onNotice(t("paste.withExtra", { pasted: planned.message, extra: t("lines.paste.unreachable") }));
      },
    );
  };

  const cellAt = (target: EventTarget | null) => {
    if (!(target instanceof Element)) return undefined;
    const cell = target.closest<HTMLElement>("[data-col]");
    if (!cell?.dataset.row || cell.dataset.col === undefined) return undefined;
    return { row: Number(cell.dataset.row), col: Number(cell.dataset.col) };
  };

  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    const at = cellAt(event.target);
    if (!at) return;
    event.preventDefault();
    focusGrid();
    dragging.current = true;
    const pos = { row: at.row, col: Math.max(0, at.col) };
    if (at.col === -1) {
      onSelectionChange({
        anchor: { row: at.row, col: 0 },
        active: { row: at.row, col: columns.length - 1 },
      });
      return;
    }
    onSelectionChange(event.shiftKey ? extendTo(selection, pos) : collapsed(pos));
  };

  const onPointerOver = (event: PointerEvent<HTMLDivElement>) => {
    if (!dragging.current || event.buttons !== 1) {
      dragging.current = false;
      return;
    }
    const at = cellAt(event.target);
    if (at && at.col >= 0) onSelectionChange(extendTo(latest.current.selection, at));
  };

  const onDoubleClick = (event: React.MouseEvent<HTMLDivElement>) => {
    const at = cellAt(event.target);
    if (!at || at.col < 0 || editing) return;
    onSelectionChange(collapsed(at));
    setEditing({ row: at.row, col: at.col, seed: undefined });
  };

  const items = virtualizer.getVirtualItems();
  const firstVisible = items[0]?.index ?? 0;
  const lastVisible = items.at(-1)?.index ?? -1;
  const activeRendered = size.rows > 0 && activeRow >= firstVisible && activeRow <= lastVisible;
  const hintId = `${gridId}-hint`;
  const activeEntry = sheet.entries[activeRow];
  const activeColumn = columns[activeCol];
  const activeIssue =
    activeEntry && activeColumn && !editing
      ? props.issueFor(activeEntry.line.id, activeColumn.key)
      : undefined;
  const renderedRows = items.flatMap((item) => {
    const entry = sheet.entries[item.index];
    return entry ? [{ id: entry.line.id, index: item.index }] : [];
  });

  return (
    <LineRowContextValue.Provider value={rowContext}>
      <div className="composer-grid-frame line-grid-frame">
        <div
          ref={gridRef}
          role="grid"
          aria-label={t("lines.grid")}
          aria-rowcount={size.rows + 1}
          aria-colcount={columns.length + 1}
          aria-multiselectable="true"
          aria-describedby={hintId}
          aria-keyshortcuts="Control+/"
          aria-activedescendant={
            activeRendered && !editing ? cellId(gridId, activeRow, activeCol) : undefined
          }
          tabIndex={0}
          className="composer-grid line-grid"
          onKeyDown={onKeyDown}
          onCopy={onCopy}
          onCut={onCut}
          onPaste={onPaste}
          onPointerDown={onPointerDown}
          onPointerOver={onPointerOver}
          onPointerUp={() => {
            dragging.current = false;
          }}
          onDoubleClick={onDoubleClick}
          onFocus={(event) => {
            event.currentTarget.dataset.focus = "";
          }}
          onBlur={(event) => {
            const next = event.relatedTarget;
            if (next instanceof Node && event.currentTarget.contains(next)) return;
            delete event.currentTarget.dataset.focus;
          }}
        >
          <GridHeader
            layout={layout}
            selLeft={size.rows > 0 ? range.left : -1}
            selRight={size.rows > 0 ? range.right : -2}
          />
          <div
            role="rowgroup"
            className="composer-grid__body"
            style={{ height: size.rows * ROW_HEIGHT, width: layout.totalWidth }}
          >
            {items.map((item) => {
              const index = item.index;
              const entry = sheet.entries[index];
              const target = sheet.target;
              if (!entry && (!target || index !== lineCount)) return null;
              const quoteIndex = entry ? entry.quoteIndex : (target?.quoteIndex ?? 0);
              const title = props.rows[quoteIndex]?.cells.hs_title?.trim() || t("lines.untitled");
              const inRange = index >= range.top && index <= range.bottom;
              const isEditing = editing !== null && editing.row === index;
              const lineIssues = entry ? issueKey(columns, entry.line.id, props.issueFor) : "";
              return (
                <LineGridRow
                  key={entry ? entry.line.id : "new-line"}
                  line={entry?.line}
                  index={index}
                  label={entry ? `${quoteIndex + 1}.${entry.position + 1}` : "+"}
                  description={
                    entry
                      ? t("lines.rowDescription", { quote: quoteIndex + 1, title, line: entry.position + 1 })
                      : t("lines.newRowDescription", { quote: quoteIndex + 1, title })
                  }
                  startsQuote={
                    entry
                      ? entry.position === 0 && index > 0
                      : lineCount > 0 && sheet.entries[lineCount - 1]?.quoteIndex !== quoteIndex
                  }
                  activeCol={index === activeRow ? activeCol : -1}
                  selLeft={inRange ? range.left : -1}
                  selRight={inRange ? range.right : -2}
                  editingCol={isEditing ? editing.col : -1}
                  editSeed={isEditing ? editing.seed : undefined}
                  issuesKey={lineIssues}
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
        <p id={hintId} hidden>
          {t("lines.hint")}
        </p>
        <CellMessages
          gridId={gridId}
          layout={layout}
          rows={renderedRows}
          issueFor={props.issueFor}
          t={t}
          describeIssue={describeIssue}
        />
      </div>
    </LineRowContextValue.Provider>
  );
}

function issueKey(
  columns: readonly ColumnDef[],
  lineId: string,
  issueFor: LineGridProps["issueFor"],
): string {
  let key = "";
  for (const column of columns) {
    const issue = issueFor(lineId, column.key);
    if (issue) key += `${column.key}\u0001${issue.severity}\u0001${JSON.stringify(issue.message)}\u0002`;
  }
  return key;
}
