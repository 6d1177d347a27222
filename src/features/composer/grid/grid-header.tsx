// biome-ignore-all lint/a11y/useSemanticElements: a WAI-ARIA grid built from divs so rows can be virtualized and cells positioned
// biome-ignore-all lint/a11y/useFocusableInteractive: focus stays on the grid, which points at the active cell with aria-activedescendant
import { memo } from "react";
import { useT } from "../../../i18n/use-t.ts";
import { type GridColumn, type GridLayout, HEADER_HEIGHT } from "./grid-layout.ts";

/** The sticky header row: a corner cell over the row numbers, then one header per column. */
export const GridHeader = memo(function GridHeader({
  layout,
  selLeft,
  selRight,
  summaryHeader,
}: {
  layout: GridLayout;
  selLeft: number;
  selRight: number;
  /** The quote grid's line-item summary, beside the row numbers. */
  summaryHeader?: string | undefined;
}) {
  const t = useT();
  return (
    <div
      role="rowgroup"
      className="composer-grid__head"
      style={{ width: layout.totalWidth, height: HEADER_HEIGHT }}
    >
      <div role="row" aria-rowindex={1} className="composer-row composer-row--head">
        <div className="composer-row__pinned" style={{ width: layout.stickyWidth }}>
          <div
            role="columnheader"
            aria-colindex={1}
            className="composer-cell composer-cell--head composer-cell--number"
            style={{ width: layout.leadWidth }}
          >
            <span className="visually-hidden">{t("grid.rowHeader")}</span>
            <span aria-hidden="true">#</span>
            {summaryHeader ? <span className="composer-cell__summary">{summaryHeader}</span> : null}
          </div>

          {layout.columns.filter((column) => column.sticky).map(header)}
        </div>
        {layout.columns.filter((column) => !column.sticky).map(header)}
      </div>
    </div>
  );

  function header(column: GridColumn) {
    const selected = column.index >= selLeft && column.index <= selRight;
    return (
      <div
        key={column.def.key}
        role="columnheader"
        aria-colindex={column.index + 2}
        className={`composer-cell composer-cell--head${selected ? " is-selected-col" : ""}`}
        style={{ width: column.width }}
        title={
          column.def.kind === "property"
            ? `${column.def.label} (${column.def.property.name})`
            : column.def.label
        }
      >
        <span className="composer-cell__text">{column.def.label}</span>
        {column.def.pinned ? (
          <span className="composer-cell__required" title={t("grid.required")}>
            <span aria-hidden="true">*</span>
            <span className="visually-hidden">{t("grid.requiredHidden")}</span>
          </span>
        ) : null}
      </div>
    );
  }
});
