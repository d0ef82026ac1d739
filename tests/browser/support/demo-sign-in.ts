import type { Page } from "@playwright/test";

/**
 * Signs in as the demo user the way a person does: the app's landing page,
 * then the offline stand-in for Clerk and Spotify, then back to the app.
 */
export async function signInThroughDemo(page: Page, appUrl: string) {
  await page.goto(appUrl);
  await page.getByRole("link", { name: "Continue with Spotify" }).click();
  await page.getByRole("button", { name: "Continue with Spotify" }).click();
  await page.waitForURL(`${appUrl}/`);
}
