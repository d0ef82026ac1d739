import { join } from "node:path";
import { expect, type Page } from "@playwright/test";
import { expectNoSeriousViolations } from "./accessibility.ts";

const SCREENSHOTS = join(import.meta.dirname, "..", "..", "screenshots");

/** A full-page PNG at tests/screenshots/<project>/<name>.png. */
export async function saveScreenshot(
  page: Page,
  project: string,
  name: string,
) {
  await page.screenshot({
    path: join(SCREENSHOTS, project, `${name}.png`),
    fullPage: true,
  });
}

export async function expectNoHorizontalOverflow(page: Page) {
  const widths = await page.evaluate(() => ({
    content: (document.scrollingElement ?? document.documentElement)
      .scrollWidth,
    viewport: window.innerWidth,
  }));
  expect(
    widths.content,
    "the page is wider than the viewport",
  ).toBeLessThanOrEqual(widths.viewport);
}

/** Every screen: saved for review, accessible, no sideways scrolling. */
export async function checkScreen(page: Page, project: string, name: string) {
  await saveScreenshot(page, project, name);
  await expectNoSeriousViolations(page);
  await expectNoHorizontalOverflow(page);
}
