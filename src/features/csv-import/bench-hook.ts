import type { CsvWorkerClient } from "./worker/csv-worker-client.ts";
import type { ParseSummary } from "./worker/protocol.ts";

declare global {
  interface Window {
    __qbcCsvBench?: {
      rawPapaparse(): Promise<{ rawMs: number; oursMs: number; bytes: number }>;
      /** Our path's timings for the last file read: read + decode/detect + papaparse, in the worker. */
      last?: ParseSummary["timings"];
    };
  }
}

/**
 * For bench/csv-import.bench.ts only, behind `?qbc-test-hooks`: times plain papaparse inside the import
 * worker on the text of the file just previewed, so our path and the raw library run on the same string.
 */
export function installCsvBenchHook(client: CsvWorkerClient): () => void {
  if (typeof window === "undefined" || !new URLSearchParams(window.location.search).has("qbc-test-hooks"))
    return () => {};
  window.__qbcCsvBench = { rawPapaparse: () => client.benchRawPapaparse() };
  return () => {
    delete window.__qbcCsvBench;
  };
}

export function recordParseTimings(timings: ParseSummary["timings"]): void {
  if (typeof window !== "undefined" && window.__qbcCsvBench) window.__qbcCsvBench.last = timings;
}
