import { useSyncExternalStore } from "react";
import type { BatchSnapshot, BatchStore } from "../domain/batch/batch-store.ts";
import { useAppServices } from "./services/app-services-context.tsx";

/** The one batch the app works on, shared by the composer, the CSV import and the submission. */
export function useBatchStore(): BatchStore {
  return useAppServices().batch;
}

export function useBatchSnapshot(): BatchSnapshot {
  const store = useBatchStore();
  return useSyncExternalStore(store.subscribe, store.getSnapshot);
}
