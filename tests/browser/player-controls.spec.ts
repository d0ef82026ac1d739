import type { Locator } from "@playwright/test";
import { expect, test } from "./fixtures.ts";
import { readFakeUser } from "./support/fake-users.ts";
import { holdNextRequest } from "./support/held-reply.ts";
import { seekInSpotify } from "./support/listener.ts";
import { elapsedSeconds, positionSlider } from "./support/position.ts";
import { isCommand, watchRequests } from "./support/refreshes.ts";

const radius = (element: Locator) =>
  element.evaluate((node) => getComputedStyle(node).borderRadius);

test("pausing stops the progress where it was at the click", async ({
  page,
  signInAs,
  visit,
}) => {
  await signInAs({ spotify: "track" });
  await visit("/");
  await expect(positionSlider(page)).toBeVisible();
  const atLoad = await elapsedSeconds(page);
  await expect.poll(() => elapsedSeconds(page)).toBeGreaterThan(atLoad + 2);

  const atClick = await elapsedSeconds(page);
  await page.getByRole("button", { name: "Pause" }).click();
  await expect(page.getByText("Paused", { exact: true })).toBeVisible();
  expect(await elapsedSeconds(page)).toBeGreaterThanOrEqual(atClick);

  // Spotify's own position comes with the read that confirms the pause.
  await page.waitForTimeout(2_000);
  const confirmed = await elapsedSeconds(page);
  expect(confirmed).toBeGreaterThanOrEqual(atClick);
  expect(confirmed).toBeLessThanOrEqual(atClick + 2);
});

test("arrow keys move the position 5 s, and it stays where it was put", async ({
  page,
  demo,
  signInAs,
  visit,
}) => {
  const user = await signInAs({ spotify: "paused" });
  await seekInSpotify(demo, user.userId, 61_000);
  await visit("/");
  const slider = positionSlider(page);
  await expect(slider).toHaveAttribute("aria-valuetext", "1:01 of 3:34");

  await slider.focus();
  await page.keyboard.press("ArrowRight");
  await expect(slider).toHaveAttribute("aria-valuetext", "1:06 of 3:34");

  // The seek goes out, Spotify takes it, a read confirms it: no snap back.
  const shown = new Set<string | null>();
  for (let sample = 0; sample < 25; sample += 1) {
    shown.add(await slider.getAttribute("aria-valuetext"));
    await page.waitForTimeout(100);
  }
  expect([...shown]).toEqual(["1:06 of 3:34"]);
  const { nowPlaying } = await readFakeUser(demo.clerkUrl, user.userId);
  expect(nowPlaying?.progressMs).toBe(66_000);
});

test("Page Up, Page Down, Home and End reach across the whole item", async ({
  page,
  demo,
  signInAs,
  visit,
}) => {
  const user = await signInAs({ spotify: "paused" });
  await seekInSpotify(demo, user.userId, 61_000);
  await visit("/");
  const slider = positionSlider(page);
  await expect(slider).toHaveAttribute("aria-valuetext", "1:01 of 3:34");
  await slider.focus();

  await page.keyboard.press("PageUp");
  await expect(slider).toHaveAttribute("aria-valuetext", "1:31 of 3:34");
  await page.keyboard.press("PageDown");
  await expect(slider).toHaveAttribute("aria-valuetext", "1:01 of 3:34");
  await page.keyboard.press("End");
  await expect(slider).toHaveAttribute("aria-valuetext", "3:34 of 3:34");
  await page.keyboard.press("Home");
  await expect(slider).toHaveAttribute("aria-valuetext", "0:00 of 3:34");
});

test("a press while a command is on its way is ignored and keeps focus", async ({
  page,
  demo,
  signInAs,
  visit,
}) => {
  const user = await signInAs({ spotify: "track" });
  await visit("/");
  await expect(positionSlider(page)).toBeVisible();
  const held = await holdNextRequest(page, isCommand);

  await page.getByRole("button", { name: "Pause" }).focus();
  await page.keyboard.press("Enter");
  await held.reached;
  const play = page.getByRole("button", { name: "Play" });
  await expect(play).toBeFocused();
  await expect(play).toHaveAttribute("aria-disabled", "true");

  const commands = watchRequests(page, isCommand);
  await page.keyboard.press("Enter");
  await held.release();
  await expect(play).not.toHaveAttribute("aria-disabled");
  await expect(play).toBeFocused();
  expect(commands).toEqual([]);
  const { nowPlaying } = await readFakeUser(demo.clerkUrl, user.userId);
  expect(nowPlaying?.isPlaying).toBe(false);
});

test("round controls and pill buttons keep their shape with keyboard focus", async ({
  page,
  signInAs,
  visit,
}) => {
  await signInAs({ spotify: "track" });
  await visit("/");
  await expect(positionSlider(page)).toBeVisible();

  await page.getByRole("button", { name: "Previous" }).focus();
  await page.keyboard.press("Tab");
  const pause = page.getByRole("button", { name: "Pause" });
  await expect(pause).toBeFocused();
  expect(await radius(pause)).toBe("50%");

  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  const open = page.getByRole("link", { name: "Open in Spotify" });
  await expect(open).toBeFocused();
  expect(await radius(open)).toBe("999px");
});
