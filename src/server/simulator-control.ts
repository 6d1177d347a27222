import { type FaultSettingsPatch, FaultSettingsPatchSchema, faultRatesProblem } from "../simulator/faults.ts";
import { readCappedText } from "./proxy-body.ts";
import { jsonResponse, proxyError } from "./proxy-http.ts";

/** What `POST /api/simulator/faults` accepts: any subset of the simulator's fault settings. */
export const FaultPatch = FaultSettingsPatchSchema;
export type FaultPatch = FaultSettingsPatch;

/** Fault settings are a few hundred bytes; anything much larger is not a fault patch. */
export const MAX_CONTROL_BODY_BYTES = 4 * 1024;

/** The part of the simulator the control endpoints drive (simulator mode only). */
export interface SimulatorControl {
  getFaults(): unknown;
  setFaults(patch: FaultPatch): void;
  reset(): void;
  createdQuotes(): readonly unknown[];
  createdLineItems?(): readonly unknown[];
}

async function setFaults(request: Request, control: SimulatorControl): Promise<Response> {
  const text = await readCappedText(request, MAX_CONTROL_BODY_BYTES);
  if (text === undefined) {
    return proxyError("too-large", `The fault settings are larger than ${MAX_CONTROL_BODY_BYTES / 1024} KB.`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text ?? "");
  } catch {
    return proxyError("bad-request", "The fault settings are not valid JSON.");
  }
  const parsed = FaultPatch.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") || "(body)";
    return proxyError("bad-request", `Invalid fault settings: ${where}: ${issue?.message ?? "bad shape"}.`);
  }
  const current = FaultPatch.safeParse(control.getFaults());
  const problem = faultRatesProblem({ ...(current.success ? current.data : {}), ...parsed.data });
  if (problem) return proxyError("bad-request", problem);
  control.setFaults(parsed.data);
  return jsonResponse(200, control.getFaults());
}

/**
 * `/api/simulator/faults` (GET, POST), `/api/simulator/reset` (POST), `/api/simulator/quotes` and
 * `/api/simulator/line-items` (GET): for tests and demos. `onReset` also clears the proxy's own rate-limit counts.
 */
export async function handleSimulatorControl(
  request: Request,
  path: string,
  control: SimulatorControl,
  onReset: () => void,
): Promise<Response | undefined> {
  const method = request.method;
  if (path === "/api/simulator/faults" && method === "GET") return jsonResponse(200, control.getFaults());
  if (path === "/api/simulator/faults" && method === "POST") return setFaults(request, control);
  if (path === "/api/simulator/reset" && method === "POST") {
    control.reset();
    onReset();
    return jsonResponse(200, { ok: true });
  }
  if (path === "/api/simulator/quotes" && method === "GET") {
    const quotes = control.createdQuotes();
    return jsonResponse(200, { count: quotes.length, results: quotes });
  }
  if (path === "/api/simulator/line-items" && method === "GET" && control.createdLineItems) {
    const items = control.createdLineItems();
    return jsonResponse(200, { count: items.length, results: items });
  }
  return undefined;
}
