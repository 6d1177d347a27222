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
    api.server.use(
      http.get("*/api/submissions", ({ request }) =>
        HttpResponse.json({
          submissions: [
            {
              id: "sub-9",
              owner: { id: "ana@example.com", name: "Ana" },
              createdAt: 5,
              status: "done",
              environment: { kind: "hubspot", portalId: 123 },
              total: 2,
              counts: { created: 2 },
              query: new URL(request.url).search,
            },
          ],
        }),
      ),
    );
    const storage = fresh();
    const team = await storage.listTeam({ outcome: "created", user: "ana@example.com" });
    expect(team).toEqual({
      source: "team",
      items: [
        {
          id: "sub-9",
          createdAt: 5,
          status: "done",
          environment: "HubSpot portal 123",
          counts: { created: 2 },
          total: 2,
          owner: { id: "ana@example.com", name: "Ana" },
        },
      ],
    });
    api.server.use(
      http.get("*/api/submissions", () => HttpResponse.error()),
      http.put("*/api/submissions/:id", () => HttpResponse.error()),
    );
    await storage.save(state, meta);
    expect(await storage.listTeam()).toMatchObject({ source: "browser", items: [{ id: "sub-1" }] });
  });
});
