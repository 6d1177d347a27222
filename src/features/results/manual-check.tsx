import type { RowId } from "../../domain/batch/row.ts";
import type { ManualCheck } from "../../domain/submission/reconcile.ts";
import type { RowOutcome, SubmissionState } from "../../domain/submission/types.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";

type Mark = (updates: ReadonlyMap<RowId, { outcome: RowOutcome }>) => void;

/** Without a unique-value property only a person can tell: what to look for, and buttons to record it. */
export function ManualCheckPanel({
  check,
  state,
  onMark,
}: {
  check: ManualCheck;
  state: SubmissionState;
  onMark: Mark;
}) {
  const unknown = state.rows.filter((row) => row.outcome === "unknown");
  const markAll = (outcome: RowOutcome) => onMark(new Map(unknown.map((row) => [row.rowId, { outcome }])));
  return (
    <section className="results-manual" aria-label="Check unknown rows in HubSpot">
      <Alert tone="warning" title="Check these rows in HubSpot">
        {check.instructions}
      </Alert>
      {unknown.length > 0 ? (
        <>
          <div className="results-actions">
            <Button size="sm" onClick={() => markAll("created")}>
              All were created
            </Button>
            <Button size="sm" onClick={() => markAll("not-sent")}>
              None were created
            </Button>
          </div>
          <ul className="results-manual__list">
            {unknown.slice(0, 200).map((row) => (
              <li key={row.rowId}>
                <span>
                  Row {row.rowNumber} “{row.title}”
                </span>
                <Button size="sm" onClick={() => onMark(new Map([[row.rowId, { outcome: "created" }]]))}>
                  Found in HubSpot
                </Button>
                <Button size="sm" onClick={() => onMark(new Map([[row.rowId, { outcome: "not-sent" }]]))}>
                  Not in HubSpot
                </Button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>Every unknown row is marked. Rows marked “not in HubSpot” are sent by “Retry failed rows”.</p>
      )}
    </section>
  );
}
