import { z } from "zod";

/** What the composer remembers per browser about its columns. */
export const SavedColumnLayout = z.object({
  version: z.literal(1),
  /** Visible column keys in order. Unknown keys are dropped when applied, not here. */
  columns: z.array(z.string()),
  widths: z.record(z.string(), z.number().positive()).optional(),
});
export type SavedColumnLayout = z.infer<typeof SavedColumnLayout>;

export type KeyValueStorage = Pick<Storage, "getItem" | "setItem" | "removeItem">;

const STORAGE_KEY = "quote-batch-composer:column-layout";

function browserStorage(): KeyValueStorage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    // Private modes and sandboxed frames can throw on access: behave as if nothing was saved.
    return undefined;
  }
}

/** The saved layout, or `undefined` when there is none or it is stale/corrupt (never throws). */
export function loadColumnLayout(storage = browserStorage()): SavedColumnLayout | undefined {
  try {
    const text = storage?.getItem(STORAGE_KEY);
    if (!text) return undefined;
    const parsed = SavedColumnLayout.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function saveColumnLayout(layout: SavedColumnLayout, storage = browserStorage()): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(layout));
  } catch {
    // A full or blocked storage costs the user their layout next time, not their work now.
  }
}

export function clearColumnLayout(storage = browserStorage()): void {
  try {
    storage?.removeItem(STORAGE_KEY);
  } catch {
    // see saveColumnLayout
  }
}
