import { expect, test } from "./fixtures.ts";

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
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await checkScreen("failure-clerk-down");
});
