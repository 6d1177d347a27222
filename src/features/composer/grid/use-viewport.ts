import { type RefObject, useLayoutEffect, useRef } from "react";

/** The scroller's scroll position and size, as last seen. */
export interface Viewport {
  top: number;
  left: number;
  width: number;
  height: number;
}

export interface ViewportCache {
  /** The viewport; reads the scroll position only if it scrolled since the last read. */
  read(): Viewport;
  /** Records a scroll made by code, so the next read needs no layout. */
  scrolled(axis: "top" | "left", value: number): void;
}

/**
 * Caches a scroller's size (from a ResizeObserver) and scroll position (read once after each scroll, when
 * asked), so code that runs during an edit does not force the browser to lay out the page first. The scroll
 * handler itself reads nothing: it runs after the virtualizer re-rendered rows, and a read there would
 * force a layout on every scroll event.
 */
export function useViewport(ref: RefObject<HTMLElement | null>): ViewportCache {
  const state = useRef({ view: { top: 0, left: 0, width: 0, height: 0 }, dirty: true, ours: false });
  const cache = useRef<ViewportCache | null>(null);
  cache.current ??= {
    read() {
      const { view } = state.current;
      const element = ref.current;
      if (state.current.dirty && element) {
        view.top = element.scrollTop;
        view.left = element.scrollLeft;
        state.current.dirty = false;
      }
      return view;
    },
    scrolled(axis, value) {
      const current = state.current;
      // The scroll event this causes (if it moved) brings nothing new: it need not make the next read lay out.
      if (current.view[axis] !== value && !current.dirty) current.ours = true;
      current.view[axis] = value;
    },
  };
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const { view } = state.current;
    const measure = () => {
      view.width = element.clientWidth;
      view.height = element.clientHeight;
    };
    const onScroll = () => {
      if (state.current.ours) state.current.ours = false;
      else state.current.dirty = true;
    };
    measure();
    element.addEventListener("scroll", onScroll, { passive: true });
    const observer = typeof ResizeObserver === "undefined" ? undefined : new ResizeObserver(measure);
    observer?.observe(element);
    return () => {
      element.removeEventListener("scroll", onScroll);
      observer?.disconnect();
    };
  }, [ref]);
  return cache.current;
}
