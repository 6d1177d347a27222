import { MAX_BATCH_INPUTS } from "../../hubspot/limits.ts";

/** Splits `items` into consecutive groups of at most `size` (HubSpot takes at most 100 inputs a request). */
export function chunk<T>(items: readonly T[], size: number = MAX_BATCH_INPUTS): T[][] {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`chunk size must be a positive integer, not ${size}`);
  const groups: T[][] = [];
  for (let start = 0; start < items.length; start += size) groups.push(items.slice(start, start + size));
  return groups;
}
