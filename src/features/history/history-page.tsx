import { useQuery } from "@tanstack/react-query";
import { useSyncExternalStore } from "react";
import { useFormat } from "../../i18n/language-provider.tsx";
import type { MessageId } from "../../i18n/messages.ts";
import { useT, useTRich } from "../../i18n/use-t.ts";
import type { SubmissionMeta } from "../../lib/storage/submissions.ts";
import { useSubmissionStore } from "../../lib/submission/submission-context.tsx";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import "./history.css";

const STATUS: Record<string, MessageId> = {
  running: "history.status.running",
  done: "history.status.done",
  canceled: "history.status.canceled",
  stopped: "history.status.stopped",
  interrupted: "history.status.interrupted",
};

/**
 * A run that created nothing because every row was already in HubSpot is not a second success: say so.
 */
function historyStatus(item: SubmissionMeta, t: ReturnType<typeof useT>): string {
  const created = item.counts.created ?? 0;
  const exists = item.counts.exists ?? 0;
  if (item.status === "done" && created === 0 && exists > 0) return t("history.status.nothingNew");
  if (item.status === "done" && created === 0) return t("history.status.nothingCreated");
  const status = STATUS[item.status];
  return status ? t(status) : item.status;
}

/** Past submissions kept in this browser (IndexedDB); opening one shows its results in the Results tab. */
export function HistoryPage() {
  const store = useSubmissionStore();
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const t = useT();
  const tRich = useTRich();
  const format = useFormat();
  const history = useQuery({
    queryKey: ["submission-history", snapshot.historyVersion],
    queryFn: async () => (await store.storage?.list()) ?? [],
  });

  if (history.isError) return <Alert tone="danger">{t("history.error")}</Alert>;
  const items = history.data ?? [];
  if (!history.isPending && items.length === 0) {
    return <EmptyState title={t("history.empty.title")}>{t("history.empty.body")}</EmptyState>;
  }

  const open = async (id: string) => {
    if (await store.open(id)) window.location.hash = "results";
  };

  return (
    <section className="history" aria-label={t("history.label")}>
      <h2 className="history__title">{t("history.title")}</h2>
      <div className="history__wrap">
        <table className="history__table" aria-label={t("history.title")}>
          <thead>
            <tr>
              <th scope="col">{t("history.col.started")}</th>
              <th scope="col">{t("history.col.environment")}</th>
              <th scope="col">{t("history.col.status")}</th>
              <th scope="col">{t("history.col.rows")}</th>
              <th scope="col">{t("history.col.created")}</th>
              <th scope="col">{t("history.col.exists")}</th>
              <th scope="col">{t("history.col.failed")}</th>
              <th scope="col">{t("history.col.unknown")}</th>
              <th scope="col">{t("history.col.notSent")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("history.col.actions")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const current = snapshot.current?.id === item.id;
              const started = format.dateTime(item.startedAt ?? item.createdAt);
              return (
                <tr key={item.id} aria-current={current ? "true" : undefined}>
                  <td>{started}</td>
                  <td>{item.environment}</td>
                  <td>{historyStatus(item, t)}</td>
                  <td>{format.number(item.total)}</td>
                  <td>{format.number(item.counts.created ?? 0)}</td>
                  <td>{format.number(item.counts.exists ?? 0)}</td>
                  <td>{format.number(item.counts.failed ?? 0)}</td>
                  <td>{format.number(item.counts.unknown ?? 0)}</td>
                  <td>{format.number((item.counts["not-sent"] ?? 0) + (item.counts.canceled ?? 0))}</td>
                  <td>
                    <Button size="sm" disabled={snapshot.running} onClick={() => void open(item.id)}>
                      {tRich("history.open", {
                        started,
                        hidden: (chunks) => <span className="visually-hidden">{chunks}</span>,
                      })}
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
