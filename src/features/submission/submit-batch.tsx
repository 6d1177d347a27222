import { useState } from "react";
import { useT } from "../../i18n/use-t.ts";
import { useBatchSnapshot } from "../../lib/batch-store-context.tsx";
import { useSubmissionStore } from "../../lib/submission/submission-context.tsx";
import { useSubmission } from "../../lib/submission/use-submission.ts";
import { Button } from "../../ui/button.tsx";
import { DockPanel } from "../../ui/notification-dock.tsx";
import { SubmissionProgress } from "./submission-progress.tsx";
import { SubmitDialog } from "./submit-dialog.tsx";
import { useConfirmLeave } from "./use-confirm-leave.ts";
import { useSubmitPlan } from "./use-submit-plan.ts";
import "./submission.css";

/** The composer toolbar's "Submit batch": the button, its dialog and the progress panel of the run. */
export function SubmitBatch() {
  const store = useSubmissionStore();
  const submission = useSubmission();
  const batch = useBatchSnapshot();
  const [open, setOpen] = useState(false);
  const [startedHere, setStartedHere] = useState(false);
  const [dismissedId, setDismissedId] = useState<string | undefined>(undefined);
  const t = useT();
  const plan = useSubmitPlan(batch.rows, store.concurrency, open);
  useConfirmLeave(submission.running);

  const state = submission.state;
  const summary = submission.summary;
  // After a reload the interrupted run shows too: its in-flight rows are now "unknown" to reconcile.
  const showProgress =
    state !== undefined &&
    (submission.running || (state.id !== dismissedId && (startedHere || state.status === "interrupted")));

  return (
    <div className="submission">
      <Button
        variant="primary"
        onClick={() => setOpen(true)}
        disabled={submission.running}
        busy={submission.running}
      >
        {submission.running ? t("submit.running") : t("submit.button")}
      </Button>
      <SubmitDialog
        open={open}
        onClose={() => setOpen(false)}
        plan={plan}
        onConfirm={(input) => {
          setOpen(false);
          submission.start(input);
          setStartedHere(true);
        }}
      />
      {showProgress && state && summary ? (
        <DockPanel>
          <SubmissionProgress
            state={state}
            summary={summary}
            running={submission.running}
            onCancel={submission.cancel}
            onDismiss={() => setDismissedId(state.id)}
            concurrency={store.concurrency}
          />
        </DockPanel>
      ) : null}
    </div>
  );
}
