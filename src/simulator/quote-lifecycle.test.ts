import { describe, expect, it } from "vitest";
import { AssociationBatchReadResponse } from "../hubspot/association-batch-read.ts";
import { BatchResponse, traceIdOfError } from "../hubspot/batch-create.ts";
import { createSimulator, type SimulatorOptions } from "./simulator.ts";
import { call, fakeClock, seededCrm, validLineItemInput, validQuoteInput } from "./test-kit.ts";

const crm = seededCrm();
const QUOTES = "/crm/v3/objects/quotes";
const PUBLISH = { hs_status: "APPROVAL_NOT_NEEDED" };

function sim(options: SimulatorOptions = {}) {
  const clock = fakeClock();
  return createSimulator({ clock, ...options });
}
type Sim = ReturnType<typeof sim>;

async function quote(simulator: Sim, properties: Record<string, string> = {}, traceId = "q") {
  const res = await call(simulator, "POST", `${QUOTES}/batch/create`, {
    inputs: [validQuoteInput(traceId, properties)],
  });
  return BatchResponse.parse(res.json).results[0]?.id ?? "";
}

async function addLines(simulator: Sim, quoteId: string, properties: Record<string, string>[]) {
  const res = await call(simulator, "POST", "/crm/v3/objects/line_items/batch/create", {
    inputs: properties.map((p, i) => validLineItemInput(`l${i}`, p, quoteId)),
  });
  return BatchResponse.parse(res.json).results.map((r) => r.id);
}

async function read(simulator: Sim, id: string, properties: readonly string[]) {
  const res = await call(simulator, "POST", `${QUOTES}/batch/read`, { inputs: [{ id }], properties });
  return res.status === 200 ? BatchResponse.parse(res.json).results[0]?.properties : undefined;
}

async function update(simulator: Sim, id: string, properties: Record<string, string>) {
  const res = await call(simulator, "POST", `${QUOTES}/batch/update`, {
    inputs: [{ id, properties, objectWriteTraceId: `u-${id}` }],
  });
  return { status: res.status, body: BatchResponse.parse(res.json) };
}

describe("hs_quote_amount", () => {
  it("is the sum of the quote's line items: quantity × price less the discount", async () => {
    const simulator = sim();
    const id = await quote(simulator);
    await addLines(simulator, id, [
      { name: "A", price: "100", quantity: "2", hs_product_id: "" },
      { name: "B", price: "50", quantity: "1", discount: "10", hs_product_id: "" },
    ]);
    expect((await read(simulator, id, ["hs_quote_amount"]))?.hs_quote_amount).toBe("245");
  });
});

describe("publishing (legacy): batch/update hs_status → APPROVAL_NOT_NEEDED", () => {
  it("sets the link, PDF link, number and lock, which batch/read returns", async () => {
    const simulator = sim();
    const id = await quote(simulator);
    await addLines(simulator, id, [{}]);
    const res = await update(simulator, id, PUBLISH);
    expect(res.status).toBe(200);
    const props = await read(simulator, id, [
      "hs_quote_link",
      "hs_pdf_download_link",
      "hs_quote_number",
      "hs_locked",
      "hs_status",
    ]);
    expect(props?.hs_status).toBe("APPROVAL_NOT_NEEDED");
    expect(props?.hs_locked).toBe("true");
    expect(props?.hs_quote_link).toMatch(/^https:\/\/.+\/quotes\/[0-9a-f]+$/);
    expect(props?.hs_pdf_download_link).toMatch(/^https:\/\//);
    expect(props?.hs_quote_number).toMatch(/^\d{8}-\d+$/);
  });

  it("a repeated publish changes nothing and succeeds; any other change to a locked quote fails", async () => {
    const simulator = sim();
    const id = await quote(simulator);
    await addLines(simulator, id, [{}]);
    await update(simulator, id, PUBLISH);
    const link = (await read(simulator, id, ["hs_quote_link"]))?.hs_quote_link;
    expect((await update(simulator, id, PUBLISH)).status).toBe(200);
    expect((await read(simulator, id, ["hs_quote_link"]))?.hs_quote_link).toBe(link);
    const edit = await update(simulator, id, { hs_title: "Changed" });
    expect(edit.status).toBe(207);
    expect(edit.body.errors?.[0]?.errors?.[0]?.code).toBe("QUOTE_LOCKED");
    const more = await call(simulator, "POST", "/crm/v3/objects/line_items/batch/create", {
      inputs: [validLineItemInput("late", {}, id)],
    });
    expect(BatchResponse.parse(more.json).errors?.[0]?.errors?.[0]?.code).toBe("QUOTE_LOCKED");
  });

  it("needs a deal, a template and line items; each missing one is named", async () => {
    const simulator = sim();
    const res = await call(simulator, "POST", `${QUOTES}/batch/create`, {
      inputs: [{ ...validQuoteInput("bare"), associations: [] }],
    });
    const id = BatchResponse.parse(res.json).results[0]?.id ?? "";
    const published = await update(simulator, id, PUBLISH);
    expect(published.status).toBe(207);
    const error = published.body.errors?.[0];
    expect(error && traceIdOfError(error)).toBe(`u-${id}`);
    expect(error?.context?.ids).toEqual([id]);
    expect(error?.message).toMatch(/deal.*template.*line items/s);
    expect((await read(simulator, id, ["hs_status"]))?.hs_status).toBe("DRAFT");
  });

  it("refuses an expired quote, by the portal's date", async () => {
    const clock = fakeClock(Date.UTC(2027, 0, 1, 12));
    const simulator = createSimulator({ clock });
    const id = await quote(simulator, { hs_expiration_date: "2026-12-31" });
    await addLines(simulator, id, [{}]);
    const res = await update(simulator, id, PUBLISH);
    expect(res.body.errors?.[0]?.errors?.[0]?.code).toBe("QUOTE_EXPIRED");
  });

  it("an unknown id fails that input with OBJECT_NOT_FOUND; read-only properties are refused", async () => {
    const simulator = sim();
    const id = await quote(simulator);
    const res = await call(simulator, "POST", `${QUOTES}/batch/update`, {
      inputs: [
        { id: "61999999999", properties: { hs_title: "x" } },
        { id, properties: { hs_quote_link: "https://evil" } },
      ],
    });
    const body = BatchResponse.parse(res.json);
    expect(body.errors?.map((e) => e.category).sort()).toEqual(["OBJECT_NOT_FOUND", "VALIDATION_ERROR"]);
  });
});

describe("archiving", () => {
  it("a quote's archive deletes its line items; both are gone from reads", async () => {
    const simulator = sim();
    const id = await quote(simulator, { batch_row_key: "k-1" });
    const [lineId] = await addLines(simulator, id, [{}]);
    const res = await call(simulator, "POST", `${QUOTES}/batch/archive`, { inputs: [{ id }, { id: "404" }] });
    expect(res.status).toBe(204);
    expect(await read(simulator, id, [])).toBeUndefined();
    const lines = await call(simulator, "POST", "/crm/v3/objects/line_items/batch/read", {
      inputs: [{ id: lineId }],
    });
    expect(lines.status).toBe(207);
    expect(simulator.createdLineItems()[0]?.archived).toBe(true);
    // The unique key is free again: an undone submission can be sent again.
    expect(await quote(simulator, { batch_row_key: "k-1" }, "again")).not.toBe("");
  });

  it("archiving a line item lowers its quote's amount", async () => {
    const simulator = sim();
    const id = await quote(simulator);
    // Results are shuffled: one line per request to know which is which.
    const [first] = await addLines(simulator, id, [{ name: "A", price: "10", hs_product_id: "" }]);
    await addLines(simulator, id, [{ name: "B", price: "5", hs_product_id: "" }]);
    expect((await read(simulator, id, ["hs_quote_amount"]))?.hs_quote_amount).toBe("30");
    await call(simulator, "POST", "/crm/v3/objects/line_items/batch/archive", { inputs: [{ id: first }] });
    expect((await read(simulator, id, ["hs_quote_amount"]))?.hs_quote_amount).toBe("10");
  });
});

describe("associations batch read", () => {
  it("lists a quote's own line items (67), a line item's quote (68), and names missing ids", async () => {
    const simulator = sim();
    const id = await quote(simulator);
    const lineIds = await addLines(simulator, id, [{}, {}]);
    const res = await call(simulator, "POST", "/crm/v4/associations/quotes/line_items/batch/read", {
      inputs: [{ id }, { id: "61999999999" }],
    });
    expect(res.status).toBe(207);
    const body = AssociationBatchReadResponse.parse(res.json);
    expect(body.results[0]?.to.map((t) => t.toObjectId).sort()).toEqual([...lineIds].sort());
    expect(body.results[0]?.to[0]?.associationTypes[0]?.typeId).toBe(67);
    expect(body.errors?.[0]?.context?.ids).toEqual(["61999999999"]);
    const back = await call(simulator, "POST", "/crm/v4/associations/line_items/quotes/batch/read", {
      inputs: [{ id: lineIds[0] }, { id: crm.line_items[0]?.id }],
    });
    const parents = AssociationBatchReadResponse.parse(back.json).results;
    expect(parents.map((r) => r.to.map((t) => t.toObjectId))).toEqual([[id], []]);
  });
});

describe("CPQ portal (quoteSystem: cpq)", () => {
  const cpq = () => sim({ quoteSystem: "cpq" });

  it("offers CPQ_QUOTE as a template type", async () => {
    const res = await call(cpq(), "GET", "/crm/v3/properties/quotes");
    expect(JSON.stringify(res.json)).toContain("CPQ_QUOTE");
    expect(JSON.stringify((await call(sim(), "GET", "/crm/v3/properties/quotes")).json)).not.toContain(
      "CPQ_QUOTE",
    );
  });

  it("needs CPQ_QUOTE, a contact, a deal and line items; creates a draft whatever the status asked", async () => {
    const simulator = cpq();
    const lines = await call(simulator, "POST", "/crm/v3/objects/line_items/batch/create", {
      inputs: [validLineItemInput("l")],
    });
    const lineId = BatchResponse.parse(lines.json).results[0]?.id ?? "";
    const assoc = (id: string, typeId: number) => ({
      to: { id },
      types: [{ associationCategory: "HUBSPOT_DEFINED" as const, associationTypeId: typeId }],
    });
    const complete = {
      ...validQuoteInput("cpq", { hs_template_type: "CPQ_QUOTE", hs_status: "APPROVAL_NOT_NEEDED" }),
      associations: [
        assoc(crm.deals[0]?.id ?? "", 64),
        assoc(crm.contacts[0]?.id ?? "", 69),
        assoc(lineId, 67),
      ],
    };
    const res = await call(simulator, "POST", `${QUOTES}/batch/create`, {
      inputs: [complete, validQuoteInput("legacy-shaped")],
    });
    const body = BatchResponse.parse(res.json);
    expect(body.results.map((r) => r.properties.hs_status)).toEqual(["DRAFT"]);
    const message = body.errors?.[0]?.message ?? "";
    expect(message).toContain("CPQ_QUOTE");
    expect(message).toContain("contact");
    expect(message).toContain("line item");
    const published = await update(simulator, body.results[0]?.id ?? "", PUBLISH);
    expect(published.status).toBe(207);
    expect(published.body.errors?.[0]?.message).toMatch(/publishing happen in HubSpot/);
  });
});
