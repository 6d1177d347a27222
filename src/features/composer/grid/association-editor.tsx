import { type ReactNode, useState } from "react";
import type { AssociationTargetType } from "../../../hubspot/association-catalogue.ts";
import type { EditorProps } from "./editor-keys.ts";
import { useKeepInGrid } from "./keep-in-grid.ts";

export type LookupComponent = (props: {
  objectType: AssociationTargetType;
  value: string;
  onChange(value: string): void;
  onCancel?(): void;
  autoFocus?: boolean;
  label?: string;
  /** What the user typed to open the editor: the search starts with it. */
  initialTerm?: string;
}) => ReactNode;

/**
 * Association cells edit through the record lookup (search by name, or type an id). A single-record column
 * commits as soon as a record is chosen; a multi-record one commits on Enter with an empty search, or Tab.
 */
export function AssociationEditor({ props, Lookup }: { props: EditorProps; Lookup: LookupComponent }) {
  const { column, onCommit, onCancel } = props;
  const [value, setValue] = useState(props.value);
  const popover = useKeepInGrid<HTMLDivElement>();
  if (column.kind !== "association") return null;
  const { toObjectType } = column.association;
  const multiple = toObjectType === "contacts" || toObjectType === "line_items";
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: listens for Tab/Enter bubbling out of the combobox
    <div
      ref={popover}
      className="composer-editor__popover composer-editor__lookup"
      onKeyDown={(event) => {
        const input = event.target instanceof HTMLInputElement ? event.target : undefined;
        const searching = input !== undefined && input.value.trim() !== "";
        if (event.key === "Tab") {
          event.preventDefault();
          event.stopPropagation();
          onCommit(value, event.shiftKey ? "left" : "right");
        } else if (event.key === "Enter" && !searching) {
          event.preventDefault();
          event.stopPropagation();
          onCommit(value, "down");
        } else {
          event.stopPropagation();
        }
      }}
    >
      <input type="hidden" data-editor-value value={value} />
      <Lookup
        objectType={toObjectType}
        value={value}
        label={column.label}
        autoFocus
        {...(props.seed !== undefined ? { initialTerm: props.seed } : {})}
        onCancel={onCancel}
        onChange={(next) => {
          setValue(next);
          if (!multiple) onCommit(next, "none");
        }}
      />
    </div>
  );
}
