import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BatchResponse, type QuoteCreateInput, traceIdOfError } from "../hubspot/batch-create.ts";
import { openApiValidator } from "../test/openapi.ts";
import { createSimulator } from "./simulator.ts";
import { call, fakeClock, seededCrm, validQuoteInput } from "./test-kit.ts";

const quotesSpec = openApiValidator("quotes");
const contactId = seededCrm().contacts[0]?.id ?? "";

/** Ways to spoil an input; `null` leaves it valid. */
const SPOILERS: readonly (((input: QuoteCreateInput) => QuoteCreateInput) | null)[] = [
  null,
  null,
  null,
  (input) => ({ ...input, properties: { ...input.properties, hs_status: "SENT" } }),
  (input) => ({ ...input, properties: { ...input.properties, mystery: "1" } }),
  (input) => ({ ...input, properties: { ...input.properties, hs_title: "" } }),
  (input) => ({ ...input, properties: { ...input.properties, go_live_date: "2026-02-30" } }),
  (input) => ({ ...input, properties: { ...input.properties, hs_quote_number: "Q-1" } }),
  (input) => ({
    ...input,
    associations: [
      { to: { id: contactId }, types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 67 }] },
    ],
  }),
  (input) => ({ ...input, properties: { ...input.properties, batch_row_key: "shared" } }),
];

describe("batch create invariants over random batches", () => {
  it("every input ends as exactly one result or one error, named by its trace id", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: SPOILERS.length - 1 }), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 1, max: 1000 }),
        async (choices, seed) => {
          const clock = fakeClock();
          const sim = createSimulator({ seed, clock });
          const inputs = choices.map((choice, i) => {
            const spoil = SPOILERS[choice];
            const input = validQuoteInput(`t${i}`, {}, seed);
            return spoil ? spoil(input) : input;
          });
          const res = await call(sim, "POST", "/crm/v3/objects/quotes/batch/create", { inputs });
          const body = BatchResponse.parse(res.json);
          const succeeded = body.results.map((r) => r.objectWriteTraceId);
          const failed = (body.errors ?? []).map(traceIdOfError);
          expect([...succeeded, ...failed].sort()).toEqual(inputs.map((i) => i.objectWriteTraceId).sort());
          expect(res.status).toBe(failed.length === 0 ? 201 : 207);
          expect(body.numErrors ?? 0).toBe(failed.length);
          expect(
            sim
              .createdQuotes()
              .map((q) => q.objectWriteTraceId)
              .sort(),
          ).toEqual([...succeeded].sort());
          const schema =
            failed.length === 0
              ? "BatchResponseSimplePublicObject"
              : "BatchResponseSimplePublicObjectWithErrors";
          expect(quotesSpec.validate(schema, res.json).errors).toEqual([]);
        },
      ),
      { numRuns: 60 },
    );
  });
});
