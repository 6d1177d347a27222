import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium } from "@playwright/test";
import { CHROMIUM_ARGS, findChromium } from "../../e2e/chromium.ts";

export interface RunningApp {
  url: string;
  stop: () => Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts the real Node server over `dist/` (build it first) with the simulator upstream. */
export async function startAppServer(env: Record<string, string> = {}): Promise<RunningApp> {
  const port = await freePort();
  // Node itself with tsx as a loader, not `npx tsx`: killing npx would leave the real server running.
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    env: {
      ...process.env,
      HUBSPOT_ACCESS_TOKEN: "",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATA_DIR: mkdtempSync(join(tmpdir(), "qbc-bench-")),
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  // The embedded journal takes a few seconds to open on a loaded machine.
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url,
    stop: async () => {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: findChromium(),
    args: [...CHROMIUM_ARGS, "--enable-precise-memory-info"],
  });
}

/** Percentile of a list of numbers (nearest rank). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** Every bench prints exactly this as its last stdout line. */
export interface BenchReport {
  name: string;
  figures: Record<string, unknown>;
  targets: Record<string, string>;
  pass: boolean;
}

export function printReport(report: BenchReport): void {
  process.stdout.write(`${JSON.stringify(report)}\n`);
}
