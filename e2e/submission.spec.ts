import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { pasteText } from "./clipboard.ts";
import { setFaults, waitUntilSavedOnTheWire } from "./submission-in-flight.ts";

test.beforeEach(async ({ context, page }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.request.post("/api/simulator/reset");
});

test("compose → submit → a 502 after apply: the rows are looked up by key and created once; a not-found deal is never sent", async ({
  page,
}, testInfo) => {
  await page.goto("/");
  const grid = page.getByRole("grid", { name: "Quotes" });
  const dealHeader = grid.getByRole("columnheader", { name: /^Deal/ }).first();
  await expect(dealHeader).toBeVisible();
  // Data columns start at aria-colindex 2 (the row-number column is 1).
  const dealColumn = Number(await dealHeader.getAttribute("aria-colindex")) - 2;
  const badRow = ["Bad deal quote", "2031-02-01", ...Array(dealColumn - 2).fill(""), "999999999"].join("\t");
  const tsv = [
    "Acme renewal\t2031-01-01",
    "Globex expansion\t2031-01-02",
    "Initech upsell\t2031-01-03",
    badRow,
    "Umbrella pilot\t2031-01-05",
    "\t2031-01-06",
  ].join("\r\n");
  await grid.focus();
  await pasteText(page, grid, `${tsv}\r\n`);
  await expect(grid).toHaveAttribute("aria-rowcount", "7");

  await page.getByRole("button", { name: "Submit batch" }).click();
  const dialog = page.getByRole("dialog", { name: "Submit batch" });
  // The grid marks the unknown deal as an error: the dialog counts that row invalid too (one validation).
  await expect(dialog.getByText("4 quotes → 1 request of at most 100")).toBeVisible();
  await expect(dialog.getByText(/2 invalid rows are skipped/)).toBeVisible();
  await expect(dialog.getByText("Simulator (built-in, no HubSpot account is touched)")).toBeVisible();
  await expect(dialog.getByRole("checkbox", { name: /Stamp each row with a unique key/ })).toBeChecked();
  await page.screenshot({ path: testInfo.outputPath("submission-dialog.png") });

  // HubSpot applies the request, then the answer is lost (502): nothing may be resent blindly.
  await setFaults(page, { latencyMs: 1500, failAfterApplyRate: 1 });
  await dialog.getByRole("button", { name: "Create 4 quotes" }).click();
  const progress = page.getByRole("region", { name: "Submission progress" });
  await expect(progress.getByRole("progressbar", { name: "Submission progress" })).toBeVisible();
  await expect(progress.getByText("Submitting batch…")).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath("submission-progress.png") });
  // When the run ends, the four rows whose answer was lost are looked up by their key, without a click:
  // found, so nothing is sent again.
  await expect(progress.getByText("Submission finished")).toBeVisible({ timeout: 15_000 });
  await expect(progress.getByText(/4\s*created/)).toBeVisible();
  await setFaults(page, { latencyMs: 0, failAfterApplyRate: 0 });

  let quotes = await (await page.request.get("/api/simulator/quotes")).json();
  expect(quotes.count).toBe(4);

  await page.getByRole("tab", { name: "Results" }).click();
  const results = page.getByRole("table", { name: "Results" });
  // Header, the four sent rows, and the two rows the dialog skipped as invalid (not sent, with why).
  await expect(results.getByRole("row")).toHaveCount(7);
  await expect(results.getByRole("cell", { name: "created", exact: true })).toHaveCount(4);
  await expect(results.getByText(/answer was lost; the quote was found in HubSpot by its key/)).toHaveCount(
    4,
  );
  const badDeal = results.getByRole("row").filter({ hasText: "Bad deal quote" });
  await expect(badDeal).toContainText("not sent");
  await expect(badDeal).toContainText("Deal 999999999 was not found");
  // The request itself stays on record as it was: sent, its answer lost.
  await page.getByText(/^Requests \(/).click();
  await expect(page.getByRole("table", { name: "Requests" })).toContainText("502");
  await expect(results.getByRole("link").first()).toHaveAttribute(
    "href",
    /^https:\/\/app\.hubspot\.com\/quotes\/\d+\/details\/\d+$/,
  );

  // No duplicates: every created quote carries a different row's trace id.
  quotes = await (await page.request.get("/api/simulator/quotes")).json();
  expect(quotes.count).toBe(4);
  const traceIds = new Set(quotes.results.map((q: { objectWriteTraceId?: string }) => q.objectWriteTraceId));
  expect(traceIds.size).toBe(4);

  await page.getByLabel("Show rows").selectOption("not-sent");
  await expect(results.getByRole("row")).toHaveCount(3);
  await page.getByLabel("Show rows").selectOption("all");
  await page.screenshot({ path: testInfo.outputPath("submission-results.png"), fullPage: true });

  await page.getByRole("button", { name: "Export…" }).click();
  const exporting = page.getByRole("dialog", { name: "Export results" });
  await expect(exporting.getByRole("radio", { name: /CSV, UTF-8/ })).toBeChecked();
  const download = page.waitForEvent("download");
  await exporting.getByRole("button", { name: "Export", exact: true }).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toMatch(/^quote-results-\d{4}-\d{2}-\d{2}_\d{2}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile(await saved.path(), "utf8");
  expect(csv).toContain("Row,Title,HubSpot id,Outcome,Error category,Error message,Property");
  expect(csv).toMatch(/Bad deal quote,,skipped \(invalid\),INVALID,Deal 999999999 was not found/);
  await expect(exporting).toBeHidden();
  await expect(page.getByText(`Saved “${saved.suggestedFilename()}”.`)).toBeVisible();

  // History keeps it; a reload shows the same results.
  await page.reload();
  await page.getByRole("tab", { name: "Results" }).click();
  await expect(
    page.getByRole("table", { name: "Results" }).getByRole("cell", { name: "created", exact: true }),
  ).toHaveCount(4);
  await page.getByRole("tab", { name: "History" }).click();
  const past = page.getByRole("table", { name: "Past submissions" });
  // The team's history holds other runs too: this one is the newest, first under the header.
  const newest = past.getByRole("row").nth(1);
  await expect(newest).toContainText("finished");
  await newest.getByRole("button", { name: /Open results/ }).click();
  await expect(page.getByRole("tab", { name: "Results" })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByRole("table", { name: "Results" }).getByRole("row")).toHaveCount(7);
});

test("the daily limit stops the submission and says so; nothing is marked created", async ({ page }) => {
  await page.goto("/");
  const grid = page.getByRole("grid", { name: "Quotes" });
  await expect(grid.getByRole("columnheader", { name: /Quote name/ })).toBeVisible();
  await grid.focus();
  await pasteText(page, grid, "One\t2031-01-01\r\nTwo\t2031-01-02\r\n");
  await setFaults(page, { dailyLimitReached: true });
  await page.getByRole("button", { name: "Submit batch" }).click();
  await page
    .getByRole("dialog", { name: "Submit batch" })
    .getByRole("button", { name: "Create 2 quotes" })
    .click();
  const progress = page.getByRole("region", { name: "Submission progress" });
  await expect(progress.getByText("Submission stopped")).toBeVisible();
  await expect(progress.getByText(/daily API limit/)).toBeVisible();
  await page.getByRole("tab", { name: "Results" }).click();
  await expect(
    page.getByRole("table", { name: "Results" }).getByRole("cell", { name: "not sent", exact: true }),
  ).toHaveCount(2);
});

test("leaving mid-submission asks first; after a reload the rows on the wire are unknown, to reconcile", async ({
  page,
}) => {
  await page.goto("/");
  const grid = page.getByRole("grid", { name: "Quotes" });
  await expect(grid.getByRole("columnheader", { name: /Quote name/ })).toBeVisible();
  await grid.focus();
  await pasteText(page, grid, "Slow one\t2031-01-01\r\nSlow two\t2031-01-02\r\n");
  // Long enough that the request is still on the wire when the page reloads on a loaded machine.
  await setFaults(page, { latencyMs: 8000 });
  await page.getByRole("button", { name: "Submit batch" }).click();
  await page
    .getByRole("dialog", { name: "Submit batch" })
    .getByRole("button", { name: "Create 2 quotes" })
    .click();
  await expect(page.getByText("Submitting batch…")).toBeVisible();
  await waitUntilSavedOnTheWire(page);

  const asked = new Promise<string>((resolve) => {
    page.once("dialog", async (dialog) => {
      resolve(dialog.type());
      await dialog.accept();
    });
  });
  await page.reload();
  expect(await asked).toBe("beforeunload");
  await setFaults(page, { latencyMs: 0 });

  const progress = page.getByRole("region", { name: "Submission progress" });
  await expect(progress.getByText(/Submission interrupted/)).toBeVisible();
  await page.getByRole("tab", { name: "Results" }).click();
  await expect(
    page.getByRole("table", { name: "Results" }).getByRole("cell", { name: "unknown", exact: true }),
  ).toHaveCount(2);
  await page.getByRole("button", { name: /Reconcile unknown rows/ }).click();
  await expect(
    page.getByRole("table", { name: "Results" }).getByRole("cell", { name: "created", exact: true }),
  ).toHaveCount(2);
  const quotes = await (await page.request.get("/api/simulator/quotes")).json();
  expect(quotes.count).toBe(2);
});
