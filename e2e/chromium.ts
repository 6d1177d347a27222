import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/**
 * Which Chromium the browser tests drive: `PLAYWRIGHT_CHROMIUM_EXECUTABLE`, then Debian's `/usr/bin/chromium`,
 * then Playwright's own download. With none, stop with a message that says how to get one.
 */
export function findChromium(): string {
  const candidates = [process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE, "/usr/bin/chromium", safeBundledPath()];
  const found = candidates.find((path): path is string => Boolean(path) && existsSync(path as string));
  if (found) return found;
  throw new Error(
    [
      "No Chromium found for the browser tests.",
      "Install one of:",
      "  - Debian/Ubuntu: sudo apt-get install chromium   (gives /usr/bin/chromium)",
      "  - Playwright's build: npx playwright install chromium",
      "  - or point PLAYWRIGHT_CHROMIUM_EXECUTABLE at a Chromium or Chrome binary.",
    ].join("\n"),
  );
}

function safeBundledPath(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}

/** Flags that keep headless Chromium quiet on a machine with no outside network. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
