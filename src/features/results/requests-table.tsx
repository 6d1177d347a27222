import type { SubmissionState } from "../../domain/submission/state.ts";
import type { RequestRecord } from "../../domain/submission/types.ts";
import type { Formatter } from "../../i18n/format.ts";
import { useFormat } from "../../i18n/language-provider.tsx";
import { type Translate, useT } from "../../i18n/use-t.ts";

function waits(request: RequestRecord, t: Translate, format: Formatter): string {
  if (request.waits.length === 0) return "";
  const total = request.waits.reduce((sum, w) => sum + w.ms, 0);
  const reasons = format.list([...new Set(request.waits.map((w) => w.reason))]);
  return t("requests.waits", { count: request.waits.length, reasons, duration: format.seconds(total) });
}

/** Per request: HTTP status, HubSpot's batch status and timestamps, errors, attempts and waits. */
export function RequestsTable({ state }: { state: SubmissionState }) {
  const t = useT();
  const format = useFormat();
  const time = (iso: string | undefined) => (iso ? format.time(iso) : "");
  return (
    <div className="results-table-wrap">
      <table className="results-table" aria-label={t("requests.label")}>
        <thead>
          <tr>
            <th scope="col">{t("requests.col.request")}</th>
            <th scope="col">{t("requests.col.rows")}</th>
            <th scope="col">{t("requests.col.http")}</th>
            <th scope="col">{t("requests.col.batch")}</th>
            <th scope="col">{t("requests.col.requested")}</th>
            <th scope="col">{t("requests.col.started")}</th>
            <th scope="col">{t("requests.col.completed")}</th>
            <th scope="col">{t("requests.col.errors")}</th>
            <th scope="col">{t("requests.col.attempts")}</th>
            <th scope="col">{t("requests.col.waits")}</th>
            <th scope="col">{t("requests.col.note")}</th>
          </tr>
        </thead>
        <tbody>
          {state.requests.map((request, index) => (
            <tr key={request.id}>
              <td>{index + 1}</td>
              <td>{format.number(request.rowIndexes.length)}</td>
              <td>{request.httpStatus ?? request.phase}</td>
              <td>{request.batchStatus ?? ""}</td>
              <td>{time(request.requestedAt)}</td>
              <td>{time(request.startedAt)}</td>
              <td>{time(request.completedAt)}</td>
              <td>{request.numErrors ?? ""}</td>
              <td>{request.attempts}</td>
              <td>{waits(request, t, format)}</td>
              <td className="results-table__message">{request.note ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
