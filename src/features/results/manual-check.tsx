import type { RowId } from "../../domain/batch/row.ts";
import type { ManualCheck } from "../../domain/submission/reconcile.ts";
import type { RowOutcome, SubmissionState } from "../../domain/submission/types.ts";
import { useFormat } from "../../i18n/language-provider.tsx";
import { useT } from "../../i18n/use-t.ts";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";

const SHOWN_TITLES = 5;

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
  const t = useT();
  const format = useFormat();
  const markAll = (outcome: RowOutcome) => onMark(new Map(unknown.map((row) => [row.rowId, { outcome }])));
  return (
    <section className="results-manual" aria-label={t("manual.label")}>
      <Alert tone="warning" title={t("manual.title")}>
        {t("manual.instructions", {
          from: format.dateTime(check.from),
          to: format.dateTime(check.to),
          titles: format.list(
            check.rows.slice(0, SHOWN_TITLES).map((row) =>
              t("submission.msg.quoted", {
                text: row.title || t("manual.untitled", { row: row.rowNumber }),
              }),
            ),
          ),
          more: Math.max(0, check.rows.length - SHOWN_TITLES),
        })}
      </Alert>
      {unknown.length > 0 ? (
        <>
          <div className="results-actions">
            <Button size="sm" onClick={() => markAll("created")}>
              {t("manual.allCreated")}
            </Button>
            <Button size="sm" onClick={() => markAll("not-sent")}>
              {t("manual.noneCreated")}
            </Button>
          </div>
          <ul className="results-manual__list">
            {unknown.slice(0, 200).map((row) => (
              <li key={row.rowId}>
                <span>{t("manual.row", { row: row.rowNumber, title: row.title })}</span>
                <Button size="sm" onClick={() => onMark(new Map([[row.rowId, { outcome: "created" }]]))}>
                  {t("manual.found")}
                </Button>
                <Button size="sm" onClick={() => onMark(new Map([[row.rowId, { outcome: "not-sent" }]]))}>
                  {t("manual.notFound")}
                </Button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t("manual.done")}</p>
      )}
    </section>
  );
}
