import type { Page } from "@playwright/test";

/**
 * Makes the page believe its tab was hidden or shown. Headless Chromium
 * keeps every tab visible, so the page's own signals are set by hand.
 */
export async function setVisibility(page: Page, state: "hidden" | "visible") {
  await page.evaluate((wanted) => {
    Object.defineProperty(document, "visibilityState", {
      configurable: true,
      get: () => wanted,
    });
    Object.defineProperty(document, "hidden", {
      configurable: true,
      get: () => wanted === "hidden",
    });
    document.dispatchEvent(new Event("visibilitychange"));
  }, state);
}

/** Makes the page believe its window was focused again. */
export async function focusTab(page: Page) {
  await page.evaluate(() => window.dispatchEvent(new Event("focus")));
}
