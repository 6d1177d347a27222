import { expect, type Page } from "@playwright/test";

/** The simulator's faults (latency, error rates), through the app's own API. */
export async function setFaults(page: Page, faults: Record<string, unknown>): Promise<void> {
  const response = await page.request.post("/api/simulator/faults", { data: faults });
  expect(response.ok()).toBe(true);
}

/** In the page: whether the submission saved in IndexedDB has a request sent and not yet answered. */
function savedRequestOnTheWire(): Promise<boolean> {
  const open = () =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open("quote-batch-submissions");
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const read = (db: IDBDatabase, key: string) =>
    new Promise<unknown>((resolve, reject) => {
      const request = db.transaction("submissions").objectStore("submissions").get(key);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  return open().then(async (db) => {
    try {
      if (!db.objectStoreNames.contains("submissions")) return false;
      const index = (await read(db, "index")) as { id: string }[] | undefined;
      const id = index?.[0]?.id;
      if (!id) return false;
      const state = (await read(db, `submission:${id}`)) as {
        requests?: { sentAt?: number; settledAt?: number }[];
      };
      return state.requests?.some((r) => r.sentAt !== undefined && r.settledAt === undefined) ?? false;
    } finally {
      db.close();
    }
  });
}

/** Until the submission saved in IndexedDB (written at most once a second) says a request is on the wire. */
export async function waitUntilSavedOnTheWire(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(savedRequestOnTheWire), { intervals: [100], timeout: 6_000 })
    .toBe(true);
}
