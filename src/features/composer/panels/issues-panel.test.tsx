// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { BatchStore } from "../../../domain/batch/batch-store.ts";
import { createRow } from "../../../domain/batch/row.ts";
import { availableColumns } from "../../../domain/columns/build-columns.ts";
import type { ColumnDef } from "../../../domain/columns/column-def.ts";
import { applyLayout } from "../../../domain/columns/layout.ts";
import { QUOTE_PROPERTIES } from "../../../domain/columns/property-fixtures.ts";
import { useIssueText } from "../../../i18n/issue-text.ts";
import { quotePropertiesKeys } from "../../../lib/api/get-quote-properties.ts";
import { AppServicesProvider } from "../../../lib/services/app-services-context.tsx";
import { testServices } from "../../../test/app-services.tsx";
import { IssuesPanel } from "./issues-panel.tsx";
import { useBatchValidation } from "./use-batch-validation.ts";

afterEach(cleanup);

const DEAL = "assoc:deals:HUBSPOT_DEFINED:64";
const TEMPLATE = "assoc:quote_template:HUBSPOT_DEFINED:286";
const columns = applyLayout(availableColumns(QUOTE_PROPERTIES, {}), ["hs_discount", DEAL, TEMPLATE]);
const good = { hs_title: "A", hs_expiration_date: "2099-01-01", [DEAL]: "1", [TEMPLATE]: "2" };

function Counts({ columns: cols }: { columns: readonly ColumnDef[] }) {
  const validation = useBatchValidation(cols);
  const issue = validation.issueFor("r2", "hs_discount");
  const describeIssue = useIssueText();
  return (
    <p>
      counts {validation.counts.errors}/{validation.counts.warnings}; discount:{" "}
      {issue ? describeIssue(issue.message) : "ok"}
    </p>
  );
}

/** HubSpot as these tests see it: every id exists except 404. */
const resolveRecords = async (_type: string, ids: readonly string[]) => ({
  found: new Map(ids.filter((id) => id !== "404").map((id) => [id, { id, name: `Record ${id}` }])),
  missing: ids.filter((id) => id === "404"),
});

function setup(
  rows = [createRow(good, "r1"), createRow({ hs_title: "B", hs_discount: "ten" }, "r2"), createRow({}, "r3")],
) {
  const store = new BatchStore(rows);
  const client = new QueryClient();
  client.setQueryData(quotePropertiesKeys.all, QUOTE_PROPERTIES);
  const onJump = vi.fn();
  render(
    <QueryClientProvider client={client}>
      <AppServicesProvider services={testServices({ batch: store, resolveRecords })}>
        <Counts columns={columns} />
        <IssuesPanel onJump={onJump} />
      </AppServicesProvider>
    </QueryClientProvider>,
  );
  return { store, client, onJump };
}

describe("useBatchValidation and IssuesPanel", () => {
  it("lists every problem by row number and column, errors first, and jumps to it", async () => {
    const user = userEvent.setup();
    const { onJump } = setup();
    expect(screen.getByText(/counts 2\/2; discount: “ten” is not a number/)).toBeInTheDocument();
    expect(screen.getByText("2 errors, 2 warnings")).toBeInTheDocument();
    const items = within(screen.getByRole("region", { name: "Problems" })).getAllByRole("listitem");
    expect(items.map((item) => item.textContent?.split("Go to cell")[0])).toEqual([
      expect.stringMatching(/^ErrorRow 2 · Expiration dateEnter an expiration date/),
      expect.stringMatching(/^ErrorRow 2 · Discount“ten” is not a number/),
      expect.stringMatching(/^WarningRow 2 · DealNo deal/),
      expect.stringMatching(/^WarningRow 2 · Quote templateNo quote template/),
    ]);
    await user.click(screen.getByRole("button", { name: "Go to cell: row 2, Discount" }));
    expect(onJump).toHaveBeenCalledWith("r2", "hs_discount", undefined);
  });

  it("follows edits and shows the empty state when nothing is wrong", () => {
    const { store } = setup();
    act(() =>
      store.apply({
        type: "set-cells",
        edits: [
          { rowId: "r2", key: "hs_discount", value: "10" },
          { rowId: "r2", key: "hs_expiration_date", value: "2099-01-01" },
        ],
      }),
    );
    expect(screen.getByText("counts 0/2; discount: ok")).toBeInTheDocument();
    act(() => store.apply({ type: "remove-rows", rowIds: ["r2"] }));
    expect(screen.getByText("No problems found")).toBeInTheDocument();
  });

  it("flags record ids that HubSpot does not know, without any lookup on screen", async () => {
    setup([createRow({ ...good, [DEAL]: "404" }, "r1")]);
    expect(
      await screen.findByText("Deal 404 was not found. Pick an existing deal or remove the id."),
    ).toBeInTheDocument();
  });

  it("names a column the grid does not show by its label, never its internal name", () => {
    setup([createRow({ ...good, hs_esign_enabled: "maybe" }, "r1")]);
    const items = within(screen.getByRole("region", { name: "Problems" })).getAllByRole("listitem");
    expect(items[0]).toHaveTextContent(/Row 1 · E-sign“maybe” is not true or false/);
    expect(screen.queryByText(/hs_esign_enabled/)).toBeNull();
  });

  it("lists a long batch's problems a page at a time", async () => {
    const user = userEvent.setup();
    const many = Array.from({ length: 400 }, (_, i) =>
      createRow({ ...good, hs_expiration_date: "" }, `m${i}`),
    );
    setup(many);
    const region = screen.getByRole("region", { name: "Problems" });
    expect(within(region).getAllByRole("listitem")).toHaveLength(300);
    await user.click(within(region).getByRole("button", { name: "Show 100 more" }));
    expect(within(region).getAllByRole("listitem")).toHaveLength(400);
    expect(
      within(region).getByRole("button", { name: "Go to cell: row 400, Expiration date" }),
    ).toBeInTheDocument();
  });
});
