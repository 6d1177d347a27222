import { type FormEvent, useId, useRef, useState } from "react";
import { isEmptyRow } from "../../../domain/batch/row.ts";
import type { Formatter } from "../../../i18n/format.ts";
import { useFormat } from "../../../i18n/language-provider.tsx";
import { type Translate, useT } from "../../../i18n/use-t.ts";
import { useBatchStore } from "../../../lib/batch-store-context.tsx";
import { type DraftMeta, draftTitle } from "../../../lib/storage/drafts.ts";
import { Alert } from "../../../ui/alert.tsx";
import { Button } from "../../../ui/button.tsx";
import { Dialog } from "../../../ui/dialog.tsx";
import { useDraftSession } from "./use-draft-autosave.ts";
import "./panels.css";

function savedText(
  state: { saving: boolean; lastSavedAt: number | undefined; status: string },
  t: Translate,
  format: Formatter,
): string {
  if (state.status === "restoring") return t("drafts.restoring");
  if (state.saving) return t("drafts.saving");
  if (state.lastSavedAt) return t("drafts.savedAt", { time: format.time(state.lastSavedAt) });
  return t("drafts.saved");
}

/** A draft's name, or "Untitled batch 2" in the user's language. */
function draftName(draft: DraftMeta, drafts: readonly DraftMeta[], t: Translate): string {
  const title = draftTitle(draft, drafts);
  return "name" in title ? title.name : t("drafts.untitled", { number: title.untitled });
}

/** The current draft's name and the draft actions: rename, switch, new batch, delete. */
export function DraftsMenu() {
  const { session, state } = useDraftSession();
  // Counted only when a dialog asks (not subscribed to the batch): counting 50,000 rows on every edit
  // cost ~90 ms per keystroke. The dialogs are modal, so the count cannot go stale while they are open.
  const store = useBatchStore();
  const countFilled = () => store.rows.reduce((n, row) => (isEmptyRow(row) ? n : n + 1), 0);
  const [filled, setFilled] = useState(0);
  const [open, setOpen] = useState(false);
  const [confirmNew, setConfirmNew] = useState(false);
  const [doomed, setDoomed] = useState<DraftMeta | undefined>();
  const [name, setName] = useState("");
  const panelId = useId();
  const toggleRef = useRef<HTMLButtonElement>(null);
  const t = useT();
  const format = useFormat();
  const current = state.current;
  const others = state.drafts.filter((draft) => draft.id !== current?.id);
  const nameOf = (draft: DraftMeta) => draftName(draft, state.drafts, t);
  const currentName = current ? nameOf(current) : undefined;

  const startNew = () => {
    const count = countFilled();
    setFilled(count);
    if (count > 0) setConfirmNew(true);
    else void session.newBatch({ keep: false });
  };
  const askDelete = (draft: DraftMeta) => {
    if (draft.id === current?.id) setFilled(countFilled());
    setDoomed(draft);
  };
  const rename = (event: FormEvent) => {
    event.preventDefault();
    void session.rename(name);
  };

  return (
    <div className="composer-drafts">
      <Button
        ref={toggleRef}
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => {
          setName(currentName ?? "");
          setOpen(!open);
        }}
      >
        {t("drafts.button", { name: currentName ?? "…" })}
      </Button>
      {/* Not a live region: "Saving…" after every edit would talk over the user. A failed save is an alert. */}
      <span className="composer-muted">{savedText(state, t, format)}</span>
      {state.error ? <Alert tone="warning">{t("drafts.saveFailed")}</Alert> : null}
      <section
        id={panelId}
        hidden={!open}
        aria-label={t("drafts.label")}
        className="composer-drafts__panel"
        onKeyDown={(event) => {
          if (event.key !== "Escape" || event.defaultPrevented) return;
          event.preventDefault();
          setOpen(false);
          toggleRef.current?.focus();
        }}
      >
        <form onSubmit={rename} className="composer-drafts__rename">
          <label className="composer-field">
            <span>{t("drafts.name")}</span>
            <input value={name} onChange={(event) => setName(event.target.value)} />
          </label>
          <Button type="submit" size="sm" disabled={name.trim() === "" || name.trim() === currentName}>
            {t("drafts.rename")}
          </Button>
        </form>
        <Button size="sm" onClick={startNew}>
          {t("drafts.new")}
        </Button>
        <Button size="sm" variant="ghost" onClick={() => current && askDelete(current)}>
          {t("drafts.deleteCurrent")}
        </Button>
        <h3>{t("drafts.others")}</h3>
        {others.length === 0 ? <p className="composer-muted">{t("drafts.noOthers")}</p> : null}
        <ul className="composer-drafts__list">
          {others.map((draft) => (
            <li key={draft.id}>
              <span>{t("drafts.entry", { name: nameOf(draft), rows: draft.rowCount })}</span>
              <Button
                size="sm"
                aria-label={t("drafts.openNamed", { name: nameOf(draft) })}
                onClick={() => void session.switchTo(draft.id)}
              >
                {t("common.open")}
              </Button>
              <Button
                size="sm"
                variant="ghost"
                aria-label={t("drafts.deleteNamed", { name: nameOf(draft) })}
                onClick={() => askDelete(draft)}
              >
                {t("common.delete")}
              </Button>
            </li>
          ))}
        </ul>
      </section>
      <Dialog
        open={confirmNew}
        onClose={() => setConfirmNew(false)}
        title={t("drafts.newTitle")}
        description={t("drafts.newDescription", { rows: filled })}
        size="sm"
        footer={
          <>
            <Button onClick={() => setConfirmNew(false)}>{t("common.cancel")}</Button>
            <Button
              variant="danger"
              onClick={() => {
                setConfirmNew(false);
                void session.newBatch({ keep: false });
              }}
            >
              {t("drafts.discard", { rows: filled })}
            </Button>
            <Button
              variant="primary"
              onClick={() => {
                setConfirmNew(false);
                void session.newBatch({ keep: true });
              }}
            >
              {t("drafts.keepAndNew")}
            </Button>
          </>
        }
      >
        <p>{t("drafts.newBody")}</p>
      </Dialog>
      <Dialog
        open={doomed !== undefined}
        onClose={() => setDoomed(undefined)}
        title={t("drafts.deleteTitle", { name: doomed ? nameOf(doomed) : "" })}
        size="sm"
        footer={
          <>
            <Button onClick={() => setDoomed(undefined)}>{t("common.cancel")}</Button>
            <Button
              variant="danger"
              onClick={() => {
                if (doomed) void session.remove(doomed.id);
                setDoomed(undefined);
              }}
            >
              {t("drafts.delete")}
            </Button>
          </>
        }
      >
        <p>
          {t("drafts.deleteBody", { rows: doomed?.id === current?.id ? filled : (doomed?.rowCount ?? 0) })}
        </p>
      </Dialog>
    </div>
  );
}
