// biome-ignore-all lint/a11y/useSemanticElements: a WAI-ARIA grid built from divs so rows can be virtualized and cells positioned
// biome-ignore-all lint/a11y/useFocusableInteractive: focus stays on the grid, which points at the active cell with aria-activedescendant
import type {
  ClipboardEventHandler,
  KeyboardEventHandler,
  MouseEventHandler,
  PointerEventHandler,
  ReactNode,
  RefObject,
} from "react";
import type { CellRange } from "../../../domain/grid/selection.ts";
import type { CellIssue } from "../../../domain/validation/issue.ts";
import type { IssueText } from "../../../i18n/issue-text.ts";
import type { Translate } from "../../../i18n/use-t.ts";
import { ActiveCellTip, CellMessages, cellMessage, type RenderedRow } from "./cell-messages.tsx";
import { trackBlur, trackFocus } from "./grid-dom.ts";
import { GridHeader } from "./grid-header.tsx";
import { cellId, type GridLayout, ROW_HEIGHT } from "./grid-layout.ts";
import type { ViewportCache } from "./use-viewport.ts";

export interface GridShellProps {
  gridId: string;
  scrollRef: RefObject<HTMLDivElement | null>;
  label: string;
  /** The keyboard hint read as the grid's description. */
  hint: string;
  className: string;
  frameClassName: string;
  layout: GridLayout;
  rowCount: number;
  range: CellRange;
  active: { row: number; col: number };
  /** Whether the active row is among the rendered ones (aria-activedescendant must point at an element). */
  activeRendered: boolean;
  editing: boolean;
  /** The active cell's issue, shown under it while the grid has focus. */
  activeIssue: CellIssue | undefined;
  renderedRows: readonly RenderedRow[];
  issueFor(id: string, key: string): CellIssue | undefined;
  viewport: ViewportCache;
  summaryHeader?: string | undefined;
  t: Translate;
  describeIssue: IssueText;
  onKeyDown: KeyboardEventHandler<HTMLDivElement>;
  onCopy: ClipboardEventHandler<HTMLDivElement>;
  onCut: ClipboardEventHandler<HTMLDivElement>;
  onPaste: ClipboardEventHandler<HTMLDivElement>;
  onPointerDown: PointerEventHandler<HTMLDivElement>;
  onPointerOver: PointerEventHandler<HTMLDivElement>;
  onPointerUp?: PointerEventHandler<HTMLDivElement>;
  onDoubleClick: MouseEventHandler<HTMLDivElement>;
  /** The rendered rows. */
  children: ReactNode;
  /** After the grid inside the frame (the quote grid's empty state). */
  after?: ReactNode;
}

/**
 * The frame both grids share: one Tab stop (`tabIndex` 0, the active cell by aria-activedescendant, per the
 * APG grid), the header row, the virtualized body, the active cell's tip, and each marked cell's message
 * outside the rows (aria-describedby targets). The grids differ only in their rows, keys and edits.
 */
export function GridShell(props: GridShellProps) {
  const { gridId, layout, rowCount, range, active, t, describeIssue } = props;
  const hintId = `${gridId}-hint`;
  const hasRows = rowCount > 0;
  return (
    <div className={props.frameClassName}>
      <div
        ref={props.scrollRef}
        role="grid"
        aria-label={props.label}
        aria-rowcount={rowCount + 1}
        aria-colcount={layout.columns.length + 1}
        aria-multiselectable="true"
        aria-describedby={hintId}
        aria-keyshortcuts="Control+/"
        aria-activedescendant={
          props.activeRendered && !props.editing ? cellId(gridId, active.row, active.col) : undefined
        }
        tabIndex={0}
        className={props.className}
        onKeyDown={props.onKeyDown}
        onCopy={props.onCopy}
        onCut={props.onCut}
        onPaste={props.onPaste}
        onPointerDown={props.onPointerDown}
        onPointerOver={props.onPointerOver}
        onPointerUp={props.onPointerUp}
        onDoubleClick={props.onDoubleClick}
        onFocus={trackFocus}
        onBlur={trackBlur}
      >
        <GridHeader
          layout={layout}
          selLeft={hasRows ? range.left : -1}
          selRight={hasRows ? range.right : -2}
          summaryHeader={props.summaryHeader}
        />
        <div
          role="rowgroup"
          className="composer-grid__body"
          style={{ height: rowCount * ROW_HEIGHT, width: layout.totalWidth }}
        >
          {props.children}
        </div>
        {props.activeRendered ? (
          <ActiveCellTip
            layout={layout}
            row={active.row}
            col={active.col}
            text={props.activeIssue ? cellMessage(props.activeIssue, t, describeIssue) : undefined}
            view={props.viewport.read()}
          />
        ) : null}
      </div>
      {props.after}
      <p id={hintId} hidden>
        {props.hint}
      </p>
      <CellMessages
        gridId={gridId}
        layout={layout}
        rows={props.renderedRows}
        issueFor={props.issueFor}
        t={t}
        describeIssue={describeIssue}
      />
    </div>
  );
}
