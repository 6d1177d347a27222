import { expect, test } from "@playwright/test";
import { pasteText } from "../clipboard.ts";
import { csrfHeader, personPage } from "./sign-in-helpers.ts";

test("an admin sees a submitter's submission in History with who sent it; a viewer reads it and cannot submit", async ({
  browser,
}, testInfo) => {
  const baseURL = testInfo.project.use.baseURL;
  const title = `Team quote ${Date.now()}`;

  const sam = await personPage(browser, baseURL, "sam");
  const grid = sam.getByRole("grid", { name: "Quotes" });
  await expect(grid.getByRole("columnheader", { name: /^Deal/ }).first()).toBeVisible();
  await grid.focus();
  await pasteText(sam, grid, `${title}\t2031-01-01\r\n`);
  await sam.getByRole("button", { name: "Submit batch" }).click();
  await sam
    .getByRole("dialog", { name: "Submit batch" })
    .getByRole("button", { name: "Create 1 quote" })
    .click();
  await expect(
    sam.getByRole("region", { name: "Submission progress" }).getByText("Submission finished"),
  ).toBeVisible({ timeout: 15_000 });
  await sam.context().close();

  // Ada, in her own browser, finds it under Sam's name and opens its results.
  const ada = await personPage(browser, baseURL, "ada");
  await ada.getByRole("tab", { name: "History" }).click();
  await ada.getByRole("combobox", { name: "Sent by" }).selectOption({ label: "Sam Submitter" });
  const row = ada
    .getByRole("table", { name: "Past submissions" })
    .getByRole("row")
    .filter({ hasText: "Sam Submitter" });
  await expect(row.first()).toBeVisible();
  await row
    .first()
    .getByRole("button", { name: /Open results/ })
    .click();
  const results = ada.getByRole("table", { name: "Results" });
  await expect(results.getByText(title)).toBeVisible();
  await expect(results.getByRole("cell", { name: "created", exact: true })).toHaveCount(1);
  await ada.context().close();

  // Vic views: the team's history and its results, read-only; no Submit, and the API refuses his writes.
  const vic = await personPage(browser, baseURL, "vic");
  await expect(vic.getByRole("button", { name: "Submit batch" })).toHaveCount(0);
  await vic.getByRole("tab", { name: "History" }).click();
  await expect(vic.getByText(/Reconciling and sending again need the submitter role/)).toBeVisible();
  const seen = vic
    .getByRole("table", { name: "Past submissions" })
    .getByRole("row")
    .filter({ hasText: "Sam Submitter" });
  await seen
    .first()
    .getByRole("button", { name: /Open results/ })
    .click();
  await expect(vic.getByRole("table", { name: "Results" }).getByText(title)).toBeVisible();
  await expect(vic.getByRole("button", { name: /Retry failed rows|Reconcile/ })).toHaveCount(0);

  const headers = await csrfHeader(vic.context());
  const create = await vic.request.post("/api/hubspot/crm/v3/objects/quotes/batch/create", {
    headers,
    data: {
      inputs: [{ properties: { hs_title: "Vic's", hs_expiration_date: "2031-01-01" }, associations: [] }],
    },
  });
  expect(create.status()).toBe(403);
  expect((await create.json()).category).toBe("MISSING_ROLE");
  const record = await vic.request.put("/api/submissions/vic-1", { headers, data: { state: {} } });
  expect(record.status()).toBe(403);
  await vic.context().close();
});
