import { describe, expect, it } from "vitest";
import type { BatchResponse } from "../../hubspot/batch-create.ts";
import { correlate, rejectRows } from "./correlate.ts";
import { propertyOfError, readableMessage } from "./error-property.ts";
import type { QueueRequest } from "./types.ts";

const at = "2026-01-05T09:00:00.000Z";
const request: QueueRequest = {
  id: "r1",
  rowIds: ["a", "b", "c"],
  inputs: [
    { properties: { hs_title: "A", k: "1" }, associations: [], objectWriteTraceId: "a" },
    { properties: { hs_title: "B", k: "2" }, associations: [], objectWriteTraceId: "b" },
    { properties: { hs_title: "C", k: "3" }, associations: [], objectWriteTraceId: "c" },
  ],
};
const obj = (id: string, properties: Record<string, string>, traceId?: string) => ({
  id,
  properties,
  createdAt: at,
  updatedAt: at,
  ...(traceId ? { objectWriteTraceId: traceId } : {}),
});

describe("correlate", () => {
  it("uses echoed trace ids first, whatever the order", () => {
    const response: BatchResponse = {
      status: "COMPLETE",
      results: [
        obj("3", { hs_title: "X" }, "c"),
        obj("1", { hs_title: "X" }, "a"),
        obj("2", { hs_title: "X" }, "b"),
      ],
      startedAt: at,
      completedAt: at,
    };
    expect(correlate(request, response).map((u) => u.hubspotId)).toEqual(["1", "2", "3"]);
  });

  it("eliminates by the unique property, then by property equality", () => {
    const response: BatchResponse = {
      status: "COMPLETE",
      results: [obj("30", { hs_title: "C", k: "3" }), obj("10", { hs_title: "A", k: "1" })],
      numErrors: 1,
      errors: [{ category: "VALIDATION_ERROR", message: "bad", context: { objectWriteTraceId: ["b"] } }],
      startedAt: at,
      completedAt: at,
    };
    const updates = correlate(request, response, { uniqueProperty: "k" });
    expect(updates.map((u) => [u.outcome, u.hubspotId])).toEqual([
      ["created", "10"],
      ["failed", undefined],
      ["created", "30"],
    ]);
  });

  it("gives leftover errors without trace ids to the rows left, and leaves unaccounted rows unknown", () => {
    const oneError: BatchResponse = {
      status: "COMPLETE",
      results: [obj("10", { hs_title: "A" }), obj("30", { hs_title: "C" })],
      errors: [{ category: "VALIDATION_ERROR", message: 'Property "hs_status" is bad' }],
      startedAt: at,
      completedAt: at,
    };
    expect(correlate(request, oneError)[1]).toMatchObject({
      outcome: "failed",
      error: { propertyName: "hs_status" },
    });
    const short: BatchResponse = {
      status: "PROCESSING",
      results: [obj("10", { hs_title: "A" })],
      startedAt: at,
      completedAt: at,
    };
    expect(correlate(request, short).map((u) => u.outcome)).toEqual(["created", "unknown", "unknown"]);
  });

  it("never guesses between different rows that look alike", () => {
    const twins: QueueRequest = {
      id: "t",
      rowIds: ["x", "y"],
      inputs: [
        {
          properties: { hs_title: "Same" },
          associations: [{ to: { id: "1" }, types: [] }],
          objectWriteTraceId: "x",
        },
        {
          properties: { hs_title: "Same" },
          associations: [{ to: { id: "2" }, types: [] }],
          objectWriteTraceId: "y",
        },
      ],
    };
    const response: BatchResponse = {
      status: "COMPLETE",
      results: [obj("5", { hs_title: "Same" }), obj("6", { hs_title: "Same" })],
      startedAt: at,
      completedAt: at,
    };
    expect(correlate(twins, response).map((u) => u.outcome)).toEqual(["unknown", "unknown"]);
  });
});

describe("rows that already exist in HubSpot (unique-key conflict)", () => {
  it("a resent row this submission may have created is ours: created, with the existing id", () => {
    const response: BatchResponse = {
      status: "COMPLETE",
      results: [obj("10", { hs_title: "A", k: "1" }), obj("30", { hs_title: "C", k: "3" })],
      errors: [
        {
          category: "CONFLICT",
          message: 'A quote with k="2" already exists. Existing ID: 77',
          context: { objectWriteTraceId: ["b"], propertyName: ["k"] },
        },
      ],
      startedAt: at,
      completedAt: at,
    };
    expect(
      correlate(request, response, { uniqueProperty: "k", maybeCreated: new Set(["b"]) })[1],
    ).toMatchObject({
      outcome: "created",
      hubspotId: "77",
    });
    expect(correlate(request, response)[1]?.outcome).toBe("failed");
  });

  it("a row sent for the first time that conflicts was created by an earlier submission: exists, never created", () => {
    const response: BatchResponse = {
      status: "COMPLETE",
      results: [],
      errors: ["a", "b", "c"].map((id, i) => ({
        category: "CONFLICT",
        message: `A quote with k="${i + 1}" already exists. Existing ID: ${70 + i}`,
        context: { objectWriteTraceId: [id], propertyName: ["k"] },
      })),
      startedAt: at,
      completedAt: at,
    };
    const updates = correlate(request, response, { uniqueProperty: "k" });
    expect(updates.map((u) => [u.outcome, u.hubspotId])).toEqual([
      ["exists", "70"],
      ["exists", "71"],
      ["exists", "72"],
    ]);
  });
});

describe("batch statuses other than COMPLETE", () => {
  it.each(["PENDING", "PROCESSING", "CANCELED"] as const)(
    "%s with no results leaves every row unknown, saying what the status means",
    (status) => {
      const updates = correlate(request, { status, results: [], startedAt: at, completedAt: at });
      expect(updates.every((u) => u.outcome === "unknown")).toBe(true);
      expect(updates[0]?.error?.message).toEqual({ code: "unaccounted", batchStatus: status });
    },
  );
});

describe("rejectRows", () => {
  it("names the culprit row and tells the others why they were held back", () => {
    const updates = rejectRows(
      request,
      {
        message: "Invalid input",
        category: "VALIDATION_ERROR",
        errors: [
          {
            message: "bad date",
            context: { objectWriteTraceId: ["b"], propertyName: ["hs_expiration_date"] },
          },
        ],
      },
      "VALIDATION_ERROR",
      { code: "hubspot", text: "Invalid input" },
      (id) => ({ a: 1, b: 2, c: 3 })[id],
    );
    expect(updates[1]).toMatchObject({
      outcome: "failed",
      error: { message: { code: "hubspot", text: "bad date" }, propertyName: "hs_expiration_date" },
    });
    expect(updates[0]?.error?.message).toEqual({ code: "wholeRequest", rows: [2] });
  });
});

describe("propertyOfError", () => {
  it("reads context, details and HubSpot's embedded JSON messages", () => {
    expect(propertyOfError({ context: { propertyName: ["a"] } })).toBe("a");
    expect(propertyOfError({ errors: [{ in: "b" }] })).toBe("b");
    const message =
      'Property values were not valid: [{"isValid":false,"message":"x was not one of the allowed options","error":"INVALID_OPTION","name":"hs_status"}]';
    expect(propertyOfError({ message })).toBe("hs_status");
    expect(readableMessage(message)).toBe(
      "Property values were not valid: x was not one of the allowed options",
    );
  });
});
