// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import axe from "axe-core";
import { useState } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { AssociationTargetType } from "../../../hubspot/association-catalogue.ts";
import { ObjectCollection } from "../../../hubspot/search.ts";
import { requestHubspot } from "../../../lib/api/client.ts";
import { setupMockApi } from "../../../mocks/node.ts";
import { RecordLookup } from "./record-lookup.tsx";
import { useRecordNames } from "./use-record-names.ts";

const api = setupMockApi();
afterEach(cleanup);

async function firstRecord(type: "deals" | "contacts") {
  const page = await requestHubspot(`/crm/v3/objects/${type}/search`, ObjectCollection, {
    method: "POST",
    body: { properties: ["dealname", "firstname", "lastname", "email"], limit: 1 },
  });
  const record = page.results[0];
  if (!record) throw new Error(`the simulator has no ${type}`);
  return record;
}

function Harness({ objectType, onCancel }: { objectType: AssociationTargetType; onCancel?: () => void }) {
  const [value, setValue] = useState("");
  return (
    <>
      <RecordLookup
        objectType={objectType}
        value={value}
        onChange={setValue}
        onCancel={onCancel}
        debounceMs={10}
      />
      <output aria-label="Cell value">{value}</output>
    </>
  );
}

function renderLookup(objectType: AssociationTargetType, onCancel?: () => void) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <Harness objectType={objectType} onCancel={onCancel} />
    </QueryClientProvider>,
  );
}

function Names({ id }: { id: string }) {
  const names = useRecordNames("contacts", [id, "987654321", "987654322", "not-an-id"]);
  return (
    <p>
      {names.status}: {[...names.records.keys()].join(",")} missing {[...names.missing].sort().join(",")}
    </p>
  );
}

describe("RecordLookup", () => {
  it("searches deals by name and shows each record's name beside its id", async () => {
    const user = userEvent.setup();
    const deal = await firstRecord("deals");
    const word = (deal.properties.dealname ?? "").split(" ")[0] ?? "";
    renderLookup("deals");
    const input = screen.getByRole("combobox", { name: "Search deals" });
    await user.type(input, word);
    const list = await screen.findByRole("listbox", { name: "Deal results" });
    const option = await within(list).findByRole("option", { name: new RegExp(deal.id) });
    expect(option).toHaveTextContent(deal.properties.dealname ?? "");
    expect(input).toHaveAttribute("aria-expanded", "true");
    await user.keyboard("{ArrowDown}");
    expect(input.getAttribute("aria-activedescendant")).toBeTruthy();
    await user.click(option);
    await waitFor(() => expect(screen.getByLabelText("Cell value")).toHaveTextContent(deal.id));
    expect(await screen.findByText(`${deal.properties.dealname} (${deal.id})`)).toBeInTheDocument();
  });

  it("takes a typed id and says when it does not exist", async () => {
    const user = userEvent.setup();
    renderLookup("deals");
    const input = screen.getByRole("combobox", { name: "Search deals" });
    await user.type(input, "987654321");
    // Debounce, then a search and a by-id read through the proxy: slow on a busy machine.
    expect(
      await screen.findByText("Deal 987654321 was not found.", {}, { timeout: 5000 }),
    ).toBeInTheDocument();
    const option = await screen.findByRole("option", { name: /not found/ });
    expect(option).toHaveAttribute("aria-disabled", "true");
    await user.click(option);
    expect(screen.getByLabelText("Cell value")).toHaveTextContent("");
  });

  it("keeps several contacts as removable chips", async () => {
    const user = userEvent.setup();
    const contact = await firstRecord("contacts");
    renderLookup("contacts");
    const input = screen.getByRole("combobox", { name: "Search contacts" });
    await user.type(input, `${contact.id}{Enter}`);
    await user.type(input, "987654321{Enter}");
    expect(screen.getByLabelText("Cell value")).toHaveTextContent(`${contact.id};987654321`);
    const chips = screen.getByRole("list", { name: "Chosen contacts" });
    expect(await within(chips).findByText("987654321 — not found")).toBeInTheDocument();
    await user.click(within(chips).getByRole("button", { name: "Remove Contact 987654321" }));
    expect(screen.getByLabelText("Cell value")).toHaveTextContent(contact.id);
    expect(screen.getByLabelText("Cell value").textContent).toBe(contact.id);
  });

  it("finds contacts by email and cancels on Escape", async () => {
    const user = userEvent.setup();
    const contact = await firstRecord("contacts");
    const onCancel = vi.fn();
    renderLookup("contacts", onCancel);
    const input = screen.getByRole("combobox", { name: "Search contacts" });
    // Pasted, so one search is sent: typed character by character on a slow machine, each keystroke
    // outlived the 10 ms debounce and the searches ran into HubSpot's 5-a-second search limit.
    await user.click(input);
    await user.paste(contact.properties.email ?? "");
    expect(
      await screen.findByRole("option", { name: new RegExp(contact.id) }, { timeout: 5000 }),
    ).toBeInTheDocument();
    await user.keyboard("{Escape}");
    expect(input).toHaveAttribute("aria-expanded", "false");
    await user.clear(input);
    await user.keyboard("{Escape}");
    expect(onCancel).toHaveBeenCalledTimes(1);
  });

  it("filters quote templates from the listing", async () => {
    const user = userEvent.setup();
    renderLookup("quote_template");
    await user.type(screen.getByRole("combobox", { name: "Search quote templates" }), "a");
    const list = await screen.findByRole("listbox", { name: "Quote template results" });
    await waitFor(() => expect(within(list).getAllByRole("option").length).toBeGreaterThan(0));
  });

  it("resolves names for many ids with one search request", async () => {
    const contact = await firstRecord("contacts");
    const searches: string[] = [];
    api.server.events.on("request:start", ({ request }) => {
      if (request.url.endsWith("/contacts/search")) searches.push(request.url);
    });
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    render(
      <QueryClientProvider client={client}>
        <Names id={contact.id} />
      </QueryClientProvider>,
    );
    expect(await screen.findByText(`success: ${contact.id} missing 987654321,987654322`)).toBeInTheDocument();
    expect(searches).toHaveLength(1);
    api.server.events.removeAllListeners();
  });

  it("has no serious or critical accessibility violations with results and chips showing", async () => {
    const user = userEvent.setup();
    const contact = await firstRecord("contacts");
    const { container } = renderLookup("contacts");
    const input = screen.getByRole("combobox", { name: "Search contacts" });
    await user.type(input, `${contact.id}{Enter}`);
    await user.type(input, contact.properties.email ?? "");
    await screen.findByRole("option", { name: new RegExp(contact.id) });
    const result = await axe.run(container, { rules: { "color-contrast": { enabled: false } } });
    const serious = result.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.nodes[0]?.html}`)).toEqual([]);
  });
});
