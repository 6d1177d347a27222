/// <reference lib="webworker" />
import "../../../lib/zod-without-eval.ts";
import { asFileIssue } from "../../../domain/csv/file-issue.ts";
import { ParseSession } from "./parse-session.ts";
import type { WorkerReply, WorkerRequest } from "./protocol.ts";

/**
 * Parses, coerces and hands over a CSV file off the main thread. Cancel = the page terminates this worker:
 * a synchronous parse cannot read a cancel message anyway.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const session = new ParseSession();

function reply(message: WorkerReply): void {
  scope.postMessage(message);
}

scope.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  try {
    switch (request.type) {
      case "parse": {
        reply({ type: "progress", id: request.id, phase: "reading", fraction: 0 });
        const readMs = await session.load(request.source);
        const summary = await session.parse(request.options, readMs, (fraction) =>
          reply({ type: "progress", id: request.id, phase: "parsing", fraction }),
        );
        reply({ type: "parsed", id: request.id, summary });
        break;
      }
      case "analyse": {
        const { headerRow, dataEnd, columns, dateOrder, fallbackDateOrder } = request;
        const summary = session.analyse(
          headerRow,
          dataEnd,
          columns,
          dateOrder,
          fallbackDateOrder,
          (fraction) => reply({ type: "progress", id: request.id, phase: "converting", fraction }),
        );
        reply({ type: "analysed", id: request.id, summary });
        break;
      }
      case "import": {
        let rows = 0;
        for (const chunk of session.chunks(request.chunkRows)) {
          rows += chunk.rows;
          reply({ type: "chunk", id: request.id, ...chunk });
        }
        reply({ type: "imported", id: request.id, rows });
        break;
      }
      case "bench-raw-papaparse":
        reply({ type: "bench", id: request.id, ...session.compareWithPapaparse() });
        break;
    }
  } catch (error) {
    reply({ type: "error", id: request.id, issue: asFileIssue(error) });
  }
};
