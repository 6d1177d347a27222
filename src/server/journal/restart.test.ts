import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

/**
 * The real server, killed with SIGKILL while a create is on its way to the (slow) simulator, then started
 * again on the same DATA_DIR: the journal keeps what was answered, and says the in-flight request was sent
 * with an unknown outcome.
 */
const dataDir = mkdtempSync(join(tmpdir(), "qbc-journal-"));
const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
  rmSync(dataDir, { recursive: true, force: true });
});

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

async function startServer(
  port: number,
  latencyMs: number,
): Promise<{ child: ChildProcess; banner: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, SIMULATOR_LATENCY_MS: String(latencyMs) },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let banner = "";
  await new Promise<void>((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      banner += chunk.toString();
      if (banner.includes("Journal:")) resolve();
    });
    child.once("exit", (code) => reject(new Error(`server exited (${code}): ${banner}`)));
  });
  return { child, banner };
}

const quote = (traceId: string) => ({
  properties: { hs_title: traceId, hs_expiration_date: "2030-01-31" },
  associations: [],
  objectWriteTraceId: traceId,
});

function create(port: number, submissionId: string, requestId: string, traceId: string) {
  return fetch(`http://127.0.0.1:${port}/api/hubspot/crm/v3/objects/quotes/batch/create`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "x-qbc-submission-id": submissionId,
      "x-qbc-request-id": requestId,
    },
    body: JSON.stringify({ inputs: [quote(traceId)] }),
  });
}

async function journal(port: number, submissionId: string) {
  const response = await fetch(`http://127.0.0.1:${port}/api/journal?submissionId=${submissionId}`);
  const body: unknown = await response.json();
  return typeof body === "object" && body !== null && "entries" in body && Array.isArray(body.entries)
    ? body.entries
    : [];
}

describe("the journal across a restart", () => {
  it("keeps answered writes and marks the one in flight at a SIGKILL as sent, outcome unknown", async () => {
    const port = await freePort();
    const first = await startServer(port, 1_500);
    expect(first.banner).toContain(`embedded, in ${dataDir}`);

    expect((await create(port, "sub-k", "sub-k-r1", "row-1")).status).toBe(201);
    const inFlight = create(port, "sub-k", "sub-k-r2", "row-2").catch(() => undefined);
    await expect.poll(async () => (await journal(port, "sub-k")).length, { timeout: 10_000 }).toBe(2);
    first.child.kill("SIGKILL");
    await inFlight;

    const second = await startServer(port, 0);
    expect(second.banner).toContain("1 request(s) were on their way to HubSpot when the server last stopped");
    const entries = await journal(port, "sub-k");
    expect(entries).toMatchObject([
      {
        requestId: "sub-k-r2",
        state: "unknown",
        traceIds: ["row-2"],
        note: expect.stringContaining("outcome is unknown"),
      },
      { requestId: "sub-k-r1", state: "answered", answer: { status: 201, created: [{ traceId: "row-1" }] } },
    ]);
    second.child.kill("SIGTERM");
  }, 120_000);
});
