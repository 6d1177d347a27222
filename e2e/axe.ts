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
    const name = element.getAttribute("aria-label") ?? element.textContent?.trim().slice(0, 60) ?? "";
    return `${element.tagName} ${name}`;
  });
}

/** Starts recording the app's live-region announcements (the polite region the announcer renders). */
export async function recordAnnouncements(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const region = document.querySelector("[data-announcer]");
    if (!region) throw new Error("no live region in the page");
    const said: string[] = [];
    Object.assign(window, { __announced: said });
    new MutationObserver(() => {
      const text = region.textContent?.trim();
      if (text) said.push(text);
    }).observe(region, { childList: true, subtree: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { __announced: string[] }).__announced.slice());
}
