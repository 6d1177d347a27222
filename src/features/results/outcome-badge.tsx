import type { RowOutcome } from "../../domain/submission/types.ts";
import { useT } from "../../i18n/use-t.ts";

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
  const t = useT();
  return (
    <span className={`results-outcome results-outcome--${outcome}`}>
      <span className="results-outcome__icon" aria-hidden="true">
        {ICONS[outcome]}
      </span>
      {t(`outcome.${outcome}`)}
    </span>
  );
}
