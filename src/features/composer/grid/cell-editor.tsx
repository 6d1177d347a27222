import { type FocusEvent, type ReactNode, useLayoutEffect, useMemo, useRef, useState } from "react";
import { normalizeDate } from "../../../domain/grid/editor-input.ts";
import { editorKind } from "../../../domain/grid/editor-kind.ts";
import { isIsoDate } from "../../../hubspot/codecs.ts";
import { useT } from "../../../i18n/use-t.ts";
import { AssociationEditor, type LookupComponent } from "./association-editor.tsx";
import { browserNormalizeContext, dateTimeToLocal } from "./cell-format.ts";
import { ChecklistEditor, ChoiceEditor } from "./choice-editors.tsx";
import { type EditMove, type EditorProps, editorKeyDown } from "./editor-keys.ts";
import { useKeepInGrid } from "./keep-in-grid.ts";

/**
 * The editor inside the active cell, chosen by the column's type and field type. Every editor commits on
 * Enter/Tab and on leaving it, and cancels on Escape; the grid then normalizes the text for the column.
 */
export function CellEditor(props: EditorProps & { lookup?: LookupComponent | undefined }) {
  const { seed } = props;
  // Every editor names itself by its column's label: here that label carries the row as well.
  const column = useMemo(
    () => (props.name ? { ...props.column, label: props.name } : props.column),
    [props.column, props.name],
  );
  const kind = editorKind(column);
  const done = useRef(false);
  const once =
    <A extends unknown[]>(fn: (...args: A) => void) =>
    (...args: A) => {
      if (done.current) return;
      done.current = true;
      fn(...args);
    };
  const guarded: EditorProps = {
    column,
    value: props.value,
    seed: props.seed,
    onCommit: once(props.onCommit),
    onCancel: once(props.onCancel),
  };
  let editor: ReactNode;
  // A typed character starts the lookup with it as the search, as spreadsheet users expect (a name typed
  // into a plain text edit would be stored as a bad id); F2, Enter or a double-click open it empty.
  if (kind === "association" && props.lookup)
    editor = <AssociationEditor props={guarded} Lookup={props.lookup} />;
  else if ((kind === "select" || kind === "radio" || kind === "bool") && seed === undefined)
    editor = <ChoiceEditor {...guarded} />;
  else if (kind === "checkboxes" && seed === undefined) editor = <ChecklistEditor {...guarded} />;
  // A text value with a line break (pasted "Multi⏎line") edits in a textarea: an <input> drops the break.
  else if (kind === "textarea" || (kind === "text" && (seed ?? props.value).includes("\n")))
    editor = <TextareaEditor {...guarded} />;
  else if (kind === "date" || kind === "datetime")
    editor = <DateEditor {...guarded} withTime={kind === "datetime"} />;
  else editor = <TextEditor {...guarded} />;
  return <EditorShell onLeave={(text) => guarded.onCommit(text, "none")}>{editor}</EditorShell>;
}

/** Commits when focus leaves the editor for somewhere outside it (a click elsewhere). */
function EditorShell({ children, onLeave }: { children: ReactNode; onLeave: (text: string) => void }) {
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    const next = event.relatedTarget;
    if (next instanceof Node && event.currentTarget.contains(next)) return;
    const input = event.currentTarget.querySelector<
      HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement
    >("[data-editor-value]");
    if (input) onLeave(input.value);
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the wrapper only listens for focus leaving its editor
    <div className="composer-editor" onBlur={onBlur} onPointerDown={(event) => event.stopPropagation()}>
      {children}
    </div>
  );
}

function useFocusAtEnd<T extends HTMLInputElement | HTMLTextAreaElement>() {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    element.focus({ preventScroll: true });
    const end = element.value.length;
    element.setSelectionRange(end, end);
  }, []);
  return ref;
}

function TextEditor({ column, value, seed, onCommit, onCancel }: EditorProps) {
  const [text, setText] = useState(seed ?? value);
  const ref = useFocusAtEnd<HTMLInputElement>();
  const numeric = column.kind === "property" && column.property.type === "number";
  return (
    <input
      ref={ref}
      data-editor-value
      className="composer-editor__input"
      aria-label={column.label}
      inputMode={numeric ? "decimal" : undefined}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onKeyDown={(event) => editorKeyDown(event, (move) => onCommit(text, move), onCancel)}
    />
  );
}

function TextareaEditor({ column, value, seed, onCommit, onCancel }: EditorProps) {
  const [text, setText] = useState(seed ?? value);
  const ref = useFocusAtEnd<HTMLTextAreaElement>();
  const popover = useKeepInGrid<HTMLDivElement>();
  const t = useT();
  return (
    <div ref={popover} className="composer-editor__popover">
      <textarea
        ref={ref}
        data-editor-value
        className="composer-editor__textarea"
        aria-label={column.label}
        aria-describedby={`${column.key}-textarea-hint`}
        rows={5}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          // Alt+Enter or Shift+Enter adds a line, as in a spreadsheet; Enter alone commits.
          if (event.key === "Enter" && (event.altKey || event.shiftKey)) {
            if (event.altKey) {
              event.preventDefault();
              const target = event.currentTarget;
              const at = target.selectionStart;
              setText(`${text.slice(0, at)}\n${text.slice(target.selectionEnd)}`);
            }
            event.stopPropagation();
            return;
          }
          editorKeyDown(event, (move) => onCommit(text, move), onCancel);
        }}
      />
      <p className="composer-editor__hint" id={`${column.key}-textarea-hint`}>
        {t("editor.textareaHint")}
      </p>
    </div>
  );
}

/** A text box that takes typed dates (tolerant), with the browser's date picker beside it for the mouse. */
function DateEditor({
  column,
  value,
  seed,
  onCommit,
  onCancel,
  withTime,
}: EditorProps & { withTime: boolean }) {
  const initial = withTime ? dateTimeToLocal(value) : value;
  const [text, setText] = useState(seed ?? initial);
  const ref = useFocusAtEnd<HTMLInputElement>();
  const t = useT();
  const commit = (move: EditMove) => onCommit(text === initial ? value : text, move);
  const pickerValue = withTime
    ? /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}$/.test(text)
      ? text.replace(" ", "T")
      : ""
    : isIsoDate(normalizeDate(text, browserNormalizeContext))
      ? normalizeDate(text, browserNormalizeContext)
      : "";
  return (
    <div className="composer-editor__date">
      <input
        ref={ref}
        data-editor-value
        className="composer-editor__input"
        aria-label={column.label}
        placeholder={withTime ? "YYYY-MM-DD HH:MM" : "YYYY-MM-DD"}
        value={text}
        onChange={(event) => setText(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === "ArrowDown" && event.altKey) {
            event.preventDefault();
            event.currentTarget.parentElement
              ?.querySelector<HTMLInputElement>(".composer-editor__picker")
              ?.focus();
          }
          editorKeyDown(event, commit, onCancel);
        }}
      />
      <input
        className="composer-editor__picker"
        type={withTime ? "datetime-local" : "date"}
        aria-label={t("editor.pickDate", { column: column.label })}
        tabIndex={-1}
        value={pickerValue}
        onChange={(event) => setText(withTime ? event.target.value.replace("T", " ") : event.target.value)}
        onKeyDown={(event) => editorKeyDown(event, commit, onCancel)}
      />
    </div>
  );
}
