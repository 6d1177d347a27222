// biome-ignore-all lint/a11y/useSemanticElements: a WAI-ARIA grid built from divs so rows can be virtualized and cells positioned
// biome-ignore-all lint/a11y/useFocusableInteractive: focus stays on the grid, which points at the active cell with aria-activedescendant
import { createContext, memo, type ReactNode, useContext } from "react";
import { splitRecordIds } from "../../../domain/batch/columns.ts";
import type { BatchRow } from "../../../domain/batch/row.ts";
import type { CellIssue } from "../../../domain/validation/issue.ts";
import type { AssociationTargetType } from "../../../hubspot/association-catalogue.ts";
import { type Translate, useT } from "../../../i18n/use-t.ts";
import { formatCell } from "./cell-format.ts";
import { GridRowFrame, gridCell } from "./grid-cell.tsx";
import { cellId, type GridColumn, type GridLayout } from "./grid-layout.ts";
import type { NameLookup } from "./use-record-labels.ts";

/** What every row needs from the grid; one stable object, so rows re-render only when their own props change. */
export interface RowContext {
  gridId: string;
  layout: GridLayout;
  issueFor(rowId: string, key: string): CellIssue | undefined;
  /** The editor for a cell; `rowNumber` (1-based) goes into its accessible name ("Quote name, row 12"). */
  renderEditor(row: BatchRow, column: GridColumn, seed: string | undefined, rowNumber: number): ReactNode;
  /** Record names for association cells; a new object when names arrive, so rows re-render then. */
  names: NameLookup;
  /** Shown beside the row number: the quote's line count and total. */
  summary?: ((row: BatchRow) => string) | undefined;
  /** Grey text in an empty cell: the batch default the row will take. */
  placeholder?: ((key: string) => string | undefined) | undefined;
}

function associationText(names: NameLookup, type: AssociationTargetType, value: string): string {
  return splitRecordIds(value)
    .map((id) => names.label(type, id))
    .join(", ");
}

const OUTER_SPACE = /^(\s*)([\s\S]*?)(\s*)$/;

/**
 * Text with its leading and trailing spaces made visible ("␣"): HubSpot keeps them as sent, and an
 * invisible space is the usual cause of "Acme" and "Acme " not matching. The row's warning says so too.
 */
function withVisibleSpaces(text: string): ReactNode {
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  // Fast path: most cells start and end with a visible character.
  if (text === "" || (first > 32 && first !== 160 && last > 32 && last !== 160)) return text;
  const [, lead = "", middle = "", trail = ""] = OUTER_SPACE.exec(text) ?? [];
  const mark = (spaces: string, key: string) =>
    spaces === "" ? null : (
      <span key={key} className="composer-cell__space" aria-hidden="true">
        {"␣".repeat(spaces.length)}
      </span>
    );
  return [mark(lead, "lead"), middle, mark(trail, "trail")];
}

export const GridRowContext = createContext<RowContext | null>(null);

function placeholderText(ctx: RowContext, def: GridColumn["def"], t: Translate): ReactNode {
  const value = ctx.placeholder?.(def.key);
  if (!value) return null;
  const text =
    def.kind === "association"
      ? associationText(ctx.names, def.association.toObjectType, value)
      : formatCell(def, value, t);
  return (
    <span className="composer-cell__placeholder" title={t("grid.batchDefault", { value: text })}>
      {text}
    </span>
  );
}

export interface GridRowProps {
  row: BatchRow;
  index: number;
  /** Column index of the active cell in this row, or -1. */
  activeCol: number;
  /** Selected columns in this row (inclusive), or -1/-1. */
  selLeft: number;
  selRight: number;
  /** The fill handle sits on this column of this row, or -1. */
  handleCol: number;
  /** Columns a fill-handle drag would fill in this row, or -1/-1. */
  fillLeft: number;
  fillRight: number;
  editingCol: number;
  editSeed: string | undefined;
  /** Changes when this row's validation issues change; it only has to differ, not to be read. */
  issuesKey: string;
}

export const GridRow = memo(function GridRow(props: GridRowProps) {
  const ctx = useContext(GridRowContext);
  const t = useT();
  if (!ctx) return null;
  const { row, index, activeCol, selLeft, selRight, handleCol, fillLeft, fillRight, editingCol } = props;
  const { gridId, layout } = ctx;
  const classes = ["composer-row"];
  if (activeCol >= 0) classes.push("is-active-row");
  if (editingCol >= 0) classes.push("is-editing-row");
  const pinned: ReactNode[] = [];
  const rest: ReactNode[] = [];
  for (const column of layout.columns) {
    const c = column.index;
    const value = row.cells[column.def.key] ?? "";
    const issue = ctx.issueFor(row.id, column.def.key);
    const selected = c >= selLeft && c <= selRight;
    const cell = gridCell({
      id: cellId(gridId, index, c),
      column,
      row: index,
      selected,
      active: c === activeCol,
      editing: c === editingCol,
      fillTarget: c >= fillLeft && c <= fillRight && !selected,
      issue,
      content:
        value === "" && ctx.placeholder
          ? placeholderText(ctx, column.def, t)
          : column.def.kind === "association" && value !== ""
            ? associationText(ctx.names, column.def.association.toObjectType, value)
            : withVisibleSpaces(formatCell(column.def, value, t)),
      extra: (
        <>
          {c === handleCol ? (
            <span className="composer-fill-handle" aria-hidden="true" data-fill-handle />
          ) : null}
          {c === editingCol ? ctx.renderEditor(row, column, props.editSeed, index + 1) : null}
        </>
      ),
    });
    (column.sticky ? pinned : rest).push(cell);
  }
  return (
    <GridRowFrame
      row={index}
      className={classes.join(" ")}
      layout={layout}
      header={
        <div
          role="rowheader"
          aria-colindex={1}
          className={`composer-cell composer-cell--number${ctx.summary ? " composer-cell--with-summary" : ""}`}
          style={{ width: layout.leadWidth }}
          data-row={index}
          data-col={-1}
        >
          {ctx.summary ? (
            <>
              <span className="composer-cell__number">{index + 1}</span>
              <span className="visually-hidden">, </span>
              <span className="composer-cell__summary">{ctx.summary(row)}</span>
            </>
          ) : (
            index + 1
          )}
        </div>
      }
      pinned={pinned}
      rest={rest}
    />
  );
});
