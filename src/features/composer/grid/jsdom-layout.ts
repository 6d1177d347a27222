/**
 * jsdom has no layout, and react-virtual renders no rows in a 0×0 scroller: give every element a size
 * for component tests. Import it first in a `// @vitest-environment jsdom` test file.
 */
export function stubLayout(width = 1200, height = 600): void {
  Object.defineProperty(HTMLElement.prototype, "clientHeight", { configurable: true, get: () => height });
  Object.defineProperty(HTMLElement.prototype, "clientWidth", { configurable: true, get: () => width });
  Object.defineProperty(HTMLElement.prototype, "offsetHeight", { configurable: true, get: () => height });
  Object.defineProperty(HTMLElement.prototype, "offsetWidth", { configurable: true, get: () => width });
}
