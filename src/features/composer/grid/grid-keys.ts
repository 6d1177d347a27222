import type { KeyboardEvent } from "react";
import { navigate } from "../../../domain/grid/navigation.ts";
import { collapsed, type GridSize, type Selection } from "../../../domain/grid/selection.ts";

export interface GridKeyApi {
  selection: Selection;
  size: GridSize;
  pageSize: number;
  select(selection: Selection): void;
  startEdit(seed: string | undefined): void;
  clear(): void;
  undo(): void;
  redo(): void;
  fillDown(): void;
  fillRight(): void;
  openDetails(): void;
  /** Ctrl+Shift+= (Ctrl++): a new row at the active one; absent where the grid adds rows its own way. */
  insertRow?(): void;
  /** Ctrl+-: the selected rows go. */
  deleteRows?(): void;
}

/** Keys on the grid while no cell is being edited. Returns true when it handled the key. */
export function handleGridKey(event: KeyboardEvent, api: GridKeyApi): boolean {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key;
  if (mod && !event.altKey) {
    const lower = key.toLowerCase();
    if (lower === "z") return run(event, event.shiftKey ? api.redo : api.undo);
    if (lower === "y") return run(event, api.redo);
    if (lower === "d") return run(event, api.fillDown);
    if (lower === "r") return run(event, api.fillRight);
    if (event.shiftKey && (key === "+" || key === "=") && api.insertRow) return run(event, api.insertRow);
    if (!event.shiftKey && key === "-" && api.deleteRows && api.size.rows > 0)
      return run(event, api.deleteRows);
    if (lower === "a") {
      const { rows, cols } = api.size;
      if (rows === 0 || cols === 0) return false;
      return run(event, () =>
        api.select({ anchor: { row: 0, col: 0 }, active: { row: rows - 1, col: cols - 1 } }),
      );
    }
  }
  if (api.size.rows === 0) return false;
  if (isImeKey(event)) {
    // An IME (Japanese, Chinese, Korean) is composing: open an empty editor now, while the key is still
    // being dispatched, so the composition lands in its input. preventDefault would cancel the composition.
    api.startEdit("");
    return true;
  }
  if (key === "Enter" && event.altKey) return run(event, api.openDetails);
  if ((key === "Enter" && !event.shiftKey) || key === "F2") return run(event, () => api.startEdit(undefined));
  if (key === "Delete" || key === "Backspace") return run(event, api.clear);
  if (key === "Escape") return run(event, () => api.select(collapsed(api.selection.active)));
  // The grid is one Tab stop (WAI-ARIA grid pattern): Tab and Shift+Tab leave it; arrows move inside.
  if (key === "Tab") return false;
  const next = navigate(api.selection, { key, shift: event.shiftKey, mod }, api.size, api.pageSize);
  if (next) return run(event, () => api.select(next));
  if (key.length === 1 && !mod && !event.altKey && key !== " ") return run(event, () => api.startEdit(key));
  if (key === " " && !mod && !event.altKey && !event.shiftKey) return run(event, () => api.startEdit(" "));
  return false;
}

/** Keys an input method is processing: "Process" (Windows, Chrome) or keyCode 229 while composing. */
export function isImeKey(event: KeyboardEvent): boolean {
  return event.key === "Process" || event.nativeEvent.isComposing || event.keyCode === 229;
}

function run(event: KeyboardEvent, action: () => void): true {
  event.preventDefault();
  action();
  return true;
}
