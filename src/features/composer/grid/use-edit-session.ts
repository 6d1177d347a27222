import { type RefObject, useCallback, useEffect, useRef, useState } from "react";
import type { ColumnDef } from "../../../domain/columns/column-def.ts";
import { navigate } from "../../../domain/grid/navigation.ts";
import { collapsed, type Selection } from "../../../domain/grid/selection.ts";
import type { CellIssue } from "../../../domain/validation/issue.ts";
import { useIssueText } from "../../../i18n/issue-text.ts";
import { useT } from "../../../i18n/use-t.ts";
import { useAnnouncer } from "../../../lib/announcer/announcer-context.tsx";
import { cellMessage } from "./cell-messages.tsx";
import type { EditMove } from "./editor-keys.ts";

/** The cell being edited, and the character that opened its editor (it replaces the value). */
export interface Editing {
  row: number;
  col: number;
  seed: string | undefined;
}

/** A committed value to check once validation has caught up: the record's id (a quote's or a line's), the cell. */
export interface CommittedValue {
  id: string;
  key: string;
  /** 1-based, as said ("Row 3, Quantity: …"). */
  row: number;
  column: string;
}

const MOVE_KEYS: Record<Exclude<EditMove, "none">, { key: string; shift: boolean }> = {
  down: { key: "Enter", shift: false },
  up: { key: "Enter", shift: true },
  right: { key: "Tab", shift: false },
  left: { key: "Tab", shift: true },
};

/** Where the selection goes after an edit committed with Enter/Tab (none for a click away). */
export function selectionAfterEdit(
  editing: Editing,
  move: EditMove,
  size: { rows: number; cols: number },
): Selection | undefined {
  if (move === "none") return undefined;
  return navigate(collapsed({ row: editing.row, col: editing.col }), MOVE_KEYS[move], size, 1) ?? undefined;
}

export interface EditSession {
  editing: Editing | null;
  /** The same, read by callbacks that must not change identity with each edit. */
  editingRef: RefObject<Editing | null>;
  setEditing(editing: Editing | null): void;
  /** Escape in an editor: back to the grid, the value unchanged, and that is said. */
  cancelEdit(): void;
  /** After a commit: say the value's problem, if validation finds one, once the grid's issues are current. */
  checkLater(value: CommittedValue): void;
}

/**
 * What both grids do around an inline editor: which cell is edited, cancelling it (heard, not only seen),
 * and announcing a committed value that validation finds wrong. Validation may run a moment after the
 * edit, so the check waits for the next `issuesVersion` rather than reading stale issues.
 */
export function useEditSession(options: {
  columns: readonly ColumnDef[];
  focusGrid(): void;
  issueFor(id: string, key: string): CellIssue | undefined;
  /** Changes whenever the issues do (the quote grid's issues object, the line grid's lookup). */
  issuesVersion: unknown;
}): EditSession {
  const { focusGrid, issueFor, issuesVersion } = options;
  const t = useT();
  const describeIssue = useIssueText();
  const announcer = useAnnouncer();
  const [editing, setEditingState] = useState<Editing | null>(null);
  const editingRef = useRef<Editing | null>(editing);
  const columnsRef = useRef(options.columns);
  columnsRef.current = options.columns;
  const pending = useRef<CommittedValue | null>(null);

  const setEditing = useCallback((next: Editing | null) => {
    editingRef.current = next;
    setEditingState(next);
  }, []);

  const cancelEdit = useCallback(() => {
    const current = editingRef.current;
    setEditing(null);
    focusGrid();
    const column = current ? columnsRef.current[current.col] : undefined;
    if (current && column)
      announcer.announce(t("grid.announce.editCanceled", { column: column.label, row: current.row + 1 }));
  }, [setEditing, focusGrid, announcer, t]);

  const checkLater = useCallback((value: CommittedValue) => {
    pending.current = value;
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: issuesVersion is the signal that issues are current
  useEffect(() => {
    const value = pending.current;
    if (!value) return;
    pending.current = null;
    const issue = issueFor(value.id, value.key);
    if (issue)
      announcer.announce(
        t("grid.announce.invalid", {
          row: value.row,
          column: value.column,
          message: cellMessage(issue, t, describeIssue),
        }),
      );
  }, [issuesVersion, issueFor, announcer, t, describeIssue]);

  return { editing, editingRef, setEditing, cancelEdit, checkLater };
}
