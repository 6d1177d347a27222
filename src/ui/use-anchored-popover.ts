import { type RefObject, useLayoutEffect } from "react";

/**
 * The `popover` attribute to put on the list: "manual" where the browser has the popover API, none elsewhere
 * (jsdom hides a `[popover]` element it cannot show, which would hide the list from component tests).
 */
export const ANCHORED_POPOVER: "manual" | undefined =
  typeof HTMLElement !== "undefined" && "showPopover" in HTMLElement.prototype ? "manual" : undefined;

/** Room kept between the list and the viewport's edges. */
const EDGE = 8;

/**
 * Shows `popover` (an element with `popover="manual"`) in the browser's top layer while `open`, placed under
 * `anchor` — or above it when there is more room there — and kept inside the viewport on every side.
 *
 * Why the top layer: the grid is a scroll container with `contain: strict`, which clips anything inside it
 * (a lookup list under a cell at the grid's bottom showed two of its ten results) and makes even
 * `position: fixed` relative to the grid. The top layer escapes both; the list stays in the editor's DOM, so
 * focus, aria-controls and aria-activedescendant are unchanged. Repositioned on scroll and resize.
 */
export function useAnchoredPopover(
  anchor: RefObject<HTMLElement | null>,
  popover: RefObject<HTMLElement | null>,
  open: boolean,
): void {
  useLayoutEffect(() => {
    const list = popover.current;
    const target = anchor.current;
    // Without the popover API the list stays where CSS puts it (under the editor).
    if (!open || !list || !target || ANCHORED_POPOVER === undefined) return;
    const place = () => {
      const box = target.getBoundingClientRect();
      const width = Math.min(Math.max(box.width, 260), window.innerWidth - 2 * EDGE);
      const below = window.innerHeight - box.bottom - EDGE;
      const above = box.top - EDGE;
      const height = Math.min(list.scrollHeight, 256);
      const downward = below >= height || below >= above;
      list.style.width = `${width}px`;
      list.style.maxHeight = `${Math.max(downward ? below : above, 96) - 4}px`;
      list.style.left = `${Math.min(Math.max(EDGE, box.left), window.innerWidth - EDGE - width)}px`;
      list.style.top = downward ? `${box.bottom + 4}px` : "auto";
      list.style.bottom = downward ? "auto" : `${window.innerHeight - box.top + 4}px`;
    };
    if (!list.matches(":popover-open")) list.showPopover();
    place();
    const observer = new ResizeObserver(place);
    observer.observe(list);
    window.addEventListener("scroll", place, true);
    window.addEventListener("resize", place);
    return () => {
      observer.disconnect();
      window.removeEventListener("scroll", place, true);
      window.removeEventListener("resize", place);
      if (list.isConnected && list.matches(":popover-open")) list.hidePopover();
    };
  }, [anchor, popover, open]);
}
