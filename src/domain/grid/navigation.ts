import type { CellPos, GridSize, Selection } from "./selection.ts";
import { clampPos, collapsed, extendTo } from "./selection.ts";

/** The parts of a keyboard event navigation cares about (so the reducer stays DOM-free). */
export interface NavKey {
  key: string;
  shift?: boolean;
  /** Ctrl on Windows/Linux, Cmd on macOS. */
  mod?: boolean;
}

/**
 * Where a key moves the selection, or `undefined` when the key is not a navigation key.
 * Shift with arrows, Home/End and PageUp/PageDown extends the range; Tab and Enter always collapse it.
 */
export function navigate(
  selection: Selection,
  input: NavKey,
  size: GridSize,
  pageSize: number,
): Selection | undefined {
  if (size.rows === 0 || size.cols === 0) return undefined;
  const { row, col } = selection.active;
  const lastRow = size.rows - 1;
  const lastCol = size.cols - 1;
  const page = Math.max(1, pageSize);
  let target: CellPos;
  let extendable = true;
  switch (input.key) {
    case "ArrowUp":
      target = { row: input.mod ? 0 : row - 1, col };
      break;
    case "ArrowDown":
      target = { row: input.mod ? lastRow : row + 1, col };
      break;
    case "ArrowLeft":
      target = { row, col: input.mod ? 0 : col - 1 };
      break;
    case "ArrowRight":
      target = { row, col: input.mod ? lastCol : col + 1 };
      break;
    case "Home":
      target = input.mod ? { row: 0, col: 0 } : { row, col: 0 };
      break;
    case "End":
      target = input.mod ? { row: lastRow, col: lastCol } : { row, col: lastCol };
      break;
    case "PageUp":
      target = { row: row - page, col };
      break;
    case "PageDown":
      target = { row: row + page, col };
      break;
    case "Tab":
      extendable = false;
      target = tabTarget(selection.active, Boolean(input.shift), size);
      break;
    case "Enter":
      extendable = false;
      target = { row: input.shift ? row - 1 : row + 1, col };
      break;
    default:
      return undefined;
  }
  const pos = clampPos(target, size);
  if (extendable && input.shift) return extendTo(selection, pos);
  return collapsed(pos);
}

/** Tab wraps to the start of the next row, Shift+Tab to the end of the previous one, like a spreadsheet. */
function tabTarget(pos: CellPos, backwards: boolean, size: GridSize): CellPos {
  const lastCol = size.cols - 1;
  if (!backwards) {
    if (pos.col < lastCol) return { row: pos.row, col: pos.col + 1 };
    return pos.row < size.rows - 1 ? { row: pos.row + 1, col: 0 } : pos;
  }
  if (pos.col > 0) return { row: pos.row, col: pos.col - 1 };
  return pos.row > 0 ? { row: pos.row - 1, col: lastCol } : pos;
}
