import { zodResolver } from "@hookform/resolvers/zod";
import { useId, useMemo } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import type { PriorQuote } from "../../domain/submission/prior-quotes.ts";
import type { NumberedRow } from "../../domain/submission/state.ts";
import { isWritable } from "../../hubspot/properties.ts";
import type { Formatter } from "../../i18n/format.ts";
import { useFormat } from "../../i18n/language-provider.tsx";
import { type Translate, useT } from "../../i18n/use-t.ts";
import type { StartSubmission } from "../../lib/submission/use-submission.ts";
import { useGridSelection } from "../../lib/use-grid-selection.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { Spinner } from "../../ui/spinner.tsx";
import type { SubmitPlan } from "./use-submit-plan.ts";

const SubmitForm = z.object({
  scope: z.enum(["valid", "selection"]),
  /** Rows an earlier submission already created: skip them, or knowingly create another quote each. */
  repeat: z.enum(["skip", "create"]),
  stamp: z.boolean(),
  confirmLive: z.boolean(),
});
type SubmitForm = z.infer<typeof SubmitForm>;

function repeatSummary(
  rows: readonly NumberedRow[],
  prior: ReadonlyMap<string, PriorQuote>,
  t: Translate,
  format: Formatter,
): string {
  return format.list(
    rows.map((n) => {
      const quote = prior.get(n.row.id);
      return quote
        ? t("submit.repeat.row", {
            row: n.rowNumber,
            quoteId: quote.hubspotId,
            sent: format.dateTime(quote.at),
          })
        : t("submit.repeat.rowOnly", { row: n.rowNumber });
    }),
  );
}

export function SubmitDialog({
  open,
  onClose,
  plan,
  onConfirm,
}: {
  open: boolean;
  onClose: () => void;
  plan: SubmitPlan;
  onConfirm: (input: StartSubmission) => void;
}) {
  const t = useT();
  const format = useFormat();
  const form = useForm<SubmitForm>({
    resolver: zodResolver(
      SubmitForm.refine((v) => !plan.isLive || v.confirmLive, {
        path: ["confirmLive"],
        message: "confirm-live",
      }),
    ),
    defaultValues: { scope: "valid", repeat: "skip", stamp: true, confirmLive: false },
  });
  const ids = {
    scope: useId(),
    selection: useId(),
    stamp: useId(),
    live: useId(),
    skipRepeat: useId(),
    createRepeat: useId(),
    liveError: useId(),
  };
  // "Selected rows" is offered when the grid selects more than one row; ids are resolved only when chosen.
  const selection = useGridSelection();
  const bySelection = selection.count > 1 && form.watch("scope") === "selection";
  const chosen = useMemo(() => {
    if (!bySelection) return { valid: plan.valid, skipped: plan.skipped };
    const selected = new Set(selection.rowIds());
    return {
      valid: plan.valid.filter((numbered) => selected.has(numbered.row.id)),
      skipped: plan.skipped.filter((row) => selected.has(row.rowId)),
    };
  }, [bySelection, selection, plan.valid, plan.skipped]);
  const { skipped } = chosen;
  const repeats = useMemo(
    () => chosen.valid.filter((numbered) => plan.priorQuotes.has(numbered.row.id)),
    [chosen.valid, plan.priorQuotes],
  );
  const skipRepeats = form.watch("repeat") === "skip";
  const valid = useMemo(
    () => (skipRepeats ? chosen.valid.filter((n) => !plan.priorQuotes.has(n.row.id)) : chosen.valid),
    [skipRepeats, chosen.valid, plan.priorQuotes],
  );
  const planned = plan.planFor(valid.length);

  const submit = form.handleSubmit((values) => {
    if (!plan.environment) return;
    const defs = new Map(plan.properties.map((p) => [p.name, p]));
    const unique = values.stamp ? plan.uniqueProperty : undefined;
    const again = new Set(values.repeat === "create" ? repeats.map((n) => n.row.id) : []);
    // A row created again needs a fresh key, or HubSpot refuses it as the earlier quote's duplicate.
    const nonce = Date.now().toString(36);
    const existing =
      values.repeat === "skip"
        ? repeats.map((n) => ({ ...n, hubspotId: plan.priorQuotes.get(n.row.id)?.hubspotId ?? "" }))
        : [];
    onConfirm({
      existing,
      environment: plan.environment,
      rateLimit: plan.rateLimit,
      rows: valid,
      skipped,
      phases: plan.phasesFor(valid.map((n) => n.row)),
      serialise: {
        cellsOf: plan.cellsOf,
        isWritable: (name) => {
          const def = defs.get(name);
          return def ? isWritable(def) : true;
        },
        ...(unique
          ? {
              stamp: {
                propertyName: unique.name,
                valueFor: (row) => (again.has(row.id) ? `${row.id}~${nonce}` : row.id),
              },
            }
          : {}),
      },
    });
  });

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t("submit.title")}
      description={t("submit.description")}
      size="lg"
      footer={
        <>
          <Button onClick={onClose}>{t("common.cancel")}</Button>
          <Button
            variant="primary"
            type="submit"
            form="submission-form"
            disabled={!plan.ready || valid.length === 0}
          >
            {valid.length === 0 ? t("submit.nothing") : t("submit.create", { count: valid.length })}
          </Button>
        </>
      }
    >
      {!plan.ready ? (
        <Spinner label={plan.waitingFor} />
      ) : (
        <form id="submission-form" className="submission-form" onSubmit={submit} noValidate>
          <fieldset className="submission-form__group">
            <legend>{t("submit.rows")}</legend>
            <label htmlFor={ids.scope} className="submission-form__choice">
              <input id={ids.scope} type="radio" value="valid" {...form.register("scope")} defaultChecked />
              {t("submit.allValid", { count: plan.valid.length })}
            </label>
            {selection.count > 1 ? (
              <label htmlFor={ids.selection} className="submission-form__choice">
                <input id={ids.selection} type="radio" value="selection" {...form.register("scope")} />
                {t("submit.selected", { count: selection.count })}
              </label>
            ) : null}
          </fieldset>

          {repeats.length > 0 ? (
            <fieldset className="submission-form__group submission-form__repeat">
              <legend>{t("submit.repeat.legend", { count: repeats.length })}</legend>
              <p className="submission-form__note">
                {repeats.length > 3
                  ? t("submit.repeat.summaryMore", {
                      rows: repeatSummary(repeats.slice(0, 3), plan.priorQuotes, t, format),
                      more: repeats.length - 3,
                    })
                  : t("submit.repeat.summary", { rows: repeatSummary(repeats, plan.priorQuotes, t, format) })}
              </p>
              <label htmlFor={ids.skipRepeat} className="submission-form__choice">
                <input id={ids.skipRepeat} type="radio" value="skip" {...form.register("repeat")} />
                {t("submit.repeat.skip")}
              </label>
              <label htmlFor={ids.createRepeat} className="submission-form__choice">
                <input id={ids.createRepeat} type="radio" value="create" {...form.register("repeat")} />
                {t("submit.repeat.create")}
              </label>
            </fieldset>
          ) : null}

          <dl className="submission-form__facts">
            <dt>{t("submit.environment")}</dt>
            <dd data-testid="submission-environment">{plan.environmentLabel}</dd>
            <dt>{t("submit.plan")}</dt>
            <dd>{t("submit.planValue", { quotes: planned.quotes, requests: planned.requests })}</dd>
            <dt>{t("submit.estimate")}</dt>
            <dd>
              {t("submit.estimateValue", {
                duration:
                  planned.estimatedMs < 1000
                    ? t("duration.underSecond")
                    : t("duration.about", { duration: format.duration(planned.estimatedMs) }),
                max: plan.rateLimit.max,
                seconds: plan.rateLimit.intervalMs / 1000,
              })}
            </dd>
          </dl>

          {skipped.length > 0 ? (
            <details className="submission-form__skipped">
              <summary>{t("submit.skipped", { count: skipped.length })}</summary>
              <ul>
                {skipped.slice(0, 50).map((row) => (
                  <li key={row.rowId}>
                    {row.title
                      ? t("submit.skippedRowTitled", {
                          row: row.rowNumber,
                          title: row.title,
                          reason: row.reason,
                        })
                      : t("submit.skippedRow", { row: row.rowNumber, reason: row.reason })}
                  </li>
                ))}
                {skipped.length > 50 ? (
                  <li>{t("submit.skippedMore", { count: skipped.length - 50 })}</li>
                ) : null}
              </ul>
            </details>
          ) : (
            <p className="submission-form__note">{t("submit.noneSkipped")}</p>
          )}

          {plan.uniqueProperty ? (
            <label htmlFor={ids.stamp} className="submission-form__choice">
              <input id={ids.stamp} type="checkbox" {...form.register("stamp")} />
              <span>
                {t("submit.stamp", { label: plan.uniqueProperty.label, name: plan.uniqueProperty.name })}
              </span>
            </label>
          ) : (
            <p className="submission-form__note">{t("submit.noUnique")}</p>
          )}

          {plan.isLive ? (
            <div className="submission-form__live">
              <label htmlFor={ids.live} className="submission-form__choice">
                <input
                  id={ids.live}
                  type="checkbox"
                  aria-describedby={form.formState.errors.confirmLive ? ids.liveError : undefined}
                  {...form.register("confirmLive")}
                />
                {t("submit.confirmLive")}
              </label>
              {form.formState.errors.confirmLive ? (
                <p id={ids.liveError} className="submission-form__error">
                  {t("submit.confirmLiveRequired")}
                </p>
              ) : null}
            </div>
          ) : null}
          {!plan.environment ? <Alert tone="danger">{t("submit.serverUnreachable")}</Alert> : null}
        </form>
      )}
    </Dialog>
  );
}
