// @vitest-environment jsdom
import "fake-indexeddb/auto";
import { createStore } from "idb-keyval";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { SubmissionState } from "../../domain/submission/types.ts";
import { setupMockApi } from "../../mocks/node.ts";
import { TeamSubmissionStorage } from "./team-submissions.ts";

const api = setupMockApi();
let count = 0;
const fresh = () => new TeamSubmissionStorage(createStore(`team-submissions-${++count}`, "submissions"));

const state: SubmissionState = {
  id: "sub-1",
  createdAt: Date.UTC(2026, 11, 1),
  environment: { kind: "simulator" },
  rateLimit: { max: 100, intervalMs: 10_000 },
  status: "done",
  rows: [{ rowId: "r1", rowNumber: 1, title: "Q1", outcome: "created", hubspotId: "9" }],
  requests: [],
  skipped: [],
};
const meta = {
  id: "sub-1",
  createdAt: state.createdAt,
  status: "done",
  environment: "Simulator",
  counts: { created: 1 },
  total: 1,
};

describe("TeamSubmissionStorage", () => {
  it("records every save on the server too, and re-opens a submission from there when this browser lost it", async () => {
    const server = new Map<string, unknown>();
    api.server.use(
      http.put("*/api/submissions/:id", async ({ request, params }) => {
        server.set(String(params.id), z.object({ state: z.unknown() }).parse(await request.json()).state);
        return HttpResponse.json({ saved: true });
      }),
      http.get("*/api/submissions/:id", ({ params }) =>
        server.has(String(params.id))
          ? HttpResponse.json({ state: server.get(String(params.id)) })
          : HttpResponse.json({ message: "no" }, { status: 404 }),
      ),
    );
    await fresh().save(state, meta);
    expect(server.get("sub-1")).toEqual(state);
    // Another browser (an empty IndexedDB) opens it from the team's history.
    expect(await fresh().load("sub-1")).toEqual(state);
  });

  it("lists the team's history with who sent each, and this browser's when the server is unreachable", async () => {
    let query = "";
    const team = {
      id: "sub-9",
      owner: { id: "ana@example.com", name: "Ana" },
      createdAt: 5,
      status: "done",
      environment: { kind: "hubspot", portalId: 123 },
      total: 2,
      counts: { created: 2 },
    };
    api.server.use(
      http.get("*/api/submissions", ({ request }) => {
        query = new URL(request.url).search;
        return HttpResponse.json({ submissions: [team], matched: 7, people: [team.owner] });
      }),
    );
    const storage = fresh();
    expect(
      await storage.listHistory({
        outcomes: ["not-sent", "canceled"],
        user: "ana@example.com",
        from: 1,
        to: 9,
      }),
    ).toEqual({ source: "team", items: [team], matched: 7, people: [team.owner] });
    expect(new URLSearchParams(query).get("outcome")).toBe("not-sent,canceled");
    expect(new URLSearchParams(query).get("user")).toBe("ana@example.com");
    expect(new URLSearchParams(query).get("from")).toBe("1");

    api.server.use(
      http.get("*/api/submissions", () => HttpResponse.error()),
      http.put("*/api/submissions/:id", () => HttpResponse.error()),
    );
    await storage.save(state, meta);
    expect(await storage.listHistory()).toMatchObject({
      source: "browser",
      items: [{ id: "sub-1" }],
      matched: 1,
    });
    // Filtered here as the server would: no failed rows, nobody else's.
    expect((await storage.listHistory({ outcomes: ["failed"] })).items).toEqual([]);
    expect((await storage.listHistory({ user: "ana@example.com" })).items).toEqual([]);
  });

  it("shows a refusal instead of this browser's copy (signed out is not offline)", async () => {
    api.server.use(
      http.get("*/api/submissions", () =>
        HttpResponse.json({ category: "UNAUTHENTICATED", message: "Sign in." }, { status: 401 }),
      ),
    );
    await expect(fresh().listHistory()).rejects.toMatchObject({ status: 401 });
  });
});
