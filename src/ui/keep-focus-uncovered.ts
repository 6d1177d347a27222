/** The dock's notices and status panels: what can cover the page. */
export const DOCK_PARTS = ".ui-dock__toast, .ui-dock__panels > *";

/**
 * WCAG 2.4.11 (focus not obscured): the dock at the bottom right floats over the page, so the focused element
 * (or the grid's active cell, which the grid points at with aria-activedescendant) can slip under a notice or
 * the progress panel. When it does, its scroll container scrolls it up above the dock; when it cannot scroll
 * far enough (the last rows of a grid), the dock moves to the other side (`data-yield`). Focus that a click
 * moved is never scrolled: the page would move between the button's press and release, and the click would
 * be lost (a full-width <summary> half under the panel did exactly that); the dock yields instead.
 */
export function keepFocusUncovered(dock: HTMLElement, doc: Document = document): () => void {
  let queued = false;
  /** Whether the person's last input was a pointer (mouse, touch, pen) rather than a key. */
  let byPointer = false;
  const onPointer = () => {
    byPointer = true;
  };
  const onKey = () => {
    byPointer = false;
  };
  const check = () => {
    queued = false;
    const focused = doc.activeElement;
    if (!(focused instanceof HTMLElement) || dock.contains(focused)) return;
    const id = focused.getAttribute("aria-activedescendant");
    const target = (id ? doc.getElementById(id) : null) ?? focused;
    // Measured where the dock normally sits: a dock that yielded for an earlier focus comes back if it can.
    dock.removeAttribute("data-yield");
    let cover = coveringRect(target, dock);
    if (!cover) return;
    const scroller = byPointer ? undefined : scrollParent(target);
    if (scroller) {
      scroller.scrollTop += target.getBoundingClientRect().bottom - cover.top + 8;
      cover = coveringRect(target, dock);
    }
    if (cover) dock.setAttribute("data-yield", "");
  };
  // After the change that moved focus has laid out (an arrow key scrolls the grid first).
  const schedule = () => {
    if (queued) return;
    queued = true;
    queueMicrotask(check);
  };
  doc.addEventListener("focusin", schedule);
  doc.addEventListener("pointerdown", onPointer, true);
  doc.addEventListener("keydown", onKey, true);
  const mutations = new MutationObserver(schedule);
  mutations.observe(doc.body, {
    subtree: true,
    attributes: true,
    attributeFilter: ["aria-activedescendant"],
  });
  const sizes = typeof ResizeObserver === "undefined" ? undefined : new ResizeObserver(schedule);
  for (const part of dock.children) sizes?.observe(part);
  return () => {
    doc.removeEventListener("focusin", schedule);
    doc.removeEventListener("pointerdown", onPointer, true);
    doc.removeEventListener("keydown", onKey, true);
    mutations.disconnect();
    sizes?.disconnect();
  };
}

/** The first notice or panel in the dock that overlaps the target, if any. */
function coveringRect(target: HTMLElement, dock: HTMLElement): DOMRect | undefined {
  const box = target.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return undefined;
  for (const part of dock.querySelectorAll<HTMLElement>(DOCK_PARTS)) {
    const rect = part.getBoundingClientRect();
    const overlaps =
      rect.width > 0 &&
      rect.height > 0 &&
      rect.left < box.right &&
      rect.right > box.left &&
      rect.top < box.bottom &&
      rect.bottom > box.top;
    if (overlaps) return rect;
  }
  return undefined;
}

function scrollParent(element: HTMLElement): HTMLElement | undefined {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if ((overflowY === "auto" || overflowY === "scroll") && node.scrollHeight > node.clientHeight)
      return node;
  }
  const root = element.ownerDocument.scrollingElement;
  return root instanceof HTMLElement ? root : undefined;
}
