import { zodResolver } from "@hookform/resolvers/zod";
import { useId, useMemo } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { aboutDuration } from "../../domain/submission/plan.ts";
import { isWritable } from "../../hubspot/properties.ts";
import type { StartSubmission } from "../../lib/submission/use-submission.ts";
import { useGridSelection } from "../../lib/use-grid-selection.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { Spinner } from "../../ui/spinner.tsx";
import type { SubmitPlan } from "./use-submit-plan.ts";

const SubmitForm = z.object({
  scope: z.enum(["valid", "selection"]),
  stamp: z.boolean(),
  confirmLive: z.boolean(),
});
type SubmitForm = z.infer<typeof SubmitForm>;

const number = new Intl.NumberFormat("en-US");

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
  const form = useForm<SubmitForm>({
    resolver: zodResolver(
      SubmitForm.refine((v) => !plan.isLive || v.confirmLive, {
        path: ["confirmLive"],
        message: "Tick this box to create the quotes in your live HubSpot account.",
      }),
    ),
    defaultValues: { scope: "valid", stamp: true, confirmLive: false },
  });
  const ids = {
    scope: useId(),
    selection: useId(),
    stamp: useId(),
    live: useId(),
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
  const { valid, skipped } = chosen;
  const planned = bySelection ? plan.planFor(valid.length) : plan.plan;

  const submit = form.handleSubmit((values) => {
    if (!plan.environment) return;
    const defs = new Map(plan.properties.map((p) => [p.name, p]));
    const unique = values.stamp ? plan.uniqueProperty : undefined;
    onConfirm({
      environment: plan.environment,
      rateLimit: plan.rateLimit,
      rows: valid,
      skipped,
      serialise: {
        isWritable: (name) => {
          const def = defs.get(name);
          return def ? isWritable(def) : true;
        },
        ...(unique ? { stamp: { propertyName: unique.name, valueFor: (row) => row.id } } : {}),
      },
    });
  });

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Submit batch"
      description="Create one HubSpot quote per valid row."
      size="lg"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            type="submit"
            form="submission-form"
            disabled={!plan.ready || valid.length === 0}
          >
            {valid.length === 0 ? "Nothing to send" : `Create ${number.format(valid.length)} quotes`}
          </Button>
        </>
      }
    >
      {!plan.ready ? (
        <Spinner label={plan.waitingFor} />
      ) : (
        <form id="submission-form" className="submission-form" onSubmit={submit} noValidate>
          <fieldset className="submission-form__group">
            <legend>Rows</legend>
            <label htmlFor={ids.scope} className="submission-form__choice">
              <input id={ids.scope} type="radio" value="valid" {...form.register("scope")} defaultChecked />
              All valid rows ({number.format(plan.valid.length)})
            </label>
            {selection.count > 1 ? (
              <label htmlFor={ids.selection} className="submission-form__choice">
                <input id={ids.selection} type="radio" value="selection" {...form.register("scope")} />
                Selected rows ({number.format(selection.count)})
              </label>
            ) : null}
          </fieldset>

          <dl className="submission-form__facts">
            <dt>Environment</dt>
            <dd data-testid="submission-environment">{plan.environmentLabel}</dd>
            <dt>Plan</dt>
            <dd>
              {number.format(planned.quotes)} quotes → {number.format(planned.requests)}{" "}
              {planned.requests === 1 ? "request" : "requests"} of at most 100
            </dd>
            <dt>Estimated time</dt>
            <dd>
              {aboutDuration(planned.estimatedMs)} at HubSpot's limit of {plan.rateLimit.max} requests per{" "}
              {plan.rateLimit.intervalMs / 1000} s
            </dd>
          </dl>

          {skipped.length > 0 ? (
            <details className="submission-form__skipped">
              <summary>
                {number.format(skipped.length)} invalid {skipped.length === 1 ? "row is" : "rows are"} skipped
                (fix them in the grid and submit again)
              </summary>
              <ul>
                {skipped.slice(0, 50).map((row) => (
                  <li key={row.rowId}>
                    Row {row.rowNumber}
                    {row.title ? ` “${row.title}”` : ""}: {row.reason}
                  </li>
                ))}
                {skipped.length > 50 ? <li>…and {number.format(skipped.length - 50)} more</li> : null}
              </ul>
            </details>
          ) : (
            <p className="submission-form__note">Every row with content is valid; none is skipped.</p>
          )}

          {plan.uniqueProperty ? (
            <label htmlFor={ids.stamp} className="submission-form__choice">
              <input id={ids.stamp} type="checkbox" {...form.register("stamp")} />
              <span>
                Stamp each row with a unique key in “{plan.uniqueProperty.label}” ({plan.uniqueProperty.name}
                ), so rows whose outcome is unknown can be checked in HubSpot and never created twice
              </span>
            </label>
          ) : (
            <p className="submission-form__note">
              HubSpot has no unique-value quote property here: if a request's outcome is unknown, you will be
              told what to check in HubSpot.
            </p>
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
                Create these quotes in the live HubSpot account
              </label>
              {form.formState.errors.confirmLive ? (
                <p id={ids.liveError} className="submission-form__error">
                  {form.formState.errors.confirmLive.message}
                </p>
              ) : null}
            </div>
          ) : null}
          {!plan.environment ? <Alert tone="danger">The app's server cannot be reached.</Alert> : null}
        </form>
      )}
    </Dialog>
  );
}
