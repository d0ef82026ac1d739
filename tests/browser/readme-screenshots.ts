import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { type Browser, chromium } from "@playwright/test";
import { type DemoStack, startDemo } from "../demo/stack.ts";
import { chromiumLaunch, desktop, phone } from "./chromium.ts";
import { signInThroughDemo } from "./support/demo-sign-in.ts";

/*
 * The README's two pictures of the dashboard, taken from the offline demo
 * after signing in the way a person does. After `npm run build`:
 *
 *   node tests/browser/readme-screenshots.ts
 */

const README_IMAGES = join(import.meta.dirname, "..", "..", ".readme");

async function photographDashboard(
  browser: Browser,
  stack: DemoStack,
  device: typeof phone | typeof desktop,
  file: string,
) {
  const context = await browser.newContext(device);
  const page = await context.newPage();
  await signInThroughDemo(page, stack.appUrl);
  await page.getByRole("slider", { name: "Playback position" }).waitFor();
  await page.screenshot({ path: join(README_IMAGES, file) });
  await context.close();
}

const stack = await startDemo({ appPort: 0, clerkPort: 0, log: "ignore" });
try {
  await mkdir(README_IMAGES, { recursive: true });
  const browser = await chromium.launch(chromiumLaunch);
  try {
    await photographDashboard(browser, stack, desktop, "dashboard-desktop.png");
    await photographDashboard(browser, stack, phone, "dashboard-phone.png");
  } finally {
    await browser.close();
  }
} finally {
  await stack.stop();
}
console.log(
  `Wrote dashboard-desktop.png and dashboard-phone.png to ${README_IMAGES}`,
);
