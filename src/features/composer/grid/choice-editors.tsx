import { useLayoutEffect, useRef, useState } from "react";
import { splitMultiValue } from "../../../hubspot/codecs.ts";
import { type Translate, useT } from "../../../i18n/use-t.ts";
import { type EditorProps, editorKeyDown } from "./editor-keys.ts";
import { useKeepInGrid } from "./keep-in-grid.ts";

function choices(props: EditorProps, t: Translate) {
  if (props.column.kind !== "property") return [];
  const { property } = props.column;
  if (property.type === "bool" && property.options.length === 0) {
    return [
      { value: "true", label: t("common.yes") },
      { value: "false", label: t("common.no") },
    ];
  }
  return property.options.filter((option) => !option.hidden || option.value === props.value);
}

/** Select, radio and yes/no fields: a native select that shows labels and stores values. */
export function ChoiceEditor(props: EditorProps) {
  const { column, value, onCommit, onCancel } = props;
  const [selected, setSelected] = useState(value);
  const ref = useRef<HTMLSelectElement>(null);
  useLayoutEffect(() => ref.current?.focus({ preventScroll: true }), []);
  const t = useT();
  const options = choices(props, t);
  const known = value === "" || options.some((option) => option.value === value);
  return (
    <select
      ref={ref}
      data-editor-value
      className="composer-editor__select"
      aria-label={column.label}
      value={selected}
      onChange={(event) => setSelected(event.target.value)}
      onKeyDown={(event) => editorKeyDown(event, (move) => onCommit(selected, move), onCancel)}
    >
      <option value="">{t("common.empty")}</option>
      {known ? null : <option value={value}>{t("common.valueNotAnOption", { value })}</option>}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

/** Multiple checkboxes: a list of options; Space ticks, Enter saves, Escape cancels. Stored as `a;b`. */
export function ChecklistEditor(props: EditorProps) {
  const { column, value, onCommit, onCancel } = props;
  const [picked, setPicked] = useState(() => new Set(splitMultiValue(value)));
  const first = useRef<HTMLInputElement>(null);
  const popover = useKeepInGrid<HTMLFieldSetElement>();
  useLayoutEffect(() => first.current?.focus({ preventScroll: true }), []);
  const t = useT();
  const options = choices(props, t);
  const unknown = [...picked].filter((v) => !options.some((option) => option.value === v));
  const ordered = () => [
    ...options.filter((option) => picked.has(option.value)).map((option) => option.value),
    ...unknown,
  ];
  const text = ordered().join(";");
  return (
    <fieldset
      ref={popover}
      className="composer-editor__popover composer-editor__checklist"
      onKeyDown={(event) => {
        if (event.key === "Tab") {
          // Tab moves between the boxes here; it leaves the editor only from the last or first one.
          const boxes = [...event.currentTarget.querySelectorAll("input")];
          const at = boxes.indexOf(document.activeElement as HTMLInputElement);
          const inside = event.shiftKey ? at > 0 : at < boxes.length - 1;
          if (inside) {
            event.stopPropagation();
            return;
          }
        }
        editorKeyDown(event, (move) => onCommit(text, move), onCancel);
      }}
    >
      <legend className="composer-editor__legend">{column.label}</legend>
      <input type="hidden" data-editor-value value={text} />
      {[...options, ...unknown.map((v) => ({ value: v, label: `${v} (not an option)` }))].map((option, i) => (
        <label key={option.value} className="composer-editor__check">
          <input
            ref={i === 0 ? first : undefined}
            type="checkbox"
            checked={picked.has(option.value)}
            onChange={(event) => {
              const next = new Set(picked);
              if (event.target.checked) next.add(option.value);
              else next.delete(option.value);
              setPicked(next);
            }}
          />
          {option.label}
        </label>
      ))}
      <p className="composer-editor__hint">{t("editor.checklistHint")}</p>
    </fieldset>
  );
}
