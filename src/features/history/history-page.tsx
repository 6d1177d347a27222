import { useQuery } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";
import type { SubmissionMeta } from "../../lib/storage/submissions.ts";
import { useSubmissionStore } from "../../lib/submission/submission-context.tsx";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import "./history.css";

const number = new Intl.NumberFormat("en-US");
const STATUS: Record<string, string> = {
  running: "running",
  done: "finished",
  canceled: "canceled",
  stopped: "stopped",
  interrupted: "interrupted",
};

/**
 * A run that created nothing because every row was already in HubSpot is not a second success: say so.
 */
function historyStatus(item: SubmissionMeta): string {
  const created = item.counts.created ?? 0;
  const exists = item.counts.exists ?? 0;
  if (item.status === "done" && created === 0 && exists > 0)
    return "finished, nothing new (all already in HubSpot)";
  if (item.status === "done" && created === 0) return "finished, nothing created";
  return STATUS[item.status] ?? item.status;
}

/** Past submissions kept in this browser (IndexedDB); opening one shows its results in the Results tab. */
export function HistoryPage() {
  const store = useSubmissionStore();
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const history = useQuery({
    queryKey: ["submission-history", snapshot.historyVersion],
    queryFn: async () => (await store.storage?.list()) ?? [],
  });

  if (history.isError)
    return <Alert tone="danger">The submission history could not be read from this browser's storage.</Alert>;
  const items = history.data ?? [];
  if (!history.isPending && items.length === 0) {
    return (
      <EmptyState title="No past submissions">
        Submissions you send from this browser are kept here.
      </EmptyState>
    );
  }

  const open = async (id: string) => {
    if (await store.open(id)) window.location.hash = "results";
  };

  return (
    <section className="history" aria-label="Submission history">
      <h2 className="history__title">Past submissions</h2>
      <div className="history__wrap">
        <table className="history__table" aria-label="Past submissions">
          <thead>
            <tr>
              <th scope="col">Started</th>
              <th scope="col">Environment</th>
              <th scope="col">Status</th>
              <th scope="col">Rows</th>
              <th scope="col">Created</th>
              <th scope="col">Already in HubSpot</th>
              <th scope="col">Failed</th>
              <th scope="col">Unknown</th>
              <th scope="col">Not sent</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const current = snapshot.current?.id === item.id;
              return (
                <tr key={item.id} aria-current={current ? "true" : undefined}>
                  <td>{new Date(item.startedAt ?? item.createdAt).toLocaleString()}</td>
                  <td>{item.environment}</td>
                  <td>{historyStatus(item)}</td>
                  <td>{number.format(item.total)}</td>
                  <td>{number.format(item.counts.created ?? 0)}</td>
                  <td>{number.format(item.counts.exists ?? 0)}</td>
                  <td>{number.format(item.counts.failed ?? 0)}</td>
                  <td>{number.format(item.counts.unknown ?? 0)}</td>
                  <td>{number.format((item.counts["not-sent"] ?? 0) + (item.counts.canceled ?? 0))}</td>
                  <td>
                    <Button size="sm" disabled={snapshot.running} onClick={() => void open(item.id)}>
                      Open results
                      <span className="visually-hidden"> of {new Date(item.createdAt).toLocaleString()}</span>
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
