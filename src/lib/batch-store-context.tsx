import { createContext, type ReactNode, useContext, useSyncExternalStore } from "react";
import type { BatchSnapshot, BatchStore } from "../domain/batch/batch-store.ts";

/** The one batch the app works on, shared by the composer, the CSV import and the submission. */
const BatchStoreContext = createContext<BatchStore | null>(null);

export function BatchStoreProvider({ store, children }: { store: BatchStore; children: ReactNode }) {
  return <BatchStoreContext.Provider value={store}>{children}</BatchStoreContext.Provider>;
}

export function useBatchStore(): BatchStore {
  const store = useContext(BatchStoreContext);
  if (!store) throw new Error("useBatchStore needs a <BatchStoreProvider> above it");
  return store;
}

export function useBatchSnapshot(): BatchSnapshot {
  const store = useBatchStore();
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
