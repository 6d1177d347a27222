import { useEffect, useSyncExternalStore } from "react";
import { useBatchStore } from "../../../lib/batch-store-context.tsx";
import type { DraftStorage } from "../../../lib/storage/drafts.ts";
import { type DraftSession, type DraftState, draftSessionFor } from "./draft-session.ts";

/**
 * Restores the current draft into the batch on start and saves every change to IndexedDB. Call once, in
 * the composer page. `storage` is for tests.
 */
export function useDraftAutosave(options: { storage?: DraftStorage } = {}): DraftState {
  const store = useBatchStore();
  const session = draftSessionFor(store, options.storage);
  useEffect(() => {
    void session.start();
    const flush = () => session.flushNow();
    const onVisibility = () => {
      if (document.visibilityState === "hidden") flush();
    };
    window.addEventListener("pagehide", flush);
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      window.removeEventListener("pagehide", flush);
      document.removeEventListener("visibilitychange", onVisibility);
      session.stop();
    };
  }, [session]);
  return useSyncExternalStore(session.subscribe, session.getState);
}

export function useDraftSession(): { session: DraftSession; state: DraftState } {
  const store = useBatchStore();
  const session = draftSessionFor(store);
  const state = useSyncExternalStore(session.subscribe, session.getState);
  return { session, state };
}
