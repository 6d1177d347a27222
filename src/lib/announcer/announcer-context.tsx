import { createContext, type ReactNode, useContext, useEffect, useRef, useState } from "react";
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
 * The region sits in a closed shadow root: assistive technology reads it like any other live region, but
 * page queries by text (tests, browser extensions) do not find every notice twice. Each announcement is
 * also an `announce` event on the host, which is how the e2e specs record them.
 */
function LiveRegion({ announcer }: { announcer: Announcer }) {
  const host = useRef<HTMLDivElement>(null);
  // Made once per element: StrictMode runs the effect twice, and a host takes only one shadow root.
  const live = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    if (!live.current) {
      const region = document.createElement("div");
      region.setAttribute("role", "status");
      region.setAttribute("aria-live", "polite");
      region.setAttribute("aria-atomic", "true");
      element.attachShadow({ mode: "closed" }).append(region);
      live.current = region;
    }
    const region = live.current;
    return announcer.subscribe(({ text }) => {
      const line = document.createElement("span");
      line.textContent = text;
      region.replaceChildren(line);
      element.dispatchEvent(new CustomEvent("announce", { detail: text }));
    });
  }, [announcer]);
  return <div ref={host} className="visually-hidden" data-announcer="" />;
}
