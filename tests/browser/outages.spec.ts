import { PLAYING_CAP_MS } from "../../app/lib/refresh-schedule.ts";
import { expect, test } from "./fixtures.ts";
import {
  openDashboardOnPausedClock,
  pausePageClock,
} from "./support/page-clock.ts";
import { positionSlider } from "./support/position.ts";
import { REFRESH } from "./support/refreshes.ts";

test("says when to try again when Spotify rate limits the app", async ({
  page,
  signInAs,
  visit,
  checkScreen,
}) => {
  await signInAs({ spotify: "rate-limited" });
  const response = await visit("/", 429);

  expect(response.headers()["retry-after"]).toBe("17");
  await expect(
    page.getByRole("heading", { name: "Spotify asked this app to slow down" }),
  ).toBeVisible();
  await expect(page.getByText(/Try again in 17 seconds\./)).toBeVisible();
  await expect(page.getByRole("link", { name: "Try again" })).toBeVisible();
  await checkScreen("failure-rate-limited");
});

test("keeps the page and says Spotify is unavailable when it is down", async ({
  page,
  signInAs,
  visit,
  checkScreen,
}) => {
  await signInAs({ spotify: "unavailable" });
  await visit("/");

  await expect(
    page.getByRole("heading", { name: "Spotify is unavailable" }),
  ).toBeVisible();
  await expect(page.getByText(/You are still signed in/)).toBeVisible();
  // Nothing of what was playing is on screen, so nothing claims to be.
  await expect(
    page.getByText("Spotify unavailable, trying again by itself"),
  ).toBeVisible();
  await expect(page.getByText(/showing what was playing/)).toHaveCount(0);
  await expect(
    page.getByRole("heading", { name: "Recently played" }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await checkScreen("failure-spotify-down");
});

test("keeps the page and says Clerk did not answer when it is down", async ({
  page,
  signInAs,
  visit,
  checkScreen,
}) => {
  await signInAs({ clerk: "clerk-down" });
  await visit("/");

  await expect(
    page.getByRole("heading", { name: "Spotify is unavailable" }),
  ).toBeVisible();
  await expect(
    page.getByText(/Clerk, which holds your Spotify connection/),
  ).toBeVisible();
  await expect(
    page.getByText("Clerk unavailable, trying again by itself"),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await checkScreen("failure-clerk-down");
});

test("a command Spotify did not answer is told until the next good read", async ({
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
  await page.getByRole("button", { name: "Pause" }).click();
  const notice = page.getByRole("alert");
  await expect(notice).toHaveText(
    "Spotify did not answer. Try again in a moment.",
  );
  await expect(page.getByText("Playing now")).toBeVisible();

  await switchSpotify(user, "track");
  const read = page.waitForResponse(
    (response) => REFRESH.test(response.url()) && response.ok(),
  );
  await page.clock.runFor(PLAYING_CAP_MS);
  await read;
  await expect(notice).toHaveCount(0);
});

test("a free account finds the controls off, with the reason, from the start", async ({
  page,
  signInAs,
  visit,
}) => {
  await signInAs({ spotify: "free-account" });
  await page.clock.install();
  await visit("/");
  // Seeking is offered only when the controls are on.
  await expect(page.getByRole("button", { name: "Pause" })).toBeVisible();
  await expect(positionSlider(page)).toHaveCount(0);
  await pausePageClock(page);

  const expectControlsOff = async () => {
    for (const name of ["Previous", "Pause", "Next"]) {
      const button = page.getByRole("button", { name });
      await expect(button).toBeDisabled();
      await expect(button).toHaveAccessibleDescription(
        "Controls need Spotify Premium.",
      );
    }
  };
  await expectControlsOff();

  const read = page.waitForResponse(
    (response) => REFRESH.test(response.url()) && response.ok(),
  );
  await page.clock.runFor(PLAYING_CAP_MS);
  await read;
  await expectControlsOff();
});
