import { expect, test } from "./fixtures.ts";

test("signing out returns to the landing page and locks the dashboard", async ({
  page,
  demo,
  signInAs,
  visit,
}) => {
  await signInAs({ spotify: "track" });
  await visit("/dashboard");
  await expect(page.getByText("Playing now")).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL(`${demo.appUrl}/`);
  await expect(
    page.getByRole("heading", {
      name: "What's playing on your Spotify, live.",
    }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toHaveCount(0);

  await page.goto(`${demo.appUrl}/dashboard`);
  await expect(page).toHaveURL((url) => url.href.startsWith(demo.signInUrl));
  await expect(
    page.getByRole("heading", { name: "Sign in to Now Playing" }),
  ).toBeVisible();
  const comeBackTo = new URL(page.url()).searchParams.get("redirect_url");
  expect(new URL(comeBackTo ?? "", demo.appUrl).href).toBe(
    `${demo.appUrl}/dashboard`,
  );
});
