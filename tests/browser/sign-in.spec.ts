import { expect, test } from "./fixtures.ts";

test("a visitor signs in with Spotify and sees what is playing", async ({
  page,
  demo,
  demoUser,
  visit,
  checkScreen,
}) => {
  await visit("/");
  await expect(
    page.getByRole("heading", {
      name: "What's playing on your Spotify, live.",
    }),
  ).toBeVisible();
  await checkScreen("landing");

  await page.getByRole("link", { name: "Continue with Spotify" }).click();
  await expect(page).toHaveURL((url) => url.href.startsWith(demo.signInUrl));
  await expect(
    page.getByRole("heading", { name: "Sign in to Now Playing" }),
  ).toBeVisible();
  await expect(page.getByText(demoUser.displayName)).toBeVisible();
  await checkScreen("demo-sign-in");

  await page.getByRole("button", { name: "Continue with Spotify" }).click();
  await page.waitForURL(`${demo.appUrl}/`);
  await expect(page.getByText("Playing now")).toBeVisible();
  await expect(
    page.getByRole("heading", { name: demoUser.playingTrack }),
  ).toBeVisible();
  await expect(page.getByText(demoUser.displayName)).toBeVisible();
  await checkScreen("signed-in-dashboard");
});
