import { useEffect } from "react";
import { createPortal } from "react-dom";
import { useT } from "../../i18n/use-t.ts";
import { Button } from "../../ui/button.tsx";
import { DockToast } from "../../ui/notification-dock.tsx";
import { installCsvBenchHook } from "./bench-hook.ts";
import { DropOverlay, useWindowFileDrop } from "./drop-overlay.tsx";
import { ImportDialog } from "./import-dialog.tsx";
import { ImportOutcomeToast } from "./import-outcome.tsx";
import { useCsvImport } from "./use-csv-import.ts";
import "./csv-import.css";

const ACCEPT =
  ".csv,.tsv,.txt,.xlsx,.xlsm,text/csv,text/tab-separated-values,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/**
 * "Import CSV" in the composer toolbar. Also owns the window-wide drop target and the import dialog, which it
 * renders into document.body so they cover the whole page.
 */
export function CsvImport() {
  const controller = useCsvImport();
  const t = useT();
  const { state, alert, outcome } = controller;
  const dragging = useWindowFileDrop((files) => {
    const [first] = files;
    if (!first) return;
    controller.openFile(first);
  });
  useEffect(() => installCsvBenchHook(controller.client), [controller.client]);

  return (
    <>
      <span className="csv-import-controls">
        <label className="csv-import-file ui-button ui-button--secondary ui-button--md">
          <svg viewBox="0 0 20 20" width="16" height="16" aria-hidden="true">
            <path
              d="M10 3v10m-4-4 4 4 4-4M4 16h12"
              fill="none"
              stroke="currentColor"
              strokeWidth="1.8"
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          </svg>
          {t("csvImport.button")}
          <input
            type="file"
            accept={ACCEPT}
            className="visually-hidden"
            onChange={(event) => {
              const file = event.target.files?.[0];
              // Clear it so choosing the same file again still fires a change.
              event.target.value = "";
              if (file) controller.openFile(file);
            }}
          />
        </label>
        <Button variant="ghost" onClick={controller.openPaste}>
          {t("csvImport.pasteButton")}
        </Button>
      </span>
      {alert && state.kind === "closed" ? (
        <DockToast tone="danger" title={t("csvImport.nothingImported")} onDismiss={controller.dismissAlert}>
          {alert}
        </DockToast>
      ) : null}
      {outcome ? <ImportOutcomeToast outcome={outcome} onDismiss={controller.dismissOutcome} /> : null}
      {createPortal(
        <>
          {dragging && (state.kind === "closed" || state.kind === "paste") ? <DropOverlay /> : null}
          <ImportDialog controller={controller} />
        </>,
        document.body,
      )}
    </>
  );
}
