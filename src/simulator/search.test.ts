import { describe, expect, it } from "vitest";
import { ApiErrorBody } from "../hubspot/errors.ts";
import { ObjectCollection } from "../hubspot/search.ts";
import { CRM_SIZES } from "./crm-data.ts";
import { createSimulator } from "./simulator.ts";
import { call, fakeClock, seededCrm } from "./test-kit.ts";

const crm = seededCrm();

/** A fresh simulator per search, so the 5-a-second limit never gets in the way of these rules. */
async function search(type: string, body: unknown) {
  const clock = fakeClock();
  const res = await call(createSimulator({ clock }), "POST", `/crm/v3/objects/${type}/search`, body);
  return {
    status: res.status,
    json: res.json,
    page: res.status === 200 ? ObjectCollection.parse(res.json) : undefined,
  };
}

describe("search", () => {
  it("holds a few hundred records with realistic names", () => {
    expect(crm.contacts).toHaveLength(CRM_SIZES.contacts);
    expect(crm.deals[0]?.properties.dealname).toMatch(/ - /);
    expect(crm.contacts[0]?.properties.email).toMatch(/^[a-z.]+\d*@[a-z0-9.]+$/);
    expect(crm.companies[0]?.properties.domain).toMatch(/\./);
  });

  it("query matches names case-insensitively, as a substring", async () => {
    const name = crm.companies[5]?.properties.name ?? "";
    const { page } = await search("companies", { query: name.toUpperCase().slice(0, 6), limit: 200 });
    expect(page?.results.map((r) => r.id)).toContain(crm.companies[5]?.id);
    for (const result of page?.results ?? []) {
      const text = `${result.properties.name} ${result.properties.domain}`.toLowerCase();
      expect(text).toContain(name.toLowerCase().slice(0, 6));
    }
  });

  it("query matches every word in any order", async () => {
    const contact = crm.contacts[4];
    const reversed = `${contact?.properties.lastname} ${contact?.properties.firstname}`.toLowerCase();
    expect(
      (await search("contacts", { query: reversed, limit: 200 })).page?.results.map((r) => r.id),
    ).toContain(contact?.id);
  });

  it("query matches contact emails and company domains", async () => {
    const email = crm.contacts[7]?.properties.email ?? "";
    expect((await search("contacts", { query: email })).page?.results[0]?.id).toBe(crm.contacts[7]?.id);
    const domain = crm.companies[3]?.properties.domain ?? "";
    expect((await search("companies", { query: domain })).page?.results.map((r) => r.id)).toContain(
      crm.companies[3]?.id,
    );
  });

  it("query matches an exact record id", async () => {
    const id = crm.line_items[9]?.id;
    const { page } = await search("line_items", { query: id });
    expect(page?.total).toBe(1);
    expect(page?.results[0]).toMatchObject({ id, properties: { hs_object_id: id } });
  });

  it("filterGroups EQ and IN on hs_object_id tell whether ids exist", async () => {
    const [a, b] = [crm.deals[1]?.id ?? "", crm.deals[2]?.id ?? ""];
    const eq = await search("deals", {
      filterGroups: [{ filters: [{ propertyName: "hs_object_id", operator: "EQ", value: a }] }],
    });
    expect(eq.page?.results.map((r) => r.id)).toEqual([a]);
    const inOp = await search("deals", {
      filterGroups: [{ filters: [{ propertyName: "hs_object_id", operator: "IN", values: [a, b, "123"] }] }],
    });
    expect(inOp.page?.results.map((r) => r.id).sort()).toEqual([a, b].sort());
    const none = await search("contacts", {
      filterGroups: [{ filters: [{ propertyName: "hs_object_id", operator: "EQ", value: a }] }],
    });
    expect(none.page?.total).toBe(0);
  });

  it("filter groups are ORed and filters inside one ANDed", async () => {
    const { page } = await search("deals", {
      filterGroups: [
        {
          filters: [
            { propertyName: "dealstage", operator: "EQ", value: "closedwon" },
            { propertyName: "amount", operator: "GTE", value: "50000" },
          ],
        },
        { filters: [{ propertyName: "dealstage", operator: "EQ", value: "contractsent" }] },
      ],
      properties: ["dealstage", "amount"],
      limit: 200,
    });
    expect(page?.total).toBeGreaterThan(0);
    for (const r of page?.results ?? []) {
      const won = r.properties.dealstage === "closedwon" && Number(r.properties.amount) >= 50_000;
      expect(won || r.properties.dealstage === "contractsent").toBe(true);
    }
  });

  it("pages with after until the last page, which has no paging", async () => {
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 10; i++) {
      const { page } = await search("contacts", { limit: 100, ...(after ? { after } : {}) });
      seen.push(...(page?.results.map((r) => r.id) ?? []));
      expect(page?.total).toBe(CRM_SIZES.contacts);
      after = page?.paging?.next?.after;
      if (!after) break;
    }
    expect(seen).toHaveLength(CRM_SIZES.contacts);
    expect(new Set(seen).size).toBe(CRM_SIZES.contacts);
  });

  it("returns default properties plus the ones asked for", async () => {
    const { page } = await search("contacts", { limit: 1, properties: ["fullname", "jobtitle"] });
    expect(Object.keys(page?.results[0]?.properties ?? {}).sort()).toEqual(
      [
        "createdate",
        "email",
        "firstname",
        "fullname",
        "hs_lastmodifieddate",
        "hs_object_id",
        "jobtitle",
        "lastname",
      ].sort(),
    );
  });

  it("sorts by a property, descending with a leading -", async () => {
    const { page } = await search("line_items", { sorts: ["-price"], limit: 20, properties: ["price"] });
    const prices = page?.results.map((r) => Number(r.properties.price)) ?? [];
    expect(prices).toEqual([...prices].sort((x, y) => y - x));
  });

  it("refuses a limit over 200 and a malformed body with 400", async () => {
    const big = await search("deals", { limit: 201 });
    expect(big.status).toBe(400);
    expect(ApiErrorBody.parse(big.json).category).toBe("VALIDATION_ERROR");
    expect((await search("deals", "{")).status).toBe(400);
    expect((await search("deals", { after: "abc" })).status).toBe(400);
  });
});

describe("quote templates and account", () => {
  it("lists ~6 templates with hs_name, paging with after", async () => {
    const clock = fakeClock();
    const sim = createSimulator({ clock });
    const first = ObjectCollection.parse(
      (await call(sim, "GET", "/crm/v3/objects/quote_template?properties=hs_name&limit=4")).json,
    );
    expect(first.results).toHaveLength(4);
    expect(first.results[0]?.properties.hs_name).toBe("Standard quote");
    const after = first.paging?.next?.after ?? "";
    const rest = ObjectCollection.parse(
      (await call(sim, "GET", `/crm/v3/objects/quote_templates?properties=hs_name&limit=4&after=${after}`))
        .json,
    );
    expect(rest.results).toHaveLength(2);
    expect(rest.paging).toBeUndefined();
  });

  it.each(["/account-info/v3/details", "/account-info/2026-03/details"])("serves %s", async (path) => {
    const clock = fakeClock();
    const res = await call(createSimulator({ clock }), "GET", path);
    expect(res.json).toMatchObject({
      portalId: 24_681_357,
      accountType: "STANDARD",
      companyCurrency: "USD",
      uiDomain: "app.hubspot.com",
      timeZone: "America/New_York",
    });
  });
});

describe("search: property names that are Object.prototype's", () => {
  it.each(["__proto__", "constructor", "toString"])(
    "a %s filter, sort or property matches nothing and crashes nothing",
    async (name) => {
      const sim = createSimulator({ clock: fakeClock() });
      const res = await call(sim, "POST", "/crm/v3/objects/deals/search", {
        filterGroups: [{ filters: [{ propertyName: name, operator: "EQ", value: "x" }] }],
        sorts: [name],
        properties: [name],
      });
      expect(res.status).toBe(200);
      expect(ObjectCollection.parse(res.json).total).toBe(0);
      const all = await call(sim, "POST", "/crm/v3/objects/deals/search", {
        filterGroups: [{ filters: [{ propertyName: name, operator: "NOT_HAS_PROPERTY" }] }],
        sorts: [`-${name}`],
        properties: [name],
        limit: 1,
      });
      const first = ObjectCollection.parse(all.json).results[0];
      expect(first && Object.hasOwn(first.properties, name)).toBe(false);
    },
  );
});
