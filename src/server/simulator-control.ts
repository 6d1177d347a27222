import type { z } from "zod";
import { FaultSettingsPatchSchema } from "../simulator/faults.ts";
import { jsonResponse, proxyError } from "./proxy-http.ts";

/** What `POST /api/simulator/faults` accepts: any subset of the simulator's fault settings (its own schema). */
export const FaultPatch = FaultSettingsPatchSchema.strict();
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
    let value: unknown;
    try {
      value = JSON.parse(await request.text());
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
