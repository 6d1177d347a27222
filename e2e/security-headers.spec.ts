import { expect, test } from "@playwright/test";

/**
 * The built app under its own Content-Security-Policy: loading, composing, a CSV import (its parser runs in a
 * worker) and every section must not trip the policy, or a stricter header would have broken the app silently.
 */
test("the built app runs under its Content-Security-Policy without a violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`Refused to load (CSP ${event.violatedDirective}): ${event.blockedURI}`);
    });
  });

  const response = await page.goto("/");
  const headers = response?.headers() ?? {};
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).toContain("script-src 'self'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("same-origin");

  const grid = page.getByRole("grid", { name: "Quotes" });
  await expect(grid.getByRole("columnheader", { name: /^Deal/ }).first()).toBeVisible();
  await page.evaluate(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(["Title,Expiration\r\nCSP check,2031-01-01\r\n"], "csp.csv"));
    for (const type of ["dragenter", "dragover", "drop"])
      document.body.dispatchEvent(
        new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }),
      );
  });
  await expect(page.getByRole("dialog", { name: "Import “csp.csv”" })).toBeVisible();
  await page.keyboard.press("Escape");
  for (const name of ["Results", "History", "HubSpot properties", "Compose"]) {
    await page.getByRole("tab", { name }).click();
  }

  const api = await page.request.get("/api/health");
  expect(api.headers()["cache-control"]).toBe("no-store");
  expect(violations).toEqual([]);
});
