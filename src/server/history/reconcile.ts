import { z } from "zod";
import { BatchResponse } from "../../hubspot/batch-create.ts";
import { hubspotPaths } from "../../hubspot/endpoints.ts";
import type { SignedInUser } from "../identity.ts";
import type { Journal } from "../journal/journal.ts";
import type { JournalEntry } from "../journal/journal-entry.ts";
import { SubmissionStateEnvelope } from "./submission-record.ts";
import type { Submissions } from "./submissions.ts";

/** Forwards one request to HubSpot as this caller (allow-list, rate limit and token, as the browser's would). */
export type HubspotCall = (method: "POST", hubspotPath: string, body: unknown) => Promise<Response>;

const Row = z.looseObject({
  rowId: z.string(),
  outcome: z.string(),
  uniqueValue: z.string().optional(),
  hubspotId: z.string().optional(),
});
type Row = z.infer<typeof Row>;
const ReconcilableState = SubmissionStateEnvelope.extend({
  uniqueProperty: z.string().optional(),
  rows: z.array(Row),
});

export type ReconcileResult =
  | { kind: "not-found" }
  | { kind: "not-owner" }
  | { kind: "hubspot-failed"; status: number; message: string }
  | {
      kind: "reconciled";
      state: unknown;
      /** Rows HubSpot has: created after all. */
      found: number;
      /** Rows the journal had HubSpot's answer for, which the browser never got. */
      fromJournal: number;
      /** Rows HubSpot does not have: not created, safe to send again. */
      missing: string[];
      /** Rows without a unique key: only a person looking in HubSpot can tell. */
      unverifiable: string[];
    };

const BATCH = 100;

/**
 * Settles a submission's rows whose outcome is unknown, from any browser: the journal says which rows were
 * sent (trace ids = row ids) and, when HubSpot's answer reached the server but not the browser, what it was;
 * the rest are looked up in HubSpot by their unique key (`batch/read` with `idProperty`). The outcome is
 * recorded in the submission (History, Results) and in the journal entries it settles.
 */
export async function reconcileSubmission(options: {
  id: string;
  user: SignedInUser;
  admin: boolean;
  submissions: Submissions;
  journal: Journal | undefined;
  hubspot: HubspotCall;
  now?: number;
}): Promise<ReconcileResult> {
  const { id, user, admin, submissions, journal, hubspot } = options;
  const found = await submissions.load(id);
  if (!found) return { kind: "not-found" };
  if (!admin && found.ownerId !== user.id) return { kind: "not-owner" };
  const parsed = ReconcilableState.safeParse(found.state);
  if (!parsed.success) return { kind: "not-found" };
  const state = parsed.data;

  const entries = (await journal?.list({ submissionId: id, limit: 10_000 })) ?? [];
  const creates = entries.filter((entry) => entry.objectType === "quotes" && entry.action === "create");
  const answered = new Map<string, string>();
  for (const entry of creates)
    for (const created of entry.answer?.created ?? [])
      if (created.traceId) answered.set(created.traceId, created.id);
  // A row still `pending` in the browser's last save is in doubt only if the journal says it went out.
  const sentUnanswered = new Set(
    creates.filter((entry) => entry.state === "unknown").flatMap((e) => e.traceIds),
  );
  const inDoubt = state.rows.filter(
    (row) =>
      row.outcome === "unknown" ||
      (row.outcome === "pending" && (sentUnanswered.has(row.rowId) || answered.has(row.rowId))),
  );

  const updates = new Map<string, Partial<Row>>();
  let fromJournal = 0;
  const toLookUp: Row[] = [];
  for (const row of inDoubt) {
    const hubspotId = answered.get(row.rowId);
    if (hubspotId) {
      updates.set(row.rowId, { outcome: "created", hubspotId, settledBy: "journal" });
      fromJournal++;
    } else toLookUp.push(row);
  }

  const property = state.uniqueProperty;
  const keyed = property ? toLookUp.filter((row) => row.uniqueValue) : [];
  const unverifiable = toLookUp.filter((row) => !keyed.includes(row)).map((row) => row.rowId);
  const idByKey = new Map<string, string>();
  if (property) {
    for (let start = 0; start < keyed.length; start += BATCH) {
      const response = await hubspot("POST", hubspotPaths.quotesBatchRead, {
        inputs: keyed.slice(start, start + BATCH).map((row) => ({ id: row.uniqueValue })),
        idProperty: property,
        properties: [property],
        propertiesWithHistory: [],
      });
      const text = await response.text();
      if (response.status !== 200 && response.status !== 207)
        return { kind: "hubspot-failed", status: response.status, message: messageOf(text, response.status) };
      const body = BatchResponse.safeParse(parseJson(text));
      if (!body.success)
        return {
          kind: "hubspot-failed",
          status: 502,
          message: "HubSpot's answer to the lookup could not be read.",
        };
      for (const result of body.data.results) {
        const key = result.properties[property];
        if (key) idByKey.set(key, result.id);
      }
    }
  }
  const missing: string[] = [];
  let foundInHubspot = 0;
  for (const row of keyed) {
    const hubspotId = idByKey.get(row.uniqueValue ?? "");
    if (hubspotId) {
      updates.set(row.rowId, { outcome: "created", hubspotId, settledBy: "key" });
      foundInHubspot++;
    } else {
      updates.set(row.rowId, { outcome: "not-sent" });
      missing.push(row.rowId);
    }
  }

  const next = {
    ...state,
    rows: state.rows.map((row) => {
      const update = updates.get(row.rowId);
      if (!update) return row;
      // The "unknown outcome" error no longer holds: the row's outcome is known now.
      const { error: _settled, ...rest } = row;
      return {
        ...rest,
        ...update,
        ...(update.outcome === "not-sent"
          ? {
              // A code the browser words in each viewer's language (src/domain/submission/submission-message.ts).
              error: { category: "NOT_IN_HUBSPOT", message: NOT_IN_HUBSPOT_MESSAGE },
            }
          : {}),
      };
    }),
  };
  if (updates.size > 0) {
    const saved = await submissions.save(user, next, admin, options.now);
    if (saved === "not-owner") return { kind: "not-owner" };
    await journal?.markReconciled(settledEntries(creates, updates), user, options.now);
  }
  return { kind: "reconciled", state: next, found: foundInHubspot, fromJournal, missing, unverifiable };
}

/** The row's message after a reconcile found no quote: a code of the browser's submission messages. */
export const NOT_IN_HUBSPOT_MESSAGE: { code: "notInHubspot" } = { code: "notInHubspot" };

/** Journal entries in doubt whose every row is now known. */
function settledEntries(entries: readonly JournalEntry[], updates: ReadonlyMap<string, unknown>): string[] {
  return entries
    .filter((entry) => entry.state === "unknown" && entry.traceIds.every((traceId) => updates.has(traceId)))
    .map((entry) => entry.id);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function messageOf(text: string, status: number): string {
  const body = z.object({ message: z.string() }).safeParse(parseJson(text));
  return body.success ? body.data.message : `HubSpot answered ${status}.`;
}
