import type { QuoteCreateInput } from "../hubspot/batch-create.ts";
import { FakeClock } from "../test/fake-clock.ts";
import { type Crm, generateCrm } from "./crm-data.ts";
import { JA_WORDS, US_WORDS } from "./crm-words.ts";
import type { PortalName } from "./portal.ts";
import { prngStream } from "./prng.ts";
import { SIMULATOR_TOKEN, type Simulator } from "./simulator.ts";

/** Helpers for tests and benches that drive the simulator directly. Not used by the simulator itself. */

/** A fake clock at a fixed start, for simulator tests. */
export function fakeClock(start = Date.UTC(2026, 10, 2, 9, 0, 0)): FakeClock {
  return new FakeClock(start);
}

export function simRequest(
  method: "GET" | "POST",
  path: string,
  body?: unknown,
  token: string | null = SIMULATOR_TOKEN,
): Request {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  return new Request(`https://api.hubapi.com${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
}

export async function call(
  sim: Simulator,
  method: "GET" | "POST",
  path: string,
  body?: unknown,
  token?: string | null,
): Promise<{ status: number; headers: Headers; json: unknown }> {
  const response = await sim.fetch(simRequest(method, path, body, token));
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: text === "" ? undefined : JSON.parse(text),
  };
}

/** The seeded CRM the simulator with this seed serves, to pick real ids in tests. */
const crmBySeed = new Map<string, Crm>();
export function seededCrm(seed = 42, portal: PortalName = "us"): Crm {
  const key = `${portal}:${seed}`;
  const known = crmBySeed.get(key);
  if (known) return known;
  const crm = generateCrm(prngStream(seed, "crm"), portal === "jp" ? JA_WORDS : US_WORDS);
  crmBySeed.set(key, crm);
  return crm;
}

function firstId(crm: Crm, type: keyof Crm): string {
  const record = crm[type][0];
  if (!record) throw new Error(`the seeded CRM has no ${type}`);
  return record.id;
}

/** A valid create input associated with the seed's first deal and first quote template. */
export function validQuoteInput(
  traceId: string,
  properties: Record<string, string> = {},
  seed = 42,
  portal: PortalName = "us",
): QuoteCreateInput {
  const crm = seededCrm(seed, portal);
  return {
    objectWriteTraceId: traceId,
    properties: {
      hs_title: `Quote ${traceId}`,
      hs_expiration_date: "2026-12-31",
      hs_status: "DRAFT",
      ...properties,
    },
    associations: [
      {
        to: { id: firstId(crm, "deals") },
        types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 64 }],
      },
      {
        to: { id: firstId(crm, "quote_template") },
        types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 286 }],
      },
    ],
  };
}

/** A line-item input from the seed's first product; with `quoteId`, associated with that quote (68). */
export function validLineItemInput(
  traceId: string,
  properties: Record<string, string> = {},
  quoteId?: string,
  seed = 42,
  portal: PortalName = "us",
): QuoteCreateInput {
  return {
    objectWriteTraceId: traceId,
    properties: { hs_product_id: firstId(seededCrm(seed, portal), "products"), quantity: "2", ...properties },
    associations:
      quoteId === undefined
        ? []
        : [
            {
              to: { id: quoteId },
              types: [{ associationCategory: "HUBSPOT_DEFINED", associationTypeId: 68 }],
            },
          ],
  };
}
