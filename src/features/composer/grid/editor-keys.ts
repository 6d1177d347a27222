import type { KeyboardEvent } from "react";
import type { ColumnDef } from "../../../domain/columns/column-def.ts";

export type EditMove = "down" | "up" | "right" | "left" | "none";

export interface EditorProps {
  column: ColumnDef;
  /** The stored value. */
  value: string;
  /** The character that started the edit: it replaces the value, like typing over a spreadsheet cell. */
  seed: string | undefined;
  /** `text` is what the user typed; the grid normalizes it for the column. */
  onCommit(text: string, move: EditMove): void;
  onCancel(): void;
  /** The editor's accessible name with its row ("Quote name, row 12"); the column's label without it. */
  name?: string;
}

/** Enter/Shift+Enter commit and move down/up, Tab/Shift+Tab right/left, Escape cancels. */
export function editorKeyDown(
  event: KeyboardEvent,
  commit: (move: EditMove) => void,
  cancel: () => void,
  options: { enterCommits?: boolean } = {},
): void {
  if (event.nativeEvent.isComposing) return;
  if (event.key === "Escape") {
    event.preventDefault();
    event.stopPropagation();
    cancel();
  } else if (event.key === "Enter" && options.enterCommits !== false) {
    event.preventDefault();
    event.stopPropagation();
    commit(event.shiftKey ? "up" : "down");
  } else if (event.key === "Tab") {
    event.preventDefault();
    event.stopPropagation();
    commit(event.shiftKey ? "left" : "right");
  } else {
    // Keep arrows, Home/End, Delete and shortcuts inside the editor.
    event.stopPropagation();
  }
}
