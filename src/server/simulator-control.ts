import { z } from "zod";
import { readLimited } from "./proxy-body.ts";
import { jsonResponse, proxyError } from "./proxy-http.ts";

/** A few fault settings are a few hundred bytes: anything past 16 KB is refused without reading it all. */
const MAX_CONTROL_BODY_BYTES = 16 * 1024;

async function readSmallBody(request: Request): Promise<string | undefined> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (Number.isFinite(declared) && declared > MAX_CONTROL_BODY_BYTES) return undefined;
  const text = await readLimited(request, MAX_CONTROL_BODY_BYTES);
  return text === null ? "" : text;
}

const Rate = z.number().min(0).max(1);

/** What `POST /api/simulator/faults` accepts: any subset of the simulator's fault settings. */
export const FaultPatch = z.strictObject({
  latencyMs: z.number().int().min(0).max(60_000).optional(),
  failBeforeApplyRate: Rate.optional(),
  failAfterApplyRate: Rate.optional(),
  dropAfterApplyRate: Rate.optional(),
  lockedRate: Rate.optional(),
  dailyLimitReached: z.boolean().optional(),
});
export type FaultPatch = z.infer<typeof FaultPatch>;

/** The part of the simulator the control endpoints drive (simulator mode only). */
export interface SimulatorControl {
  getFaults(): unknown;
  setFaults(patch: FaultPatch): void;
  reset(): void;
  createdQuotes(): readonly unknown[];
}

/**
 * `/api/simulator/faults` (GET, POST), `/api/simulator/reset` (POST), `/api/simulator/quotes` (GET):
 * for tests and demos. `onReset` also clears the proxy's own rate-limit counts.
 */
export async function handleSimulatorControl(
  request: Request,
  path: string,
  control: SimulatorControl,
  onReset: () => void,
): Promise<Response | undefined> {
  const method = request.method;
  if (path === "/api/simulator/faults" && method === "GET") return jsonResponse(200, control.getFaults());
  if (path === "/api/simulator/faults" && method === "POST") {
    const text = await readSmallBody(request);
    if (text === undefined) return proxyError("too-large", "The fault settings are larger than 16 KB.");
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return proxyError("bad-request", "The fault settings are not valid JSON.");
    }
    const parsed = FaultPatch.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.join(".") || "(body)";
      return proxyError("bad-request", `Invalid fault settings: ${where}: ${issue?.message ?? "bad shape"}.`);
    }
    control.setFaults(parsed.data);
    return jsonResponse(200, control.getFaults());
  }
  if (path === "/api/simulator/reset" && method === "POST") {
    control.reset();
    onReset();
    return jsonResponse(200, { ok: true });
  }
  if (path === "/api/simulator/quotes" && method === "GET") {
    const quotes = control.createdQuotes();
    return jsonResponse(200, { count: quotes.length, results: quotes });
  }
  return undefined;
}
