import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "../axe.ts";
import { pasteText } from "../clipboard.ts";
import { csrfHeader, signIn } from "./sign-in-helpers.ts";

test("a submitter signs in at the company's provider, submits, and is refused an archive", async ({
  page,
  context,
}) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, "sam");
  const banner = page.getByRole("banner");
  await expect(banner.getByText("Sam Submitter")).toBeVisible();
  await expect(banner.getByText("Submitter", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page, "signed in as a submitter");

  const grid = page.getByRole("grid", { name: "Quotes" });
  await expect(grid.getByRole("columnheader", { name: /^Deal/ }).first()).toBeVisible();
  await grid.focus();
  await pasteText(page, grid, "Signed-in quote\t2031-01-01\r\n");
  await page.getByRole("button", { name: "Submit batch" }).click();
  const dialog = page.getByRole("dialog", { name: "Submit batch" });
  await dialog.getByRole("button", { name: "Create 1 quote" }).click();
  const progress = page.getByRole("region", { name: "Submission progress" });
  await expect(progress.getByText("Submission finished")).toBeVisible({ timeout: 15_000 });
  await page.getByRole("tab", { name: "Results" }).click();
  await expect(
    page.getByRole("table", { name: "Results" }).getByRole("cell", { name: "created", exact: true }),
  ).toHaveCount(1);

  // Undo/archive and the simulator's controls are an admin's: the API refuses them, the UI does not offer them.
  const headers = await csrfHeader(context);
  const archive = await page.request.post("/api/hubspot/crm/v3/objects/quotes/batch/archive", {
    headers,
    data: { inputs: [{ id: "1" }] },
  });
  expect(archive.status()).toBe(403);
  expect((await archive.json()).category).toBe("MISSING_ROLE");
  expect((await page.request.post("/api/simulator/reset", { headers })).status()).toBe(403);
  await expect(page.getByRole("button", { name: /Archive|Undo submission/ })).toHaveCount(0);
  // Without the page's CSRF token a write is refused even with the session cookie.
  const forged = await page.request.post("/api/hubspot/crm/v3/objects/quotes/batch/create", {
    data: { inputs: [] },
  });
  expect(forged.status()).toBe(403);
});

test("a viewer sees who is signed in but no Submit; signing out returns to the sign-in screen", async ({
  page,
}) => {
  await signIn(page, "vic");
  await expect(page.getByRole("banner").getByText("Vic Viewer")).toBeVisible();
  await expect(page.getByRole("banner").getByText("Viewer", { exact: true })).toBeVisible();
  await expect(page.getByText("View only: ask an admin to let you submit.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Submit batch" })).toHaveCount(0);
  await expectNoAxeViolations(page, "signed in as a viewer");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByText("You are signed out.")).toBeVisible();
  await expectNoAxeViolations(page, "signed out");
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  expect((await page.request.get("/api/me")).status()).toBe(401);
});

test("without a session the API answers 401 and the page offers sign-in", async ({ page }) => {
  expect((await page.request.get("/api/hubspot/crm/v3/properties/quotes")).status()).toBe(401);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Quote Batch Composer" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Sign in" })).toHaveAttribute(
    "href",
    "/auth/login?returnTo=%2F",
  );
  await expectNoAxeViolations(page, "sign-in screen");
});
