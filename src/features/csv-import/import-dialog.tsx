import { useCallback, useId, useMemo, useState } from "react";
import { columnNames } from "../../domain/csv/header.ts";
import type { DateOrder } from "../../domain/values/dates.ts";
import type { MessageId } from "../../i18n/messages.ts";
import { useT } from "../../i18n/use-t.ts";
import { describeApiError } from "../../lib/api/api-error.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { ProgressBar, Spinner } from "../../ui/spinner.tsx";
import { MappingStep } from "./mapping-step.tsx";
import { PasteStep } from "./paste-step.tsx";
import { dataEnd, effectiveHeader, fileProblems, tableWidth } from "./preview-model.ts";
import { PreviewStep } from "./preview-step.tsx";
import type { CsvImportController } from "./use-csv-import.ts";
import { useMappingTargets } from "./use-mapping-targets.ts";

const PHASES: Record<string, MessageId> = {
  reading: "csvImport.phase.reading",
  parsing: "csvImport.phase.parsing",
  converting: "csvImport.phase.converting",
};
const SAMPLE_ROWS = 3;

/** The import dialog: paste box, progress, file preview (step 1) and column mapping (step 2). */
export function ImportDialog({ controller }: { controller: CsvImportController }) {
  const t = useT();
  const { state, alert } = controller;
  const formId = useId();
  const [ready, setReady] = useState({ rows: 0, busy: true, blocked: false });
  const onReady = useCallback((next: typeof ready) => setReady(next), []);
  const { targets, properties, error: targetsError, retry } = useMappingTargets();
  const preview = state.kind === "preview" ? state : null;

  const headers = useMemo(() => {
    if (!preview) return [];
    const width = tableWidth(preview.summary, preview.headerRow);
    return columnNames(effectiveHeader(preview.summary, preview.headerRow), width, (column) =>
      t("csvImport.column.positional", { column }),
    );
  }, [preview, t]);
  const samples = useMemo(() => {
    if (!preview) return [];
    const first = preview.headerRow === null ? 0 : preview.headerRow + 1;
    const rows = preview.summary.preview.slice(first, first + SAMPLE_ROWS);
    return headers.map((_, column) => rows.map((record) => record[column] ?? ""));
  }, [preview, headers]);

  const open = state.kind !== "closed";
  const title =
    state.kind === "paste"
      ? t("csvImport.title.paste")
      : state.kind === "preview" && state.step === "map"
        ? t("csvImport.title.map", { name: state.name })
        : "name" in state
          ? t("csvImport.title.file", { name: state.name })
          : t("csvImport.title.import");
  const description =
    state.kind === "preview"
      ? state.step === "file"
        ? t("csvImport.step.file")
        : t("csvImport.step.map")
      : undefined;
  const blocking = preview ? fileProblems(preview.summary, preview.headerRow).some((p) => p.blocking) : false;
  const defaultDateOrder: DateOrder = preview?.summary.delimiter === ";" ? "DMY" : "MDY";

  const footer = (() => {
    switch (state.kind) {
      case "paste":
        return (
          <>
            <Button onClick={controller.cancel}>{t("common.cancel")}</Button>
            <Button variant="primary" type="submit" form={`${formId}-paste`}>
              {t("csvImport.preview")}
            </Button>
          </>
        );
      case "loading":
      case "importing":
        return <Button onClick={controller.cancel}>{t("common.cancel")}</Button>;
      case "preview":
        return state.step === "file" ? (
          <>
            <Button onClick={controller.cancel}>{t("common.cancel")}</Button>
            <Button variant="primary" disabled={blocking} onClick={() => controller.setStep("map")}>
              {t("csvImport.next")}
            </Button>
          </>
        ) : (
          <>
            <Button onClick={() => controller.setStep("file")}>{t("common.back")}</Button>
            <Button onClick={controller.cancel}>{t("common.cancel")}</Button>
            <Button
              variant="primary"
              type="submit"
              form={formId}
              busy={ready.busy}
              disabled={ready.blocked || !targets}
            >
              {ready.busy ? t("csvImport.converting") : t("csvImport.importRows", { count: ready.rows })}
            </Button>
          </>
        );
      default:
        return null;
    }
  })();

  return (
    <Dialog
      open={open}
      onClose={controller.cancel}
      title={title}
      description={description}
      footer={footer}
      // Step 2 starts on its first field (Enter must not hit Cancel where Next was); Back returns to step 1's.
      focusKey={
        preview ? `${preview.step}:${preview.step === "map" && !targets ? "loading" : "ready"}` : state.kind
      }
      size={state.kind === "paste" || state.kind === "loading" ? "md" : "xl"}
      className="csv-import-dialog"
    >
      {alert ? (
        <Alert tone="danger" onDismiss={controller.dismissAlert}>
          {alert}
        </Alert>
      ) : null}
      {state.kind === "paste" ? <PasteStep formId={`${formId}-paste`} onText={controller.parseText} /> : null}
      {state.kind === "loading" ? (
        <div className="csv-import-progress">
          <ProgressBar
            label={t(PHASES[state.phase] ?? "csvImport.phase.reading")}
            value={Math.round(state.fraction * 100)}
            max={100}
            showLabel
          />
        </div>
      ) : null}
      {state.kind === "importing" ? (
        <div className="csv-import-progress">
          <Spinner
            label={
              state.matchingProducts
                ? t("csvImport.matchingProducts", { count: state.matchingProducts })
                : t("csvImport.adding")
            }
          />
        </div>
      ) : null}
      {preview && preview.step === "file" ? (
        <PreviewStep
          summary={preview.summary}
          headerRow={preview.headerRow}
          skipSummary={preview.skipSummary}
          onSkipSummary={controller.setSkipSummary}
          onEncoding={(encoding) => controller.reparse({ encoding })}
          onDelimiter={(delimiter) => controller.reparse({ delimiter })}
          onHeaderRow={controller.setHeaderRow}
          onSheet={(sheet) => controller.reparse({ sheet })}
        />
      ) : null}
      {preview && preview.step === "map" ? (
        targets ? (
          <MappingStep
            key={`${preview.headerRow}:${headers.join("\u0000")}`}
            formId={formId}
            headers={headers}
            samples={samples}
            targets={targets}
            properties={properties}
            client={controller.client}
            headerRow={preview.headerRow}
            dataEnd={dataEnd(preview.summary, preview.headerRow, preview.skipSummary)}
            defaultDateOrder={defaultDateOrder}
            batchRows={controller.store.rows.length}
            onReady={onReady}
            onImport={(mode, report) => void controller.runImport(mode, report)}
          />
        ) : targetsError ? (
          <Alert
            tone="danger"
            title={t("csvImport.targetsFailed")}
            action={
              <Button size="sm" onClick={retry}>
                {t("auth.retry")}
              </Button>
            }
          >
            {describeApiError(targetsError, t)}
          </Alert>
        ) : (
          <Spinner label={t("csvImport.loadingTargets")} />
        )
      ) : null}
    </Dialog>
  );
}
