import "fake-indexeddb/auto";
import { createStore, set } from "idb-keyval";
import { describe, expect, it } from "vitest";
import {
  decodeDraft,
  decodeRows,
  encodeRows,
  encodeRowsNow,
  ROWS_PER_SLICE,
  type StoredRow,
} from "./draft-encoding.ts";
import { DraftStorage, draftTitle } from "./drafts.ts";

let dbCounter = 0;
function storage() {
  dbCounter += 1;
  let clock = 1_000;
  let ids = 0;
  return new DraftStorage({
    store: createStore(`drafts-test-${dbCounter}`, "drafts"),
    now: () => {
      clock += 1;
      return clock;
    },
    newId: () => {
      ids += 1;
      return `d${ids}`;
    },
  });
}

const rows: StoredRow[] = [
  { id: "a", cells: { hs_title: "First", "assoc:deals:HUBSPOT_DEFINED:64": "12" }, lines: [] },
  { id: "b", cells: { hs_title: "", hs_status: "DRAFT" }, lines: [] },
  { id: "c", cells: {}, lines: [] },
];

const line = (id: string, cells: Record<string, string>) => ({ id, cells });

describe("draft encoding", () => {
  it("round-trips rows across slices, dropping only empty cells", async () => {
    const many = Array.from({ length: ROWS_PER_SLICE * 2 + 5 }, (_, i) => ({
      id: `r${i}`,
      cells: { n: String(i) },
      lines: [],
    }));
    let pauses = 0;
    const encoded = await encodeRows(many, async () => {
      pauses += 1;
    });
    expect(encoded.slices).toHaveLength(3);
    // Three while finding the columns, two between the three slices.
    expect(pauses).toBe(5);
    expect(decodeRows(encoded)).toEqual(many);
    expect(decodeRows(encodeRowsNow(rows))).toEqual([
      rows[0],
      { id: "b", cells: { hs_status: "DRAFT" }, lines: [] },
      rows[2],
    ]);
  });

  it("round-trips line items across slices and the batch defaults", async () => {
    const many: StoredRow[] = Array.from({ length: ROWS_PER_SLICE + 3 }, (_, i) => ({
      id: `r${i}`,
      cells: { hs_title: `Q${i}` },
      lines:
        i % 2 === 0
          ? [line(`l${i}a`, { hs_product_id: "101", quantity: "2" }), line(`l${i}b`, { price: "9.5" })]
          : [],
    }));
    const defaults = { cells: { hs_expiration_date: "+30", hs_status: "DRAFT" }, publish: true };
    const draft = decodeDraft(await encodeRows(many, undefined, defaults));
    expect(draft.rows).toEqual(many);
    expect(draft.defaults).toEqual(defaults);
    expect(decodeDraft(encodeRowsNow(many, defaults))).toEqual(draft);
  });

  it("still loads a version 1 draft, saved before line items and defaults existed", () => {
    const old = { version: 1, columns: ["hs_title"], ids: ["a", "b"], slices: ['[["One"],[""]]'] };
    expect(decodeDraft(old)).toEqual({
      rows: [
        { id: "a", cells: { hs_title: "One" }, lines: [] },
        { id: "b", cells: {}, lines: [] },
      ],
      defaults: undefined,
    });
  });

  it("loses a damaged line, not its row", () => {
    const encoded = encodeRowsNow([
      { id: "a", cells: { x: "1" }, lines: [{ id: "l", cells: { quantity: "1" } }] },
    ]);
    const damaged = { ...encoded, lineSlices: ['[[[1, "x"], ["m", "3"]]]'] };
    expect(decodeRows(damaged)).toEqual([
      { id: "a", cells: { x: "1" }, lines: [{ id: "m", cells: { quantity: "3" } }] },
    ]);
  });

  it("loses a damaged slice, not the draft, and treats garbage as no rows", () => {
    const encoded = encodeRowsNow(rows);
    expect(decodeRows({ ...encoded, slices: ["{not json"] })).toEqual([]);
    expect(decodeRows("garbage")).toEqual([]);
  });
});

describe("DraftStorage", () => {
  it("saves and loads a draft's rows and keeps its row count in the list", async () => {
    const drafts = storage();
    const draft = await drafts.create();
    expect(draft.name).toBe("");
    expect(draftTitle(draft, [draft])).toEqual({ untitled: 1 });
    await drafts.save(draft.id, rows);
    expect(await drafts.load(draft.id)).toHaveLength(3);
    expect((await drafts.list())[0]).toMatchObject({ id: draft.id, rowCount: 3 });
    expect((await drafts.current())?.id).toBe(draft.id);
  });

  it("lists several named drafts, newest change first, renames and switches", async () => {
    const drafts = storage();
    const first = await drafts.create("March renewals");
    const second = await drafts.create();
    expect(second.name).toBe("");
    expect((await drafts.current())?.id).toBe(second.id);
    await drafts.save(first.id, rows);
    const listed = await drafts.list();
    expect(listed.map((d) => draftTitle(d, listed))).toEqual([{ name: "March renewals" }, { untitled: 2 }]);
    await drafts.rename(second.id, "  April  ");
    await drafts.rename(second.id, "   ");
    await drafts.setCurrent(first.id);
    expect(await drafts.current()).toMatchObject({ id: first.id, name: "March renewals" });
    expect((await drafts.list()).map((d) => d.name)).toContain("April");
  });

  it("deletes a draft and its rows, making another one current", async () => {
    const drafts = storage();
    const first = await drafts.create("One");
    const second = await drafts.create("Two");
    await drafts.save(second.id, rows);
    await drafts.remove(second.id);
    expect(await drafts.load(second.id)).toEqual([]);
    expect(await drafts.current()).toMatchObject({ id: first.id });
    await drafts.remove(first.id);
    expect(await drafts.current()).toBeUndefined();
    expect(await drafts.list()).toEqual([]);
  });

  it("saves and restores 50,000 rows × 20 columns", { timeout: 60_000 }, async () => {
    const columns = Array.from({ length: 20 }, (_, i) => `p${i}`);
    const big = Array.from({ length: 50_000 }, (_, i) => ({
      id: `r${i}`,
      cells: Object.fromEntries(columns.map((key) => [key, `${key}-${i}`])),
      lines: [],
    }));
    const drafts = storage();
    const draft = await drafts.create();
    const start = performance.now();
    await drafts.save(draft.id, big);
    const elapsed = performance.now() - start;
    // Generous bound: fake-indexeddb clones in JS and CI machines are shared.
    expect(elapsed).toBeLessThan(15_000);
    const back = await drafts.load(draft.id);
    expect(back).toHaveLength(50_000);
    expect(back[49_999]?.cells.p19).toBe("p19-49999");
  });
});

describe("untitled drafts", () => {
  it("reads the English default names stored before as untitled, so they follow the language", async () => {
    const store = createStore(`legacy-${Math.random()}`, "drafts");
    const meta = (id: string, name: string, createdAt: number) => ({
      id,
      name,
      createdAt,
      updatedAt: createdAt,
      rowCount: 0,
    });
    await set(
      "index",
      {
        currentId: "b",
        drafts: [meta("a", "Untitled batch", 1), meta("b", "Untitled batch 2", 2), meta("c", "Untitled", 3)],
      },
      store,
    );
    const listed = await new DraftStorage({ store }).list();
    expect(listed.map((d) => [d.id, draftTitle(d, listed)])).toEqual([
      ["c", { name: "Untitled" }],
      ["b", { untitled: 2 }],
      ["a", { untitled: 1 }],
    ]);
  });
});
