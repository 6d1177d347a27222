import { FileIssueError, fileIssue } from "../../../domain/csv/file-issue.ts";
import type { ImportColumn } from "../../../domain/csv/plan.ts";
import type { DateOrder } from "../../../domain/values/dates.ts";
import type { AnalyseSummary, ParseOptions, ParseSummary, WorkerReply, WorkerRequest } from "./protocol.ts";

export class ImportCancelled extends Error {
  constructor() {
    super("Import cancelled");
  }
}

type Progress = (phase: string, fraction: number) => void;
type ChunkReply = Extract<WorkerReply, { type: "chunk" }>;

interface Pending {
  resolve: (reply: WorkerReply) => void;
  reject: (error: Error) => void;
  onProgress?: Progress;
  onChunk?: (chunk: ChunkReply) => void;
}

/** Promise-shaped access to the parse worker. Cancel terminates it; the next request starts a fresh one. */
export class CsvWorkerClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL("./parse.worker.ts", import.meta.url), { type: "module" });
    worker.onmessage = (event: MessageEvent<WorkerReply>) => this.receive(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      // Out of memory or a crash in the worker: its message is the browser's, not a sentence for the user.
      this.failAll(new FileIssueError(fileIssue("file.readerStopped", { detail: event.message ?? "" })));
    };
    this.worker = worker;
    return worker;
  }

  private receive(reply: WorkerReply): void {
    const pending = this.pending.get(reply.id);
    if (!pending) return;
    if (reply.type === "progress") pending.onProgress?.(reply.phase, reply.fraction);
    else if (reply.type === "chunk") pending.onChunk?.(reply);
    else {
      this.pending.delete(reply.id);
      if (reply.type === "error") pending.reject(new FileIssueError(reply.issue));
      else pending.resolve(reply);
    }
  }

  private send(
    request: WorkerRequest,
    handlers: Omit<Pending, "resolve" | "reject"> = {},
  ): Promise<WorkerReply> {
    const worker = this.ensureWorker();
    return new Promise((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject, ...handlers });
      worker.postMessage(request);
    });
  }

  async parse(source: Blob | string, options: ParseOptions, onProgress?: Progress): Promise<ParseSummary> {
    const reply = await this.send({ type: "parse", id: this.nextId++, source, options }, { onProgress });
    if (reply.type !== "parsed") throw new Error(`Unexpected reply ${reply.type}`);
    return reply.summary;
  }

  async analyse(
    headerRow: number | null,
    dataEnd: number | null,
    columns: ImportColumn[],
    dateOrder: DateOrder | null,
    fallbackDateOrder: DateOrder,
    onProgress?: Progress,
  ): Promise<AnalyseSummary> {
    const id = this.nextId++;
    const request: WorkerRequest = {
      type: "analyse",
      id,
      headerRow,
      dataEnd,
      columns,
      dateOrder,
      fallbackDateOrder,
    };
    const reply = await this.send(request, { onProgress });
    if (reply.type !== "analysed") throw new Error(`Unexpected reply ${reply.type}`);
    return reply.summary;
  }

  /** Streams the coerced rows; `onChunk` runs per chunk so the page can build rows between messages. */
  async importRows(chunkRows: number, onChunk: (chunk: ChunkReply) => void): Promise<number> {
    const reply = await this.send({ type: "import", id: this.nextId++, chunkRows }, { onChunk });
    if (reply.type !== "imported") throw new Error(`Unexpected reply ${reply.type}`);
    return reply.rows;
  }

  async benchRawPapaparse(): Promise<{ rawMs: number; oursMs: number; bytes: number }> {
    const reply = await this.send({ type: "bench-raw-papaparse", id: this.nextId++ });
    if (reply.type !== "bench") throw new Error(`Unexpected reply ${reply.type}`);
    return { rawMs: reply.rawMs, oursMs: reply.oursMs, bytes: reply.bytes };
  }

  /** Starts a worker ahead of need, so a drop does not wait for the worker's script to load and compile. */
  warm(): void {
    this.ensureWorker();
  }

  cancel(): void {
    this.failAll(new ImportCancelled());
  }

  dispose(): void {
    this.cancel();
  }

  private failAll(error: Error): void {
    this.worker?.terminate();
    this.worker = null;
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const entry of pending) entry.reject(error);
  }
}
