// @vitest-environment jsdom
import "fake-indexeddb/auto";
import "@testing-library/jest-dom/vitest";
import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createStore } from "idb-keyval";
import { afterEach, describe, expect, it } from "vitest";
import { BatchStore } from "../../../domain/batch/batch-store.ts";
import { createRow } from "../../../domain/batch/row.ts";
import { AppServicesProvider } from "../../../lib/services/app-services-context.tsx";
import { DraftStorage } from "../../../lib/storage/drafts.ts";
import { testServices } from "../../../test/app-services.tsx";
import { DraftsMenu } from "./drafts-menu.tsx";
import { useDraftAutosave } from "./use-draft-autosave.ts";

afterEach(cleanup);

let counter = 0;
function freshStorage() {
  counter += 1;
  return new DraftStorage({ store: createStore(`drafts-menu-${counter}`, "drafts") });
}

function Page() {
  const state = useDraftAutosave();
  return (
    <>
      <p>draft status: {state.status}</p>
      <DraftsMenu />
    </>
  );
}

function renderPage(storage: DraftStorage, store = new BatchStore([createRow({}, "blank")])) {
  render(
    <AppServicesProvider services={testServices({ batch: store, drafts: storage })}>
      <Page />
    </AppServicesProvider>,
  );
  return store;
}

const rows = [createRow({ hs_title: "One" }, "a"), createRow({ hs_title: "Two" }, "b")];

describe("drafts", () => {
  it("restores the current draft after a reload and autosaves edits", async () => {
    const storage = freshStorage();
    const draft = await storage.create("Renewals");
    await storage.save(draft.id, rows);

    const store = renderPage(storage);
    await screen.findByText("draft status: ready");
    expect(store.rows.map((row) => row.cells.hs_title)).toEqual(["One", "Two"]);
    expect(screen.getByRole("button", { name: "Draft: Renewals" })).toBeInTheDocument();

    act(() => store.apply({ type: "set-cells", edits: [{ rowId: "a", key: "hs_title", value: "Uno" }] }));
    await waitFor(async () => expect((await storage.load(draft.id))[0]?.cells.hs_title).toBe("Uno"), {
      timeout: 3_000,
    });
  });

  it("asks before a new batch discards anything, saying how many rows", async () => {
    const user = userEvent.setup();
    const storage = freshStorage();
    const draft = await storage.create("Q4 batch");
    await storage.save(draft.id, rows);
    const store = renderPage(storage);
    await screen.findByText("draft status: ready");

    await user.click(screen.getByRole("button", { name: "Draft: Q4 batch" }));
    await user.click(screen.getByRole("button", { name: "New batch" }));
    const dialog = await screen.findByRole("dialog", { name: "Start a new batch?" });
    expect(dialog).toHaveAccessibleDescription("The current batch has 2 rows with content.");
    expect(within(dialog).getByRole("button", { name: "Discard 2 rows" })).toBeInTheDocument();
    await user.click(within(dialog).getByRole("button", { name: "Keep as draft, start new" }));

    await waitFor(() => expect(store.rows).toHaveLength(0));
    await user.click(await screen.findByRole("button", { name: "Open draft Q4 batch" }));
    await waitFor(() => expect(store.rows.map((row) => row.id)).toEqual(["a", "b"]));
    expect(screen.getByRole("button", { name: /Draft: Q4 batch/ })).toBeInTheDocument();
  });

  it("renames the current draft and deletes another after confirming", async () => {
    const user = userEvent.setup();
    const storage = freshStorage();
    const old = await storage.create("Old one");
    await storage.save(old.id, rows);
    await storage.create("Current");
    renderPage(storage);
    await screen.findByText("draft status: ready");

    await user.click(screen.getByRole("button", { name: "Draft: Current" }));
    const name = screen.getByRole("textbox", { name: "Draft name" });
    await user.clear(name);
    await user.type(name, "Renamed");
    await user.click(screen.getByRole("button", { name: "Rename" }));
    expect(await screen.findByRole("button", { name: "Draft: Renamed" })).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Delete draft Old one" }));
    const dialog = await screen.findByRole("dialog", { name: "Delete draft “Old one”?" });
    expect(dialog).toHaveTextContent("Its 2 rows will be discarded.");
    await user.click(within(dialog).getByRole("button", { name: "Delete draft" }));
    await waitFor(async () => expect((await storage.list()).map((d) => d.name)).toEqual(["Renamed"]));
  });
});
