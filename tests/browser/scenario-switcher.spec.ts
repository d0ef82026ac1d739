import { expect, test } from "./fixtures.ts";
import { signInThroughDemo } from "./support/demo-sign-in.ts";

test("the scenario switcher shows a failure, then the playing track again", async ({
  page,
  demo,
  demoUser,
  consoleWatch,
  checkScreen,
}) => {
  await signInThroughDemo(page, demo.appUrl);
  await expect(
    page.getByRole("heading", { name: demoUser.playingTrack }),
  ).toBeVisible();

  await page.goto(demo.switcherUrl);
  await expect(
    page.getByRole("heading", { name: "Scenario switcher" }),
  ).toBeVisible();
  await checkScreen("scenario-switcher");

  const home = `${demo.appUrl}/`;
  consoleWatch.expectDocumentStatus(home, 403);
  const [refusal] = await Promise.all([
    page.waitForResponse(home),
    page.getByRole("button", { name: "Not on the app's allowlist" }).click(),
  ]);
  expect(refusal.status()).toBe(403);
  await expect(
    page.getByRole("heading", {
      name: "Your Spotify account is not on this app's allowlist",
    }),
  ).toBeVisible();
  await expect(page.getByText(demoUser.email).first()).toBeVisible();

  await page.goto(demo.switcherUrl);
  const [playing] = await Promise.all([
    page.waitForResponse(home),
    page.getByRole("button", { name: "A track is playing" }).click(),
  ]);
  expect(playing.status()).toBe(200);
  await expect(page.getByText("Playing now")).toBeVisible();
});
