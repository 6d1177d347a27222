import { useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useSyncExternalStore } from "react";
import type { BatchRow, RowId } from "../../domain/batch/row.ts";
import {
  DEFAULT_RATE_LIMIT,
  planSubmission,
  type RateLimit,
  type SubmissionPlan,
} from "../../domain/submission/plan.ts";
import type { PriorQuote } from "../../domain/submission/prior-quotes.ts";
import { splitRows } from "../../domain/submission/split-rows.ts";
import type { NumberedRow } from "../../domain/submission/state.ts";
import type { SkippedRow, SubmissionEnvironment } from "../../domain/submission/types.ts";
import { isSandbox } from "../../hubspot/account.ts";
import { ROLLING_WINDOW_MS } from "../../hubspot/limits.ts";
import type { Property } from "../../hubspot/properties.ts";
import { useIssueText } from "../../i18n/issue-text.ts";
import { useT } from "../../i18n/use-t.ts";
import { accountQuery } from "../../lib/api/get-account.ts";
import { healthQuery } from "../../lib/api/get-health.ts";
import { quotePropertiesQuery } from "../../lib/api/get-quote-properties.ts";
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
  const environmentLabel = simulator
    ? t("submit.env.simulator")
    : details
      ? t(isSandbox(details) ? "submit.env.sandbox" : "submit.env.production", { portalId: details.portalId })
      : t("submit.env.hubspot");
  return {
    ready: health.isSuccess && properties.isSuccess && complete && prior.isSuccess,
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
  };
}
