import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useSyncExternalStore } from "react";
import { effectiveCells } from "../../domain/batch/defaults.ts";
import type { BatchRow, RowId } from "../../domain/batch/row.ts";
import type { ManualCheck } from "../../domain/submission/reconcile.ts";
import type { SerialiseOptions } from "../../domain/submission/serialise.ts";
import { splitRows } from "../../domain/submission/split-rows.ts";
import type { CreateSubmissionInput, RowMark } from "../../domain/submission/state.ts";
import { type SubmissionSummary, summarise } from "../../domain/submission/summary.ts";
import type { RowOutcome, SkippedRow, SubmissionState } from "../../domain/submission/types.ts";
import { localToday } from "../../domain/validation/today.ts";
import { isWritable } from "../../hubspot/properties.ts";
import { useIssueText } from "../../i18n/issue-text.ts";
import { useMe } from "../api/get-me.ts";
import { quotePropertiesQuery } from "../api/get-quote-properties.ts";
import { useBatchSnapshot } from "../batch-store-context.tsx";
import { useAppServices } from "../services/app-services-context.tsx";
import { browserRunner } from "./browser-runner.ts";
import { useSubmissionStore } from "./submission-context.tsx";
import type { ReconcileSummary, SubmissionSnapshot } from "./submission-store.ts";

export type StartSubmission = Omit<CreateSubmissionInput, "id" | "now">;

export interface UseSubmission {
  snapshot: SubmissionSnapshot;
  state: SubmissionState | undefined;
  summary: SubmissionSummary | undefined;
  running: boolean;
  start: (input: StartSubmission) => void;
  cancel: () => void;
  /**
   * Sends failed, not-sent and canceled rows again, as they are now in the composer. Rows still invalid are
   * not sent; their messages come back so the page can say what to fix.
   */
  retryFailed: () => Promise<SkippedRow[]>;
  /**
   * After a signed-out stop, once signed in again: sends the rows not sent yet, then every later phase still
   * to do (line items, publishing, read-back). Nothing that reached HubSpot is sent again.
   */
  resume: () => Promise<SkippedRow[]>;
  reconcile: () => Promise<ManualCheck | ReconcileSummary>;
  /** Archives the quotes this submission created (their line items go with them); resolves when done. */
  undo: () => Promise<SubmissionState>;
  undoing: boolean;
  /** Quotes in HubSpot whose line items, publishing or read-back did not all finish: send only what is missing. */
  finishIncomplete: () => void;
  reconciling: boolean;
  mark: (updates: ReadonlyMap<RowId, RowMark>) => void;
  error: Error | null;
}

const RETRYABLE: ReadonlySet<RowOutcome> = new Set(["failed", "not-sent", "canceled"]);
const RESUMABLE: ReadonlySet<RowOutcome> = new Set(["not-sent"]);

/**
 * The submission's one API hook: state per request and per row (what the progress bar and the Results
 * table render) and the actions. Every batch/create request is a react-query mutation driven by the queue.
 */
export function useSubmission(): UseSubmission {
  const store = useSubmissionStore();
  const services = useAppServices();
  const queryClient = useQueryClient();
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const batch = useBatchSnapshot();
  const { defaults } = batch;
  const properties = useQuery(quotePropertiesQuery());
  const runner = useMemo(() => browserRunner(queryClient), [queryClient]);
  const describeIssue = useIssueText();

  const serialise = useMemo((): SerialiseOptions => {
    const defs = new Map((properties.data ?? []).map((p) => [p.name, p]));
    return {
      cellsOf: (row) => effectiveCells(row, defaults, localToday()),
      isWritable: (name) => {
        const def = defs.get(name);
        return def ? isWritable(def) : true;
      },
    };
  }, [properties.data, defaults]);

  const rowsById = () => new Map<RowId, BatchRow>(batch.rows.map((row) => [row.id, row]));

  const run = useMutation({
    mutationKey: ["submission", "run"],
    mutationFn: (action: () => Promise<unknown>) => action(),
  });
  const me = useMe();
  const undo = useMutation({
    mutationKey: ["submission", "undo"],
    mutationFn: () => store.undo(runner, me.data?.user.id),
  });
  const reconcile = useMutation({
    mutationKey: ["submission", "reconcile"],
    mutationFn: () => store.reconcile(rowsById(), serialise, runner),
  });

  const state = snapshot.current;
  const summary = useMemo(() => (state ? summarise(state) : undefined), [state]);

  /** Rows with these outcomes go again as they are now in the composer; rows still invalid are skipped. */
  const sendAgain = async (outcomes: ReadonlySet<RowOutcome>, alsoLaterPhases: boolean) => {
    const retry = new Set(
      (state?.rows ?? []).filter((row) => outcomes.has(row.outcome)).map((row) => row.rowId),
    );
    const candidates = batch.rows.filter((row) => retry.has(row.id));
    // The same validation result the grid shows, once every referenced id is checked (the rules are
    // given here too: Results may be the only page that has been on screen).
    services.validation.setProperties(await queryClient.ensureQueryData(quotePropertiesQuery()));
    await services.references.settled();
    const { valid, skipped } = splitRows(
      candidates,
      (row) => services.validation.issuesOf(row),
      describeIssue,
    );
    const numbers = new Map((state?.rows ?? []).map((row) => [row.rowId, row.rowNumber]));
    const ids = [...retry].filter((id) => !skipped.some((s) => s.rowId === id));
    // Resuming with no quote left to send still finishes the line items, publishing and read-back.
    if (valid.length > 0 || ids.length > 0 || alsoLaterPhases)
      run.mutate(() => store.resend(ids, rowsById(), serialise, runner));
    return skipped.map((s) => ({ ...s, rowNumber: numbers.get(s.rowId) ?? s.rowNumber }));
  };

  return {
    snapshot,
    state,
    summary,
    running: snapshot.running || snapshot.settling,
    start: (input) => run.mutate(() => store.start(input, runner)),
    cancel: () => store.cancel(),
    retryFailed: () => sendAgain(RETRYABLE, false),
    resume: () => sendAgain(RESUMABLE, true),
    reconcile: () => reconcile.mutateAsync(),
    finishIncomplete: () => run.mutate(() => store.finishIncomplete(runner)),
    undo: () => undo.mutateAsync(),
    undoing: undo.isPending,
    reconciling: reconcile.isPending,
    mark: (updates) => store.mark(updates),
    error: run.error ?? reconcile.error ?? undo.error,
  };
}
