import type { Attempt, RequestRecord, SubmissionState } from "../../domain/submission/types.ts";
import type { Formatter } from "../../i18n/format.ts";
import { useFormat } from "../../i18n/language-provider.tsx";
import { useSubmissionText } from "../../i18n/submission-text.ts";
import { type Translate, useT } from "../../i18n/use-t.ts";
import { ScrollRegion } from "../../ui/scroll-region.tsx";

function waits(request: RequestRecord, t: Translate, format: Formatter): string {
  if (request.waits.length === 0) return "";
  const total = request.waits.reduce((sum, w) => sum + w.ms, 0);
  const reasons = format.list([...new Set(request.waits.map((w) => t(`requests.reason.${w.reason}`)))]);
  return t("requests.waits", { count: request.waits.length, reasons, duration: format.seconds(total) });
}

function attemptText(attempt: Attempt, t: Translate, format: Formatter): string {
  const sent = format.time(attempt.sentAt);
  if (attempt.answeredAt === undefined) return t("requests.attempt.waiting", { sent });
  const answered = format.time(attempt.answeredAt);
  if (attempt.httpStatus === undefined) return t("requests.attempt.noAnswer", { sent, answered });
  return t("requests.attempt.answered", { sent, status: attempt.httpStatus, answered });
}

/** Older saves have no per-attempt record: their first send and last answer stand in. */
function attemptsOf(request: RequestRecord): Attempt[] {
  if (request.tries.length > 0) return request.tries;
  if (request.sentAt === undefined) return [];
  return [
    {
      sentAt: request.sentAt,
      ...(request.settledAt === undefined ? {} : { answeredAt: request.settledAt }),
      ...(request.httpStatus === undefined ? {} : { httpStatus: request.httpStatus }),
    },
  ];
}

/** Per request: each attempt's send and answer time, HubSpot's batch status and what it means for the rows. */
export function RequestsTable({ state }: { state: SubmissionState }) {
  const t = useT();
  const format = useFormat();
  const text = useSubmissionText();
  const time = (iso: string | undefined) => (iso ? format.time(iso) : "");
  return (
    <ScrollRegion className="results-table-wrap" label={t("requests.tableRegion")}>
      <table className="results-table" aria-label={t("requests.label")}>
        <thead>
          <tr>
            <th scope="col">{t("requests.col.request")}</th>
            <th scope="col">{t("requests.col.rows")}</th>
            <th scope="col">{t("requests.col.attempts")}</th>
            <th scope="col">{t("requests.col.http")}</th>
            <th scope="col">{t("requests.col.batch")}</th>
            <th scope="col">{t("requests.col.hubspotTimes")}</th>
            <th scope="col">{t("requests.col.errors")}</th>
            <th scope="col">{t("requests.col.waits")}</th>
            <th scope="col">{t("requests.col.note")}</th>
          </tr>
        </thead>
        <tbody>
          {state.requests.map((request, index) => (
            <tr key={request.id}>
              <td>{index + 1}</td>
              <td>{format.number(request.rowIndexes.length)}</td>
              <td>
                <ol
                  className="results-attempts"
                  aria-label={t("requests.attempts.label", { request: index + 1 })}
                >
                  {attemptsOf(request).map((attempt) => (
                    <li key={attempt.sentAt}>{attemptText(attempt, t, format)}</li>
                  ))}
                </ol>
                {request.tries.length === 0 && request.sentAt === undefined
                  ? t(`requests.phase.${request.phase}`)
                  : null}
              </td>
              <td>{request.httpStatus ?? t(`requests.phase.${request.phase}`)}</td>
              <td>
                {request.batchStatus ? (
                  <>
                    <strong>{request.batchStatus}</strong>
                    <span className="results-table__meaning">
                      {t(`requests.batchStatus.${request.batchStatus}`)}
                    </span>
                  </>
                ) : (
                  ""
                )}
              </td>
              <td>
                {request.startedAt
                  ? t("requests.hubspotTimes", {
                      started: time(request.startedAt),
                      completed: time(request.completedAt),
                    })
                  : ""}
              </td>
              <td>{request.numErrors ?? ""}</td>
              <td>{waits(request, t, format)}</td>
              <td className="results-table__message">{text(request.note)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
