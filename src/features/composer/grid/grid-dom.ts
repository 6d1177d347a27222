import type { FocusEvent } from "react";
import type { CellPos } from "../../../domain/grid/selection.ts";
import { HEADER_HEIGHT, ROW_HEIGHT } from "./grid-layout.ts";
import type { ViewportCache } from "./use-viewport.ts";

/**
 * The cell an event happened in, from the `data-row` / `data-col` of the element it hit (`col` -1 is the row
 * number). Both grids render their cells with these attributes, so one reader serves pointer and double-click.
 */
export function cellAt(target: EventTarget | null): CellPos | undefined {
  if (!(target instanceof Element)) return undefined;
  const cell = target.closest<HTMLElement>("[data-col]");
  if (!cell?.dataset.row || cell.dataset.col === undefined) return undefined;
  return { row: Number(cell.dataset.row), col: Number(cell.dataset.col) };
}

/** How many rows PageUp/PageDown move: a screenful under the sticky header, less one row of overlap. */
export function pageSize(scrollerHeight: number): number {
  return Math.max(1, Math.floor((scrollerHeight - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
}

/**
 * `data-focus` on the grid while focus is anywhere in it (the grid or an editor): without it the active cell
 * dims and cell tips hide. Set on the element directly, so a focus move costs no render, and only when focus
 * enters or leaves the grid: `:focus`/`:focus-within` rules (or an attribute flipped on each move between
 * an editor and the grid) restyled every cell, ~2 ms per edit.
 */
export function trackFocus(event: FocusEvent<HTMLDivElement>): void {
  const grid = event.currentTarget;
  if (grid.dataset.focus === undefined) grid.dataset.focus = "";
}

export function trackBlur(event: FocusEvent<HTMLDivElement>): void {
  const grid = event.currentTarget;
  const next = event.relatedTarget;
  if (next instanceof Node && grid.contains(next)) return;
  delete grid.dataset.focus;
}

export function scrollTo(
  element: HTMLElement,
  viewport: ViewportCache,
  axis: "top" | "left",
  value: number,
): void {
  const at = Math.max(0, value);
  if (axis === "top") element.scrollTop = at;
  else element.scrollLeft = at;
  // A second move before the scroll event must see this one (the browser may clamp `at`: read it back).
  viewport.scrolled(axis, axis === "top" ? element.scrollTop : element.scrollLeft);
}
