import type { AssociationTargetType } from "../../../hubspot/association-catalogue.ts";
import { type ResolvedRecords, resolveRecords } from "../../../lib/api/search-records.ts";

/**
 * Coalesces per-id lookups into one search per object type (DataLoader-style): a grid page asks for 40
 * names at once, and HubSpot's search allows only 5 requests a second.
 */
const WINDOW_MS = 15;

interface Waiter {
  resolve(value: ResolvedRecords): void;
  reject(error: unknown): void;
}

const queues = new Map<AssociationTargetType, Map<string, Waiter[]>>();

export function loadRecord(type: AssociationTargetType, id: string): Promise<ResolvedRecords> {
  return new Promise((resolve, reject) => {
    let queue = queues.get(type);
    if (!queue) {
      queue = new Map();
      queues.set(type, queue);
      setTimeout(() => void flush(type), WINDOW_MS);
    }
    const waiters = queue.get(id) ?? [];
    waiters.push({ resolve, reject });
    queue.set(id, waiters);
  });
}

async function flush(type: AssociationTargetType): Promise<void> {
  const queue = queues.get(type);
  queues.delete(type);
  if (!queue) return;
  try {
    const result = await resolveRecords(type, [...queue.keys()]);
    for (const [id, waiters] of queue) {
      const record = result.found.get(id);
      const one: ResolvedRecords = {
        found: record ? new Map([[id, record]]) : new Map(),
        missing: result.missing.includes(id) ? [id] : [],
      };
      for (const waiter of waiters) waiter.resolve(one);
    }
  } catch (error) {
    for (const waiters of queue.values()) for (const waiter of waiters) waiter.reject(error);
  }
}
