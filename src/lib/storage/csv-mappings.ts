import { z } from "zod";

/**
 * Mappings the user confirmed, remembered per set of headers (their normalised signature) so the same export
 * maps itself next time. localStorage: small, synchronous, and per browser profile like the user's habits.
 */
const PREFIX = "qbc.csv-mapping.v1:";

/** Normalised header name → target column key, or null for "Ignore". */
const RememberedMapping = z.record(z.string(), z.string().nullable());
export type RememberedMapping = z.infer<typeof RememberedMapping>;

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export function loadMapping(signature: string): RememberedMapping | undefined {
  const raw = storage()?.getItem(PREFIX + signature);
  if (!raw) return undefined;
  try {
    const parsed = RememberedMapping.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function saveMapping(signature: string, mapping: RememberedMapping): void {
  try {
    storage()?.setItem(PREFIX + signature, JSON.stringify(mapping));
  } catch {
    // Storage full or blocked: remembering is a convenience, the import itself already happened.
  }
}

export function forgetMapping(signature: string): void {
  storage()?.removeItem(PREFIX + signature);
}
