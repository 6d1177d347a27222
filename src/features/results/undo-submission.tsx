import { useEffect, useRef, useState } from "react";
import { undoPlan } from "../../domain/submission/quote-phases.ts";
import type { SubmissionState } from "../../domain/submission/types.ts";
import { environmentName } from "../../i18n/environment-name.ts";
import type { Formatter } from "../../i18n/format.ts";
import { useFormat } from "../../i18n/language-provider.tsx";
import { personName } from "../../i18n/person-name.ts";
import { submissionText } from "../../i18n/submission-text.ts";
import { type Translate, useT } from "../../i18n/use-t.ts";
import { useMe } from "../../lib/api/get-me.ts";
import { signedOutUndo } from "../../lib/submission/signed-out-stop.ts";
import type { UseSubmission } from "../../lib/submission/use-submission.ts";
import { hasRole } from "../../server/identity.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { Dialog } from "../../ui/dialog.tsx";
import { SignedOutAlert } from "../../ui/signed-out-alert.tsx";

/**
 * "Undo": archive the quotes this submission created, after a confirmation that says exactly what goes
 * (how many quotes, how many line items, where), with progress and the result recorded on the submission.
 */
export function UndoSubmission({
  state,
  submission,
  onUndone,
}: {
  state: SubmissionState;
  submission: UseSubmission;
  /** Called once the undo ran and the dialog closes: the button is gone, so focus needs a new home. */
  onUndone(): void;
}) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const me = useMe();
  const { quotes, lineItems } = undoPlan(state);
  // A paused undo goes on from its own "Resume" (UndoOutcome): one way on at a time.
  if (quotes.length === 0 || state.undo?.paused) return null;
  // The server lets only admins archive (docs/decisions/034): say so instead of a refusal after the click.
  const allowed = !me.data || hasRole(me.data.user.role, "admin");
  if (!allowed) return <p className="results-hint">{t("undo.adminOnly", { count: quotes.length })}</p>;
  const where = environmentName(state.environment, t);
  return (
    <>
      <Button onClick={() => setOpen(true)} disabled={submission.running}>
        {t("undo.button", { count: quotes.length })}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t("undo.title", { count: quotes.length })}
        size="sm"
        hideCloseButton={submission.undoing}
        footer={
          <>
            <Button onClick={() => setOpen(false)} disabled={submission.undoing}>
              {t("undo.cancel")}
            </Button>
            <Button
              variant="danger"
              busy={submission.undoing}
              onClick={() => {
                const close = () => {
                  setOpen(false);
                  onUndone();
                };
                void submission.undo().then(close).catch(close);
              }}
            >
              {t("undo.confirm", { count: quotes.length })}
            </Button>
          </>
        }
      >
        <p>{t("undo.body", { quotes: quotes.length, lineItems, where })}</p>
        <p>{t("undo.kept")}</p>
      </Dialog>
    </>
  );
}

/**
 * What an undo did, once it ran (or while it runs). With `focusKey` set (a new value per finished undo) it
 * takes focus, after the confirmation dialog has closed: the user's next step is reading what happened.
 */
export function UndoOutcome({
  state,
  focusKey,
  onResume,
  resumeDisabled,
}: {
  state: SubmissionState;
  focusKey?: number;
  /** Archives what an undo paused by a sign-out left (without it, the person may not act). */
  onResume?: (() => void) | undefined;
  resumeDisabled?: boolean;
}) {
  const t = useT();
  const format = useFormat();
  const ref = useRef<HTMLDivElement>(null);
  const undo = state.undo;
  useEffect(() => {
    if (focusKey !== undefined) ref.current?.focus();
  }, [focusKey]);
  if (!undo) return null;
  const signedOut = signedOutUndo(state);
  return (
    <div ref={ref} tabIndex={-1} className="results-undo-outcome">
      {signedOut ? (
        <SignedOutAlert
          signInHref={signedOut.signInHref}
          onResume={onResume}
          {...(resumeDisabled === undefined ? {} : { resumeDisabled })}
        >
          {signedOut.inThisPage
            ? t("undo.paused.body", { archived: undo.archived, total: undo.quotes })
            : t("undo.paused.resumeBody", { left: undo.quotes - undo.archived - undo.failed })}
        </SignedOutAlert>
      ) : (
        <UndoOutcomeText undo={undo} t={t} format={format} />
      )}
    </div>
  );
}

function UndoOutcomeText({
  undo,
  t,
  format,
}: {
  undo: NonNullable<SubmissionState["undo"]>;
  t: Translate;
  format: Formatter;
}) {
  if (undo.finishedAt === undefined)
    return (
      <Alert tone="info" title={t("undo.running.title")}>
        {t("undo.running.body", { archived: undo.archived, total: undo.quotes })}
      </Alert>
    );
  const values = {
    archived: undo.archived,
    total: undo.quotes,
    lineItems: undo.lineItems,
    when: format.dateTime(undo.finishedAt),
    who: undo.by === undefined ? t("undo.someone") : personName({ id: undo.by }, t),
  };
  return undo.failed > 0 ? (
    <Alert tone="warning" title={t("undo.partial.title", { failed: undo.failed })}>
      {t("undo.partial.body", {
        ...values,
        failed: undo.failed,
        reason: submissionText(t, format)(undo.message),
      })}
    </Alert>
  ) : (
    <Alert tone="success" title={t("undo.done.title", { count: undo.archived })}>
      {t("undo.done.body", values)}
    </Alert>
  );
}
