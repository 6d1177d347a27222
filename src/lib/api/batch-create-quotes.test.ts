// @vitest-environment jsdom
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { setupMockApi } from "../../mocks/node.ts";
import { sendBatchCreate } from "./batch-create-quotes.ts";

const api = setupMockApi();

describe("sendBatchCreate", () => {
  it("tells the server's journal which submission and request the write belongs to", async () => {
    let seen: Headers | undefined;
    api.server.use(
      http.post("*/api/hubspot/crm/v3/objects/quotes/batch/create", ({ request }) => {
        seen = request.headers;
        return HttpResponse.json(
          { status: "COMPLETE", results: [], startedAt: "x", completedAt: "x" },
          { status: 201 },
        );
      }),
    );
    const result = await sendBatchCreate({
      inputs: [],
      correlation: { submissionId: "sub-1", requestId: "sub-1-r3" },
    });
    expect(result).toMatchObject({ kind: "answered", status: 201 });
    expect(seen?.get("x-qbc-submission-id")).toBe("sub-1");
    expect(seen?.get("x-qbc-request-id")).toBe("sub-1-r3");
  });
});
