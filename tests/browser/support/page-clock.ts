import type { Page } from "@playwright/test";

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
