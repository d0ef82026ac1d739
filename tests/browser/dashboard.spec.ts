import { expect, test } from "./fixtures.ts";

const DEVICE = /\((Speaker|Smartphone|Computer)\), volume \d+%/;

test("shows the playing track with its cover, artists, progress and device", async ({
  page,
  signInAs,
  visit,
  checkScreen,
}) => {
  await signInAs({ spotify: "track" });
  await visit("/");

  await expect(page.getByText("Playing now")).toBeVisible();
  const nowPlaying = page.getByRole("region", { name: "Low Tide Radio" });
  await expect(
    nowPlaying.getByRole("heading", { name: "Low Tide Radio" }),
  ).toBeVisible();
  await expect(
    nowPlaying.getByRole("link", { name: "Marlow Vance" }),
  ).toBeVisible();
  const cover = nowPlaying.getByRole("img", {
    name: "Cover of Harbour Lights",
  });
  await expect(cover).toBeVisible();
  await expect
    .poll(() =>
      cover.evaluate(
        (image) => image instanceof HTMLImageElement && image.naturalWidth > 0,
      ),
    )
    .toBe(true);
  await expect(
    page.getByRole("slider", { name: "Playback position" }),
  ).toHaveAttribute("aria-valuetext", /^\d+:\d\d of 3:34$/);
  await expect(page.getByText(DEVICE)).toBeVisible();
  await expect(
    page.getByRole("link", { name: "Open in Spotify" }),
  ).toBeVisible();
  await checkScreen("dashboard-track");
});

test("shows a podcast episode with its show", async ({
  page,
  signInAs,
  visit,
  checkScreen,
}) => {
  await signInAs({ spotify: "episode" });
  await visit("/");

  const nowPlaying = page.getByRole("region", { name: /^Maps Nobody Drew/ });
  await expect(
    nowPlaying.getByRole("heading", { name: "Maps Nobody Drew" }),
  ).toBeVisible();
  await expect(nowPlaying.getByText("Podcast", { exact: true })).toBeVisible();
  await expect(
    nowPlaying
      .getByRole("paragraph")
      .getByRole("link", { name: "The Long Way Round" }),
  ).toBeVisible();
  await expect(
    nowPlaying.getByRole("img", { name: "Artwork for The Long Way Round" }),
  ).toBeVisible();
  await checkScreen("dashboard-episode");
});

test("says nothing is playing and lists what played recently", async ({
  page,
  signInAs,
  visit,
  checkScreen,
}) => {
  await signInAs({ spotify: "nothing-playing" });
  await visit("/");

  await expect(
    page.getByRole("heading", { name: "Nothing is playing right now" }),
  ).toBeVisible();
  await expect(
    page.getByRole("heading", { name: "Recently played" }),
  ).toBeVisible();
  await expect(
    page.getByRole("listitem").filter({ hasText: "Paper Lanterns" }),
  ).toBeVisible();
  await checkScreen("dashboard-nothing-playing");
});

test("says an ad is playing, with no link to open", async ({
  page,
  signInAs,
  visit,
  checkScreen,
}) => {
  await signInAs({ spotify: "ad" });
  await visit("/");

  await expect(
    page.getByRole("heading", { name: "An advertisement" }),
  ).toBeVisible();
  await expect(page.getByText("Spotify is playing an ad.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Open in Spotify" })).toHaveCount(
    0,
  );
  await checkScreen("dashboard-ad");
});

test("shows a local file without cover art or a link to Spotify", async ({
  page,
  signInAs,
  visit,
  checkScreen,
}) => {
  await signInAs({ spotify: "local-file" });
  await visit("/");

  const nowPlaying = page.getByRole("region", { name: /Local file/ });
  await expect(nowPlaying).toBeVisible();
  await expect(
    nowPlaying.getByRole("img", { name: "No cover art" }),
  ).toBeVisible();
  await expect(page.getByRole("link", { name: "Open in Spotify" })).toHaveCount(
    0,
  );
  await checkScreen("dashboard-local-file");
});
