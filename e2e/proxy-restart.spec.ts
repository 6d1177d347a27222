import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { pasteText } from "./clipboard.ts";

/** A port nobody listens on now: the server must come back on the same one (the page's origin). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

/** `npm run serve` on `port` and `dataDir`, resolved with its start-up banner once it listens. */
function startServer(port: number, dataDir: string): Promise<{ child: ChildProcess; banner: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATA_DIR: dataDir,
      HUBSPOT_ACCESS_TOKEN: "",
      AUTH_MODE: "",
      SIMULATOR_LATENCY_MS: "0",
      SIMULATOR_CONTROL: "on",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let banner = "";
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      banner += chunk.toString();
      if (banner.includes("Sign-in:")) resolve({ child, banner });
    });
    child.once("exit", (code) => reject(new Error(`the server exited (${code}): ${banner}`)));
  });
}

test("a server killed while a create is on its way: after the restart the page offers to reconcile, and nothing is created twice", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const dataDir = mkdtempSync(join(tmpdir(), "qbc-e2e-restart-"));
  let server = await startServer(port, dataDir);
  try {
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto(`${base}/`);
    const grid = page.getByRole("grid", { name: "Quotes" });
    await expect(grid.getByRole("columnheader", { name: /^Deal/ }).first()).toBeVisible();
    await grid.focus();
    await pasteText(page, grid, "Killed one\t2031-01-01\r\nKilled two\t2031-01-02\r\n");
    // HubSpot (the simulator, inside the server) takes a minute: the create is on its way when the server dies.
    const slow = await page.request.post(`${base}/api/simulator/faults`, { data: { latencyMs: 60_000 } });
    expect(slow.status()).toBe(200);
    await page.getByRole("button", { name: "Submit batch" }).click();
    await page
      .getByRole("dialog", { name: "Submit batch" })
      .getByRole("button", { name: "Create 2 quotes" })
      .click();
    // The journal has it as sent (written before it went upstream); then the process is killed.
    await expect
      .poll(
        async () => (await (await page.request.get(`${base}/api/journal?state=sent`)).json()).entries.length,
      )
      .toBe(1);
    server.child.kill("SIGKILL");

    const progress = page.getByRole("region", { name: "Submission progress" });
    await expect(progress.getByText(/2\s*unknown/)).toBeVisible({ timeout: 30_000 });

    server = await startServer(port, dataDir);
    expect(server.banner).toContain("1 request(s) were on their way to HubSpot when the server last stopped");
    const unknown = await (await page.request.get(`${base}/api/journal?state=unknown`)).json();
    expect(unknown.entries).toHaveLength(1);

    await page.getByRole("tab", { name: "Results" }).click();
    await page.getByRole("button", { name: "Reconcile unknown rows (2)" }).click();
    await expect(
      page.getByText(/0 unknown rows were found in HubSpot and marked created; 2 not found were sent again/),
    ).toBeVisible({ timeout: 30_000 });
    const results = page.getByRole("table", { name: "Results" });
    await expect(results.getByRole("cell", { name: "created", exact: true })).toHaveCount(2);
    expect((await (await page.request.get(`${base}/api/simulator/quotes`)).json()).count).toBe(2);
  } finally {
    server.child.kill("SIGKILL");
  }
});
