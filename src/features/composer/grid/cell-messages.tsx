import type { CellIssue } from "../../../domain/validation/issue.ts";
import type { IssueText } from "../../../i18n/issue-text.ts";
import type { Translate } from "../../../i18n/use-t.ts";
import { isOutcomeIssue } from "../grid-issues.ts";
import { cellId, type GridLayout, HEADER_HEIGHT, ROW_HEIGHT } from "./grid-layout.ts";

/** The id of the element (outside the rows) that holds a cell's message. */
export function messageId(cell: string): string {
  return `${cell}-msg`;
}

/** A cell's message as shown and as read: "Error: …" / "Warning: …"; HubSpot's own already says who said it. */
export function cellMessage(issue: CellIssue, t: Translate, describeIssue: IssueText): string {
  if (isOutcomeIssue(issue)) return describeIssue(issue.message);
  return t(issue.severity === "error" ? "grid.cellError" : "grid.cellWarning", {
    message: describeIssue(issue.message),
  });
}

/** A rendered row: its index in the grid and the id its issues are looked up by (a quote's or a line's). */
export interface RenderedRow {
  id: string;
  index: number;
}

/**
 * The messages of the rendered rows' invalid and warned cells, each the target of its cell's
 * aria-describedby. Outside the grid's rows (a `hidden` element still gives a description), so the grid
 * holds only rows and cells, and every marked cell says why, not only the active one.
 */
export function CellMessages(props: {
  gridId: string;
  layout: GridLayout;
  rows: readonly RenderedRow[];
  issueFor(id: string, key: string): CellIssue | undefined;
  t: Translate;
  describeIssue: IssueText;
}) {
  const { gridId, layout, rows, issueFor, t, describeIssue } = props;
  const messages: { id: string; text: string }[] = [];
  for (const { id, index } of rows) {
    for (const column of layout.columns) {
      const issue = issueFor(id, column.def.key);
      if (issue)
        messages.push({
          id: messageId(cellId(gridId, index, column.index)),
          text: cellMessage(issue, t, describeIssue),
        });
    }
  }
  return (
    <div hidden>
      {messages.map((message) => (
        <span key={message.id} id={message.id}>
          {message.text}
        </span>
      ))}
    </div>
  );
}

/** Width of the tip; kept inside the grid's visible area, so it is never cut off at the right edge. */
const TIP_WIDTH = 320;

/**
 * The active cell's message, shown under it while the grid has focus. Inside the scroller (it scrolls with
 * the cell) but not in a row, and hidden from assistive technology: the cell's description says it already.
 */
export function ActiveCellTip(props: {
  layout: GridLayout;
  row: number;
  col: number;
  text: string | undefined;
  view: { left: number; width: number };
}) {
  const column = props.layout.columns[props.col];
  if (!column || props.text === undefined) return null;
  const natural = column.sticky ? props.view.left + column.left : column.left;
  const right = props.view.left + props.view.width - 8;
  const left = Math.max(0, Math.min(natural, right - TIP_WIDTH));
  return (
    <span
      aria-hidden="true"
      className="composer-cell__tip"
      style={{ left, top: HEADER_HEIGHT + (props.row + 1) * ROW_HEIGHT + 2, maxWidth: TIP_WIDTH }}
    >
      {props.text}
    </span>
  );
}
