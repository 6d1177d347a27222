import { useEffect, useRef, useState } from "react";
import { useSubmissionText } from "../../i18n/submission-text.ts";
import { useT } from "../../i18n/use-t.ts";
import { useAnnouncer } from "../../lib/announcer/announcer-context.tsx";
import { useBatchSnapshot } from "../../lib/batch-store-context.tsx";
import { useSubmissionStore } from "../../lib/submission/submission-context.tsx";
import { useSubmission } from "../../lib/submission/use-submission.ts";
import { Button } from "../../ui/button.tsx";
import { DockPanel } from "../../ui/notification-dock.tsx";
import { type ProgressPoint, progressPoint, submissionAnnouncement } from "./submission-announcements.ts";
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
  // The submit button is disabled while the run goes: focus moves to the progress panel, not to <body>.
  const [focusProgress, setFocusProgress] = useState(false);
  const progressRef = useRef<HTMLElement>(null);
  const submitRef = useRef<HTMLButtonElement>(null);
  const t = useT();
  const plan = useSubmitPlan(batch.rows, store.concurrency, open);
  useConfirmLeave(submission.running);

  const state = submission.state;
  const summary = submission.summary;
  // After a reload the interrupted run shows too: its in-flight rows are now "unknown" to reconcile; so does a
  // run paused by a sign-in that ended, back from signing in again, to resume.
  const paused = state?.stopReason?.kind === "signed-out";
  const showProgress =
    state !== undefined &&
    (submission.running ||
      (state.id !== dismissedId && (startedHere || paused || state.status === "interrupted")));
  useSubmissionAnnouncements(state, summary, submission.running);

  useEffect(() => {
    if (!focusProgress || !showProgress) return;
    progressRef.current?.focus();
    setFocusProgress(false);
  }, [focusProgress, showProgress]);

  return (
    <div className="submission">
      <Button
        ref={submitRef}
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
          setFocusProgress(true);
        }}
      />
      {showProgress && state && summary ? (
        <DockPanel>
          <SubmissionProgress
            ref={progressRef}
            state={state}
            summary={summary}
            running={submission.running}
            onCancel={submission.cancel}
            onResume={() => void submission.resume()}
            onDismiss={() => {
              setDismissedId(state.id);
              // The panel and its Close button go away: the user's next step starts at Submit again.
              submitRef.current?.focus();
            }}
            concurrency={store.concurrency}
          />
        </DockPanel>
      ) : null}
    </div>
  );
}

/** Tells the app's announcer when a run starts, passes each quarter, waits, finishes, stops or is canceled. */
function useSubmissionAnnouncements(
  state: ReturnType<typeof useSubmission>["state"],
  summary: ReturnType<typeof useSubmission>["summary"],
  running: boolean,
) {
  const announcer = useAnnouncer();
  const t = useT();
  const text = useSubmissionText();
  const previous = useRef<ProgressPoint | undefined>(undefined);
  useEffect(() => {
    if (!state || !summary) return;
    const next = progressPoint(state, summary, running, Date.now(), text);
    const spoken = submissionAnnouncement(previous.current, next);
    previous.current = next;
    if (spoken) announcer.announce(t(spoken.id, spoken.values));
  }, [state, summary, running, announcer, t, text]);
}
