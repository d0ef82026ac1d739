import { expect, test } from "./fixtures.ts";
import { seekInSpotify } from "./support/listener.ts";
import { pausePageClock } from "./support/page-clock.ts";
import { elapsedSeconds, positionSlider } from "./support/position.ts";
import { watchRefreshes } from "./support/refreshes.ts";
import { focusTab, setVisibility } from "./support/visibility.ts";

test("progress moves on between refreshes without a request", async ({
  page,
  signInAs,
  visit,
}) => {
  await signInAs({ spotify: "track" });
  await visit("/");
  await expect(positionSlider(page)).toBeVisible();

  const refreshes = watchRefreshes(page);
  const before = await elapsedSeconds(page);
  await page.waitForTimeout(3_200);
  const after = await elapsedSeconds(page);

  expect(after - before).toBeGreaterThanOrEqual(2);
  expect(after - before).toBeLessThanOrEqual(4);
  expect(refreshes).toEqual([]);
});

test("shows the next track within 2 s of the current one ending", async ({
  page,
  demo,
  signInAs,
  visit,
}) => {
  const user = await signInAs({ spotify: "track" });
  // Low Tide Radio is 3:34: from here it has 4 s left, page load included.
  await seekInSpotify(demo, user.userId, 210_000);
  const endsAt = Date.now() + 4_000;
  await visit("/");
  await expect(
    page.getByRole("heading", { name: "Low Tide Radio" }),
  ).toBeVisible();

  await expect(
    page.getByRole("heading", { name: "Frost on the Apples" }),
  ).toBeVisible({ timeout: 10_000 });
  expect(Date.now() - endsAt).toBeLessThan(2_000);
  await expect(
    page.getByRole("heading", { name: "Low Tide Radio" }),
  ).toHaveCount(0);
});

test("asks nothing while the tab is hidden and catches up when shown", async ({
  page,
  signInAs,
  visit,
}) => {
  await signInAs({ spotify: "track" });
  await visit("/");
  const refreshes = watchRefreshes(page);

  await setVisibility(page, "hidden");
  // Longer than the longest wait between refreshes while playing (15 s).
  await page.waitForTimeout(17_000);
  expect(refreshes).toEqual([]);

  await setVisibility(page, "visible");
  await expect.poll(() => refreshes.length).toBeGreaterThanOrEqual(1);
});

test("refreshes at once when the tab regains focus, unless it just read", async ({
  page,
  signInAs,
  visit,
}) => {
  await page.clock.install();
  await signInAs({ spotify: "track" });
  await visit("/");
  await expect(positionSlider(page)).toBeVisible();
  await pausePageClock(page);
  const refreshes = watchRefreshes(page);

  // The page read Spotify a moment ago: a focus brings nothing new.
  await focusTab(page);
  await page.waitForTimeout(500);
  expect(refreshes).toEqual([]);

  await page.clock.runFor(5_000);
  expect(refreshes).toEqual([]);
  await focusTab(page);
  await expect.poll(() => refreshes.length, { timeout: 1_000 }).toBe(1);
});

test("recently played keeps ageing after a refresh brings it", async ({
  page,
  demo,
  signInAs,
  visit,
}) => {
  await page.clock.install();
  const user = await signInAs({ spotify: "track" });
  await seekInSpotify(demo, user.userId, 211_000);
  await visit("/");
  await expect(
    page.getByRole("heading", { name: "Frost on the Apples" }),
  ).toBeVisible({ timeout: 10_000 });

  const latest = page
    .getByRole("region", { name: "Recently played" })
    .getByRole("listitem")
    .first();
  await expect(latest).toContainText("Low Tide Radio");
  await expect(latest.locator("time")).toHaveText("just now");

  await pausePageClock(page);
  await page.clock.runFor("03:00");
  await expect(latest.locator("time")).toHaveText("3 minutes ago");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the controls work", async ({ page, signInAs, visit }) => {
    await signInAs({ spotify: "track" });
    await visit("/");
    await expect(page.getByText("Playing now")).toBeVisible();

    await page.getByRole("button", { name: "Pause" }).click();
    await expect(page.getByText("Paused", { exact: true })).toBeVisible();

    await page.getByRole("button", { name: "Next" }).click();
    await expect(
      page.getByRole("heading", { name: "Frost on the Apples" }),
    ).toBeVisible();
  });
});

test("pause shows at once and the track is announced once when it changes", async ({
  page,
  signInAs,
  visit,
}) => {
  await signInAs({ spotify: "track" });
  await visit("/");
  const announcer = page.locator("[aria-live=polite]");
  await expect(announcer).toHaveText("");

  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByText("Paused", { exact: true })).toBeVisible({
    timeout: 500,
  });
  await page.getByRole("button", { name: "Play" }).click();
  await page.getByRole("button", { name: "Next" }).click();

  await expect(announcer).toHaveText(
    "Now playing: Frost on the Apples by The Quiet Orchards",
  );
});
