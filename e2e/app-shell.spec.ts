import { expect, test } from "@playwright/test";

test.describe("app shell", () => {
  test("shows the Simulator environment and the four sections", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("banner").getByText("Simulator", { exact: true })).toBeVisible();
    const tabs = page.getByRole("tablist", { name: "Sections" });
    for (const name of ["Compose", "Results", "History", "HubSpot properties"]) {
      await expect(tabs.getByRole("tab", { name })).toBeVisible();
    }
    await expect(page.getByRole("tab", { name: "Compose" })).toHaveAttribute("aria-selected", "true");
  });

  test("lists the quote properties, searchable, with their flags", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("tab", { name: "HubSpot properties" }).click();
    const table = page.getByRole("table", { name: "Quote properties" });
    await expect(table.getByRole("cell", { name: "hs_title", exact: true })).toBeVisible();
    await expect(table.getByRole("cell", { name: "hs_expiration_date", exact: true })).toBeVisible();
    await expect(table.getByRole("cell", { name: "hs_status", exact: true })).toBeVisible();

    await page.getByLabel("Search properties").fill("hs_quote_amount");
    const amountRow = table.getByRole("row").filter({ hasText: "hs_quote_amount" });
    await expect(amountRow).toHaveCount(1);
    await expect(amountRow.getByText("Writable", { exact: true })).toHaveCount(0);
    await expect(table.getByRole("cell", { name: "hs_title", exact: true })).toHaveCount(0);

    await page.getByLabel("Search properties").fill("no such property");
    await expect(page.getByRole("heading", { name: "No property matches" })).toBeVisible();
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(table.getByRole("cell", { name: "hs_title", exact: true })).toBeVisible();
  });

  test("keeps the selected section in the URL and keyboard-navigates the tabs", async ({ page }) => {
    await page.goto("/#properties");
    await expect(page.getByRole("tab", { name: "HubSpot properties" })).toHaveAttribute(
      "aria-selected",
      "true",
    );
    // locator.press focuses the tab first, so a late focus move elsewhere on the page cannot steal the key.
    await page.getByRole("tab", { name: "HubSpot properties" }).press("Home");
    await expect(page.getByRole("tab", { name: "Compose" })).toBeFocused();
    await expect(page.getByRole("tab", { name: "Compose" })).toHaveAttribute("aria-selected", "true");
    await page.getByRole("tab", { name: "Compose" }).press("ArrowRight");
    await expect(page).toHaveURL(/#results$/);
  });

  test("the API never hands the browser the token and rejects paths off the allow-list", async ({
    request,
  }) => {
    const health = await request.get("/api/health");
    expect(await health.json()).toMatchObject({ ok: true, upstream: "simulator" });
    expect(await health.text()).not.toContain("simulator-token");
    const outside = await request.get("/api/hubspot/crm/v3/objects/tickets");
    expect(outside.status()).toBe(404);
  });
});
