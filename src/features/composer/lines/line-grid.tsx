import { useVirtualizer } from "@tanstack/react-virtual";
import {
  type ClipboardEvent,
  type KeyboardEvent,
  type PointerEvent,
  type RefObject,
  useCallback,
  useId,
  useMemo,
  useRef,
} from "react";
import type { BatchStore, EditAction } from "../../../domain/batch/batch-store.ts";
import type { BatchRow, LineRow } from "../../../domain/batch/row.ts";
import type { ColumnDef } from "../../../domain/columns/column-def.ts";
import { normalizeInput } from "../../../domain/grid/editor-input.ts";
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
import type { EditMove } from "../grid/editor-keys.ts";
import { cellAt, pageSize } from "../grid/grid-dom.ts";
import { handleGridKey } from "../grid/grid-keys.ts";
import { buildLayout, type GridColumn, HEADER_HEIGHT, ROW_HEIGHT } from "../grid/grid-layout.ts";
import { GridShell } from "../grid/grid-shell.tsx";
import { useActiveCellInView } from "../grid/use-active-cell-in-view.ts";
import { selectionAfterEdit, useEditSession } from "../grid/use-edit-session.ts";
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
  const dragging = useRef(false);
  const announcer = useAnnouncer();
  const focusGrid = useCallback(() => gridRef.current?.focus({ preventScroll: true }), [gridRef]);
  const { editing, editingRef, setEditing, cancelEdit, checkLater } = useEditSession({
    columns,
    focusGrid,
    issueFor: props.issueFor,
    issuesVersion: props.issueFor,
  });
  const latest = useRef({ selection, sheet, columns, size });
  latest.current = { selection, sheet, columns, size };

  const virtualizer = useVirtualizer({
    count: size.rows,
    getScrollElement: () => gridRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    scrollMargin: HEADER_HEIGHT,
  });
  const commitEdit = useCallback(
    (text: string, move: EditMove) => {
      const { sheet: currentSheet, columns: currentColumns } = latest.current;
      const current = editingRef.current;
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
          checkLater({ id: entry.line.id, key: column.key, row: current.row + 1, column: column.label });
        } else if (!entry && value !== "") {
          const operation = planNewLine(currentSheet, { [column.key]: value });
          if (operation) store.apply(operation, "add-line");
          rowsAfter += 1;
          announcer.announce(t("grid.announce.lineAdded", { row: rowsAfter - 1 }));
        }
      }
      setEditing(null);
      const next = selectionAfterEdit(current, move, { rows: rowsAfter, cols: currentColumns.length });
      if (next) onSelectionChange(next);
      focusGrid();
    },
    [store, onSelectionChange, focusGrid, announcer, t, editingRef, setEditing, checkLater],
  );

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
  useActiveCellInView(gridRef, viewport, selection.active, layout, size.rows);

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
    handleGridKey(event, {
      selection,
      size,
      pageSize: pageSize(gridRef.current?.clientHeight ?? 0),
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
  const activeEntry = sheet.entries[activeRow];
  const activeColumn = columns[activeCol];
  const renderedRows = items.flatMap((item) => {
    const entry = sheet.entries[item.index];
    return entry ? [{ id: entry.line.id, index: item.index }] : [];
  });

  return (
    <LineRowContextValue.Provider value={rowContext}>
      <GridShell
        gridId={gridId}
        scrollRef={gridRef}
        label={t("lines.grid")}
        hint={t("lines.hint")}
        className="composer-grid line-grid"
        frameClassName="composer-grid-frame line-grid-frame"
        layout={layout}
        rowCount={size.rows}
        range={range}
        active={selection.active}
        activeRendered={activeRendered}
        editing={editing !== null}
        activeIssue={
          activeEntry && activeColumn && !editing
            ? props.issueFor(activeEntry.line.id, activeColumn.key)
            : undefined
        }
        renderedRows={renderedRows}
        issueFor={props.issueFor}
        viewport={viewport}
        t={t}
        describeIssue={describeIssue}
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
      </GridShell>
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
