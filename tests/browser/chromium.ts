import type { LaunchOptions } from "@playwright/test";

/** Debian's Chromium: Playwright's own browser downloads fail offline. */
export const chromiumLaunch: LaunchOptions = {
  executablePath: "/usr/bin/chromium",
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
};

export const phone = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
};

export const desktop = {
  viewport: { width: 1280, height: 800 },
};
