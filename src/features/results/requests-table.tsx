import type { RequestRecord, SubmissionState } from "../../domain/submission/types.ts";

const time = (iso: string | undefined) => (iso ? new Date(iso).toLocaleTimeString() : "");

function waits(request: RequestRecord): string {
  if (request.waits.length === 0) return "";
  const total = request.waits.reduce((sum, w) => sum + w.ms, 0);
  const reasons = [...new Set(request.waits.map((w) => w.reason))].join(", ");
  return `${request.waits.length} (${reasons}, ${(total / 1000).toFixed(1)} s)`;
}

/** Per request: HTTP status, HubSpot's batch status and timestamps, errors, attempts and waits. */
export function RequestsTable({ state }: { state: SubmissionState }) {
  return (
    <div className="results-table-wrap">
      <table className="results-table" aria-label="Requests">
        <thead>
          <tr>
            <th scope="col">Request</th>
            <th scope="col">Rows</th>
            <th scope="col">HTTP status</th>
            <th scope="col">Batch status</th>
            <th scope="col">Requested at</th>
            <th scope="col">Started at</th>
            <th scope="col">Completed at</th>
            <th scope="col">Errors</th>
            <th scope="col">Attempts</th>
            <th scope="col">Waits</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {state.requests.map((request, index) => (
            <tr key={request.id}>
              <td>{index + 1}</td>
              <td>{request.rowIndexes.length}</td>
              <td>{request.httpStatus ?? request.phase}</td>
              <td>{request.batchStatus ?? ""}</td>
              <td>{time(request.requestedAt)}</td>
              <td>{time(request.startedAt)}</td>
              <td>{time(request.completedAt)}</td>
              <td>{request.numErrors ?? ""}</td>
              <td>{request.attempts}</td>
              <td>{waits(request)}</td>
              <td className="results-table__message">{request.note ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
