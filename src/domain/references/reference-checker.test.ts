import { describe, expect, it } from "vitest";
import { FakeClock } from "../../test/fake-clock.ts";
import { BatchStore } from "../batch/batch-store.ts";
import { createLine, createRow } from "../batch/row.ts";
import { availableColumns } from "../columns/build-columns.ts";
import { applyLayout } from "../columns/layout.ts";
import { QUOTE_PROPERTIES } from "../columns/property-fixtures.ts";
import { LineRules } from "../validation/line-rules.ts";
import { type ValidationScheduler, ValidationService } from "../validation/validation-service.ts";
import { ReferenceChecker, type ResolvedIds } from "./reference-checker.ts";
import type { ReferenceType } from "./reference-type.ts";

const DEAL = "assoc:deals:HUBSPOT_DEFINED:64";
const CONTACT = "assoc:contacts:HUBSPOT_DEFINED:69";
const columns = applyLayout(availableColumns(QUOTE_PROPERTIES, {}), undefined);
const later: ValidationScheduler = {
  schedule(task) {
    const timer = setTimeout(task, 0);
    return () => clearTimeout(timer);
  },
};

/** HubSpot as a map: ids ending in 7 do not exist. Records each request's time, type and size. */
function fakeHubSpot(clock: FakeClock) {
  const requests: { at: number; type: ReferenceType; ids: number }[] = [];
  const resolve = async (type: ReferenceType, ids: readonly string[]): Promise<ResolvedIds> => {
    requests.push({ at: clock.now(), type, ids: ids.length });
    await clock.sleep(150);
    const exists = (id: string) => !id.endsWith("7");
    return {
      found: new Map(ids.filter(exists).map((id) => [id, { id, name: `Deal ${id}` }])),
      missing: ids.filter((id) => !exists(id)),
    };
  };
  return { requests, resolve };
}

function setup(rowCount: number) {
  const clock = new FakeClock();
  const hubspot = fakeHubSpot(clock);
  const rows = Array.from({ length: rowCount }, (_, i) =>
    createRow({ hs_title: `Q${i}`, hs_expiration_date: "2099-01-01", [DEAL]: String(1000 + i) }, `r${i}`),
  );
  const store = new BatchStore(rows);
  const validation = new ValidationService(store, { scheduler: later, today: "2026-12-01" });
  validation.setRules({ properties: QUOTE_PROPERTIES, columns });
  const checker = new ReferenceChecker(store, { resolve: hubspot.resolve, clock, scheduler: later });
  checker.subscribe(() => validation.setMissing(checker.isMissing));
  return { clock, hubspot, store, validation, checker };
}

describe("ReferenceChecker", () => {
  it("learns deals' currencies from the same batched reads; line items in another currency are an error", async () => {
    const clock = new FakeClock();
    const requests: { type: ReferenceType; ids: number }[] = [];
    // Deals 1000–1149: even ids are in euros, odd ones in dollars.
    const resolve = async (type: ReferenceType, ids: readonly string[]): Promise<ResolvedIds> => {
      requests.push({ type, ids: ids.length });
      await clock.sleep(150);
      const found = ids.map((id) =>
        type === "deals"
          ? { id, name: `Deal ${id}`, currency: Number(id) % 2 === 0 ? "eur" : "USD" }
          : { id, name: `Product ${id}` },
      );
      return { found: new Map(found.map((record) => [record.id, record])), missing: [] };
    };
    const rows = Array.from({ length: 150 }, (_, i) =>
      createRow(
        { hs_title: `Q${i}`, hs_expiration_date: "2099-01-01", [DEAL]: String(1000 + i), hs_currency: "EUR" },
        `r${i}`,
        // Quotes without line items have no line currency to check.
        i < 100 ? [createLine({ hs_product_id: "5000", quantity: "1" }, `l${i}`)] : [],
      ),
    );
    const store = new BatchStore(rows);
    const validation = new ValidationService(store, { scheduler: later, today: "2026-12-01" });
    validation.setRules({ properties: QUOTE_PROPERTIES, columns, lines: new LineRules({ properties: [] }) });
    const checker = new ReferenceChecker(store, { resolve, clock, scheduler: later });
    checker.subscribe(() => {
      validation.setMissing(checker.isMissing);
      validation.setDealCurrencies(checker.dealCurrency);
    });
    await clock.run(checker.settled());
    await clock.run(new Promise((resolve) => setTimeout(resolve, 0)));
    // No request per row: 150 deals in two reads, one product read.
    expect(requests.filter((r) => r.type === "deals").map((r) => r.ids)).toEqual([100, 50]);
    expect(requests.filter((r) => r.type === "products")).toHaveLength(1);
    expect(checker.dealCurrency?.("1000")).toBe("EUR");
    // Odd deals among the 100 quotes with lines: 50 errors on the quote's currency.
    expect(validation.validator.counts().errors).toBe(50);
    const errors = (rowId: string) =>
      validation.validator.issuesForRow(rowId).filter((issue) => issue.severity === "error");
    expect(errors("r0")).toEqual([]);
    expect(errors("r1")).toEqual([
      {
        rowId: "r1",
        columnKey: "hs_currency",
        severity: "error",
        message: {
          code: "deal.currency",
          values: { currency: "EUR", dealCurrency: "USD", deal: "1001", lines: 1, source: "row" },
        },
      },
    ]);
    expect(errors("r101")).toEqual([]);

    // The same quote in the deal's currency is fine; from the batch defaults it says so.
    store.apply({ type: "set-cells", edits: [{ rowId: "r1", key: "hs_currency", value: "USD" }] });
    expect(errors("r1")).toEqual([]);
    store.apply({ type: "set-cells", edits: [{ rowId: "r3", key: "hs_currency", value: "" }] });
    store.apply({ type: "set-defaults", defaults: { cells: { hs_currency: "EUR" }, publish: false } });
    await clock.run(new Promise((resolve) => setTimeout(resolve, 0)));
    expect(errors("r3")[0]?.message.values).toMatchObject({ source: "defaults", dealCurrency: "USD" });
  });

  it("checks the products of every line with the records, and a missing one is an error of its quote", async () => {
    const clock = new FakeClock();
    const hubspot = fakeHubSpot(clock);
    const rows = Array.from({ length: 300 }, (_, i) =>
      createRow({ hs_title: `Q${i}`, hs_expiration_date: "2099-01-01" }, `r${i}`, [
        createLine({ hs_product_id: String(5000 + i), quantity: "1" }, `l${i}`),
      ]),
    );
    const store = new BatchStore(rows);
    const validation = new ValidationService(store, { scheduler: later, today: "2026-12-01" });
    validation.setRules({ properties: QUOTE_PROPERTIES, columns, lines: new LineRules({ properties: [] }) });
    const checker = new ReferenceChecker(store, { resolve: hubspot.resolve, clock, scheduler: later });
    checker.subscribe(() => validation.setMissing(checker.isMissing));
    await clock.run(checker.settled());
    await clock.run(new Promise((resolve) => setTimeout(resolve, 0)));
    // 300 product ids: three requests of ≤ 100, all of type products.
    expect(hubspot.requests.map((request) => [request.type, request.ids])).toEqual([
      ["products", 100],
      ["products", 100],
      ["products", 100],
    ]);
    expect(validation.validator.counts().errors).toBe(30);
    expect(validation.validator.issueForLine("r7", "l7", "hs_product_id")?.message).toEqual({
      code: "line.productMissing",
      values: { id: "5007" },
      line: 1,
    });
  });

  it("checks every id of the batch, nothing rendered, so the error count is complete and final", async () => {
    const { clock, validation, checker } = setup(3_000);
    expect(checker.complete).toBe(false);
    await clock.run(checker.settled());
    // The validation re-checks the rows with missing ids in slices of its own (real macrotasks).
    while (validation.checking) await new Promise((resolve) => setTimeout(resolve, 0));
    // Ids 1000…3999 ending in 7: one in ten.
    expect(validation.validator.counts().errors).toBe(300);
    expect(validation.validator.issueFor("r7", DEAL)?.message).toEqual({
      code: "association.missing",
      values: { count: 1, ids: ["1007"], object: "deals" },
    });
    expect(checker.pending).toBe(0);
    expect(checker.complete).toBe(true);
    expect(checker.record("deals", "1000")).toEqual({ id: "1000", name: "Deal 1000" });
    expect(checker.record("deals", "1007")).toBeNull();
  });

  it("reads ≤ 100 ids per request, at most 4 requests a second (HubSpot's search allows 5)", async () => {
    const { clock, hubspot, checker } = setup(1_000);
    await clock.run(checker.settled());
    expect(hubspot.requests).toHaveLength(10);
    expect(hubspot.requests.every((request) => request.ids <= 100)).toBe(true);
    for (let i = 4; i < hubspot.requests.length; i += 1) {
      const window = (hubspot.requests[i]?.at ?? 0) - (hubspot.requests[i - 4]?.at ?? 0);
      expect(window).toBeGreaterThanOrEqual(1_000);
    }
  });

  it("asks only for ids it has not checked yet, and says how many are pending", async () => {
    const { clock, hubspot, store, checker } = setup(10);
    await clock.run(checker.settled());
    expect(hubspot.requests).toHaveLength(1);
    store.apply({
      type: "set-cells",
      edits: [
        { rowId: "r1", key: DEAL, value: "1000;1002" },
        { rowId: "r2", key: CONTACT, value: "55;56" },
      ],
    });
    expect(checker.pending).toBe(2);
    expect(checker.complete).toBe(false);
    await clock.run(checker.settled());
    expect(hubspot.requests.map((request) => [request.type, request.ids])).toEqual([
      ["deals", 10],
      ["contacts", 2],
    ]);
  });

  it("keeps ids whose request failed and asks again later", async () => {
    const clock = new FakeClock();
    let calls = 0;
    const store = new BatchStore([createRow({ [DEAL]: "5" }, "a")]);
    const checker = new ReferenceChecker(store, {
      clock,
      scheduler: later,
      resolve: async (_type, ids) => {
        calls += 1;
        if (calls === 1) throw new Error("offline");
        return { found: new Map(ids.map((id) => [id, { id, name: "Five" }])), missing: [] };
      },
    });
    await clock.run(checker.settled());
    expect(calls).toBe(2);
    expect(checker.lastError).toBeUndefined();
    expect(checker.record("deals", "5")?.name).toBe("Five");
  });
});
