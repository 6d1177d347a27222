import { z } from "zod";
import { MAX_BATCH_INPUTS } from "../../hubspot/limits.ts";
import { QuoteSystem } from "../../hubspot/quote-system.ts";
import type { LineId, RowId } from "../batch/row.ts";
import { chunk } from "./chunk.ts";
import { StoredMessage } from "./submission-message.ts";

/**
 * A submission of complete quotes as phases per quote row (docs/decisions/033): 1. create the quote (DRAFT,
 * with its deal, template, contacts, company); 2. create its line items, each with a 68 association to that
 * quote, so a line item never exists without its parent; 3. optionally publish (legacy quotes:
 * `hs_status=APPROVAL_NOT_NEEDED`), only once every line is there; 4. read back amount and links.
 * Pure: `nextRequests` says what to send now, `applyResult` folds an answer in. Every input carries a
 * stable key (the row id for the quote, the line id for a line item), so an unknown outcome is reconciled
 * by reading, never resent blindly.
 */

export const PlannedLine = z.object({
  lineId: z.string(),
  /** Line-item properties as wire strings (hs_product_id, quantity, price, hs_position_on_quote…). */
  properties: z.record(z.string(), z.string()),
});
export type PlannedLine = z.infer<typeof PlannedLine>;

export const PlannedQuote = z.object({
  rowId: z.string(),
  publish: z.boolean(),
  lines: z.array(PlannedLine),
});
export type PlannedQuote = z.infer<typeof PlannedQuote>;

export const StepState = z.enum(["todo", "done", "failed", "unknown"]);
export type StepState = z.infer<typeof StepState>;

export const StepError = z.object({ category: z.string(), message: StoredMessage });
export type StepError = z.infer<typeof StepError>;

export const LineProgress = z.object({
  state: StepState,
  id: z.string().optional(),
  error: StepError.optional(),
});
export type LineProgress = z.infer<typeof LineProgress>;

export const QuoteProgress = z.object({
  rowId: z.string(),
  quote: z.object({
    state: z.union([StepState, z.literal("exists")]),
    id: z.string().optional(),
    error: StepError.optional(),
  }),
  lines: z.record(z.string(), LineProgress),
  publish: z.object({ state: z.union([StepState, z.literal("skipped")]), error: StepError.optional() }),
  readBack: z.object({
    state: StepState,
    amount: z.string().optional(),
    currency: z.string().optional(),
    quoteLink: z.string().optional(),
    pdfLink: z.string().optional(),
    quoteNumber: z.string().optional(),
    status: z.string().optional(),
  }),
});
export type QuoteProgress = z.infer<typeof QuoteProgress>;

/** What a submission keeps of its phases: the plan (resumable after a reload) and where each quote is. */
export const PhaseState = z.object({
  system: QuoteSystem,
  /** The unique-value line-item property stamped with each line's id, when the portal has it. */
  lineKey: z.string().optional(),
  plan: z.array(PlannedQuote),
  progress: z.array(QuoteProgress),
});
export type PhaseState = z.infer<typeof PhaseState>;

export type PhaseRequest =
  | { kind: "create-quotes"; rowIds: RowId[] }
  | { kind: "create-lines"; lines: { rowId: RowId; quoteId: string; line: PlannedLine }[] }
  | { kind: "publish"; quotes: { rowId: RowId; quoteId: string }[] }
  | { kind: "read-back"; quotes: { rowId: RowId; quoteId: string }[] }
  /** Unknown line items: read the quote's line items back (associations) and match them by their key. */
  | { kind: "reconcile-lines"; quotes: { rowId: RowId; quoteId: string }[] };

export function startProgress(plan: readonly PlannedQuote[]): QuoteProgress[] {
  return plan.map((quote) => ({
    rowId: quote.rowId,
    quote: { state: "todo" },
    lines: Object.fromEntries(quote.lines.map((line) => [line.lineId, { state: "todo" }])),
    publish: { state: quote.publish ? "todo" : "skipped" },
    readBack: { state: "todo" },
  }));
}

const quoteReady = (p: QuoteProgress) =>
  (p.quote.state === "done" || p.quote.state === "exists") && p.quote.id;
const lineStates = (p: QuoteProgress) => Object.values(p.lines).map((line) => line.state);

/**
 * What can be sent now, earliest phase first, in batches of at most 100 inputs. A row waits at a phase
 * while anything in it is unknown (reconcile first); a failed phase stops the row there.
 */
export function nextRequests(
  plan: readonly PlannedQuote[],
  progress: readonly QuoteProgress[],
  size = MAX_BATCH_INPUTS,
): PhaseRequest[] {
  const byRow = new Map(progress.map((p) => [p.rowId, p]));
  const quotes: RowId[] = [];
  const lines: { rowId: RowId; quoteId: string; line: PlannedLine }[] = [];
  const reconcile: { rowId: RowId; quoteId: string }[] = [];
  const publish: { rowId: RowId; quoteId: string }[] = [];
  const read: { rowId: RowId; quoteId: string }[] = [];
  for (const planned of plan) {
    const p = byRow.get(planned.rowId);
    if (!p) continue;
    if (p.quote.state === "todo") {
      quotes.push(planned.rowId);
      continue;
    }
    const quoteId = quoteReady(p);
    if (!quoteId) continue;
    const states = lineStates(p);
    if (states.includes("unknown")) {
      reconcile.push({ rowId: p.rowId, quoteId });
      continue;
    }
    const todo = planned.lines.filter((line) => p.lines[line.lineId]?.state === "todo");
    if (todo.length > 0) {
      for (const line of todo) lines.push({ rowId: p.rowId, quoteId, line });
      continue;
    }
    if (states.includes("failed")) continue;
    if (p.publish.state === "todo") {
      publish.push({ rowId: p.rowId, quoteId });
      continue;
    }
    if (p.publish.state === "unknown" || p.publish.state === "failed") continue;
    if (p.readBack.state === "todo") read.push({ rowId: p.rowId, quoteId });
  }
  return [
    ...chunk(quotes, size).map((rowIds): PhaseRequest => ({ kind: "create-quotes", rowIds })),
    ...chunk(reconcile, size).map((q): PhaseRequest => ({ kind: "reconcile-lines", quotes: q })),
    ...chunk(lines, size).map((l): PhaseRequest => ({ kind: "create-lines", lines: l })),
    ...chunk(publish, size).map((q): PhaseRequest => ({ kind: "publish", quotes: q })),
    ...chunk(read, size).map((q): PhaseRequest => ({ kind: "read-back", quotes: q })),
  ];
}

/** One answer, already correlated to keys by the caller (trace ids, elimination, or a read). */
export type PhaseResult =
  | { kind: "quotes"; outcomes: ReadonlyMap<RowId, QuoteProgress["quote"]> }
  /** By quote row, as `reconciled-lines`: folding one answer in touches only its rows (10,000 rows, 300 answers). */
  | { kind: "lines"; outcomes: ReadonlyMap<RowId, ReadonlyMap<LineId, LineProgress>> }
  | { kind: "publish"; outcomes: ReadonlyMap<RowId, QuoteProgress["publish"]> }
  | { kind: "read-back"; outcomes: ReadonlyMap<RowId, QuoteProgress["readBack"]> }
  /** The line items a quote has in HubSpot, by line key: found ones are done, missing unknown ones are todo. */
  | { kind: "reconciled-lines"; found: ReadonlyMap<RowId, ReadonlyMap<LineId, string>> };

/** Line outcomes grouped by their quote row, for a `lines` result. */
export function lineOutcomes(
  outcomes: Iterable<readonly [RowId, LineId, LineProgress]>,
): Map<RowId, Map<LineId, LineProgress>> {
  const byRow = new Map<RowId, Map<LineId, LineProgress>>();
  for (const [rowId, lineId, outcome] of outcomes) {
    const lines = byRow.get(rowId) ?? new Map<LineId, LineProgress>();
    lines.set(lineId, outcome);
    byRow.set(rowId, lines);
  }
  return byRow;
}

export function applyResult(progress: readonly QuoteProgress[], result: PhaseResult): QuoteProgress[] {
  return progress.map((p) => applyOne(p, result));
}

function applyOne(p: QuoteProgress, result: PhaseResult): QuoteProgress {
  switch (result.kind) {
    case "quotes": {
      const outcome = result.outcomes.get(p.rowId);
      return outcome ? { ...p, quote: outcome } : p;
    }
    case "lines": {
      const outcomes = result.outcomes.get(p.rowId);
      if (!outcomes) return p;
      const lines: Record<LineId, LineProgress> = { ...p.lines };
      for (const [lineId, outcome] of outcomes) if (lineId in lines) lines[lineId] = outcome;
      return { ...p, lines };
    }
    case "publish": {
      const outcome = result.outcomes.get(p.rowId);
      return outcome ? { ...p, publish: outcome } : p;
    }
    case "read-back": {
      const outcome = result.outcomes.get(p.rowId);
      return outcome ? { ...p, readBack: outcome } : p;
    }
    case "reconciled-lines": {
      const found = result.found.get(p.rowId);
      if (!found) return p;
      const lines: Record<LineId, LineProgress> = {};
      for (const [lineId, line] of Object.entries(p.lines)) {
        const id = found.get(lineId);
        // Found: it exists once, attached to its quote. Missing: it was never created, so it is safe to send.
        lines[lineId] = line.state !== "unknown" ? line : id ? { state: "done", id } : { state: "todo" };
      }
      return { ...p, lines };
    }
  }
}

export type QuoteOutcome = "pending" | "created" | "exists" | "failed" | "unknown";

/** What the Results table says per quote: its outcome, "line items 3/3", and the phase that failed. */
export function quoteSummary(p: QuoteProgress): {
  outcome: QuoteOutcome;
  linesDone: number;
  linesTotal: number;
  failedPhase?: "quote" | "line items" | "publish" | "read back";
  error?: StepError;
} {
  const lines = Object.values(p.lines);
  const linesDone = lines.filter((line) => line.state === "done").length;
  const base = { linesDone, linesTotal: lines.length };
  if (p.quote.state === "failed")
    return { ...base, outcome: "failed", failedPhase: "quote", error: p.quote.error };
  if (p.quote.state === "exists") return { ...base, outcome: "exists" };
  if (
    p.quote.state === "unknown" ||
    lines.some((l) => l.state === "unknown") ||
    p.publish.state === "unknown"
  )
    return { ...base, outcome: "unknown" };
  const failedLine = lines.find((line) => line.state === "failed");
  if (failedLine) return { ...base, outcome: "failed", failedPhase: "line items", error: failedLine.error };
  if (p.publish.state === "failed")
    return { ...base, outcome: "failed", failedPhase: "publish", error: p.publish.error };
  const finished =
    p.quote.state === "done" &&
    linesDone === lines.length &&
    p.publish.state !== "todo" &&
    p.readBack.state !== "todo";
  return { ...base, outcome: finished ? "created" : "pending" };
}

/** Every HubSpot request the plan needs when nothing fails: for the floor the bench prints. */
export function requestsNeeded(plan: readonly PlannedQuote[], size = MAX_BATCH_INPUTS): number {
  const lines = plan.reduce((sum, q) => sum + q.lines.length, 0);
  const published = plan.filter((q) => q.publish).length;
  const perBatch = (n: number) => Math.ceil(n / size);
  return perBatch(plan.length) + perBatch(lines) + perBatch(published) + perBatch(plan.length);
}
