import type { ReactNode } from "react";
import { useT } from "../i18n/use-t.ts";
import "./alert.css";
import type { Tone } from "./badge.tsx";

export type AlertTone = Exclude<Tone, "neutral">;

export interface AlertProps {
  /** `danger` and `warning` are announced at once (role="alert"); `info` and `success` politely (role="status"). */
  tone?: AlertTone;
  /** A short bold lead ("Upload failed"). */
  title?: ReactNode;
  /** What happened and what to do next. */
  children?: ReactNode;
  /** A button or link, e.g. <Button size="sm">Retry</Button>. */
  action?: ReactNode;
  /** When given, shows a "Dismiss" button. */
  onDismiss?: () => void;
  /**
   * Default true: the alert is a live region. False when the app's announcer already says it in one short
   * sentence (an import's outcome), so a screen reader does not read the whole toast on top.
   */
  live?: boolean;
  className?: string;
}

const ICONS: Record<AlertTone, string> = { danger: "!", warning: "!", success: "✓", info: "i" };

/** A banner message. Errors use role="alert"; information uses role="status". */
export function Alert({
  tone = "info",
  title,
  children,
  action,
  onDismiss,
  live = true,
  className,
}: AlertProps) {
  const t = useT();
  const urgent = tone === "danger" || tone === "warning";
  return (
    <div
      role={live ? (urgent ? "alert" : "status") : undefined}
      className={["ui-alert", `ui-alert--${tone}`, className].filter(Boolean).join(" ")}
    >
      <span className="ui-alert__icon" aria-hidden="true">
        {ICONS[tone]}
      </span>
      <div className="ui-alert__body">
        {title ? <p className="ui-alert__title">{title}</p> : null}
        {children ? <div className="ui-alert__text">{children}</div> : null}
      </div>
      {action || onDismiss ? (
        <div className="ui-alert__actions">
          {action}
          {onDismiss ? (
            <button
              type="button"
              className="ui-alert__dismiss"
              onClick={onDismiss}
              aria-label={t("ui.dismiss")}
            >
              ×
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
