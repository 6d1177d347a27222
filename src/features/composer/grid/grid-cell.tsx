// biome-ignore-all lint/a11y/useSemanticElements: a WAI-ARIA grid built from divs so rows can be virtualized and cells positioned
// biome-ignore-all lint/a11y/useFocusableInteractive: focus stays on the grid, which points at the active cell with aria-activedescendant
import type { ReactElement, ReactNode } from "react";
import type { CellIssue } from "../../../domain/validation/issue.ts";
import { messageId } from "./cell-messages.tsx";
import { type GridColumn, type GridLayout, ROW_HEIGHT } from "./grid-layout.ts";

export interface GridCellProps {
  id: string;
  column: GridColumn;
  /** The row's index in the grid (0-based; `data-row`, read back by `cellAt`). */
  row: number;
  selected: boolean;
  active: boolean;
  editing: boolean;
  /** Inside a fill-handle drag's target (and not already selected). */
  fillTarget?: boolean;
  issue: CellIssue | undefined;
  /** What the cell shows. */
  content: ReactNode;
  /** Extra content after the mark: the fill handle, the open editor. */
  extra?: ReactNode;
}

/**
 * One cell of either grid: its state as classes and ARIA (selected, invalid), and its message by
 * aria-describedby. The message lives outside the rows (CellMessages): a tooltip inside role=row broke the
 * grid's structure, and `title` made an empty warned cell's name the warning.
 *
 * A function that returns the cell's element, not a component: a row re-renders all its cells together
 * (it is the memoized unit), and a component per cell would add a fiber to each of the ~300 cells that a
 * selection move re-renders, for nothing.
 */
export function gridCell(props: GridCellProps): ReactElement {
  const { id, column, issue } = props;
  let className = "composer-cell";
  if (props.selected) className += " is-selected";
  if (props.active) className += " is-active";
  if (props.editing) className += " is-editing";
  if (props.fillTarget) className += " is-fill-target";
  if (issue) className += issue.severity === "error" ? " is-invalid" : " is-warning";
  return (
    <div
      key={column.def.key}
      id={id}
      role="gridcell"
      aria-colindex={column.index + 2}
      aria-selected={props.selected}
      aria-invalid={issue?.severity === "error" ? true : undefined}
      aria-describedby={issue ? messageId(id) : undefined}
      className={className}
      style={{ width: column.width }}
      data-row={props.row}
      data-col={column.index}
    >
      {props.content}
      {issue ? (
        <span className="composer-cell__mark" aria-hidden="true">
          {issue.severity === "error" ? "!" : "?"}
        </span>
      ) : null}
      {props.extra}
    </div>
  );
}

/**
 * A row of either grid: positioned for the virtualizer, its row header and pinned cells in the sticky part,
 * the other cells after it.
 */
export function GridRowFrame(props: {
  row: number;
  className: string;
  layout: GridLayout;
  header: ReactNode;
  pinned: ReactNode;
  rest: ReactNode;
}) {
  return (
    <div
      role="row"
      aria-rowindex={props.row + 2}
      className={props.className}
      style={{ top: props.row * ROW_HEIGHT, width: props.layout.totalWidth }}
    >
      <div className="composer-row__pinned" style={{ width: props.layout.stickyWidth }}>
        {props.header}
        {props.pinned}
      </div>
      {props.rest}
    </div>
  );
}
