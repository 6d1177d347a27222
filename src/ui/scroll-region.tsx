import { type ReactNode, useRef } from "react";
import { useScrolls } from "./use-scrolls.ts";
import "./scroll-region.css";

/**
 * A container that scrolls its wide or long content (a table) inside itself, so the page reflows at 320 CSS px.
 * While its content overflows it is a named region with a Tab stop, so the arrow keys scroll it.
 */
export function ScrollRegion(props: { label: string; className: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const scrolls = useScrolls(ref);
  return (
    <div
      ref={ref}
      className={`ui-scroll-region ${props.className}`}
      {...(scrolls ? { role: "region", tabIndex: 0, "aria-label": props.label } : {})}
    >
      {props.children}
    </div>
  );
}
