import { type RefObject, useLayoutEffect } from "react";
import { scrollTo } from "./grid-dom.ts";
import { type GridLayout, HEADER_HEIGHT, ROW_HEIGHT } from "./grid-layout.ts";
import type { ViewportCache } from "./use-viewport.ts";

/**
 * Keeps the active cell in view: below the sticky header and right of the pinned columns. Reads the cached
 * viewport: reading scrollTop/clientHeight here forced a layout in the middle of every edit.
 */
export function useActiveCellInView(
  scrollRef: RefObject<HTMLElement | null>,
  viewport: ViewportCache,
  active: { row: number; col: number },
  layout: GridLayout,
  rowCount: number,
): void {
  const { row, col } = active;
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!element || rowCount === 0) return;
    const view = viewport.read();
    const top = HEADER_HEIGHT + row * ROW_HEIGHT;
    if (top < view.top + HEADER_HEIGHT) scrollTo(element, viewport, "top", top - HEADER_HEIGHT);
    else if (top + ROW_HEIGHT > view.top + view.height)
      scrollTo(element, viewport, "top", top + ROW_HEIGHT - view.height);
    const column = layout.columns[col];
    if (column && !column.sticky) {
      if (column.left < view.left + layout.stickyWidth)
        scrollTo(element, viewport, "left", column.left - layout.stickyWidth);
      else if (column.left + column.width > view.left + view.width)
        scrollTo(element, viewport, "left", column.left + column.width - view.width);
    }
  }, [row, col, layout, rowCount, scrollRef, viewport]);
}
