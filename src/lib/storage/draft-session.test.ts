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

  it("keeps the saved draft when the user imports before it was restored: the new rows go to a new draft", async () => {
    const storage = new DraftStorage({ store: createStore("draft-session-race", "drafts") });
    const first = new BatchStore();
    const session = new DraftSession(first, storage);
    await session.start();
    first.apply({ type: "insert-rows", inserts: [{ index: 0, row: createRow({ hs_title: "Saved" }, "s") }] });
    await session.save();

    // The next page load: an import lands before the restore has read the draft.
    const reloaded = new BatchStore();
    const next = new DraftSession(reloaded, storage);
    const restoring = next.start();
    reloaded.apply({ type: "replace-rows", rows: [createRow({ hs_title: "Imported" }, "i")] }, "import");
    await restoring;
    expect(reloaded.rows.map((row) => row.cells.hs_title)).toEqual(["Imported"]);
    await next.save();

    const drafts = await storage.list();
    expect(drafts).toHaveLength(2);
    const saved = drafts.find((draft) => draft.id !== next.getState().current?.id)!;
    expect((await storage.load(saved.id)).map((row) => row.cells.hs_title)).toEqual(["Saved"]);
    expect((await storage.load(next.getState().current!.id)).map((row) => row.cells.hs_title)).toEqual([
      "Imported",
    ]);
  });
});
