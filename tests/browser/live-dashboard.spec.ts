import type { Page, Request } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { createFakeUser } from "./support/fake-users.ts";
import { seekInSpotify } from "./support/listener.ts";
import { setVisibility } from "./support/visibility.ts";

const REFRESH = /\/api\/now-playing/;

function countRefreshes(page: Page) {
  const seen: Request[] = [];
  page.on("request", (request) => {
    if (REFRESH.test(request.url())) seen.push(request);
  });
  return seen;
}

/** The elapsed time the page shows, in seconds. */
async function elapsedSeconds(page: Page) {
  const position = page.getByRole("slider", { name: "Playback position" });
  const text = (await position.getAttribute("aria-valuetext")) ?? "";
  const [minutes, seconds] = text.split(" of ")[0]?.split(":") ?? [];
  return Number(minutes) * 60 + Number(seconds);
}

test("progress moves on between refreshes without a request", async ({
  page,
  signInAs,
  visit,
}) => {
  await signInAs({ spotify: "track" });
  await visit("/");
  await expect(
    page.getByRole("slider", { name: "Playback position" }),
  ).toBeVisible();

  const refreshes = countRefreshes(page);
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
  // Low Tide Radio is 3:34; leave it 4 s to run before the page loads.
  await seekInSpotify(demo, user.userId, 210_000);
  await visit("/");
  await expect(
    page.getByRole("heading", { name: "Low Tide Radio" }),
  ).toBeVisible();

  const endsAt = Date.now() + 4_000;
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
  const refreshes = countRefreshes(page);

  await setVisibility(page, "hidden");
  // Longer than the longest wait between refreshes while playing (15 s).
  await page.waitForTimeout(17_000);
  expect(refreshes).toEqual([]);

  await setVisibility(page, "visible");
  await expect.poll(() => refreshes.length).toBeGreaterThanOrEqual(1);
});

test("the controls work without JavaScript", async ({ browser, demo }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const { cookies } = await createFakeUser(demo.clerkUrl, demo.appUrl, {
    spotify: "track",
  });
  await context.addCookies(
    Object.entries(cookies).map(([name, value]) => ({
      name,
      value,
      domain: new URL(demo.appUrl).hostname,
      path: "/",
    })),
  );
  const page = await context.newPage();
  await page.goto(demo.appUrl);
  await expect(page.getByText("Playing now")).toBeVisible();

  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByText("Paused", { exact: true })).toBeVisible();

  await page.getByRole("button", { name: "Next" }).click();
  await expect(
    page.getByRole("heading", { name: "Frost on the Apples" }),
  ).toBeVisible();
  await context.close();
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
