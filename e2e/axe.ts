import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** The WCAG levels the app promises (issue 10): A and AA of 2.0, 2.1 and 2.2. */
export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"];

/** Runs axe over the whole page as it is now and fails on any violation, naming the rule and the elements. */
export async function expectNoAxeViolations(page: Page, state: string): Promise<void> {
  const result = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const found = result.violations.map(
    (violation) =>
      `${violation.impact ?? "?"} ${violation.id}: ${violation.nodes
        .slice(0, 5)
        .map((node) => node.target.join(" "))
        .join(", ")}`,
  );
  expect(found, `axe violations in: ${state}`).toEqual([]);
}

/** What the focused element is, for failure messages and assertions ("BUTTON Create 2 quotes"). */
export async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return "BODY";
    const input = element instanceof HTMLInputElement ? element.labels?.[0]?.textContent : undefined;
    const name = element.getAttribute("aria-label") ?? input ?? element.textContent ?? "";
    return `${element.tagName} ${name.trim().slice(0, 60)}`;
  });
}

/** Starts recording the app's live-region announcements (each one is an `announce` event on its host). */
export async function recordAnnouncements(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const host = document.querySelector("[data-announcer]");
    if (!host) throw new Error("no live region in the page");
    const said: string[] = [];
    Object.assign(window, { __announced: said });
    host.addEventListener("announce", (event) => {
      if (event instanceof CustomEvent && typeof event.detail === "string") said.push(event.detail);
    });
  });
  return () => page.evaluate(() => (window as unknown as { __announced: string[] }).__announced.slice());
}
