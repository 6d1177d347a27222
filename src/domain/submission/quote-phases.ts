import type { AssociationBatchReadResponse } from "../../hubspot/association-batch-read.ts";
import { type BatchResponse, type QuoteCreateInput, traceIdOfError } from "../../hubspot/batch-create.ts";
import type { StandardError } from "../../hubspot/errors.ts";
import { LINE_ITEM_TO_QUOTE_TYPE_ID, LINE_ITEM_UNIQUE_PROPERTY } from "../../hubspot/line-items.ts";
import { PUBLISHED_STATUS, QUOTE_READBACK_PROPERTIES } from "../../hubspot/quote-publishing.ts";
import type { QuoteSystem } from "../../hubspot/quote-system.ts";
import type { BatchRow, LineId, RowId } from "../batch/row.ts";
import { readableMessage } from "./error-property.ts";
import {
  type LineProgress,
  type PhaseState,
  type PlannedLine,
  type PlannedQuote,
  type QuoteProgress,
  quoteSummary,
  type StepError,
  startProgress,
} from "./phases.ts";
import { hubspotSaid } from "./submission-message.ts";
import type { RowResult, SubmissionState } from "./types.ts";

/**
 * The phases after the quote (decision 033) as the submission runs them: the plan from the rows, each
 * phase's request body, and each answer read back into the planner's `PhaseResult` terms. Pure.
 */

export interface PlanOptions {
  /** The batch defaults ask for publishing; ignored in a CPQ portal (publishing happens in HubSpot). */
  publish: boolean;
  system: QuoteSystem;
  /** The portal's unique-value line-item property (`batch_line_key`), if it has one. */
  lineKey?: string;
  isLineWritable?: (propertyName: string) => boolean;
}

/** Each row's own fresh line items, in order; `hs_position_on_quote` is the line's index. */
export function planQuotes(rows: readonly BatchRow[], options: PlanOptions): PhaseState {
  const publish = options.publish && options.system === "legacy";
  const plan = rows.map(
    (row): PlannedQuote => ({
      rowId: row.id,
      publish,
      lines: row.lines.map((line, index): PlannedLine => {
        const properties: Record<string, string> = {};
        for (const [name, value] of Object.entries(line.cells)) {
          if (value === "" || options.isLineWritable?.(name) === false) continue;
          properties[name] = value;
        }
        properties.hs_position_on_quote = String(index);
        if (options.lineKey) properties[options.lineKey] = line.id;
        return { lineId: line.id, properties };
      }),
    }),
  );
  return {
    system: options.system,
    ...(options.lineKey ? { lineKey: options.lineKey } : {}),
    plan,
    progress: startProgress(plan),
  };
}

/** Whether a plan has anything after the quote (lines or publishing): otherwise the quote phase is all. */
export function hasLaterPhases(phases: PhaseState | undefined): boolean {
  return phases?.plan.some((quote) => quote.lines.length > 0 || quote.publish) ?? false;
}

/** A line item born attached to its quote (68), its line id as trace id. */
export function lineCreateInput(line: PlannedLine, quoteId: string): QuoteCreateInput {
  return {
    properties: { ...line.properties },
    associations: [
      {
        to: { id: quoteId },
        types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: LINE_ITEM_TO_QUOTE_TYPE_ID }],
      },
    ],
    objectWriteTraceId: line.lineId,
  };
}

/**
 * The quote phase's outcome, as the rows say it, into the planner. A quote this run may not have made
 * itself (an earlier submission's, or one found by reconcile) may already have some of its lines: those
 * are read back before anything is created (never a second copy of a line).
 */
export function syncQuotes(phases: PhaseState, rows: readonly RowResult[]): PhaseState {
  const byRow = new Map(rows.map((row) => [row.rowId, row]));
  const progress = phases.progress.map((p): QuoteProgress => {
    const row = byRow.get(p.rowId);
    if (!row || p.quote.state === "done" || p.quote.state === "exists") return p;
    if (row.outcome === "created" && row.hubspotId) {
      // Reconciled (found after an unknown answer): an earlier attempt may have added lines too.
      const lines = p.quote.state === "unknown" ? unknownTodo(p.lines) : p.lines;
      return { ...p, quote: { state: "done", id: row.hubspotId }, lines };
    }
    if (row.outcome === "exists" && row.hubspotId)
      return { ...p, quote: { state: "exists", id: row.hubspotId }, lines: unknownTodo(p.lines) };
    if (row.outcome === "unknown") return { ...p, quote: { state: "unknown" } };
    if (row.outcome === "failed") return { ...p, quote: { state: "failed" } };
    return { ...p, quote: { state: "todo" } };
  });
  return { ...phases, progress };
}

function unknownTodo(lines: QuoteProgress["lines"]): QuoteProgress["lines"] {
  return Object.fromEntries(
    Object.entries(lines).map(([id, line]) => [id, line.state === "todo" ? { state: "unknown" } : line]),
  );
}

/** Failed and unknown lines become sendable again ("finish the quote"); unknown ones are read back first. */
export function retryIncomplete(phases: PhaseState): PhaseState {
  const progress = phases.progress.map((p): QuoteProgress => {
    const lines = Object.fromEntries(
      Object.entries(p.lines).map(([id, line]): [LineId, LineProgress] => [
        id,
        line.state === "failed" ? { state: "todo" } : line,
      ]),
    );
    const publish = p.publish.state === "failed" ? { state: "todo" as const } : p.publish;
    const readBack = p.readBack.state === "failed" ? { state: "todo" as const } : p.readBack;
    return { ...p, lines, publish, readBack };
  });
  return { ...phases, progress };
}

/** Quotes a submission has in HubSpot (as its rows say) whose lines, publishing or read-back are not all done. */
export function incompleteQuotes(state: Pick<SubmissionState, "phases" | "rows">): RowId[] {
  if (!state.phases) return [];
  return syncQuotes(state.phases, state.rows)
    .progress.filter((p) => (p.quote.state === "done" || p.quote.state === "exists") && !isComplete(p))
    .map((p) => p.rowId);
}

export function isComplete(p: QuoteProgress): boolean {
  return (
    Object.values(p.lines).every((line) => line.state === "done") &&
    (p.publish.state === "done" || p.publish.state === "skipped") &&
    p.readBack.state === "done"
  );
}

export function publishBody(quotes: readonly { rowId: RowId; quoteId: string }[]) {
  return {
    inputs: quotes.map((q) => ({
      id: q.quoteId,
      properties: { hs_status: PUBLISHED_STATUS },
      objectWriteTraceId: q.rowId,
    })),
  };
}

export function readBackBody(quotes: readonly { quoteId: string }[]) {
  return {
    inputs: quotes.map((q) => ({ id: q.quoteId })),
    properties: [...QUOTE_READBACK_PROPERTIES, "hs_currency"],
  };
}

function errorOf(error: StandardError): StepError {
  return {
    category: error.category ?? "ERROR",
    message: hubspotSaid(error.message === undefined ? undefined : readableMessage(error.message), {
      code: "refusedNoReason",
    }),
  };
}

/** The record ids an error names (`context.ids`), or the trace id it carries. */
function keysOfError(error: StandardError): string[] {
  const trace = traceIdOfError(error);
  return [...(trace ? [trace] : []), ...(error.context?.ids ?? []), ...(error.context?.id ?? [])];
}

/** A publish answer: results by quote id, errors by trace id (the row) or record id. */
export function publishOutcomes(
  quotes: readonly { rowId: RowId; quoteId: string }[],
  response: BatchResponse,
): Map<RowId, QuoteProgress["publish"]> {
  const rowOfQuote = new Map(quotes.map((q) => [q.quoteId, q.rowId]));
  const rows = new Set(quotes.map((q) => q.rowId));
  const out = new Map<RowId, QuoteProgress["publish"]>();
  for (const result of response.results) {
    const rowId = rowOfQuote.get(result.id);
    if (rowId && result.properties.hs_status === PUBLISHED_STATUS) out.set(rowId, { state: "done" });
  }
  for (const error of response.errors ?? []) {
    for (const key of keysOfError(error)) {
      const rowId = rows.has(key) ? key : rowOfQuote.get(key);
      if (rowId && !out.has(rowId)) out.set(rowId, { state: "failed", error: errorOf(error) });
    }
  }
  return out;
}

/** A read-back answer: HubSpot's amount, links and number per quote. */
export function readBackOutcomes(
  quotes: readonly { rowId: RowId; quoteId: string }[],
  response: BatchResponse,
): Map<RowId, QuoteProgress["readBack"]> {
  const rowOfQuote = new Map(quotes.map((q) => [q.quoteId, q.rowId]));
  const out = new Map<RowId, QuoteProgress["readBack"]>();
  for (const result of response.results) {
    const rowId = rowOfQuote.get(result.id);
    if (!rowId) continue;
    const read = (name: string) => result.properties[name] ?? undefined;
    const fields = {
      amount: read("hs_quote_amount"),
      currency: read("hs_currency"),
      quoteLink: read("hs_quote_link"),
      pdfLink: read("hs_pdf_download_link"),
      quoteNumber: read("hs_quote_number"),
      status: read("hs_status"),
    };
    out.set(rowId, {
      state: "done",
      ...Object.fromEntries(
        Object.entries(fields).filter(([, value]) => value !== undefined && value !== ""),
      ),
    });
  }
  return out;
}

/** Step 1 of reconciling lines: which line items each quote has (v4 associations, quotes → line_items). */
export function quoteLinesBody(quotes: readonly { quoteId: string }[]) {
  return { inputs: quotes.map((q) => ({ id: q.quoteId })) };
}

export function lineIdsOfQuotes(response: AssociationBatchReadResponse): Map<string, string[]> {
  return new Map(response.results.map((result) => [result.from.id, result.to.map((to) => to.toObjectId)]));
}

/** Step 2: the line items' keys and positions. */
export function lineKeysBody(lineItemIds: readonly string[], lineKey: string | undefined) {
  return {
    inputs: lineItemIds.map((id) => ({ id })),
    properties: [...(lineKey ? [lineKey] : []), "hs_position_on_quote"],
  };
}

/**
 * Which planned lines a quote already has, by key (the stamped line id), else by position on the quote
 * (a portal without the key property): found → done with its id; the rest were never created.
 */
export function matchLines(
  plan: readonly PlannedQuote[],
  quotes: readonly { rowId: RowId; quoteId: string }[],
  lineIdsByQuote: ReadonlyMap<string, readonly string[]>,
  lineItems: BatchResponse["results"],
  lineKey: string | undefined,
): Map<RowId, Map<LineId, string>> {
  const byId = new Map(lineItems.map((item) => [item.id, item]));
  const planned = new Map(plan.map((q) => [q.rowId, q]));
  const found = new Map<RowId, Map<LineId, string>>();
  for (const { rowId, quoteId } of quotes) {
    const lines = planned.get(rowId)?.lines ?? [];
    const matches = new Map<LineId, string>();
    for (const itemId of lineIdsByQuote.get(quoteId) ?? []) {
      const item = byId.get(itemId);
      if (!item) continue;
      const key = lineKey ? item.properties[lineKey] : undefined;
      const position = item.properties.hs_position_on_quote;
      const line = key
        ? lines.find((l) => l.lineId === key)
        : lines.find((l) => l.properties.hs_position_on_quote === position);
      if (line && !matches.has(line.lineId)) matches.set(line.lineId, item.id);
    }
    found.set(rowId, matches);
  }
  return found;
}

/** The portal's unique line-item key property, when its definitions have one. */
export function lineKeyOf(
  properties: readonly { name: string; hasUniqueValue?: boolean }[],
): string | undefined {
  return properties.some((p) => p.name === LINE_ITEM_UNIQUE_PROPERTY && p.hasUniqueValue === true)
    ? LINE_ITEM_UNIQUE_PROPERTY
    : undefined;
}

/** What Results shows per quote: the planner's summary, whether it is published, and whether it is complete. */
export function quoteSummaryOf(p: QuoteProgress) {
  return {
    ...quoteSummary(p),
    published: p.publish.state === "done",
    complete: isComplete(p),
  };
}

/**
 * What "Undo" removes: the quotes THIS submission created (not those an earlier one made, shown as "already
 * in HubSpot"), with the line items it made for them — archiving a quote deletes its line items
 * (FACTS.md). Quotes already archived by an earlier undo are left out.
 */
export function undoPlan(state: Pick<SubmissionState, "rows" | "phases">): {
  quotes: { rowId: RowId; quoteId: string }[];
  lineItems: number;
} {
  const progress = new Map(state.phases?.progress.map((p) => [p.rowId, p]) ?? []);
  const quotes = state.rows
    .filter((row) => row.outcome === "created" && row.hubspotId && row.archived !== true)
    .map((row) => ({ rowId: row.rowId, quoteId: row.hubspotId ?? "" }));
  const lineItems = quotes.reduce((sum, q) => {
    const lines = Object.values(progress.get(q.rowId)?.lines ?? {});
    return sum + lines.filter((line) => line.state === "done" || line.state === "unknown").length;
  }, 0);
  return { quotes, lineItems };
}
