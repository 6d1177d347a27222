import "fake-indexeddb/auto";
import { createStore } from "idb-keyval";
import { describe, expect, it } from "vitest";
import { BatchStore } from "../../domain/batch/batch-store.ts";
import { createLine, createRow } from "../../domain/batch/row.ts";
import { DraftSession } from "./draft-session.ts";
import { DraftStorage } from "./drafts.ts";

describe("DraftSession", () => {
  it("saves line items and batch defaults and restores them after a reload", async () => {
    const storage = new DraftStorage({ store: createStore("draft-session-test", "drafts") });
    const store = new BatchStore();
    const session = new DraftSession(store, storage);
    await session.start();
    store.apply({
      type: "insert-rows",
      inserts: [{ index: 0, row: createRow({ hs_title: "Q" }, "q", [createLine({ quantity: "3" }, "l")]) }],
    });
    store.apply({ type: "set-defaults", defaults: { cells: { hs_expiration_date: "+30" }, publish: true } });
    await session.save();

    const reloaded = new BatchStore();
    await new DraftSession(reloaded, storage).start();
    expect(reloaded.rows).toEqual([
      { id: "q", cells: { hs_title: "Q" }, lines: [{ id: "l", cells: { quantity: "3" } }] },
    ]);
    expect(reloaded.defaults).toEqual({ cells: { hs_expiration_date: "+30" }, publish: true });
  });
});
