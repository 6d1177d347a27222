import type { ReactNode } from "react";
import type { EditLabel } from "../../domain/batch/batch-store.ts";
import { useT } from "../../i18n/use-t.ts";
import { useValidation } from "../../lib/services/use-validation.ts";
import { Button } from "../../ui/button.tsx";

export interface ComposerToolbarProps {
  rowCount: number;
  selectedRows: number;
  /** What undo and redo would take back; undefined when there is nothing to undo or redo. */
  undoLabel: EditLabel | undefined;
  redoLabel: EditLabel | undefined;
  errors: number;
  warnings: number;
  onAddRow(): void;
  onInsertRow(): void;
  onDuplicateRows(): void;
  onDeleteRows(): void;
  onUndo(): void;
  onRedo(): void;
  onShowIssues(): void;
  /** Whether the problems list is open (the count buttons say so with aria-expanded). */
  issuesOpen?: boolean;
  /** The problems list's id, for aria-controls. */
  issuesId?: string;
  onColumns(): void;
  onRowDetails(): void;
  drafts?: ReactNode;
  end?: ReactNode;
}

/** Row commands, undo/redo with what they will undo, the issue counts, columns and drafts. */
export function ComposerToolbar(props: ComposerToolbarProps) {
  const hasRows = props.rowCount > 0;
  // After a big import the counts cover only rows (and record ids) checked so far: say so rather than
  // show "0 errors" that would grow later.
  const { pendingRows, pendingReferences, references } = useValidation();
  // Offline or refused: the counts are shown (and said to be incomplete) rather than hidden for good.
  const unreachable = references.lastError !== undefined;
  const checkingReferences = hasRows && !references.complete && !unreachable;
  const checking = pendingRows > 0 || checkingReferences;
  const t = useT();
  const rows = Math.max(1, props.selectedRows);
  const name = (label: EditLabel | undefined) =>
    label ? t(`undo.${label.action}`, { column: label.column ?? "" }) : undefined;
  const undo = name(props.undoLabel);
  const redo = name(props.redoLabel);
  const status =
    pendingRows > 0
      ? t("composer.checking.rows", { count: pendingRows })
      : checkingReferences
        ? pendingReferences > 0
          ? t("composer.checking.references", { count: pendingReferences })
          : t("composer.checking.referencesStarting")
        : unreachable && hasRows
          ? t("composer.checking.unreachable", { count: pendingReferences })
          : "";
  return (
    // Deliberately a labelled group, not role="toolbar" (docs/decisions/090): it holds a file input, a status and
    // the drafts disclosure with a text field, and one Tab stop with arrow keys would hide those from Tab.
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would draw a form group; this is a command bar
    <div role="group" aria-label={t("toolbar.label")} className="composer-toolbar">
      <div className="composer-toolbar__group">
        <Button variant="primary" onClick={props.onAddRow}>
          {t("toolbar.addRow")}
        </Button>
        <Button onClick={props.onInsertRow} disabled={!hasRows}>
          {t("toolbar.insertRow")}
        </Button>
        <Button onClick={props.onDuplicateRows} disabled={!hasRows}>
          {t("toolbar.duplicate", { rows })}
        </Button>
        <Button variant="danger" onClick={props.onDeleteRows} disabled={!hasRows}>
          {t("toolbar.delete", { rows })}
        </Button>
        <Button
          onClick={props.onRowDetails}
          disabled={!hasRows}
          aria-keyshortcuts="Alt+Enter"
          title={t("toolbar.rowDetailsKeys")}
        >
          {t("toolbar.rowDetails")}
        </Button>
      </div>
      <div className="composer-toolbar__group">
        <Button
          onClick={props.onUndo}
          disabled={!props.undoLabel}
          aria-keyshortcuts="Control+Z"
          title={undo ? t("toolbar.undoTitle", { action: undo }) : "Ctrl+Z"}
          className="composer-undo"
        >
          {undo ? t("toolbar.undoAction", { action: undo }) : t("toolbar.undo")}
        </Button>
        <Button
          onClick={props.onRedo}
          disabled={!props.redoLabel}
          aria-keyshortcuts="Control+Shift+Z Control+Y"
          title={redo ? t("toolbar.redoTitle", { action: redo }) : t("toolbar.redoKeys")}
          className="composer-undo"
        >
          {redo ? t("toolbar.redoAction", { action: redo }) : t("toolbar.redo")}
        </Button>
      </div>
      <div className="composer-toolbar__group">
        {/* Always in the page, so screen readers announce when checking starts and ends. */}
        <span role="status" className="composer-count__status">
          {status}
        </span>
        {checking ? null : (
          <>
            <IssueCount
              severity="error"
              count={props.errors}
              onClick={props.onShowIssues}
              disabled={!hasRows}
              expanded={props.issuesOpen ?? false}
              controls={props.issuesId}
            />
            <IssueCount
              severity="warning"
              count={props.warnings}
              onClick={props.onShowIssues}
              disabled={!hasRows}
              expanded={props.issuesOpen ?? false}
              controls={props.issuesId}
            />
          </>
        )}
      </div>
      <div className="composer-toolbar__group">
        <Button onClick={props.onColumns}>{t("toolbar.columns")}</Button>
        {props.drafts}
      </div>
      <div className="composer-toolbar__end">{props.end}</div>
    </div>
  );
}

/** "3 errors" / "1 warning": coloured when there are any, and opens the problems list. */
function IssueCount(props: {
  severity: "error" | "warning";
  count: number;
  onClick(): void;
  disabled: boolean;
  expanded: boolean;
  controls: string | undefined;
}) {
  const { severity, count } = props;
  const t = useT();
  return (
    <Button
      variant="ghost"
      className={count > 0 ? `composer-count composer-count--${severity}` : "composer-count"}
      onClick={props.onClick}
      disabled={props.disabled}
      aria-expanded={props.expanded}
      aria-controls={props.expanded ? props.controls : undefined}
      data-issues-toggle=""
    >
      <span className={`composer-count__icon composer-count__icon--${severity}`} aria-hidden="true" />{" "}
      {t(severity === "error" ? "toolbar.errors" : "toolbar.warnings", { count })}
    </Button>
  );
}
