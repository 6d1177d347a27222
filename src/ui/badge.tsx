import type { HTMLAttributes } from "react";
import "./badge.css";

export type Tone = "neutral" | "info" | "success" | "warning" | "danger";

export interface BadgeProps extends HTMLAttributes<HTMLSpanElement> {
  /** Default `neutral`. Colour is never the only signal: the text says it too. */
  tone?: Tone;
}

/** A small inline label: a status, a count, a flag ("Read-only", "Sandbox"). */
export function Badge({ tone = "neutral", className, ...rest }: BadgeProps) {
  return (
    <span className={["ui-badge", `ui-badge--${tone}`, className].filter(Boolean).join(" ")} {...rest} />
  );
}
