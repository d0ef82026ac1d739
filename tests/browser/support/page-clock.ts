import { expect, type Page } from "@playwright/test";
import { positionSlider } from "./position.ts";

/**
 * Stops the page's clock (installed with `page.clock.install()` before the
 * page loaded) a second on from now: from then on the page's time moves
 * only with `page.clock.runFor`, so waits of minutes take milliseconds and
 * real time spent by the test never counts.
 */
export async function pausePageClock(page: Page) {
  const now = await page.evaluate(() => Date.now());
  await page.clock.pauseAt(now + 1_000);
}

/**
 * Opens the signed-in dashboard with the page's clock installed, then
 * stops that clock once the player shows.
 */
export async function openDashboardOnPausedClock(
  page: Page,
  visit: (path: string) => Promise<unknown>,
) {
  await page.clock.install();
  await visit("/");
  await expect(positionSlider(page)).toBeVisible();
  await pausePageClock(page);
}
