import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useSyncExternalStore } from "react";
import { effectiveCells } from "../../domain/batch/defaults.ts";
import type { BatchRow, RowId } from "../../domain/batch/row.ts";
import type { PhaseState } from "../../domain/submission/phases.ts";
import {
  DEFAULT_RATE_LIMIT,
  planSubmission,
  type RateLimit,
  type SubmissionPlan,
} from "../../domain/submission/plan.ts";
import type { PriorQuote } from "../../domain/submission/prior-quotes.ts";
import { lineKeyOf, planQuotes } from "../../domain/submission/quote-phases.ts";
import { splitRows } from "../../domain/submission/split-rows.ts";
import type { NumberedRow } from "../../domain/submission/state.ts";
import type { SkippedRow, SubmissionEnvironment } from "../../domain/submission/types.ts";
import { localToday } from "../../domain/validation/today.ts";
import { isSandbox } from "../../hubspot/account.ts";
import { ROLLING_WINDOW_MS } from "../../hubspot/limits.ts";
import { isWritable, type Property } from "../../hubspot/properties.ts";
import type { QuoteSystem } from "../../hubspot/quote-system.ts";
import { useIssueText } from "../../i18n/issue-text.ts";
import { useT } from "../../i18n/use-t.ts";
import { accountQuery } from "../../lib/api/get-account.ts";
import { healthQuery } from "../../lib/api/get-health.ts";
import { lineItemPropertiesQuery } from "../../lib/api/get-line-item-properties.ts";
import { quotePropertiesQuery } from "../../lib/api/get-quote-properties.ts";
import { quoteSystemQuery } from "../../lib/api/get-quote-system.ts";
import { useBatchSnapshot } from "../../lib/batch-store-context.tsx";
import { useValidation } from "../../lib/services/use-validation.ts";
import { useSubmissionStore } from "../../lib/submission/submission-context.tsx";

const NO_PRIOR_QUOTES: ReadonlyMap<RowId, PriorQuote> = new Map();

/** A round trip to expect per request when estimating; the queue learns the real one as it goes. */
const TYPICAL_LATENCY_MS = 300;

export interface SubmitPlan {
  ready: boolean;
  /** While not ready: what is being waited for ("Checking 40 references…"). */
  waitingFor: string;
  valid: NumberedRow[];
  skipped: SkippedRow[];
  plan: SubmissionPlan;
  /** The same plan for another number of quotes (the dialog's "Selected rows"). */
  planFor(quotes: number): SubmissionPlan;
  rateLimit: RateLimit;
  environment: SubmissionEnvironment | undefined;
  environmentLabel: string;
  isLive: boolean;
  uniqueProperty: Property | undefined;
  properties: readonly Property[];
  /** Rows of this batch that past submissions already made a quote for. */
  priorQuotes: ReadonlyMap<RowId, PriorQuote>;
  /** Legacy quotes are published through the API; CPQ quotes stay drafts (published in HubSpot). */
  quoteSystem: QuoteSystem;
  /** The batch defaults ask for publishing (and the portal allows it). */
  publish: boolean;
  /** Each row's line items, publishing and read-back: the phases after its quote (decision 033). */
  phasesFor: (rows: readonly BatchRow[]) => PhaseState;
  /** A row's values as sent: its own cells, else the batch defaults. */
  cellsOf: (row: BatchRow) => Readonly<Record<string, string>>;
}

export function useSubmitPlan(rows: readonly BatchRow[], concurrency: number, enabled: boolean): SubmitPlan {
  const health = useQuery({ ...healthQuery(), enabled });
  const account = useQuery({ ...accountQuery(), enabled: enabled && health.isSuccess });
  const properties = useQuery({ ...quotePropertiesQuery(), enabled });
  const store = useSubmissionStore();
  const { historyVersion } = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const prior = useQuery({
    queryKey: ["submission", "prior-quotes", historyVersion],
    queryFn: () => store.priorQuotes(),
    enabled,
  });
  const defs = properties.data ?? [];
  const lineProperties = useQuery({ ...lineItemPropertiesQuery(), enabled });
  const quoteSystem = useQuery({ ...quoteSystemQuery(), enabled });
  const { defaults } = useBatchSnapshot();
  // The grid's own validation result, once complete (every row checked, every referenced id resolved):
  // a row the grid marks as an error is skipped here.
  const validation = useValidation();
  const { service, complete, version } = validation;
  // Without the composer on screen (a test, or a future page) the dialog gives the rules itself.
  useEffect(() => {
    if (properties.data) service.setProperties(properties.data);
  }, [service, properties.data]);
  const describeIssue = useIssueText();
  const split = useMemo(() => {
    void version;
    return enabled && complete
      ? splitRows(rows, (row) => service.issuesOf(row), describeIssue)
      : { valid: [], skipped: [] };
  }, [enabled, complete, rows, service, version, describeIssue]);
  const t = useT();
  const waitingFor =
    validation.pendingRows > 0
      ? t("submit.waiting.rows", { count: validation.pendingRows })
      : validation.pendingReferences > 0
        ? t("submit.waiting.references", { count: validation.pendingReferences })
        : t("submit.waiting.batch");
  const rateLimit: RateLimit = health.data?.rateLimit
    ? { max: health.data.rateLimit.perTenSeconds, intervalMs: ROLLING_WINDOW_MS }
    : DEFAULT_RATE_LIMIT;
  const planFor = (quotes: number) =>
    planSubmission({ quotes, rateLimit, latencyMs: TYPICAL_LATENCY_MS, concurrency });
  const plan = planFor(split.valid.length);
  const simulator = health.data?.upstream !== "hubspot";
  const details = account.data;
  const environment: SubmissionEnvironment | undefined = health.data
    ? {
        kind: simulator ? "simulator" : "hubspot",
        ...(details
          ? { portalId: details.portalId, uiDomain: details.uiDomain, sandbox: isSandbox(details) }
          : {}),
      }
    : undefined;
  const system = quoteSystem.data ?? "legacy";
  const environmentLabel = simulator
    ? t("submit.env.simulator")
    : details
      ? t(isSandbox(details) ? "submit.env.sandbox" : "submit.env.production", { portalId: details.portalId })
      : t("submit.env.hubspot");
  return {
    ready:
      health.isSuccess &&
      properties.isSuccess &&
      complete &&
      prior.isSuccess &&
      quoteSystem.isSuccess &&
      !lineProperties.isPending,
    waitingFor,
    ...split,
    plan,
    planFor,
    rateLimit,
    environment,
    environmentLabel,
    isLive: !simulator && !(details && isSandbox(details)),
    uniqueProperty: defs.find((p) => p.hasUniqueValue === true && p.type === "string"),
    properties: defs,
    priorQuotes: prior.data ?? NO_PRIOR_QUOTES,
    quoteSystem: system,
    publish: defaults.publish && system === "legacy",
    phasesFor: (batch) => {
      const lineDefs = new Map((lineProperties.data ?? []).map((p) => [p.name, p]));
      const lineKey = lineKeyOf(lineProperties.data ?? []);
      return planQuotes(batch, {
        publish: defaults.publish,
        system,
        ...(lineKey ? { lineKey } : {}),
        isLineWritable: (name) => {
          const def = lineDefs.get(name);
          return def ? isWritable(def) : true;
        },
      });
    },
    cellsOf: (row) => effectiveCells(row, defaults, localToday()),
  };
}
