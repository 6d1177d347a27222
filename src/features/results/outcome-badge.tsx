import { OUTCOME_LABELS } from "../../domain/submission/outcome-labels.ts";
import type { RowOutcome } from "../../domain/submission/types.ts";

const ICONS: Record<RowOutcome, string> = {
  pending: "…",
  created: "✓",
  exists: "=",
  failed: "✕",
  unknown: "?",
  canceled: "–",
  "not-sent": "–",
};

/** Outcome as icon + text: colour and icon are never the only signal. */
export function OutcomeBadge({ outcome }: { outcome: RowOutcome }) {
  return (
    <span className={`results-outcome results-outcome--${outcome}`}>
      <span className="results-outcome__icon" aria-hidden="true">
        {ICONS[outcome]}
      </span>
      {OUTCOME_LABELS[outcome]}
    </span>
  );
}
