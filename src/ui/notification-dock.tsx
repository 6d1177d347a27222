import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from "react";
import { createPortal } from "react-dom";
import { useT } from "../i18n/use-t.ts";
import { Alert, type AlertTone } from "./alert.tsx";
import { DOCK_PARTS, keepFocusUncovered } from "./keep-focus-uncovered.ts";
import "./notification-dock.css";

/** Success and info notices go away by themselves after this long (unless hovered or focused). */
export const AUTO_DISMISS_MS = 6_000;

interface Dock {
  toasts: HTMLElement | null;
  panels: HTMLElement | null;
  /** Toasts in the order they appeared, for Escape (newest first). */
  register(dismiss: () => void): () => void;
}

const DockContext = createContext<Dock | null>(null);

/**
 * One place at the bottom right where notices and status panels (the submission's progress) stack in a
 * column: they push each other up instead of covering each other, and the empty part of the column lets
 * clicks through. Escape closes the newest notice (when no dialog is open and no field is being edited).
 * Hand-written (docs/decisions/031): sonner and the like float toasts over the page, which is exactly what
 * hid the progress panel's "Results" link.
 */
export function NotificationDockProvider({ children }: { children: ReactNode }) {
  const t = useT();
  const [toasts, setToasts] = useState<HTMLElement | null>(null);
  const [panels, setPanels] = useState<HTMLElement | null>(null);
  const stack = useRef<(() => void)[]>([]);
  const register = useCallback((dismiss: () => void) => {
    stack.current.push(dismiss);
    return () => {
      stack.current = stack.current.filter((entry) => entry !== dismiss);
    };
  }, []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented || stack.current.length === 0) return;
      const inDock = toasts?.contains(document.activeElement ?? null) ?? false;
      if (!inDock && (document.querySelector("dialog[open]") || isEditing(event.target))) return;
      stack.current.at(-1)?.();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [toasts]);
  const [root, setRoot] = useState<HTMLElement | null>(null);
  useEffect(() => (root ? keepFocusUncovered(root) : undefined), [root]);
  useEffect(() => (root ? reservePageSpace(root) : undefined), [root]);
  const dock = useMemo(() => ({ toasts, panels, register }), [toasts, panels, register]);
  return (
    <DockContext.Provider value={dock}>
      {children}
      <div className="ui-dock" ref={setRoot}>
        <section className="ui-dock__toasts" aria-label={t("dock.label")} ref={setToasts} />
        <div className="ui-dock__panels" ref={setPanels} />
      </div>
    </DockContext.Provider>
  );
}

/**
 * The dock floats over the page's bottom right: the page keeps that much room below its content
 * (`--dock-reserve`, read by `.app-main`), so whatever a notice or the progress panel covers can always be
 * scrolled up into view above it, the last line-item row and the buttons beside it included.
 */
function reservePageSpace(dock: HTMLElement, doc: Document = document): () => void {
  if (typeof ResizeObserver === "undefined") return () => undefined;
  const update = () => {
    const parts = [...dock.querySelectorAll<HTMLElement>(DOCK_PARTS)];
    const used = parts.some((part) => part.offsetHeight > 0);
    const gap = doc.defaultView ? Number.parseFloat(doc.defaultView.getComputedStyle(dock).bottom) || 0 : 0;
    doc.documentElement.style.setProperty("--dock-reserve", used ? `${dock.offsetHeight + gap}px` : "0px");
  };
  const sizes = new ResizeObserver(update);
  const watchParts = () => {
    sizes.disconnect();
    sizes.observe(dock);
    for (const part of dock.querySelectorAll<HTMLElement>(DOCK_PARTS)) sizes.observe(part);
    update();
  };
  // Notices and panels come and go as children of the dock's two columns.
  const added = new MutationObserver(watchParts);
  for (const column of dock.children) added.observe(column, { childList: true });
  watchParts();
  return () => {
    added.disconnect();
    sizes.disconnect();
    doc.documentElement.style.removeProperty("--dock-reserve");
  };
}

function isEditing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName);
}

function useDock(): Dock {
  const dock = useContext(DockContext);
  if (!dock) throw new Error("NotificationDockProvider is missing above this component.");
  return dock;
}

/** A status panel that lives in the dock, under the notices (e.g. the submission's progress). */
export function DockPanel({ children }: { children: ReactNode }) {
  const { panels } = useDock();
  return panels ? createPortal(children, panels) : null;
}

export interface DockToastProps {
  tone: AlertTone;
  title: ReactNode;
  children?: ReactNode;
  onDismiss: () => void;
  /** Default: success and info dismiss themselves after AUTO_DISMISS_MS; warnings and errors stay. */
  autoDismissMs?: number | null;
  /** False when the app's announcer already says it in one short sentence (see Alert's `live`). */
  live?: boolean;
}

/** A notice in the dock: shown while mounted; the owner removes it in `onDismiss`. */
export function DockToast({ tone, title, children, onDismiss, autoDismissMs, live }: DockToastProps) {
  const { toasts, register } = useDock();
  const dismiss = useRef(onDismiss);
  dismiss.current = onDismiss;
  const [held, setHeld] = useState(false);
  // Closing a notice that has focus (its × or Escape) returns focus where it came from, never to <body>.
  const box = useRef<HTMLDivElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const close = useCallback(() => {
    const hadFocus = box.current?.contains(document.activeElement) ?? false;
    dismiss.current();
    if (hadFocus && returnTo.current?.isConnected) returnTo.current.focus();
  }, []);
  const after =
    autoDismissMs === undefined
      ? tone === "success" || tone === "info"
        ? AUTO_DISMISS_MS
        : null
      : autoDismissMs;
  useEffect(() => register(close), [register, close]);
  useEffect(() => {
    if (after === null || held) return;
    const timer = setTimeout(() => dismiss.current(), after);
    return () => clearTimeout(timer);
  }, [after, held]);
  if (!toasts) return null;
  return createPortal(
    // biome-ignore lint/a11y/noStaticElementInteractions: hover and focus only pause the auto-dismiss timer.
    <div
      ref={box}
      className="ui-dock__toast"
      onMouseEnter={() => setHeld(true)}
      onMouseLeave={() => setHeld(false)}
      onFocus={(event) => {
        setHeld(true);
        const from = event.relatedTarget;
        if (from instanceof HTMLElement && !event.currentTarget.contains(from)) returnTo.current = from;
      }}
      onBlur={() => setHeld(false)}
    >
      <Alert tone={tone} title={title} onDismiss={close} live={live}>
        {children}
      </Alert>
    </div>,
    toasts,
  );
}
