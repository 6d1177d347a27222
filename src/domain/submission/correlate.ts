import type { BatchResponse, QuoteCreateInput, SimplePublicObject } from "../../hubspot/batch-create.ts";
import { traceIdOfError } from "../../hubspot/batch-create.ts";
import type { ApiErrorBody, StandardError } from "../../hubspot/errors.ts";
import type { RowId } from "../batch/row.ts";
import { unaccountedMessage } from "./batch-status.ts";
import { propertyOfError, readableMessage } from "./error-property.ts";
import { hubspotSaid, type LeafMessage } from "./submission-message.ts";
import type { QueueRequest, RowError, RowUpdate } from "./types.ts";

export interface CorrelateOptions {
  /** A unique-value property stamped on every input: the surest match when trace ids are not echoed. */
  uniqueProperty?: string;
  /**
   * Rows an earlier attempt of THIS submission may have created (they were "unknown" and are sent again): a
   * unique-key conflict on one of them is the quote we created. On any other row the conflict means an
   * earlier submission created it: "exists", never "created".
   */
  maybeCreated?: ReadonlySet<RowId>;
}

/**
 * Maps a 201/207 answer back to rows. Results are not in input order (FACTS.md), so: by echoed
 * `objectWriteTraceId`, errors by `context.objectWriteTraceId[0]`, then by elimination over this request's
 * inputs (unique property value, then property equality). A row nothing accounts for stays "unknown".
 */
export function correlate(
  request: QueueRequest,
  response: BatchResponse,
  options: CorrelateOptions = {},
): RowUpdate[] {
  const known = new Set(request.rowIds);
  const updates = new Map<RowId, RowUpdate>();
  const looseErrors: StandardError[] = [];
  for (const error of response.errors ?? []) {
    const traceId = traceIdOfError(error);
    if (traceId && known.has(traceId) && !updates.has(traceId)) {
      const existing = existingIdOf(error, options.uniqueProperty);
      updates.set(
        traceId,
        existing
          ? {
              rowId: traceId,
              outcome: options.maybeCreated?.has(traceId) ? "created" : "exists",
              hubspotId: existing,
            }
          : { rowId: traceId, outcome: "failed", error: rowErrorOf(error) },
      );
    } else looseErrors.push(error);
  }
  const looseResults: SimplePublicObject[] = [];
  for (const result of response.results) {
    const traceId = result.objectWriteTraceId;
    if (traceId && known.has(traceId) && !updates.has(traceId))
      updates.set(traceId, { rowId: traceId, outcome: "created", hubspotId: result.id });
    else looseResults.push(result);
  }
  const open = () =>
    request.rowIds
      .map((rowId, i) => ({ rowId, input: request.inputs[i]! }))
      .filter((r) => !updates.has(r.rowId));
  matchByElimination(looseResults, open(), options, updates);

  const left = open();
  if (left.length > 0 && looseErrors.length > 0 && left.length === looseErrors.length) {
    // Every created quote is accounted for, so the rows left are exactly the ones these errors are about.
    const error = combineErrors(looseErrors);
    for (const { rowId } of left) updates.set(rowId, { rowId, outcome: "failed", error });
  }
  return request.rowIds.map(
    (rowId) =>
      updates.get(rowId) ?? {
        rowId,
        outcome: "unknown",
        error: {
          category: "UNKNOWN_OUTCOME",
          message: unaccountedMessage(response.status),
        },
      },
  );
}

/**
 * A row whose stamped unique value already exists is in HubSpot: HubSpot's conflict names the existing
 * record ("... already exists. Existing ID: 123"), so that is its id.
 */
function existingIdOf(error: StandardError, uniqueProperty: string | undefined): string | undefined {
  if (!uniqueProperty || error.category !== "CONFLICT") return undefined;
  const about = propertyOfError(error);
  if (about !== undefined && about !== uniqueProperty) return undefined;
  return /Existing ID:\s*(\d+)/i.exec(error.message ?? "")?.[1];
}

function matchByElimination(
  results: SimplePublicObject[],
  rows: { rowId: RowId; input: QuoteCreateInput }[],
  options: CorrelateOptions,
  updates: Map<RowId, RowUpdate>,
): void {
  let pending = results;
  let open = rows;
  let progress = true;
  while (progress && pending.length > 0 && open.length > 0) {
    progress = false;
    const unmatched: SimplePublicObject[] = [];
    for (const result of pending) {
      const candidates = open.filter((row) => matches(row.input, result, options.uniqueProperty));
      // Identical inputs are interchangeable: whichever gets this id, the records are the same.
      const first = candidates[0];
      if (first && candidates.every((c) => sameInput(c.input, first.input))) {
        updates.set(first.rowId, { rowId: first.rowId, outcome: "created", hubspotId: result.id });
        open = open.filter((row) => row.rowId !== first.rowId);
        progress = true;
      } else unmatched.push(result);
    }
    pending = unmatched;
  }
}

function matches(input: QuoteCreateInput, result: SimplePublicObject, uniqueProperty?: string): boolean {
  if (uniqueProperty) {
    const value = input.properties[uniqueProperty];
    const echoed = result.properties[uniqueProperty];
    if (value !== undefined && echoed !== undefined && echoed !== null) return value === echoed;
  }
  // A property HubSpot did not echo does not contradict; one it echoed differently does.
  return Object.entries(input.properties).every(([key, value]) => {
    const echoed = result.properties[key];
    return echoed === undefined || echoed === null || echoed === value || sameNumber(echoed, value);
  });
}

function sameNumber(a: string, b: string): boolean {
  return a.trim() !== "" && b.trim() !== "" && Number(a) === Number(b);
}

function sameInput(a: QuoteCreateInput, b: QuoteCreateInput): boolean {
  return JSON.stringify([a.properties, a.associations]) === JSON.stringify([b.properties, b.associations]);
}

export function rowErrorOf(error: StandardError | ApiErrorBody, fallbackCategory = "ERROR"): RowError {
  const propertyName = propertyOfError(error);
  const message = hubspotSaid(error.message === undefined ? undefined : readableMessage(error.message), {
    code: "notCreated",
  });
  const category = error.category ?? fallbackCategory;
  return propertyName ? { category, message, propertyName } : { category, message };
}

function combineErrors(errors: StandardError[]): RowError {
  const first = rowErrorOf(errors[0]!);
  const messages = [...new Set(errors.map((e) => readableMessage(e.message ?? "")))].filter(Boolean);
  if (messages.length <= 1) return first;
  return { category: first.category, message: { code: "hubspotSeveral", texts: messages } };
}

/**
 * A whole request HubSpot refused (400 and other 4xx): nothing in it was created. Rows the error names
 * get its message; the others are told another row held them back, so a retry after the fix succeeds.
 */
export function rejectRows(
  request: QueueRequest,
  body: ApiErrorBody | undefined,
  category: string,
  message: LeafMessage,
  rowNumberOf: (rowId: RowId) => number | undefined = () => undefined,
): RowUpdate[] {
  const named = new Map<RowId, RowError>();
  const rowError: RowError = body ? rowErrorOf(body, category) : { category, message };
  for (const id of body?.context?.objectWriteTraceId ?? []) named.set(id, rowError);
  for (const detail of body?.errors ?? []) {
    const id = detail.context?.objectWriteTraceId?.[0];
    if (id) named.set(id, rowErrorOf({ ...detail, category }, category));
  }
  const known = new Set(request.rowIds);
  const culprits = [...named.keys()].filter((id) => known.has(id));
  return request.rowIds.map((rowId) => {
    const own = named.get(rowId);
    if (own) return { rowId, outcome: "failed", error: own };
    if (culprits.length === 0) return { rowId, outcome: "failed", error: rowError };
    const rows = culprits.map(rowNumberOf).filter((n): n is number => n !== undefined);
    return { rowId, outcome: "failed", error: { category, message: { code: "wholeRequest", rows } } };
  });
}
