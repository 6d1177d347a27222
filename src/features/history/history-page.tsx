import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useId, useMemo, useState, useSyncExternalStore } from "react";
import { useFormat } from "../../i18n/language-provider.tsx";
import type { MessageId } from "../../i18n/messages.ts";
import { useT, useTRich } from "../../i18n/use-t.ts";
import { ApiError, describeApiError } from "../../lib/api/api-error.ts";
import { currentPlace, signInUrl, useLacks, useMe } from "../../lib/api/get-me.ts";
import type { HistoryEntry, Person } from "../../lib/storage/history-list.ts";
import { useSubmissionStore } from "../../lib/submission/submission-context.tsx";
import { Alert } from "../../ui/alert.tsx";
import { Button } from "../../ui/button.tsx";
import { EmptyState } from "../../ui/empty-state.tsx";
import { SignedOutAlert } from "../../ui/signed-out-alert.tsx";
import { Spinner } from "../../ui/spinner.tsx";
import {
  type HistoryFilterState,
  historyQuery,
  isFiltered,
  NO_FILTER,
  OUTCOME_CHOICES,
  type OutcomeChoice,
  readHistoryFilter,
  writeHistoryFilter,
} from "./history-filter.ts";
import { historyPollMs } from "./history-poll.ts";
import "./history.css";
import { environmentName } from "../../i18n/environment-name.ts";
import { personName } from "../../i18n/person-name.ts";
import { ScrollRegion } from "../../ui/scroll-region.tsx";

const STATUS: Record<string, MessageId> = {
  running: "history.status.running",
  done: "history.status.done",
  canceled: "history.status.canceled",
  stopped: "history.status.stopped",
  interrupted: "history.status.interrupted",
};

const OUTCOME_LABEL: Record<OutcomeChoice, MessageId> = {
  created: "history.filter.outcome.created",
  failed: "history.filter.outcome.failed",
  unknown: "history.filter.outcome.unknown",
  "not-sent": "history.filter.outcome.notSent",
};

/**
 * A run that created nothing because every row was already in HubSpot is not a second success: say so.
 */
function historyStatus(item: HistoryEntry, t: ReturnType<typeof useT>): string {
  const created = item.counts.created ?? 0;
  const exists = item.counts.exists ?? 0;
  if (item.status === "done" && created === 0 && exists > 0) return t("history.status.nothingNew");
  if (item.status === "done" && created === 0) return t("history.status.nothingCreated");
  const status = STATUS[item.status];
  return status ? t(status) : item.status;
}

/** The filter lives in the query string (`?sentBy=…&outcome=…#history`): a reload or a shared link keeps it. */
function useUrlFilter(): [HistoryFilterState, (next: HistoryFilterState) => void] {
  const [filter, setFilter] = useState(() => readHistoryFilter(window.location.search));
  const update = (next: HistoryFilterState) => {
    setFilter(next);
    const { pathname, search, hash } = window.location;
    window.history.replaceState(null, "", `${pathname}${writeHistoryFilter(search, next)}${hash}`);
  };
  return [filter, update];
}

/**
 * The team's past submissions, from the server (so they survive this browser's storage being cleared and
 * can be reconciled from any browser), filtered by person, dates and outcome. Opening one shows its results.
 */
export function HistoryPage({ active = true }: { active?: boolean } = {}) {
  const store = useSubmissionStore();
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot);
  const t = useT();
  const [filter, setFilter] = useUrlFilter();
  const query = useMemo(() => historyQuery(filter), [filter]);
  const readOnly = useLacks("submitter");
  const history = useQuery({
    queryKey: ["submission-history", snapshot.historyVersion, query],
    queryFn: async () =>
      (await store.storage?.listHistory(query)) ?? {
        items: [],
        matched: 0,
        people: [],
        source: "browser" as const,
      },
    placeholderData: (previous) => previous,
    refetchInterval: (current) => historyPollMs(current.state.data, active),
    refetchOnWindowFocus: true,
  });
  const filtered = isFiltered(filter);
  const data = history.data;

  let body: ReactNode;
  const error = history.error;
  if (error instanceof ApiError && error.isSignedOut) {
    // Not an error to retry: the person signs in again and comes back to this History, filter and all.
    body = (
      <SignedOutAlert signInHref={signInUrl(error.headers, currentPlace()) ?? window.location.href}>
        {t("signedOut.read.body")}
      </SignedOutAlert>
    );
  } else if (history.isError) {
    body = (
      <Alert
        tone="danger"
        title={t("history.error")}
        action={
          <Button size="sm" onClick={() => void history.refetch()} busy={history.isFetching}>
            {t("history.retry")}
          </Button>
        }
      >
        {describeApiError(history.error, t)}
      </Alert>
    );
  } else if (!data) {
    body = <Spinner label={t("history.loading")} />;
  } else if (data.items.length === 0) {
    body = filtered ? (
      <EmptyState
        headingLevel={3}
        title={t("history.empty.filtered.title")}
        action={<Button onClick={() => setFilter(NO_FILTER)}>{t("history.filter.clear")}</Button>}
      >
        {t("history.empty.filtered.body")}
      </EmptyState>
    ) : (
      <EmptyState headingLevel={3} title={t("history.empty.title")}>
        {t("history.empty.body")}
      </EmptyState>
    );
  } else {
    body = (
      <>
        <p className="history__count" aria-live="polite">
          {data.matched > data.items.length
            ? t("history.count.newest", { shown: data.items.length, matched: data.matched })
            : t("history.count", { matched: data.matched })}
        </p>
        <HistoryTable items={data.items} currentId={snapshot.current?.id} running={snapshot.running} />
      </>
    );
  }

  return (
    <section className="history" aria-label={t("history.label")}>
      <h2 className="history__title">{t("history.title")}</h2>
      {readOnly ? <p className="history__hint">{t("history.readOnly")}</p> : null}
      <HistoryFilters filter={filter} people={data?.people ?? []} onChange={setFilter} />
      {data?.source === "browser" && store.storage ? (
        <Alert tone="warning" title={t("history.browserCopy.title")}>
          {t("history.browserCopy.body")}
        </Alert>
      ) : null}
      {body}
    </section>
  );
}

function HistoryFilters({
  filter,
  people,
  onChange,
}: {
  filter: HistoryFilterState;
  people: readonly Person[];
  onChange: (next: HistoryFilterState) => void;
}) {
  const t = useT();
  const me = useMe().data?.user;
  const id = useId();
  const set = (patch: Partial<HistoryFilterState>) => onChange({ ...filter, ...patch });
  // The chosen person stays offered even when the server no longer lists them (a hand-edited link).
  const choices =
    filter.sentBy && !people.some((person) => person.id === filter.sentBy)
      ? [...people, { id: filter.sentBy }]
      : people;
  const nameOf = (person: Person) => {
    const name = personName(person, t);
    return person.id === me?.id ? t("history.sentBy.you", { name }) : name;
  };
  return (
    <fieldset className="history__filters">
      <legend className="visually-hidden">{t("history.filter.label")}</legend>
      <label className="history__field" htmlFor={`${id}-by`}>
        <span>{t("history.filter.sentBy")}</span>
        <select id={`${id}-by`} value={filter.sentBy} onChange={(e) => set({ sentBy: e.target.value })}>
          <option value="">{t("history.filter.everyone")}</option>
          {choices.map((person) => (
            <option key={person.id} value={person.id}>
              {nameOf(person)}
            </option>
          ))}
        </select>
      </label>
      <label className="history__field" htmlFor={`${id}-from`}>
        <span>{t("history.filter.from")}</span>
        <input
          id={`${id}-from`}
          type="date"
          value={filter.from}
          max={filter.to || undefined}
          onChange={(e) => set({ from: e.target.value })}
        />
      </label>
      <label className="history__field" htmlFor={`${id}-to`}>
        <span>{t("history.filter.to")}</span>
        <input
          id={`${id}-to`}
          type="date"
          value={filter.to}
          min={filter.from || undefined}
          onChange={(e) => set({ to: e.target.value })}
        />
      </label>
      <label className="history__field" htmlFor={`${id}-outcome`}>
        <span>{t("history.filter.outcome")}</span>
        <select
          id={`${id}-outcome`}
          value={filter.outcome}
          onChange={(e) => {
            const value = OUTCOME_CHOICES.find((choice) => choice === e.target.value);
            set({ outcome: value ?? "" });
          }}
        >
          <option value="">{t("history.filter.anyOutcome")}</option>
          {OUTCOME_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {t(OUTCOME_LABEL[choice])}
            </option>
          ))}
        </select>
      </label>
      {isFiltered(filter) ? (
        <Button size="sm" variant="ghost" onClick={() => onChange(NO_FILTER)}>
          {t("history.filter.clear")}
        </Button>
      ) : null}
    </fieldset>
  );
}

function HistoryTable({
  items,
  currentId,
  running,
}: {
  items: readonly HistoryEntry[];
  currentId: string | undefined;
  running: boolean;
}) {
  const store = useSubmissionStore();
  const t = useT();
  const tRich = useTRich();
  const format = useFormat();
  const [failedToOpen, setFailedToOpen] = useState(false);
  const environmentOf = (item: HistoryEntry) => environmentName(item.environment, t);
  const open = async (id: string) => {
    const opened = await store.open(id);
    setFailedToOpen(!opened);
    if (opened) window.location.hash = "results";
  };
  return (
    <>
      {failedToOpen ? <Alert tone="danger">{t("history.openFailed")}</Alert> : null}
      <ScrollRegion className="history__wrap" label={t("history.tableRegion")}>
        <table className="history__table" aria-label={t("history.title")}>
          <thead>
            <tr>
              <th scope="col">{t("history.col.started")}</th>
              <th scope="col">{t("history.col.sentBy")}</th>
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
              const started = format.dateTime(item.startedAt ?? item.createdAt);
              return (
                <tr key={item.id} aria-current={currentId === item.id ? "true" : undefined}>
                  <td>{started}</td>
                  <td>{item.owner ? personName(item.owner, t) : t("history.sentBy.thisBrowser")}</td>
                  <td>{environmentOf(item)}</td>
                  <td>{historyStatus(item, t)}</td>
                  <td>{format.number(item.total)}</td>
                  <td>{format.number(item.counts.created ?? 0)}</td>
                  <td>{format.number(item.counts.exists ?? 0)}</td>
                  <td>{format.number(item.counts.failed ?? 0)}</td>
                  <td>{format.number(item.counts.unknown ?? 0)}</td>
                  <td>{format.number((item.counts["not-sent"] ?? 0) + (item.counts.canceled ?? 0))}</td>
                  <td>
                    <Button size="sm" disabled={running} onClick={() => void open(item.id)}>
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
      </ScrollRegion>
    </>
  );
}
