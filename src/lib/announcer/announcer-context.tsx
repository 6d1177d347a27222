import { createContext, type ReactNode, useContext, useState, useSyncExternalStore } from "react";
import { Announcer } from "./announcer.ts";

const AnnouncerContext = createContext<Announcer | null>(null);

/** Hands the app's announcer down and renders its one polite live region. */
export function AnnouncerProvider({ announcer, children }: { announcer: Announcer; children: ReactNode }) {
  return (
    <AnnouncerContext.Provider value={announcer}>
      {children}
      <LiveRegion announcer={announcer} />
    </AnnouncerContext.Provider>
  );
}

/**
 * The app's announcer. Without a provider (a component test of one feature) each component gets a detached
 * one that nobody hears, so features never need to check whether anyone listens.
 */
export function useAnnouncer(): Announcer {
  const provided = useContext(AnnouncerContext);
  const [detached] = useState(() => new Announcer());
  return provided ?? detached;
}

/**
 * Present from the first render and never re-mounted: screen readers only watch live regions that were
 * already in the page. Each announcement is a new child node, so a repeated sentence is read again.
 */
function LiveRegion({ announcer }: { announcer: Announcer }) {
  const current = useSyncExternalStore(
    (listener) => announcer.subscribe(listener),
    () => announcer.current,
  );
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="visually-hidden" data-announcer="">
      {current.seq > 0 ? <span key={current.seq}>{current.text}</span> : null}
    </div>
  );
}
