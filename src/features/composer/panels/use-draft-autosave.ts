import { useEffect, useSyncExternalStore } from "react";
import { useAppServices } from "../../../lib/services/app-services-context.tsx";
import type { DraftSession, DraftState } from "../../../lib/storage/draft-session.ts";

/** Restores the current draft into the batch on start and saves every change to IndexedDB. Call once, in the composer page. */
export function useDraftAutosave(): DraftState {
  const session = useAppServices().drafts;
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
  const session = useAppServices().drafts;
  const state = useSyncExternalStore(session.subscribe, session.getState);
  return { session, state };
}
