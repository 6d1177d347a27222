import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createNetServer, type Server as NetServer, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { NOT_FORWARDED_HEADER } from "../hubspot/endpoints.ts";
import { createProxy, type ProxyOptions } from "./proxy.ts";
import { PROXY_ERROR_HEADER } from "./proxy-http.ts";
import { asNetworkError, httpUpstream, UpstreamNetworkError } from "./upstream.ts";

/**
 * The proxy with its real HTTP client (`httpUpstream`, as `main.ts` reaches HubSpot) against real sockets on
 * loopback: what a misbehaving HubSpot, or the network, does to it.
 */
const TOKEN = "pat-na1-11111111-2222-3333-4444-555555555555";
const CREATE = "/api/hubspot/crm/v3/objects/quotes/batch/create";
const PROPERTIES = "/api/hubspot/crm/v3/properties/quotes";
const createBody = JSON.stringify({
  inputs: [{ properties: { hs_title: "Q1", hs_expiration_date: "2030-01-31" }, associations: [] }],
});

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function listen<T extends Server | NetServer>(server: T): Promise<{ server: T; base: string }> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const sockets = new Set<Socket>();
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  );
  return { server, base: `http://127.0.0.1:${port}` };
}

/** An upstream HTTP server; `seen` has every request it received, with its body. */
async function upstreamServer(
  handle: (request: IncomingMessage, response: ServerResponse, body: string) => void,
) {
  const seen: { method: string; url: string; headers: IncomingMessage["headers"]; body: string }[] = [];
  let connections = 0;
  const server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => {
      body += chunk;
    });
    request.on("end", () => {
      seen.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers, body });
      handle(request, response, body);
    });
  });
  server.on("connection", () => {
    connections++;
  });
  const { base } = await listen(server);
  return { base, seen, connections: () => connections, server };
}

/** A TCP server that does something rude with each connection. */
async function rawServer(onConnection: (socket: Socket) => void) {
  let connections = 0;
  const server = createNetServer((socket) => {
    connections++;
    onConnection(socket);
  });
  const { base } = await listen(server);
  return { base, connections: () => connections };
}

function proxyTo(base: string, extra: Partial<ProxyOptions> = {}) {
  const upstream = httpUpstream(base);
  closers.push(() => upstream.close());
  const logs: string[] = [];
  const proxy = createProxy({
    upstream,
    upstreamOrigin: base,
    upstreamName: "hubspot",
    token: TOKEN,
    perTenSeconds: 1_000,
    log: (line) => logs.push(line),
    ...extra,
  });
  const post = (path = CREATE, body = createBody) =>
    proxy(
      new Request(`http://127.0.0.1:4173${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      }),
    );
  const get = (path = PROPERTIES) => proxy(new Request(`http://127.0.0.1:4173${path}`));
  return { proxy, post, get, logs };
}

describe("the proxy over HTTP (undici's pooled client)", () => {
  it("forwards a create with the token and the parsed body, and passes the answer on filtered", async () => {
    const hubspot = await upstreamServer((_request, response) => {
      response.writeHead(201, "Created", {
        "content-type": "application/json",
        "x-hubspot-correlation-id": "corr-1",
        "x-proxy-not-forwarded": "1",
        "set-cookie": ["a=1", "b=2"],
        "x-echo": `Bearer ${TOKEN}`,
      });
      response.end(JSON.stringify({ status: "COMPLETE", results: [{ id: "1" }] }));
    });
    const { post } = proxyTo(hubspot.base);
    const response = await post();
    expect(response.status).toBe(201);
    expect(await response.clone().json()).toEqual({ status: "COMPLETE", results: [{ id: "1" }] });
    expect(response.headers.get("x-hubspot-correlation-id")).toBe("corr-1");
    for (const name of [NOT_FORWARDED_HEADER, "set-cookie", "x-echo", "content-length"])
      expect(response.headers.get(name), name).toBeNull();
    const sent = hubspot.seen[0];
    expect(sent?.method).toBe("POST");
    expect(sent?.url).toBe("/crm/v3/objects/quotes/batch/create");
    expect(sent?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(JSON.parse(sent?.body ?? "")).toEqual(JSON.parse(createBody));
  });

  it("keeps HUBSPOT_API_BASE's path and the query, and keeps connections alive for the next request", async () => {
    const hubspot = await upstreamServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      response.end("{}");
    });
    const { proxy } = proxyTo(`${hubspot.base}/hubspot-compatible`, {});
    for (let i = 0; i < 6; i++) {
      const response = await proxy(
        new Request("http://127.0.0.1:4173/api/hubspot/crm/v3/objects/quote_template?properties=hs_name"),
      );
      expect(response.status).toBe(200);
      await response.text();
    }
    expect(hubspot.seen.map((request) => request.url)).toEqual(
      Array(6).fill("/hubspot-compatible/crm/v3/objects/quote_template?properties=hs_name"),
    );
    // undici's pool may take a second socket while the first finishes its answer; never one per request.
    expect(hubspot.connections()).toBeLessThanOrEqual(2);
  });

  it("survives the upstream closing an idle keep-alive connection", async () => {
    const hubspot = await upstreamServer((_request, response) => {
      response.writeHead(201, { "content-type": "application/json" });
      response.end('{"results":[]}');
    });
    hubspot.server.keepAliveTimeout = 30;
    const { post } = proxyTo(hubspot.base);
    expect((await post()).status).toBe(201);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect((await post()).status).toBe(201);
    expect(hubspot.connections()).toBe(2);
  });

  it("does not follow a redirect: 502 'may have been applied', and the redirect's target gets nothing", async () => {
    const target = await upstreamServer((_request, response) => response.end("{}"));
    const hubspot = await upstreamServer((_request, response) => {
      response.writeHead(307, { location: `${target.base}/crm/v3/objects/quotes/batch/create` });
      response.end();
    });
    const { post } = proxyTo(hubspot.base);
    const response = await post();
    expect(response.status).toBe(502);
    expect(response.headers.get(NOT_FORWARDED_HEADER)).toBeNull();
    expect((await response.json()).category).toBe("UPSTREAM_REDIRECT");
    expect(hubspot.seen).toHaveLength(1);
    expect(target.seen).toHaveLength(0);
  });

  it("a refused connection is 502 'not sent, safe to send again'", async () => {
    const closed = await upstreamServer(() => undefined);
    const base = closed.base;
    await new Promise<void>((resolve) => closed.server.close(() => resolve()));
    const { post, logs } = proxyTo(base);
    const response = await post();
    expect(response.status).toBe(502);
    expect(response.headers.get(PROXY_ERROR_HEADER)).toBe("upstream-unreachable");
    expect(response.headers.get(NOT_FORWARDED_HEADER)).toBe("1");
    expect((await response.json()).message).toMatch(/was not sent; it is safe to send again/);
    expect(logs.join("\n")).toContain("ECONNREFUSED");
  });

  it("a connection reset before the request was read is 'may have been applied', sent once", async () => {
    const rude = await rawServer((socket) => socket.resetAndDestroy());
    const { post } = proxyTo(rude.base);
    const response = await post();
    expect(response.status).toBe(502);
    expect(response.headers.get(NOT_FORWARDED_HEADER)).toBeNull();
    expect((await response.json()).message).toMatch(/may or may not have been applied/);
    // A POST is never retried by the client on its own: a retry could create the quotes twice.
    expect(rude.connections()).toBe(1);
  });

  it("a connection reset after the whole request arrived is 'may have been applied'", async () => {
    let received = "";
    const rude = await rawServer((socket) => {
      socket.setEncoding("utf8");
      socket.on("data", (chunk: string) => {
        received += chunk;
        if (received.endsWith(createBody)) socket.resetAndDestroy();
      });
    });
    const { post } = proxyTo(rude.base);
    const response = await post();
    expect(received).toContain(createBody);
    expect(response.status).toBe(502);
    expect(response.headers.get(NOT_FORWARDED_HEADER)).toBeNull();
    expect((await response.json()).message).toMatch(/may or may not have been applied/);
    expect(rude.connections()).toBe(1);
  });

  it("a connection dropped halfway through the answer is 'may have been applied'", async () => {
    const rude = await rawServer((socket) => {
      socket.once("data", () => {
        socket.write(
          'HTTP/1.1 201 Created\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{"results":',
        );
        setTimeout(() => socket.resetAndDestroy(), 20);
      });
    });
    const { post } = proxyTo(rude.base);
    const response = await post();
    expect(response.status).toBe(502);
    expect(response.headers.get(NOT_FORWARDED_HEADER)).toBeNull();
    expect((await response.json()).message).toMatch(/may or may not have been applied/);
  });

  it("caps the size of an answer, declared or streamed, and stops reading it", async () => {
    const big = "x".repeat(64 * 1024);
    const declared = await upstreamServer((_request, response) => {
      response.writeHead(200, { "content-length": String(big.length) });
      response.end(big);
    });
    const streamed = await upstreamServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      // Chunked, no length: only counting the bytes finds it.
      const timer = setInterval(() => response.write(big), 5);
      response.on("close", () => clearInterval(timer));
    });
    for (const base of [declared.base, streamed.base]) {
      const { get } = proxyTo(base, { maxResponseBytes: 16 * 1024 });
      const response = await get();
      expect(response.status).toBe(502);
      expect((await response.json()).category).toBe("UPSTREAM_TOO_LARGE");
    }
  });

  it("times out an upstream that never answers, or stalls mid-answer, and hangs up on it", async () => {
    let hungUp = 0;
    const silent = await upstreamServer((request) => {
      request.socket.on("close", () => hungUp++);
    });
    const stalling = await upstreamServer((request, response) => {
      request.socket.on("close", () => hungUp++);
      response.writeHead(200, { "content-type": "application/json" });
      response.write('{"results":[');
    });
    for (const base of [silent.base, stalling.base]) {
      const { post } = proxyTo(base, { timeoutMs: 150 });
      const response = await post();
      expect(response.status).toBe(504);
      expect((await response.json()).message).toMatch(/may or may not have been applied/);
    }
    await expect.poll(() => hungUp).toBe(2);
  });
});

describe("asNetworkError", () => {
  const coded = (code: string, message = code) => Object.assign(new Error(message), { code });

  it("is never-sent only when no connection was made", () => {
    for (const code of ["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT"])
      expect(asNetworkError(coded(code))?.neverSent, code).toBe(true);
    for (const code of ["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_RES_CONTENT_LENGTH_MISMATCH"])
      expect(asNetworkError(coded(code))?.neverSent, code).toBe(false);
  });

  it("reads fetch's TypeError the same way, with the socket's code on `cause`", () => {
    const refused = new TypeError("fetch failed", { cause: coded("ECONNREFUSED") });
    expect(asNetworkError(refused)).toMatchObject({
      neverSent: true,
      message: "fetch failed (ECONNREFUSED)",
    });
    expect(asNetworkError(new TypeError("terminated"))?.neverSent).toBe(false);
  });

  it("leaves a bug a bug (a 500, not 'HubSpot could not be reached')", () => {
    expect(asNetworkError(new TypeError("Cannot read properties of undefined"))).toBeUndefined();
    expect(asNetworkError(new Error("no code"))).toBeUndefined();
    expect(asNetworkError(coded("UND_ERR_INVALID_ARG"))).toBeUndefined();
    expect(asNetworkError(coded("ERR_INVALID_ARG_TYPE"))).toBeUndefined();
    expect(asNetworkError("a string")).toBeUndefined();
    expect(asNetworkError(new UpstreamNetworkError("x", false))?.message).toBe("x");
  });
});
