import { useT } from "../i18n/use-t.ts";
import "./spinner.css";

export interface SpinnerProps {
  /** Announced to screen readers and shown beside the spinner unless `hideLabel`. Default "Loading…". */
  label?: string;
  hideLabel?: boolean;
  size?: "sm" | "md" | "lg";
}

/** An indeterminate activity indicator with a polite announcement. */
export function Spinner({ label, hideLabel = false, size = "md" }: SpinnerProps) {
  const t = useT();
  return (
    <span role="status" className={`ui-spinner ui-spinner--${size}`}>
      <span className="ui-spinner__ring" aria-hidden="true" />
      <span className={hideLabel ? "visually-hidden" : "ui-spinner__label"}>{label ?? t("ui.loading")}</span>
    </span>
  );
}

export interface ProgressBarProps {
  /** Accessible name, e.g. "Quotes created". */
  label: string;
  value: number;
  max: number;
  /** Human text for screen readers, e.g. "240 of 1,000 quotes". Defaults to a percentage. */
  valueText?: string;
  tone?: "info" | "success" | "warning" | "danger";
  /** Show the label and value text above the bar. */
  showLabel?: boolean;
}

/** A determinate progress bar (role="progressbar" with aria-valuenow/min/max). */
export function ProgressBar({
  label,
  value,
  max,
  valueText,
  tone = "info",
  showLabel = false,
}: ProgressBarProps) {
  const safeMax = max > 0 ? max : 1;
  const clamped = Math.min(Math.max(value, 0), safeMax);
  const percent = Math.round((clamped / safeMax) * 100);
  const text = valueText ?? `${percent}%`;
  return (
    <div className="ui-progress">
      {showLabel ? (
        <div className="ui-progress__caption" aria-hidden="true">
          <span>{label}</span>
          <span>{text}</span>
        </div>
      ) : null}
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={safeMax}
        aria-valuenow={clamped}
        aria-valuetext={text}
        className={`ui-progress__track ui-progress--${tone}`}
      >
        <div className="ui-progress__fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
