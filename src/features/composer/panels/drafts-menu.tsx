import { type FormEvent, useId, useRef, useState } from "react";
import { isEmptyRow } from "../../../domain/batch/row.ts";
import { useBatchStore } from "../../../lib/batch-store-context.tsx";
import type { DraftMeta } from "../../../lib/storage/drafts.ts";
import { Alert } from "../../../ui/alert.tsx";
import { Button } from "../../../ui/button.tsx";
import { Dialog } from "../../../ui/dialog.tsx";
import { useDraftSession } from "./use-draft-autosave.ts";
import "./panels.css";

function rowsText(count: number): string {
  return `${count.toLocaleString()} ${count === 1 ? "row" : "rows"}`;
}

function savedText(state: { saving: boolean; lastSavedAt: number | undefined; status: string }): string {
  if (state.status === "restoring") return "Restoring your last batch…";
  if (state.saving) return "Saving…";
  if (state.lastSavedAt)
    return `Saved in this browser at ${new Date(state.lastSavedAt).toLocaleTimeString()}`;
  return "Saved in this browser";
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
  const current = state.current;
  const others = state.drafts.filter((draft) => draft.id !== current?.id);

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
          setName(current?.name ?? "");
          setOpen(!open);
        }}
      >
        Draft: {current?.name ?? "…"}
      </Button>
      {/* Not a live region: "Saving…" after every edit would talk over the user. A failed save is an alert. */}
      <span className="composer-muted">{savedText(state)}</span>
      {state.error ? <Alert tone="warning">{state.error}</Alert> : null}
      <section
        id={panelId}
        hidden={!open}
        aria-label="Drafts"
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
            <span>Draft name</span>
            <input value={name} onChange={(event) => setName(event.target.value)} />
          </label>
          <Button type="submit" size="sm" disabled={name.trim() === "" || name.trim() === current?.name}>
            Rename
          </Button>
        </form>
        <Button size="sm" onClick={startNew}>
          New batch
        </Button>
        <Button size="sm" variant="ghost" onClick={() => current && askDelete(current)}>
          Delete this draft
        </Button>
        <h3>Other drafts</h3>
        {others.length === 0 ? <p className="composer-muted">No other drafts.</p> : null}
        <ul className="composer-drafts__list">
          {others.map((draft) => (
            <li key={draft.id}>
              <span>
                {draft.name} <span className="composer-muted">· {rowsText(draft.rowCount)}</span>
              </span>
              <Button
                size="sm"
                aria-label={`Open draft ${draft.name}`}
                onClick={() => void session.switchTo(draft.id)}
              >
                Open
              </Button>
              <Button
                size="sm"
                variant="ghost"
                aria-label={`Delete draft ${draft.name}`}
                onClick={() => askDelete(draft)}
              >
                Delete
              </Button>
            </li>
          ))}
        </ul>
      </section>
      <Dialog
        open={confirmNew}
        onClose={() => setConfirmNew(false)}
        title="Start a new batch?"
        description={`The current batch has ${rowsText(filled)} with content.`}
        size="sm"
        footer={
          <>
            <Button onClick={() => setConfirmNew(false)}>Cancel</Button>
            <Button
              variant="danger"
              onClick={() => {
                setConfirmNew(false);
                void session.newBatch({ keep: false });
              }}
            >
              Discard {rowsText(filled)}
            </Button>
            <Button
              variant="primary"
              onClick={() => {
                setConfirmNew(false);
                void session.newBatch({ keep: true });
              }}
            >
              Keep as draft, start new
            </Button>
          </>
        }
      >
        <p>Keep it as a draft to come back to it from Drafts, or discard it for good.</p>
      </Dialog>
      <Dialog
        open={doomed !== undefined}
        onClose={() => setDoomed(undefined)}
        title={`Delete draft “${doomed?.name ?? ""}”?`}
        size="sm"
        footer={
          <>
            <Button onClick={() => setDoomed(undefined)}>Cancel</Button>
            <Button
              variant="danger"
              onClick={() => {
                if (doomed) void session.remove(doomed.id);
                setDoomed(undefined);
              }}
            >
              Delete draft
            </Button>
          </>
        }
      >
        <p>
          Its {rowsText(doomed?.id === current?.id ? filled : (doomed?.rowCount ?? 0))} will be discarded.
          This cannot be undone.
        </p>
      </Dialog>
    </div>
  );
}
