// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, renderHook } from "@testing-library/react";
import type { ReactNode } from "react";
import { describe, expect, it } from "vitest";
import { recordKeys } from "../../../lib/api/search-records.ts";
import { useKnownMissingRecords } from "./use-record-names.ts";

function setup() {
  const client = new QueryClient();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={client}>{children}</QueryClientProvider>
  );
  const { result } = renderHook(() => useKnownMissingRecords(), { wrapper });
  return { client, result };
}

describe("useKnownMissingRecords", () => {
  it("learns missing ids from by-id lookups, and keeps the same function while that set is unchanged", () => {
    const { client, result } = setup();
    expect(result.current).toBeUndefined();
    act(() => {
      client.setQueryData(recordKeys.byIds("deals", ["404"]), { found: new Map(), missing: ["404"] });
    });
    const first = result.current;
    expect(first?.("deals", "404")).toBe(true);
    expect(first?.("contacts", "404")).toBe(false);
    // The same answer again, another type's found record, a search: nothing new to re-check.
    act(() => {
      client.setQueryData(recordKeys.byIds("deals", ["404"]), { found: new Map(), missing: ["404"] });
      client.setQueryData(recordKeys.byIds("contacts", ["7"]), { found: new Map(), missing: [] });
      client.setQueryData(recordKeys.search("deals", "acme"), []);
    });
    expect(result.current).toBe(first);
  });

  it("forgets an id when the only lookup that said so leaves the cache", () => {
    const { client, result } = setup();
    act(() => {
      client.setQueryData(recordKeys.byIds("companies", ["9"]), { found: new Map(), missing: ["9"] });
      client.setQueryData(recordKeys.byIds("companies", ["9", "10"]), { found: new Map(), missing: ["9"] });
    });
    act(() => client.removeQueries({ queryKey: recordKeys.byIds("companies", ["9"]), exact: true }));
    expect(result.current?.("companies", "9")).toBe(true);
    act(() => client.removeQueries({ queryKey: recordKeys.byIdsPrefix }));
    expect(result.current).toBeUndefined();
  });
});
