import { BATCH_STATUS_MEANING } from "../../domain/submission/batch-status.ts";
import type { Attempt, RequestRecord, SubmissionState } from "../../domain/submission/types.ts";

const time = (ms: number) => new Date(ms).toLocaleTimeString();
const isoTime = (iso: string | undefined) => (iso ? new Date(iso).toLocaleTimeString() : "");

function waits(request: RequestRecord): string {
  if (request.waits.length === 0) return "";
  const total = request.waits.reduce((sum, w) => sum + w.ms, 0);
  const reasons = [...new Set(request.waits.map((w) => w.reason))].join(", ");
  return `${request.waits.length} (${reasons}, ${(total / 1000).toFixed(1)} s)`;
}

function attemptText(attempt: Attempt): string {
  const answer =
    attempt.answeredAt === undefined
      ? "no answer yet"
      : `${attempt.httpStatus === undefined ? "no answer" : `HTTP ${attempt.httpStatus}`} at ${time(attempt.answeredAt)}`;
  return `sent ${time(attempt.sentAt)}, ${answer}`;
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
  return (
    <div className="results-table-wrap">
      <table className="results-table" aria-label="Requests">
        <thead>
          <tr>
            <th scope="col">Request</th>
            <th scope="col">Rows</th>
            <th scope="col">Attempts</th>
            <th scope="col">HTTP status</th>
            <th scope="col">Batch status</th>
            <th scope="col">HubSpot started / completed</th>
            <th scope="col">Errors</th>
            <th scope="col">Waits</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {state.requests.map((request, index) => (
            <tr key={request.id}>
              <td>{index + 1}</td>
              <td>{request.rowIndexes.length}</td>
              <td>
                <ol className="results-attempts" aria-label={`Attempts of request ${index + 1}`}>
                  {attemptsOf(request).map((attempt) => (
                    <li key={attempt.sentAt}>{attemptText(attempt)}</li>
                  ))}
                </ol>
                {request.tries.length === 0 && request.sentAt === undefined ? request.phase : null}
              </td>
              <td>{request.httpStatus ?? request.phase}</td>
              <td>
                {request.batchStatus ? (
                  <>
                    <strong>{request.batchStatus}</strong>
                    <span className="results-table__meaning">
                      {BATCH_STATUS_MEANING[request.batchStatus]}
                    </span>
                  </>
                ) : (
                  ""
                )}
              </td>
              <td>
                {request.startedAt ? `${isoTime(request.startedAt)} / ${isoTime(request.completedAt)}` : ""}
              </td>
              <td>{request.numErrors ?? ""}</td>
              <td>{waits(request)}</td>
              <td className="results-table__message">{request.note ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
