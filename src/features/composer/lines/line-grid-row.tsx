// biome-ignore-all lint/a11y/useSemanticElements: a WAI-ARIA grid built from divs so rows can be virtualized and cells positioned
// biome-ignore-all lint/a11y/useFocusableInteractive: focus stays on the grid, which points at the active cell with aria-activedescendant
import { createContext, memo, type ReactNode, useContext } from "react";
import type { LineRow } from "../../../domain/batch/row.ts";
import { LINE_KEYS } from "../../../domain/lines/line-columns.ts";
import type { CellIssue } from "../../../domain/validation/issue.ts";
import { type Translate, useT } from "../../../i18n/use-t.ts";
import type { ProductDirectory } from "../../../lib/products/product-directory.ts";
import { formatCell } from "../grid/cell-format.ts";
import { GridRowFrame, gridCell } from "../grid/grid-cell.tsx";
import { cellId, type GridColumn, type GridLayout, ROW_NUMBER_WIDTH } from "../grid/grid-layout.ts";

export interface LineRowContext {
  gridId: string;
  layout: GridLayout;
  issueFor(lineId: string, key: string): CellIssue | undefined;
  /** A new object when products arrive, so rows re-render then. */
  products: { directory: ProductDirectory; version: number };
  renderEditor(
    line: LineRow | undefined,
    column: GridColumn,
    seed: string | undefined,
    rowNumber: number,
  ): ReactNode;
}

export const LineRowContextValue = createContext<LineRowContext | null>(null);

export interface LineGridRowProps {
  /** `undefined`: the empty last row that adds a line to the target quote. */
  line: LineRow | undefined;
  index: number;
  /** "12.3": quote 12, line 3. */
  label: string;
  /** Read out with the row header: "Quote 12, Acme renewal, line 3". */
  description: string;
  /** The first line of a quote draws a rule above it. */
  startsQuote: boolean;
  activeCol: number;
  selLeft: number;
  selRight: number;
  editingCol: number;
  editSeed: string | undefined;
  issuesKey: string;
}

function productText(
  directory: ProductDirectory,
  id: string,
  t: Translate,
): { text: string; muted?: string } {
  const product = directory.product(id);
  if (product) return { text: product.name, ...(product.sku ? { muted: product.sku } : {}) };
  const status = directory.status(id);
  if (status === "missing") return { text: id, muted: t("lines.productNotFound") };
  if (status === "loading") return { text: id, muted: "…" };
  return { text: id };
}

/** What an empty cell shows in grey: the product's price for the unit price, the way to add a line. */
function placeholder(
  ctx: LineRowContext,
  line: LineRow | undefined,
  column: GridColumn,
  t: Translate,
): string | undefined {
  if (!line) return column.index === 0 ? t("lines.addPlaceholder") : undefined;
  if (column.def.key !== LINE_KEYS.price) return undefined;
  const product = line.cells[LINE_KEYS.product]?.trim();
  const price = product ? ctx.products.directory.price(product) : undefined;
  return price === undefined ? undefined : price.toFixed(2);
}

export const LineGridRow = memo(function LineGridRow(props: LineGridRowProps) {
  const ctx = useContext(LineRowContextValue);
  const t = useT();
  if (!ctx) return null;
  const { line, index, activeCol, selLeft, selRight, editingCol } = props;
  const { gridId, layout } = ctx;
  const classes = ["composer-row", "line-row"];
  if (activeCol >= 0) classes.push("is-active-row");
  if (editingCol >= 0) classes.push("is-editing-row");
  if (props.startsQuote) classes.push("line-row--first");
  if (!line) classes.push("line-row--new");
  const pinned: ReactNode[] = [];
  const rest: ReactNode[] = [];
  for (const column of layout.columns) {
    const c = column.index;
    const value = line?.cells[column.def.key] ?? "";
    const issue = line ? ctx.issueFor(line.id, column.def.key) : undefined;
    const selected = c >= selLeft && c <= selRight;
    let content: ReactNode;
    if (value === "") {
      const hint = placeholder(ctx, line, column, t);
      content = hint ? <span className="composer-cell__placeholder">{hint}</span> : null;
    } else if (column.def.key === LINE_KEYS.product) {
      const shown = productText(ctx.products.directory, value, t);
      content = (
        <>
          <span className="composer-cell__text">{shown.text}</span>
          {shown.muted ? <span className="composer-cell__muted"> {shown.muted}</span> : null}
        </>
      );
    } else content = formatCell(column.def, value, t);
    const cell = gridCell({
      id: cellId(gridId, index, c),
      column,
      row: index,
      selected,
      active: c === activeCol,
      editing: c === editingCol,
      issue,
      content,
      extra: c === editingCol ? ctx.renderEditor(line, column, props.editSeed, index + 1) : null,
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
          aria-label={props.description}
          title={props.description}
          className="composer-cell composer-cell--number"
          style={{ width: ROW_NUMBER_WIDTH }}
          data-row={index}
          data-col={-1}
        >
          {props.label}
        </div>
      }
      pinned={pinned}
      rest={rest}
    />
  );
});
