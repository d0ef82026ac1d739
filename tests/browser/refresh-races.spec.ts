import { PLAYING_CAP_MS } from "../../app/lib/refresh-schedule.ts";
import { expect, test } from "./fixtures.ts";
import { readFakeUser } from "./support/fake-users.ts";
import { holdNextReply, holdNextRequest } from "./support/held-reply.ts";
import { openDashboardOnPausedClock } from "./support/page-clock.ts";
import { isCommand, isRefresh, watchRefreshes } from "./support/refreshes.ts";
import { focusTab } from "./support/visibility.ts";

/*
 * Replies that arrive late, held back on their way to the page while the
 * page's clock stands still: what the page does with them is then down to
 * the order of events, never to timing.
 */

test("stops refreshing once the dashboard is left, even mid-refresh", async ({
  page,
  demo,
  signInAs,
  visit,
}) => {
  await signInAs({ spotify: "track" });
  await openDashboardOnPausedClock(page, visit);
  const held = await holdNextReply(page, isRefresh);
  await page.clock.runFor(PLAYING_CAP_MS);
  await held.reached;

  await page.getByRole("link", { name: "Account" }).click();
  await page.waitForURL(`${demo.appUrl}/account`);
  const refreshes = watchRefreshes(page);
  await held.release();
  await page.clock.runFor("02:00");
  await page.waitForTimeout(500);
  expect(refreshes).toEqual([]);
});

test("a reply read before a pause does not undo it", async ({
  page,
  demo,
  signInAs,
  visit,
}) => {
  const user = await signInAs({ spotify: "track" });
  await openDashboardOnPausedClock(page, visit);
  const held = await holdNextReply(page, isRefresh);
  // Back to the tab after a while: a refresh, and then a click on Pause.
  await page.clock.runFor(6_000);
  await focusTab(page);
  await held.reached;

  await page.getByRole("button", { name: "Pause" }).click();
  await expect
    .poll(
      async () =>
        (await readFakeUser(demo.clerkUrl, user.userId)).nowPlaying?.isPlaying,
    )
    .toBe(false);
  await expect(page.getByRole("button", { name: "Play" })).toBeVisible();
  const refreshes = watchRefreshes(page);

  await held.release();
  await page.waitForTimeout(500);
  await expect(page.getByText("Paused", { exact: true })).toBeVisible();
  await expect(page.getByText("Playing now")).toHaveCount(0);

  // The pause is confirmed by a read moments later, not 15 s later.
  await page.clock.runFor(1_000);
  await expect.poll(() => refreshes.length).toBe(1);
  await expect(page.getByText("Paused", { exact: true })).toBeVisible();
});

test("no timed refresh runs while a command is on its way", async ({
  page,
  signInAs,
  visit,
}) => {
  await signInAs({ spotify: "track" });
  await openDashboardOnPausedClock(page, visit);
  const refreshes = watchRefreshes(page);
  const held = await holdNextRequest(page, isCommand);

  await page.getByRole("button", { name: "Next" }).click();
  await held.reached;
  await page.clock.runFor(PLAYING_CAP_MS + 5_000);
  await page.waitForTimeout(300);
  expect(refreshes).toEqual([]);

  const skipped = page.waitForResponse((response) =>
    isCommand(response.request()),
  );
  await held.release();
  await skipped;
  await expect(page.getByRole("button", { name: "Next" })).toBeEnabled();
  await page.clock.runFor(1_000);
  await expect.poll(() => refreshes.length).toBe(1);
  await expect(
    page.getByRole("heading", { name: "Frost on the Apples" }),
  ).toBeVisible();
});
