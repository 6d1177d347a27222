import { describe, expect, it } from "vitest";
import { BatchResponse } from "../hubspot/batch-create.ts";
import { ApiErrorBody } from "../hubspot/errors.ts";
import { createSimulator } from "./simulator.ts";
import { call, fakeClock, validQuoteInput } from "./test-kit.ts";

const READ = "/crm/v3/objects/quotes/batch/read";

async function withQuotes() {
  const clock = fakeClock();
  const sim = createSimulator({ clock });
  const created = await call(sim, "POST", "/crm/v3/objects/quotes/batch/create", {
    inputs: [
      validQuoteInput("a", { batch_row_key: "batch-1:a", hs_currency: "EUR" }),
      validQuoteInput("b", { batch_row_key: "batch-1:b" }),
    ],
  });
  const results = BatchResponse.parse(created.json).results;
  const idOf = (trace: string) => results.find((r) => r.objectWriteTraceId === trace)?.id ?? "";
  return { sim, idOf };
}

describe("batch read", () => {
  it("by id returns the asked properties with 200", async () => {
    const { sim, idOf } = await withQuotes();
    const res = await call(sim, "POST", READ, { inputs: [{ id: idOf("a") }], properties: ["hs_currency"] });
    expect(res.status).toBe(200);
    const result = BatchResponse.parse(res.json).results[0];
    expect(result?.id).toBe(idOf("a"));
    expect(result?.properties.hs_currency).toBe("EUR");
    expect(result?.properties.hs_title).toBeUndefined();
  });

  it("by idProperty finds what a create made, and reports the missing ones in a 207", async () => {
    const { sim, idOf } = await withQuotes();
    const res = await call(sim, "POST", READ, {
      idProperty: "batch_row_key",
      inputs: [{ id: "batch-1:a" }, { id: "batch-1:b" }, { id: "batch-1:c" }],
      properties: ["hs_title"],
      propertiesWithHistory: [],
    });
    expect(res.status).toBe(207);
    const body = BatchResponse.parse(res.json);
    expect(body.results.map((r) => r.properties.batch_row_key).sort()).toEqual(["batch-1:a", "batch-1:b"]);
    expect(body.results.map((r) => r.id).sort()).toEqual([idOf("a"), idOf("b")].sort());
    expect(body.errors?.[0]).toMatchObject({ category: "OBJECT_NOT_FOUND", context: { ids: ["batch-1:c"] } });
  });

  it("refuses an idProperty that is not unique-valued", async () => {
    const { sim } = await withQuotes();
    const res = await call(sim, "POST", READ, { idProperty: "hs_title", inputs: [{ id: "x" }] });
    expect(res.status).toBe(400);
    expect(ApiErrorBody.parse(res.json).message).toContain("hs_title");
  });
});
