import { useLayoutEffect, useRef } from "react";

/** Shifts a popover editor left (and up) so it stays inside the grid's visible area instead of being cut off. */
export function useKeepInGrid<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    const grid = element?.closest('[role="grid"]');
    if (!element || !grid) return;
    const box = element.getBoundingClientRect();
    const frame = grid.getBoundingClientRect();
    const dx = Math.min(0, frame.right - 4 - box.right);
    const dy = box.bottom > frame.bottom - 4 ? -(box.height - (element.parentElement?.clientHeight ?? 0)) : 0;
    if (dx !== 0 || dy !== 0) element.style.transform = `translate(${dx}px, ${dy}px)`;
  }, []);
  return ref;
}
