import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { connect } from "node:net";
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
function start(
  env: Record<string, string>,
  until: RegExp,
): Promise<{ output: string; code: number | null; outputNow: () => string }> {
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
      if (until.test(output)) resolve({ output, code: null, outputNow: () => output });
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code) => resolve({ output, code, outputNow: () => output }));
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

  it("behind a reverse proxy on this computer, answers the name in PUBLIC_URL that the proxy passes on", async () => {
    const { output } = await start(
      {
        PORT: "0",
        HOST: "127.0.0.1",
        AUTH_MODE: "proxy-header",
        AUTH_TRUSTED_PROXIES: "127.0.0.1",
        PUBLIC_URL: "https://quotes.example.com",
        SUBMITTER_EMAILS: "ana@example.com",
      },
      /http:\/\/127\.0\.0\.1:(\d+)/,
    );
    const port = Number(/http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1]);
    // As oauth2-proxy sends it (fetch cannot set Host): the name people opened, and who signed in.
    const get = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const request = httpRequest(
          {
            host: "127.0.0.1",
            port,
            path: "/api/hubspot/crm/v3/properties/quotes",
            headers: { host, "x-forwarded-email": "ana@example.com" },
          },
          (response) => {
            response.resume();
            resolve(response.statusCode ?? 0);
          },
        );
        request.on("error", reject);
        request.end();
      });
    expect(await get("quotes.example.com")).toBe(200);
    expect(await get(`127.0.0.1:${port}`)).toBe(200);
    // A DNS-rebinding page's own name is still refused.
    expect(await get("rebind.attacker.example")).toBe(403);
  }, 60_000);

  it("does not log a client that hangs up halfway through its request body as a proxy failure", async () => {
    const { output, outputNow } = await start(
      { PORT: "0", HOST: "127.0.0.1" },
      /http:\/\/127\.0\.0\.1:(\d+)/,
    );
    const port = Number(/http:\/\/127\.0\.0\.1:(\d+)/.exec(output)?.[1]);
    const socket = connect(port, "127.0.0.1");
    await new Promise<void>((resolve) => socket.once("connect", () => resolve()));
    socket.write(
      `POST /api/hubspot/crm/v3/objects/deals/search HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
        'content-type: application/json\r\ncontent-length: 1000\r\n\r\n{"filterGroups":',
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    socket.destroy();
    // The server is still there, and answered the next request; nothing was logged about the one that left.
    await expect.poll(async () => (await fetch(`http://127.0.0.1:${port}/api/health`)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(outputNow()).not.toMatch(/\[proxy\]|error/i);
  }, 60_000);
});
