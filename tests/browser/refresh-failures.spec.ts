import type { Page, Response } from "@playwright/test";
import { PLAYING_CAP_MS } from "../../app/lib/refresh-schedule.ts";
import { expect, test } from "./fixtures.ts";
import { openFakeSession } from "./support/fake-users.ts";
import { openDashboardOnPausedClock } from "./support/page-clock.ts";
import { REFRESH, watchRefreshes } from "./support/refreshes.ts";
import { focusTab } from "./support/visibility.ts";

/*
 * The page's clock is stopped once the dashboard has loaded, so waits of
 * minutes take no time and each refresh comes exactly when the page plans
 * it: `runFor` moves the page's time on and fires what falls due.
 */

/**
 * The page's next refresh answered with `status`, once the page has had a
 * moment to act on it: the clock must not move on before it plans what
 * comes next, or the plan starts from a later time than the reply.
 */
async function refreshAnswered(page: Page, status: number) {
  const response = await page.waitForResponse(
    (response: Response) =>
      REFRESH.test(response.url()) && response.status() === status,
    { timeout: 10_000 },
  );
  await page.waitForTimeout(300);
  return response;
}

/**
 * A refresh at a moment the page's clock stands still, so what the page
 * plans from its reply starts from a known time: the tab is focused again
 * after 6 s, past the wake-up's floor.
 */
async function refreshOnFocus(page: Page) {
  await page.clock.runFor(6_000);
  await focusTab(page);
}

const LANDING = "What's playing on your Spotify, live.";

test("waits out Retry-After on a refresh, even when the tab regains focus", async ({
  page,
  consoleWatch,
  signInAs,
  switchSpotify,
  visit,
}) => {
  consoleWatch.expectError(/the server responded with a status of 429/);
  const user = await signInAs({ spotify: "track" });
  await openDashboardOnPausedClock(page, visit);
  await switchSpotify(user, "rate-limited");

  const limited = refreshAnswered(page, 429);
  await refreshOnFocus(page);
  expect((await limited).headers()["retry-after"]).toBe("17");
  await expect(
    page.getByText(
      /^Spotify asked for a pause, showing what was playing \d s ago$/,
    ),
  ).toBeVisible();

  const refreshes = watchRefreshes(page);
  await page.clock.runFor(10_000);
  await focusTab(page);
  await page.clock.runFor(7_000);
  await page.waitForTimeout(500);
  expect(refreshes).toEqual([]);

  await page.clock.runFor(1_000);
  await expect.poll(() => refreshes.length).toBe(1);
});

test("backs off while Spotify is down and says how old the track shown is", async ({
  page,
  consoleWatch,
  signInAs,
  switchSpotify,
  visit,
}) => {
  consoleWatch.expectError(/the server responded with a status of 503/);
  const user = await signInAs({ spotify: "track" });
  await openDashboardOnPausedClock(page, visit);
  await switchSpotify(user, "server-error");

  const down = refreshAnswered(page, 503);
  await refreshOnFocus(page);
  await down;
  await expect(
    page.getByText(/^Spotify unavailable, showing what was playing \d s ago$/),
  ).toBeVisible();

  // 15 s, then 30 s, then 60 s between tries, each with under 1 s of jitter.
  const refreshes = watchRefreshes(page);
  for (const [wait, asked] of [
    [15_000, 1],
    [30_000, 2],
    [60_000, 3],
  ] as const) {
    await page.clock.runFor(wait);
    await page.waitForTimeout(300);
    expect(refreshes).toHaveLength(asked - 1);
    const again = refreshAnswered(page, 503);
    await page.clock.runFor(1_000);
    await again;
    expect(refreshes).toHaveLength(asked);
  }
  // The track read before the outage stays, and its age keeps counting.
  await expect(page.getByText("Playing now")).toBeVisible();
  await expect(
    page.getByText("Spotify unavailable, showing what was playing 1 min ago"),
  ).toBeVisible();
  await page.clock.runFor(10_000);
  await expect(
    page.getByText("Spotify unavailable, showing what was playing 2 min ago"),
  ).toBeVisible();
});

test("a reply that is not the route's JSON counts as an outage", async ({
  page,
  signInAs,
  visit,
}) => {
  await signInAs({ spotify: "track" });
  await openDashboardOnPausedClock(page, visit);
  // What a captive portal or a proxy might answer in the route's place.
  await page.route(
    REFRESH,
    (route) =>
      route.fulfill({
        status: 200,
        contentType: "text/html",
        body: "<!DOCTYPE html><title>Harbour Cafe Wi-Fi</title>",
      }),
    { times: 1 },
  );

  await page.clock.runFor(PLAYING_CAP_MS);
  await expect(
    page.getByText(/^Spotify unavailable, showing what was playing 1\d s ago$/),
  ).toBeVisible();

  const read = refreshAnswered(page, 200);
  await page.clock.runFor(16_000);
  await read;
  await expect(page.getByText("Updated just now")).toBeVisible();
});

test("renews an expired session token instead of reloading the page", async ({
  page,
  demo,
  consoleWatch,
  signInAs,
  putSession,
  visit,
}) => {
  consoleWatch.expectError(/the server responded with a status of 401/);
  const user = await signInAs({ spotify: "track" });
  await openDashboardOnPausedClock(page, visit);
  let loads = 0;
  page.on("load", () => {
    loads += 1;
  });

  // Hidden for a while: the token clerk-js wrote has expired.
  await putSession(
    await openFakeSession(demo.clerkUrl, demo.appUrl, user.userId, {
      expired: true,
    }),
  );
  const refused = refreshAnswered(page, 401);
  await page.clock.runFor(PLAYING_CAP_MS);
  await refused;

  // clerk-js renews it in the meantime; offline, getToken never answers.
  await putSession(
    await openFakeSession(demo.clerkUrl, demo.appUrl, user.userId),
  );
  const renewed = refreshAnswered(page, 200);
  await page.clock.runFor(3_000);
  await renewed;
  await expect(page.getByText("Updated just now")).toBeVisible();
  expect(loads).toBe(0);
});

test("reloads once the session is still refused after asking Clerk", async ({
  page,
  context,
  consoleWatch,
  signInAs,
  visit,
}) => {
  consoleWatch.expectError(/the server responded with a status of 401/);
  await signInAs({ spotify: "track" });
  await openDashboardOnPausedClock(page, visit);
  let loads = 0;
  page.on("load", () => {
    loads += 1;
  });

  // Signed out in another tab.
  await context.clearCookies();
  const refused = refreshAnswered(page, 401);
  await page.clock.runFor(PLAYING_CAP_MS);
  await refused;
  await page.waitForTimeout(500);
  expect(loads).toBe(0);

  const refusedAgain = refreshAnswered(page, 401);
  await page.clock.runFor(3_000);
  await refusedAgain;
  await expect(page.getByRole("heading", { name: LANDING })).toBeVisible();
  // The heading shows as soon as it is parsed; "load" waits for the rest.
  await expect.poll(() => loads).toBe(1);
  await page.waitForTimeout(500);
  expect(loads).toBe(1);
});
