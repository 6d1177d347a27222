import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import type { ColumnKey } from "../../../domain/batch/columns.ts";
import { chooserGroups } from "../../../domain/columns/chooser.ts";
import type { ColumnDef } from "../../../domain/columns/column-def.ts";
import { defaultLayout, isPinnedKey, moveColumn, toggleColumn } from "../../../domain/columns/layout.ts";
import { useT } from "../../../i18n/use-t.ts";
import { Button } from "../../../ui/button.tsx";
import { Dialog } from "../../../ui/dialog.tsx";
import { type ChooserAction, type ChooserTarget, focusAfter } from "./chooser-focus.ts";
import "./panels.css";

const ChooserForm = z.object({
  search: z.string(),
  showHidden: z.boolean(),
  // The user reads `chooser.keepPinned`: the schema decides only that there is a problem.
  columns: z.array(z.string()).min(2),
});
type ChooserForm = z.infer<typeof ChooserForm>;

export interface ColumnChooserProps {
  open: boolean;
  onClose(): void;
  /** Every column the user may show (writable properties and association columns). */
  available: readonly ColumnDef[];
  /** The keys shown now, in order. */
  visible: readonly ColumnKey[];
  onApply(keys: ColumnKey[]): void;
}

export function ColumnChooser(props: ColumnChooserProps) {
  const t = useT();
  return (
    <Dialog open={props.open} onClose={props.onClose} title={t("chooser.title")} size="lg">
      <ChooserBody {...props} />
    </Dialog>
  );
}

function ChooserBody({ onClose, available, visible, onApply }: ColumnChooserProps) {
  const formId = useId();
  const t = useT();
  const form = useForm<ChooserForm>({
    resolver: zodResolver(ChooserForm),
    defaultValues: { search: "", showHidden: false, columns: [...visible] },
  });
  const search = form.watch("search");
  const showHidden = form.watch("showHidden");
  const columns = form.watch("columns");
  const byKey = useMemo(() => new Map(available.map((column) => [column.key, column])), [available]);
  const groups = useMemo(
    () => chooserGroups(available, { search, showHidden }),
    [available, search, showHidden],
  );
  const shown = new Set(columns);
  const setColumns = (next: ColumnKey[]) => form.setValue("columns", next, { shouldDirty: true });
  const labelOf = (key: ColumnKey) => byKey.get(key)?.label ?? key;
  const restoreDefaults = () => setColumns(defaultLayout().filter((key) => byKey.has(key)));

  // A used button may end up disabled or gone: focus moves to where the user goes on (chooser-focus.ts).
  const controls = useRef(new Map<string, HTMLElement>());
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [focusTarget, setFocusTarget] = useState<ChooserTarget | undefined>(undefined);
  useEffect(() => {
    if (focusTarget === undefined) return;
    const target =
      focusTarget === "heading" ? headingRef.current : controls.current.get(controlId(focusTarget));
    target?.focus();
    setFocusTarget(undefined);
  }, [focusTarget]);
  const use = (key: ColumnKey, action: ChooserAction, next: ColumnKey[]) => {
    setColumns(next);
    setFocusTarget(focusAfter(columns, next, { key, action }, (k) => !isPinnedKey(k)));
  };
  const control = (key: ColumnKey, action: ChooserAction) => ({
    ref: (element: HTMLButtonElement | null) => {
      if (element) controls.current.set(controlId({ key, action }), element);
      else controls.current.delete(controlId({ key, action }));
    },
  });

  return (
    <form
      id={formId}
      className="composer-chooser"
      onSubmit={form.handleSubmit((values) => onApply(values.columns))}
      aria-label={t("chooser.title")}
    >
      <div className="composer-chooser__pick">
        <label className="composer-field">
          <span>{t("chooser.search")}</span>
          <input type="search" placeholder={t("chooser.searchPlaceholder")} {...form.register("search")} />
        </label>
        <label className="composer-check">
          <input type="checkbox" {...form.register("showHidden")} />
          <span>{t("chooser.showHidden")}</span>
        </label>
        <div className="composer-chooser__groups">
          {groups.length === 0 ? <p>{t("chooser.noMatch", { search })}</p> : null}
          {groups.map((group) => (
            <fieldset key={group.title} className="composer-chooser__group">
              <legend>{group.known ? t(`chooser.group.${group.known}`) : group.title}</legend>
              {group.columns.map((column) => (
                <label key={column.key} className="composer-check">
                  <input
                    type="checkbox"
                    checked={shown.has(column.key)}
                    disabled={column.pinned}
                    onChange={(event) => setColumns(toggleColumn(columns, column.key, event.target.checked))}
                  />
                  <span>
                    {column.label}
                    {column.kind === "property" ? (
                      <code className="composer-muted"> {column.key}</code>
                    ) : null}
                    {column.pinned ? (
                      <span className="composer-muted"> {t("chooser.alwaysShown")}</span>
                    ) : null}
                  </span>
                </label>
              ))}
            </fieldset>
          ))}
        </div>
      </div>
      <div className="composer-chooser__order">
        <h3 id={`${formId}-shown`} ref={headingRef} tabIndex={-1}>
          {t("chooser.shown")}
        </h3>
        <ol aria-labelledby={`${formId}-shown`}>
          {columns.map((key, index) => (
            <li key={key}>
              <span>{labelOf(key)}</span>
              {isPinnedKey(key) ? (
                <span className="composer-muted">{t("chooser.pinned")}</span>
              ) : (
                <span className="composer-chooser__moves">
                  <Button
                    {...control(key, "up")}
                    size="sm"
                    variant="ghost"
                    aria-label={t("chooser.moveUp", { column: labelOf(key) })}
                    disabled={index <= 2}
                    onClick={() => use(key, "up", moveColumn(columns, key, -1))}
                  >
                    ↑
                  </Button>
                  <Button
                    {...control(key, "down")}
                    size="sm"
                    variant="ghost"
                    aria-label={t("chooser.moveDown", { column: labelOf(key) })}
                    disabled={index === columns.length - 1}
                    onClick={() => use(key, "down", moveColumn(columns, key, 1))}
                  >
                    ↓
                  </Button>
                  <Button
                    {...control(key, "remove")}
                    size="sm"
                    variant="ghost"
                    aria-label={t("chooser.remove", { column: labelOf(key) })}
                    onClick={() => use(key, "remove", toggleColumn(columns, key, false))}
                  >
                    ×
                  </Button>
                </span>
              )}
            </li>
          ))}
        </ol>
        {form.formState.errors.columns ? <p role="alert">{t("chooser.keepPinned")}</p> : null}
      </div>
      <div className="composer-chooser__footer">
        <Button variant="ghost" onClick={restoreDefaults}>
          {t("chooser.restore")}
        </Button>
        <Button onClick={onClose}>{t("common.cancel")}</Button>
        <Button variant="primary" type="submit">
          {t("common.apply")}
        </Button>
      </div>
    </form>
  );
}

const controlId = (target: { key: ColumnKey; action: ChooserAction }) =>
  `${target.action}\u0000${target.key}`;
