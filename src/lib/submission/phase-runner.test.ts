import { describe, expect, it } from "vitest";
import { createLine, createRow } from "../../domain/batch/row.ts";
import { incompleteQuotes, planQuotes, quoteSummaryOf } from "../../domain/submission/quote-phases.ts";
import { LINE_ITEM_UNIQUE_PROPERTY } from "../../hubspot/line-items.ts";
import { parseAuthEnv } from "../../server/auth/auth-config.ts";
import { createAuthLayer } from "../../server/auth/create-auth.ts";
import { Sessions } from "../../server/auth/sessions.ts";
import type { FaultSettings } from "../../simulator/simulator.ts";
import { seededCrm } from "../../simulator/test-kit.ts";
import { FakeClock } from "../../test/fake-clock.ts";
import { type ProxiedSimulatorOptions, proxiedSimulator } from "../../test/proxied-simulator.ts";
import { SubmissionStore } from "./submission-store.ts";

const LIMIT = 100;
const crm = seededCrm();
const DEAL = "assoc:deals:HUBSPOT_DEFINED:64";
const TEMPLATE = "assoc:quote_template:HUBSPOT_DEFINED:286";

/** The store's queue and phases → the real proxy (its per-token limiter) → the simulator, on one fake clock. */
function setup(
  faults: Partial<FaultSettings> = {},
  options: { limit?: number; front?: (clock: FakeClock) => ProxiedSimulatorOptions["front"] } = {},
) {
  const clock = new FakeClock();
  const limit = options.limit ?? LIMIT;
  const front = options.front?.(clock);
  const { simulator, runner, sent } = proxiedSimulator({ clock, limit, faults, ...(front ? { front } : {}) });
  const store = new SubmissionStore({ clock, newId: () => "sub" });
  return { clock, simulator, runner, store, sent, limit };
}

function rows(quotes: number, lines: number) {
  const products = crm.products;
  return Array.from({ length: quotes }, (_, q) =>
    createRow(
      {
        hs_title: `Q${q + 1}`,
        hs_expiration_date: "2026-12-31",
        hs_status: "DRAFT",
        [DEAL]: crm.deals[q % 5]!.id,
        [TEMPLATE]: crm.quote_template[0]!.id,
      },
      `r${q + 1}`,
      Array.from({ length: lines }, (_, l) =>
        createLine(
          { hs_product_id: products[(q + l) % products.length]!.id, quantity: String(l + 1) },
          `r${q + 1}-l${l + 1}`,
        ),
      ),
    ),
  );
}

async function submit(env: ReturnType<typeof setup>, quotes: number, lines: number, publish: boolean) {
  const batch = rows(quotes, lines);
  const phases = planQuotes(batch, { publish, system: "legacy", lineKey: LINE_ITEM_UNIQUE_PROPERTY });
  return env.clock.run(
    env.store.start(
      {
        environment: { kind: "simulator" },
        rateLimit: { max: env.limit, intervalMs: 10_000 },
        rows: batch.map((row, i) => ({ row, rowNumber: i + 1 })),
        serialise: { stamp: { propertyName: "batch_row_key", valueFor: (row) => row.id } },
        phases,
      },
      env.runner,
    ),
  );
}

const SESSION_SECRET = "phase-runner-test-session-secret-0123456789";

/**
 * The server's real sign-in guard in front of the proxy, with sessions of `seconds` on the test's clock:
 * `signIn()` is the browser coming back from the identity provider with a fresh session cookie.
 */
function signedInFront(seconds: number) {
  let cookie = "";
  let csrf = "";
  let refused = 0;
  let now = () => 0;
  const front =
    (clock: FakeClock): ProxiedSimulatorOptions["front"] =>
    (proxy) => {
      const parsed = parseAuthEnv(
        {
          AUTH_MODE: "oidc",
          OIDC_ISSUER_URL: "http://127.0.0.1:9",
          OIDC_CLIENT_ID: "c",
          OIDC_CLIENT_SECRET: "s",
          PUBLIC_URL: "http://127.0.0.1",
          SESSION_SECRET,
          SESSION_MAX_AGE_SECONDS: String(seconds),
          SUBMITTER_EMAILS: "sam@example.com",
          ADMIN_EMAILS: "sam@example.com",
        },
        "127.0.0.1",
      );
      if (!parsed.ok) throw new Error(parsed.problems.join("\n"));
      now = () => clock.now();
      const layer = createAuthLayer({ auth: parsed.auth, proxy, now });
      return async (request) => {
        const headers = new Headers(request.headers);
        headers.set("cookie", cookie);
        headers.set("x-qbc-csrf", csrf);
        const response = await layer.api(new Request(request, { headers }));
        if (response.status === 401) refused += 1;
        return response;
      };
    };
  /** The guard checks the expiry signed into the cookie: a later sign-in may last longer. */
  const signIn = (maxAgeSeconds = seconds) => {
    const sessions = new Sessions({ secret: SESSION_SECRET, maxAgeSeconds, secure: false, now });
    const [session = "", token = ""] = sessions
      .start({ email: "sam@example.com" })
      .map((header) => header.split(";")[0]!);
    cookie = session;
    csrf = token.slice(token.indexOf("=") + 1);
  };
  return { front, signIn, refused: () => refused };
}

describe("complete quotes through the proxy and the simulator", () => {
  it("a sign-in that ends mid-run pauses it; signed in again, resuming sends the rest and nothing twice", async () => {
    // 5 requests per 10 s and a 10 s session: the quotes (3 requests) and 5 of the 6 line-item requests reach
    // the server in the first window (the proxy's limiter holds two of them); the sixth comes after the end.
    const auth = signedInFront(10);
    const env = setup({}, { limit: 5, front: auth.front });
    auth.signIn();
    let state = await submit(env, 300, 2, true);
    expect(state.status).toBe("stopped");
    expect(state.stopReason).toMatchObject({ kind: "signed-out", signIn: "/auth/login" });
    expect(env.simulator.createdQuotes()).toHaveLength(300);
    expect(env.simulator.createdLineItems()).toHaveLength(500);
    // The refused line-item request is "not sent", and no other phase was tried after the stop.
    const refused = state.requests.filter((r) => r.httpStatus === 401);
    expect(refused.map((r) => [r.kind, r.phase])).toEqual([["lines", "not-sent"]]);
    expect(auth.refused()).toBe(1);
    expect(incompleteQuotes(state)).toHaveLength(300);
    expect(state.rows.every((row) => row.outcome === "created")).toBe(true);

    auth.signIn(3_600);
    const rowsById = new Map(rows(300, 2).map((row) => [row.id, row]));
    state = await env.clock.run(env.store.resend([], rowsById, {}, env.runner));
    expect(state.status).toBe("done");
    expect(state.stopReason).toBeUndefined();
    const items = env.simulator.createdLineItems();
    expect(items).toHaveLength(600);
    expect(new Set(items.map((item) => item.properties[LINE_ITEM_UNIQUE_PROPERTY])).size).toBe(600);
    expect(env.simulator.createdQuotes()).toHaveLength(300);
    expect(incompleteQuotes(state)).toEqual([]);
    expect(state.phases!.progress.every((p) => p.publish.state === "done")).toBe(true);
  });

  it("a sign-in that ends during the quotes leaves the rest not sent, and resuming sends only those", async () => {
    const auth = signedInFront(10);
    const env = setup({}, { limit: 5, front: auth.front });
    auth.signIn();
    let state = await submit(env, 700, 0, false);
    expect(state.stopReason?.kind).toBe("signed-out");
    expect(state.rows.filter((row) => row.outcome === "created")).toHaveLength(500);
    expect(state.rows.filter((row) => row.outcome === "not-sent")).toHaveLength(200);
    expect(state.rows.find((row) => row.outcome === "not-sent")?.error?.category).toBe("SIGNED_OUT");

    auth.signIn(3_600);
    const batch = rows(700, 0);
    const notSent = state.rows.filter((row) => row.outcome === "not-sent").map((row) => row.rowId);
    state = await env.clock.run(
      env.store.resend(
        notSent,
        new Map(batch.map((row) => [row.id, row])),
        { stamp: { propertyName: "batch_row_key", valueFor: (row) => row.id } },
        env.runner,
      ),
    );
    expect(state.status).toBe("done");
    expect(state.rows.every((row) => row.outcome === "created")).toBe(true);
    const quotes = env.simulator.createdQuotes();
    expect(quotes).toHaveLength(700);
    expect(new Set(quotes.map((q) => q.properties.batch_row_key)).size).toBe(700);
  });

  it("creates each quote, then its own line items (68), publishes, and reads back amount, link and number", async () => {
    const env = setup();
    const state = await submit(env, 120, 3, true);
    expect(state.status).toBe("done");
    expect(state.rows.every((row) => row.outcome === "created")).toBe(true);
    const quotes = env.simulator.createdQuotes();
    const items = env.simulator.createdLineItems();
    expect(quotes).toHaveLength(120);
    expect(items).toHaveLength(360);
    for (const p of state.phases!.progress) {
      const summary = quoteSummaryOf(p);
      expect(summary).toMatchObject({ outcome: "created", linesDone: 3, linesTotal: 3, published: true });
      expect(Number(p.readBack.amount)).toBeGreaterThan(0);
      expect(p.readBack.quoteLink).toMatch(/^https?:\/\//);
      expect(p.readBack.quoteNumber).toBeTruthy();
    }
    // Quotes 2 requests, lines 4, publish 2, read back 2: each phase in batches of ≤ 100.
    const kinds = state.requests.map((r) => r.kind ?? "quotes");
    expect(kinds.filter((k) => k === "quotes")).toHaveLength(2);
    expect(kinds.filter((k) => k === "lines")).toHaveLength(4);
    expect(kinds.filter((k) => k === "publish")).toHaveLength(2);
    expect(kinds.filter((k) => k === "read-back")).toHaveLength(2);
    expect(incompleteQuotes(state)).toEqual([]);
  });

  it("without publishing, quotes stay drafts and still read back their amount", async () => {
    const env = setup();
    const state = await submit(env, 3, 2, false);
    for (const p of state.phases!.progress) {
      expect(p.publish.state).toBe("skipped");
      expect(p.readBack.status).toBe("DRAFT");
      expect(Number(p.readBack.amount)).toBeGreaterThan(0);
    }
  });

  it("with 30% of every write answered 502 or dropped after apply: no duplicate, no orphan, every quote complete after reconcile", async () => {
    const env = setup({ failAfterApplyRate: 0.15, dropAfterApplyRate: 0.15 });
    let state = await submit(env, 200, 4, true);
    // Quotes whose create answer was lost are reconciled by key, then their lines are read back and finished.
    for (let round = 0; round < 5 && state.rows.some((row) => row.outcome === "unknown"); round++) {
      await env.clock.run(env.store.reconcile(new Map(rows(200, 4).map((r) => [r.id, r])), {}, env.runner));
      state = env.store.getSnapshot().current!;
    }
    for (let round = 0; round < 5 && incompleteQuotes(state).length > 0; round++)
      state = await env.clock.run(env.store.finishIncomplete(env.runner));
    const quotes = env.simulator.createdQuotes();
    const items = env.simulator.createdLineItems();
    const keys = items.map((item) => item.properties[LINE_ITEM_UNIQUE_PROPERTY]);
    expect(new Set(quotes.map((q) => q.properties.batch_row_key)).size).toBe(quotes.length);
    expect(quotes).toHaveLength(200);
    expect(new Set(keys).size).toBe(items.length);
    expect(items).toHaveLength(800);
    const quoteIds = new Set(quotes.map((q) => q.id));
    expect(items.every((item) => item.parent?.type === "quotes" && quoteIds.has(item.parent.id))).toBe(true);
    expect(state.rows.every((row) => row.outcome === "created")).toBe(true);
    expect(incompleteQuotes(state)).toEqual([]);
    // The faults did strike line-item creates, and what they left unknown was read back, not resent blindly.
    expect(state.requests.some((r) => r.kind === "lines" && r.phase === "unknown")).toBe(true);
    expect(state.requests.some((r) => r.kind === "reconcile-lines")).toBe(true);
  });

  it("answers lost after apply are looked up by key when the run ends, without anyone pressing Reconcile", async () => {
    const env = setup({ failAfterApplyRate: 0.2 });
    const state = await submit(env, 300, 1, false);
    expect(state.status).toBe("done");
    expect(state.rows.every((row) => row.outcome === "created")).toBe(true);
    const quotes = env.simulator.createdQuotes();
    expect(quotes).toHaveLength(300);
    expect(new Set(quotes.map((q) => q.properties.batch_row_key)).size).toBe(300);
    expect(incompleteQuotes(state)).toEqual([]);
    // The faults did leave quote creates unknown: the reads found them, and nothing was created twice.
    expect(state.requests.some((r) => (r.kind ?? "quotes") === "quotes" && r.phase === "unknown")).toBe(true);
    expect(env.store.getSnapshot().settling).toBe(false);
  });

  it("a sign-in that ends during undo pauses it; signed in again, the same undo archives the rest", async () => {
    const auth = signedInFront(3_600);
    const env = setup({}, { limit: 5, front: auth.front });
    auth.signIn();
    await submit(env, 1_400, 0, false);
    // A fresh 10 s session and 5 requests per 10 s: 14 archives take more than one window, so the last ones
    // reach the server after the session ended.
    auth.signIn(10);
    let state = await env.clock.run(env.store.undo(env.runner, "sam@example.com"));
    expect(state.undo).toMatchObject({ quotes: 1_400, failed: 0, paused: { signIn: "/auth/login" } });
    expect(state.undo?.finishedAt).toBeUndefined();
    const archivedFirst = state.undo?.archived ?? 0;
    expect(archivedFirst).toBeGreaterThan(0);
    expect(archivedFirst).toBeLessThan(1_400);
    expect(state.rows.filter((row) => row.archived === true)).toHaveLength(archivedFirst);
    const refused = state.requests.filter((r) => r.kind === "archive" && r.httpStatus === 401);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((r) => r.phase === "not-sent")).toBe(true);
    const startedAt = state.undo?.startedAt;

    auth.signIn(3_600);
    state = await env.clock.run(env.store.undo(env.runner, "sam@example.com"));
    expect(state.undo).toMatchObject({ quotes: 1_400, archived: 1_400, failed: 0, startedAt });
    expect(state.undo?.paused).toBeUndefined();
    expect(state.undo?.finishedAt).toBeDefined();
    expect(env.simulator.createdQuotes().every((quote) => quote.archivedAt !== undefined)).toBe(true);
    // Only what was left was asked for: 14 archives answered in all, none twice.
    const archives = state.requests.filter((r) => r.kind === "archive" && r.phase === "complete");
    expect(archives).toHaveLength(14);
  });

  it("undo archives the quotes this submission created, and their line items go with them", async () => {
    const env = setup();
    await submit(env, 150, 2, false);
    // Archive answers lost after apply are asked again: archiving twice is harmless.
    env.simulator.setFaults({ failAfterApplyRate: 0.3 });
    const state = await env.clock.run(env.store.undo(env.runner, "sam@example.com"));
    expect(state.undo).toMatchObject({
      by: "sam@example.com",
      quotes: 150,
      lineItems: 300,
      archived: 150,
      failed: 0,
    });
    expect(state.undo?.finishedAt).toBeDefined();
    expect(state.rows.every((row) => row.archived === true)).toBe(true);
    expect(env.simulator.createdQuotes().every((quote) => quote.archivedAt !== undefined)).toBe(true);
    expect(env.simulator.createdLineItems().every((item) => item.archived)).toBe(true);
    expect(state.requests.filter((r) => r.kind === "archive")).toHaveLength(2);
  });
});
