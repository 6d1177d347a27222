import { type RefObject, useEffect, useState } from "react";

/**
 * Whether the element's content is larger than the element (it scrolls, either way), kept current as the
 * element or its children resize. A container that scrolls must be focusable, so a keyboard user can scroll
 * it (axe scrollable-region-focusable); one that fits should add no Tab stop.
 */
export function useScrolls(ref: RefObject<HTMLElement | null>): boolean {
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    const measure = () =>
      setScrolls(
        element.scrollHeight > element.clientHeight + 1 || element.scrollWidth > element.clientWidth + 1,
      );
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    for (const child of Array.from(element.children)) observer.observe(child);
    measure();
    return () => observer.disconnect();
  }, [ref]);
  return scrolls;
}
