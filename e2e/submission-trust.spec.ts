import { expect, type Page, test } from "@playwright/test";

test.beforeEach(async ({ page }) => {
  await page.request.post("/api/simulator/reset");
  await page.goto("/");
});

async function importCsv(page: Page, csv: string, rows: number): Promise<void> {
  await page
    .getByLabel("Import CSV")
    .setInputFiles({ name: "q.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Next: map columns" }).click();
  await dialog.getByRole("button", { name: `Import ${rows} rows` }).click();
  await expect(dialog).toBeHidden();
}

async function submit(page: Page, button: string | RegExp): Promise<void> {
  await page.getByRole("button", { name: "Submit batch" }).click();
  await page.getByRole("dialog", { name: "Submit batch" }).getByRole("button", { name: button }).click();
  await expect(
    page.getByRole("region", { name: "Submission progress" }).getByText("Submission finished"),
  ).toBeVisible();
}

const CSV =
  "Quote name,Expiration date\nAcme,2031-01-01\nGlobex,2031-01-02\nInitech,2031-01-03\nBroken,not a date\n";

test("with the import's notice shown, the progress panel's Results link is not covered and works", async ({
  page,
}) => {
  await importCsv(page, CSV, 4);
  const notice = page.getByRole("region", { name: "Notifications" }).getByText("1 cell needs attention");
  await expect(notice).toBeVisible();
  await submit(page, "Create 3 quotes");
  await expect(notice).toBeVisible();
  // A real click (Playwright refuses when another element would receive it).
  await page.getByRole("link", { name: "See every row's outcome in Results" }).click();
  await expect(page.getByRole("tab", { name: "Results" })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Escape");
  await expect(notice).toBeHidden();
});

test("submitting the same batch twice: rows already created are flagged and skipped; a conflict is 'already in HubSpot', never created", async ({
  page,
}) => {
  await importCsv(page, CSV, 4);
  await submit(page, "Create 3 quotes");
  expect((await (await page.request.get("/api/simulator/quotes")).json()).count).toBe(3);

  // Second time: the dialog knows, and skips them by default.
  await page.getByRole("button", { name: "Submit batch" }).click();
  const dialog = page.getByRole("dialog", { name: "Submit batch" });
  await expect(
    dialog.getByRole("group", { name: "3 rows were already created by an earlier submission" }),
  ).toBeVisible();
  await expect(dialog.getByRole("radio", { name: /Skip them/ })).toBeChecked();
  await expect(dialog.getByRole("button", { name: "Nothing to send" })).toBeDisabled();
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // This browser forgets its history (another machine, a cleared profile): HubSpot's unique key still holds.
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const request = indexedDB.deleteDatabase("quote-batch-submissions");
        request.onsuccess = () => resolve();
        request.onblocked = () => resolve();
      }),
  );
  await page.reload();
  await submit(page, "Create 3 quotes");
  const progress = page.getByRole("region", { name: "Submission progress" });
  await expect(progress.getByText(/3\s*already in HubSpot/)).toBeVisible();
  await expect(progress.getByText(/0\s*created/)).toBeVisible();
  expect((await (await page.request.get("/api/simulator/quotes")).json()).count).toBe(3);

  await page.getByRole("tab", { name: "Results" }).click();
  const results = page.getByRole("table", { name: "Results" });
  await expect(results.getByRole("cell", { name: "already in HubSpot", exact: true })).toHaveCount(3);
  await expect(results.getByRole("cell", { name: "created", exact: true })).toHaveCount(0);
  await expect(results.getByText(/Already in HubSpot \(id \d+\)/).first()).toBeVisible();

  await page.getByRole("tab", { name: "History" }).click();
  const past = page.getByRole("table", { name: "Past submissions" });
  await expect(past.getByRole("row").nth(1)).toContainText("nothing new");
});

test("the requests table shows each batch status HubSpot answers, what it means, and when each attempt went and came back", async ({
  page,
}) => {
  await importCsv(page, CSV, 4);
  await page.request.post("/api/simulator/faults", { data: { processingRate: 1 } });
  await submit(page, "Create 3 quotes");
  await page.request.post("/api/simulator/faults", { data: { processingRate: 0 } });
  await page.getByRole("tab", { name: "Results" }).click();
  await page.getByText(/^Requests \(/).click();
  const requests = page.getByRole("table", { name: "Requests" });
  await expect(requests).toContainText("PROCESSING");
  await expect(requests).toContainText("HubSpot was still working on this request");
  await expect(requests.getByRole("list", { name: "Attempts of request 1" })).toContainText(
    /sent .+, HTTP 201 at .+/,
  );
  // HubSpot listed only part of the batch: the rest was looked up by key when the run ended (found, so
  // never sent again), and says so.
  const results = page.getByRole("table", { name: "Results" });
  await expect(results.getByRole("cell", { name: "created", exact: true })).toHaveCount(3);
  await expect(results.getByText(/found in HubSpot by its key/).first()).toBeVisible();
  expect((await (await page.request.get("/api/simulator/quotes")).json()).count).toBe(3);
});
