import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const children: ChildProcess[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill("SIGKILL");
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** Starts `src/server/main.ts` as `npm run serve` does; resolves with its output once `until` matches or it exits. */
function start(env: Record<string, string>, until: RegExp): Promise<{ output: string; code: number | null }> {
  const dataDir = mkdtempSync(join(tmpdir(), "qbc-start-"));
  dirs.push(dataDir);
  const child = spawn(process.execPath, ["--import", "tsx", "src/server/main.ts"], {
    env: { ...process.env, HUBSPOT_ACCESS_TOKEN: "", AUTH_MODE: "", DATA_DIR: dataDir, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  return new Promise((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (until.test(output)) resolve({ output, code: null });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => resolve({ output, code }));
  });
}

describe("server start", () => {
  it("PORT=0 listens on a free port and answers there (the loopback Host check does not need the port)", async () => {
    const { output } = await start({ PORT: "0", HOST: "127.0.0.1" }, /http:\/\/127\.0\.0\.1:(\d+)/);
    const port = /http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1];
    expect(Number(port)).toBeGreaterThan(0);
    const health = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(health.status).toBe(200);
    expect(health.headers.get("cache-control")).toBe("no-store");
    expect(health.headers.get("x-content-type-options")).toBe("nosniff");
  }, 60_000);

  it("refuses to listen beyond loopback without sign-in, saying what to set", async () => {
    const { output, code } = await start({ PORT: "0", HOST: "0.0.0.0" }, /$^/);
    expect(code).toBe(1);
    expect(output).toContain("AUTH_MODE=oidc");
    expect(output).toContain("AUTH_MODE=proxy-header");
  }, 60_000);
});
