import { defineConfig } from "@playwright/test";
import { chromiumLaunch, desktop, phone } from "./chromium.ts";

export default defineConfig({
  testDir: ".",
  outputDir: "../.output/test-results",
  globalSetup: "./global-setup.ts",
  fullyParallel: true,
  forbidOnly: true,
  workers: 2,
  retries: 0,
  reporter: "list",
  use: {
    browserName: "chromium",
    launchOptions: chromiumLaunch,
    trace: "retain-on-failure",
  },
  projects: [
    { name: "phone", use: phone },
    { name: "desktop", use: desktop },
  ],
});
