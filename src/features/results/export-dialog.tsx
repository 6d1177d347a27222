import { useId, useState } from "react";
import type { SubmissionState } from "../../domain/submission/types.ts";
import { useFormat } from "../../i18n/language-provider.tsx";
import { useT } from "../../i18n/use-t.ts";
import { downloadFile } from "../../lib/download.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { buildResultsExport, EXPORT_FORMATS, type ExportFile, type ExportFormat } from "./export-results.ts";

const MAX_LISTED = 8;

/**
 * "Export…" on Results: UTF-8 CSV with a BOM (the default, what Excel 2016+ reads), Shift_JIS/CP932 CSV
 * for older Japanese Excel, or an .xlsx workbook. A CP932 file that cannot hold every character says
 * which and where before it is saved, and the person chooses.
 */
export function ExportResults({
  state,
  onSaved,
}: {
  state: SubmissionState;
  onSaved: (name: string) => void;
}) {
  const t = useT();
  const format = useFormat();
  const id = useId();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<ExportFormat>("csv-utf8");
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<string | undefined>(undefined);
  /** A CP932 file made but not saved yet, because some characters would become "?". */
  const [held, setHeld] = useState<ExportFile | undefined>(undefined);

  const close = () => {
    setOpen(false);
    setHeld(undefined);
    setFailed(undefined);
  };
  const save = (file: ExportFile) => {
    downloadFile(file.name, file.blob);
    close();
    onSaved(file.name);
  };
  const run = async () => {
    setBusy(true);
    setFailed(undefined);
    try {
      const file = await buildResultsExport(state, choice, t, format);
      if (file.unmappable) setHeld(file);
      else save(file);
    } catch (error) {
      setFailed(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };

  const unmappable = held?.unmappable;
  const listed = (items: string[]) =>
    format.list(items.length > MAX_LISTED ? [...items.slice(0, MAX_LISTED), t("results.more")] : items);
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t("results.export")}</Button>
      <Dialog
        open={open}
        onClose={close}
        title={t("export.title")}
        description={t("export.description")}
        size="md"
        footer={
          <>
            <Button onClick={close}>{t("common.cancel")}</Button>
            {held ? (
              <Button variant="primary" onClick={() => save(held)}>
                {t("export.anyway")}
              </Button>
            ) : (
              <Button variant="primary" onClick={() => void run()} busy={busy}>
                {t("export.submit")}
              </Button>
            )}
          </>
        }
      >
        <fieldset className="results-export__formats">
          <legend>{t("export.format")}</legend>
          {EXPORT_FORMATS.map((value) => (
            <label key={value} className="results-export__format">
              <input
                type="radio"
                name={`${id}-format`}
                value={value}
                checked={choice === value}
                onChange={() => {
                  setChoice(value);
                  setHeld(undefined);
                }}
              />
              <span>{t(`export.format.${value}`)}</span>
            </label>
          ))}
        </fieldset>
        {unmappable ? (
          <Alert tone="warning" title={t("export.unmappable.title")}>
            {t("export.unmappable.body", {
              count: unmappable.chars.length,
              chars: listed(unmappable.chars.map((char) => t("paste.quoted", { name: char }))),
              rows: unmappable.rows.length,
              rowList: listed(unmappable.rows.map(String)),
            })}
          </Alert>
        ) : null}
        {failed ? <Alert tone="danger">{t("export.failed", { reason: failed })}</Alert> : null}
      </Dialog>
    </>
  );
}
