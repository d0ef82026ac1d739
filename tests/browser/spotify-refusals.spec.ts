import { expect, test } from "./fixtures.ts";

test("shows the allowlist screen naming the account and User Management", async ({
  page,
  signInAs,
  visit,
  checkScreen,
}) => {
  const user = await signInAs({ spotify: "not-allowlisted-json-registered" });
  await visit("/", 403);

  await expect(
    page.getByRole("heading", {
      name: "Your Spotify account is not on this app's allowlist",
    }),
  ).toBeVisible();
  await expect(page.getByText(user.account.email).first()).toBeVisible();
  await expect(
    page.getByRole("listitem").filter({ hasText: "User Management" }),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await checkScreen("failure-not-allowlisted");
});

test("says Spotify paused the app when the owner's Premium lapsed", async ({
  page,
  signInAs,
  visit,
  checkScreen,
}) => {
  await signInAs({ spotify: "owner-premium-lapsed" });
  await visit("/", 403);

  await expect(
    page.getByRole("heading", { name: "Spotify has paused this app" }),
  ).toBeVisible();
  await expect(
    page.getByText("Nothing is wrong with your account."),
  ).toBeVisible();
  await checkScreen("failure-owner-premium-lapsed");
});

test("asks for permission again when a scope is missing", async ({
  page,
  signInAs,
  visit,
  checkScreen,
}) => {
  await signInAs({ spotify: "missing-scope" });
  await visit("/", 403);

  await expect(
    page.getByRole("heading", { name: "Spotify needs your permission again" }),
  ).toBeVisible();
  await expect(
    page.getByRole("link", { name: "Reconnect Spotify" }),
  ).toBeVisible();
  await checkScreen("failure-missing-scope");
});

test("asks to connect Spotify when the account has no connection", async ({
  page,
  signInAs,
  visit,
  checkScreen,
}) => {
  await signInAs({ clerk: "no-connection" });
  await visit("/", 403);

  await expect(
    page.getByRole("heading", { name: "Connect your Spotify account" }),
  ).toBeVisible();
  await expect(
    page.getByRole("link", { name: "Connect Spotify" }),
  ).toBeVisible();
  await checkScreen("failure-no-connection");
});

test("asks to reconnect Spotify when it revoked the app's access", async ({
  page,
  signInAs,
  visit,
  checkScreen,
}) => {
  await signInAs({ spotify: "token-revoked" });
  await visit("/", 401);

  await expect(
    page.getByRole("heading", { name: "Reconnect Spotify" }),
  ).toBeVisible();
  await expect(page.getByText(/no longer accepts/)).toBeVisible();
  await expect(
    page.getByRole("link", { name: "Reconnect Spotify" }),
  ).toBeVisible();
  await checkScreen("failure-token-revoked");
});
