import { afterEach, describe, expect, it, vi } from "vitest";
import { csrfToken, sendRaw } from "./client.ts";

afterEach(() => vi.unstubAllGlobals());

describe("API client CSRF header", () => {
  it("reads the token from either cookie name", () => {
    expect(csrfToken("a=1; qbc_csrf=abc%2Ddef; b=2")).toBe("abc-def");
    expect(csrfToken("__Host-qbc_csrf=xyz")).toBe("xyz");
    expect(csrfToken("other=1")).toBeUndefined();
  });

  it("sends X-QBC-CSRF on writes only", async () => {
    vi.stubGlobal("document", { cookie: "qbc_csrf=token-1" });
    const seen: Headers[] = [];
    vi.stubGlobal("fetch", async (_path: string, init: RequestInit) => {
      seen.push(new Headers(init.headers));
      return new Response("{}");
    });
    await sendRaw("/api/hubspot/x", { method: "POST", body: {} });
    await sendRaw("/api/hubspot/y");
    expect(seen[0]?.get("x-qbc-csrf")).toBe("token-1");
    expect(seen[1]?.has("x-qbc-csrf")).toBe(false);
  });
});
