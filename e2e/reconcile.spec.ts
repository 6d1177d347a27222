import { expect, test } from "@playwright/test";
import { pasteText } from "./clipboard.ts";

test("a dropped answer this browser cannot look up leaves rows unknown; another browser reconciles them from History, without duplicates", async ({
  page,
  browser,
}, testInfo) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.request.post("/api/simulator/reset");
  await page.goto("/");
  const grid = page.getByRole("grid", { name: "Quotes" });
  await expect(grid.getByRole("columnheader", { name: /^Deal/ }).first()).toBeVisible();
  await grid.focus();
  await pasteText(page, grid, "Dropped answer one\t2031-01-01\r\nDropped answer two\t2031-01-02\r\n");

  // HubSpot applies the create, then the connection drops before its answer: the outcome is unknown. This
  // browser's own lookup when the run ends cannot get through either (its network fails it), so the rows
  // stay unknown here, for another browser to settle.
  expect((await page.request.post("/api/simulator/faults", { data: { dropAfterApplyRate: 1 } })).ok()).toBe(
    true,
  );
  await page.route(/\/api\/submissions\/[^/]+\/reconcile$|\/quotes\/batch\/read$/, (route) => route.abort());
  await page.getByRole("button", { name: "Submit batch" }).click();
  await page
    .getByRole("dialog", { name: "Submit batch" })
    .getByRole("button", { name: "Create 2 quotes" })
    .click();
  const progress = page.getByRole("region", { name: "Submission progress" });
  await expect(progress.getByText("Submission finished")).toBeVisible({ timeout: 15_000 });
  await expect(progress.getByText(/2\s*unknown/)).toBeVisible();
  await page.request.post("/api/simulator/faults", { data: { dropAfterApplyRate: 0 } });
  await page.unrouteAll();
  expect((await (await page.request.get("/api/simulator/quotes")).json()).count).toBe(2);

  // A fresh browser: no storage, no draft. The team's History has the submission, from the server.
  const other = await browser.newContext({ baseURL: testInfo.project.use.baseURL });
  const fresh = await other.newPage();
  await fresh.goto("/?outcome=unknown#history");
  const newest = fresh.getByRole("table", { name: "Past submissions" }).getByRole("row").nth(1);
  await expect(newest).toContainText("This computer");
  await newest.getByRole("button", { name: /Open results/ }).click();
  const results = fresh.getByRole("table", { name: "Results" });
  await expect(results.getByRole("cell", { name: "unknown", exact: true })).toHaveCount(2);

  await fresh.getByRole("button", { name: "Reconcile unknown rows (2)" }).click();
  await expect(fresh.getByText(/2 unknown rows were found in HubSpot and marked created/)).toBeVisible();
  await expect(results.getByRole("cell", { name: "created", exact: true })).toHaveCount(2);
  // Found, not sent again: still the two quotes HubSpot applied.
  expect((await (await page.request.get("/api/simulator/quotes")).json()).count).toBe(2);

  // Recorded on the server: the first browser's History shows it settled, and the journal says who did it.
  await page.goto("/#history");
  await page.reload();
  const row = page.getByRole("table", { name: "Past submissions" }).getByRole("row").nth(1);
  await expect(row.getByRole("cell").nth(5)).toHaveText("2");
  const journal = await (await page.request.get("/api/journal?state=reconciled")).json();
  expect(journal.entries[0].note).toMatch(/Reconciled by local at /);
  await other.close();
});
