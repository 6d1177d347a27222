import type { BatchStore } from "../../../domain/batch/batch-store.ts";
import type { Translate } from "../../../i18n/use-t.ts";
import type { Announcer } from "../../../lib/announcer/announcer.ts";

/**
 * Undo or redo, saying what it undid ("Undid fill down.") or that there was nothing to undo: the grid
 * shows the change, but a screen-reader user on one cell would not know 40 rows came back.
 */
export function undoRedo(
  store: BatchStore,
  which: "undo" | "redo",
  announcer: Announcer,
  t: Translate,
): void {
  const snapshot = store.getSnapshot();
  const can = which === "undo" ? snapshot.canUndo : snapshot.canRedo;
  if (!can) {
    announcer.announce(t(which === "undo" ? "grid.announce.nothingToUndo" : "grid.announce.nothingToRedo"));
    return;
  }
  const edit = which === "undo" ? store.undoLabel : store.redoLabel;
  // The same words as the Undo button ("Undo fill down"), from the catalogue.
  const label = edit ? t(`undo.${edit.action}`, { column: edit.column ?? "" }) : "";
  if (which === "undo") store.undo();
  else store.redo();
  announcer.announce(t(which === "undo" ? "grid.announce.undo" : "grid.announce.redo", { label }));
}

/** "Filled 12 cells." / "Cleared 3 cells.": nothing when nothing changed. */
export function announceCells(
  announcer: Announcer,
  t: Translate,
  id: "grid.announce.cleared" | "grid.announce.filled",
  count: number,
): void {
  if (count > 0) announcer.announce(t(id, { count }));
}
