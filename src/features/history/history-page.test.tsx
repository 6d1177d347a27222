// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import "fake-indexeddb/auto";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createStore } from "idb-keyval";
import { HttpResponse, http } from "msw";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LanguageProvider } from "../../i18n/language-provider.tsx";
import { AppServicesProvider } from "../../lib/services/app-services-context.tsx";
import { TeamSubmissionStorage } from "../../lib/storage/team-submissions.ts";
import { SubmissionStore } from "../../lib/submission/submission-store.ts";
import { setupMockApi } from "../../mocks/node.ts";
import { testServices } from "../../test/app-services.tsx";
import { HistoryPage } from "./history-page.tsx";

const api = setupMockApi();
afterEach(cleanup);
beforeEach(() => window.history.replaceState(null, "", "/#history"));

const sam = { id: "sam@example.com", name: "Sam Submitter" };
const ada = { id: "ada@example.com", name: "Ada Admin" };
const item = (id: string, owner: typeof sam, createdAt: number, counts: Record<string, number>) => ({
  id,
  owner,
  createdAt,
  status: "done",
  environment: { kind: "simulator" },
  total: Object.values(counts).reduce((a, b) => a + b, 0),
  counts,
});
const ALL = [
  item("s2", ada, Date.UTC(2026, 10, 20, 3), { created: 3, unknown: 2 }),
  item("s1", sam, Date.UTC(2026, 10, 3, 3), { created: 5 }),
];

/** The server's list, filtered as the server does; records every query it was asked. */
function teamServer(me: { id: string; name: string; role: string }) {
  const queries: URLSearchParams[] = [];
  api.server.use(
    http.get("*/api/me", () => HttpResponse.json({ user: me, auth: "oidc", canSignOut: true })),
    http.get("*/api/submissions", ({ request }) => {
      const query = new URL(request.url).searchParams;
      queries.push(query);
      const outcomes = query.get("outcome")?.split(",") ?? [];
      const submissions = ALL.filter(
        (s) =>
          (!query.get("user") || s.owner.id === query.get("user")) &&
          (outcomes.length === 0 || outcomes.some((o) => (s.counts[o as keyof typeof s.counts] ?? 0) > 0)),
      );
      return HttpResponse.json({ submissions, matched: submissions.length, people: [ada, sam] });
    }),
  );
  return queries;
}

let stores = 0;
function renderHistory() {
  const store = new SubmissionStore({
    storage: new TeamSubmissionStorage(createStore(`history-page-${++stores}`, "submissions")),
  });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <LanguageProvider initialLanguage="en" browserLocales={["en"]} timeZone="UTC">
      <QueryClientProvider client={queryClient}>
        <AppServicesProvider services={testServices({ submissionStore: store })}>
          <HistoryPage />
        </AppServicesProvider>
      </QueryClientProvider>
    </LanguageProvider>,
  );
}

describe("HistoryPage", () => {
  it("lists the team's submissions with who sent each, and counts them", async () => {
    teamServer({ ...ada, role: "admin" });
    renderHistory();
    const table = await screen.findByRole("table", { name: "Past submissions" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("Ada Admin");
    expect(rows[1]).toHaveTextContent("Sam Submitter");
    expect(screen.getByText("2 submissions")).toBeInTheDocument();
    expect(screen.queryByText(/Reconciling and sending again need/)).not.toBeInTheDocument();
    // The signed-in person is marked in the "Sent by" choices.
    expect(screen.getByRole("option", { name: "Ada Admin (you)" })).toBeInTheDocument();
  });

  it("filters by person and outcome, remembers the filter in the URL, and says when nothing matches", async () => {
    const queries = teamServer({ ...sam, role: "submitter" });
    renderHistory();
    const user = userEvent.setup();
    await screen.findByRole("table", { name: "Past submissions" });
    await user.selectOptions(screen.getByRole("combobox", { name: "Sent by" }), "sam@example.com");
    expect(await screen.findByText("1 submission")).toBeInTheDocument();
    expect(new URLSearchParams(window.location.search).get("sentBy")).toBe("sam@example.com");
    expect(window.location.hash).toBe("#history");

    await user.selectOptions(screen.getByRole("combobox", { name: "Outcome" }), "With unknown outcomes");
    expect(await screen.findByRole("heading", { name: "No submissions match these filters" })).toBeVisible();
    expect(queries.at(-1)?.get("outcome")).toBe("unknown");
    expect(window.location.search).toBe("?sentBy=sam%40example.com&outcome=unknown");

    await user.click(screen.getAllByRole("button", { name: "Clear filters" })[0]!);
    expect(await screen.findByText("2 submissions")).toBeInTheDocument();
    expect(window.location.search).toBe("");
  });

  it("opens with the filter of the link it was opened from, dates as whole local days", async () => {
    window.history.replaceState(null, "", "/?from=2026-11-10&to=2026-11-20&outcome=not-sent#history");
    const queries = teamServer({ ...sam, role: "submitter" });
    renderHistory();
    await screen.findByRole("heading", { name: "No submissions match these filters" });
    expect(screen.getByLabelText("From")).toHaveValue("2026-11-10");
    expect(queries[0]?.get("from")).toBe(String(new Date(2026, 10, 10).getTime()));
    expect(queries[0]?.get("to")).toBe(String(new Date(2026, 10, 21).getTime()));
    expect(queries[0]?.get("outcome")).toBe("not-sent,canceled");
  });

  it("tells a viewer the history is read-only; an empty team history says what will appear", async () => {
    api.server.use(
      http.get("*/api/me", () =>
        HttpResponse.json({
          user: { id: "vic@example.com", role: "viewer" },
          auth: "oidc",
          canSignOut: true,
        }),
      ),
      http.get("*/api/submissions", () => HttpResponse.json({ submissions: [], matched: 0, people: [] })),
    );
    renderHistory();
    expect(await screen.findByRole("heading", { name: "No past submissions" })).toBeVisible();
    expect(await screen.findByText(/Reconciling and sending again need the submitter role/)).toBeVisible();
  });

  it("shows this browser's copy, and says so, when the server cannot be reached", async () => {
    api.server.use(http.get("*/api/submissions", () => HttpResponse.error()));
    renderHistory();
    expect(await screen.findByText("Showing this browser's copy")).toBeVisible();
    expect(screen.getByRole("heading", { name: "No past submissions" })).toBeVisible();
  });

  it("a sign-in that ended is a signed-out state with a way back to this History, filter and all", async () => {
    window.history.replaceState(null, "", "/?sentBy=sam%40example.com#history");
    api.server.use(
      http.get("*/api/submissions", () =>
        HttpResponse.json(
          { status: "error", category: "UNAUTHENTICATED", message: "You are not signed in." },
          {
            status: 401,
            headers: { "x-proxy-error": "unauthenticated", "x-qbc-sign-in": "/auth/login" },
          },
        ),
      ),
    );
    renderHistory();
    expect(await screen.findByText("You were signed out")).toBeVisible();
    expect(screen.getByText(/Your sign-in ended, so this could not be loaded/)).toBeVisible();
    expect(screen.getByRole("link", { name: "Sign in again" })).toHaveAttribute(
      "href",
      "/auth/login?returnTo=%2F%3FsentBy%3Dsam%2540example.com%23history",
    );
    expect(screen.queryByText("You are not signed in.")).not.toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Try again" })).not.toBeInTheDocument();
  });
});
