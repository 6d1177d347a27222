import type { ColumnKey } from "../../../domain/batch/columns.ts";

export type ChooserAction = "up" | "down" | "remove";
/** A control in "Shown columns, in order": one column's up, down or remove button; `heading` when none is left. */
export type ChooserTarget = { key: ColumnKey; action: ChooserAction } | "heading";

/**
 * Where focus goes after a button in the order list was used, so it never falls to <body> when that button
 * is disabled or removed: a moved column keeps focus on the same button, or on its other arrow at the end of
 * the list; after a remove, the next column's Remove (the previous one's at the end), else the heading.
 * `before` and `after` are the shown keys around the change; `movable` says which keys have buttons.
 */
export function focusAfter(
  before: readonly ColumnKey[],
  after: readonly ColumnKey[],
  used: { key: ColumnKey; action: ChooserAction },
  movable: (key: ColumnKey) => boolean,
): ChooserTarget {
  if (used.action !== "remove") {
    const index = after.indexOf(used.key);
    const firstMovable = after.findIndex(movable);
    const canUp = index > firstMovable;
    const canDown = index < after.length - 1;
    const stays = used.action === "up" ? canUp : canDown;
    if (stays || (!canUp && !canDown)) return used;
    return { key: used.key, action: used.action === "up" ? "down" : "up" };
  }
  const from = before.indexOf(used.key);
  const rest = before.filter((key) => key !== used.key && after.includes(key) && movable(key));
  const next = before.slice(from + 1).find((key) => rest.includes(key)) ?? rest.at(-1);
  return next === undefined ? "heading" : { key: next, action: "remove" };
}
