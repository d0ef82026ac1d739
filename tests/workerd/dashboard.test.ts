import { describe, expect, it } from "vitest";
import { openPage, signIn, upstreamCalls } from "./app";

const DEVICE = /Device .+ \((Speaker|Smartphone|Computer)\), volume \d+%/;

async function dashboardFor(spotify: string) {
  const user = await signIn({ spotify });
  return { user, page: await openPage("/", { user }) };
}

describe("the dashboard", () => {
  it("shows the playing track with art, artists, album, progress and device", async () => {
    const { page } = await dashboardFor("track");

    expect(page.status).toBe(200);
    expect(page.text).toContain("Playing now");
    expect(page.text).toContain("Low Tide Radio");
    expect(page.html).toContain('alt="Cover of Harbour Lights"');
    expect(page.html).toMatch(/<img[^>]+src="data:image\/svg\+xml/);
    expect(page.html).toMatch(
      /<a href="https:\/\/open\.spotify\.com\/artist\/\w+"[^>]*>Marlow Vance<\/a>/,
    );
    expect(page.text).toContain("Harbour Lights");
    // The fake starts the track 42 s in; the clock keeps running.
    expect(page.html).toMatch(/aria-valuetext="0:4\d of 3:34"/);
    expect(page.text).toMatch(DEVICE);
    expect(page.text).toContain("Playing from a playlist");
    expect(page.html).toMatch(
      /href="https:\/\/open\.spotify\.com\/track\/\w+"[^>]*>Open in Spotify/,
    );
  });

  it.each([
    ["sends no volume", "volume-unknown"],
    ["has no volume control", "fixed-volume"],
  ])(
    "names a device that %s, with no volume and no 'No active device'",
    async (_, spotify) => {
      const { page } = await dashboardFor(spotify);

      expect(page.status).toBe(200);
      expect(page.text).toContain("Low Tide Radio");
      expect(page.text).toMatch(
        /Device [^()]+ \((Speaker|Smartphone|Computer)\) Playing from/,
      );
      expect(page.text).not.toMatch(/volume \d+%/);
      expect(page.text).not.toContain("No active device");
    },
  );

  it("is served at /dashboard as well as /", async () => {
    const user = await signIn({ spotify: "track" });
    const page = await openPage("/dashboard", { user });

    expect(page.status).toBe(200);
    expect(page.text).toContain("Low Tide Radio");
  });

  it("says when the track is paused", async () => {
    const { page } = await dashboardFor("paused");

    expect(page.text).toContain("Paused");
    expect(page.text).not.toContain("Playing now");
  });

  it("shows a podcast episode with its show", async () => {
    const { page } = await dashboardFor("episode");

    expect(page.text).toContain("Maps Nobody Drew");
    expect(page.text).toContain("Podcast");
    expect(page.text).toContain("The Long Way Round");
    expect(page.html).toContain('alt="Artwork for The Long Way Round"');
  });

  it("says an ad is playing when Spotify sends no item", async () => {
    const { page } = await dashboardFor("ad");

    expect(page.status).toBe(200);
    expect(page.text).toContain("An advertisement");
    expect(page.text).not.toContain("Open in Spotify");
  });

  it("shows a local file without art or links", async () => {
    const { page } = await dashboardFor("local-file");

    expect(page.status).toBe(200);
    expect(page.text).toContain("Local file");
    expect(page.html).toContain('aria-label="No cover art"');
    expect(page.text).not.toContain("Open in Spotify");
  });

  it("describes an item of the unknown type without failing", async () => {
    const { page } = await dashboardFor("unknown");

    expect(page.status).toBe(200);
    expect(page.text).toContain("Spotify did not say what kind of item");
  });

  it("says nothing is playing and lists what played recently", async () => {
    const { user, page } = await dashboardFor("nothing-playing");

    expect(page.status).toBe(200);
    expect(page.text).toContain("Nothing is playing right now");
    expect(page.text).toContain("Recently played");
    expect(page.text).toContain("Paper Lanterns");

    const spotifyPaths = (await upstreamCalls(user))
      .filter((call) => call.service === "spotify")
      .map((call) => call.path);
    expect(spotifyPaths).toEqual(
      expect.arrayContaining([
        "/v1/me/player",
        "/v1/me/player/recently-played",
      ]),
    );
  });

  it("asks Spotify for the player and the history at the same time", async () => {
    const user = await signIn({ spotify: "track", latencyMs: 300 });
    await openPage("/", { user });

    const calls = (await upstreamCalls(user)).filter(
      (call) =>
        call.path === "/v1/me/player" ||
        call.path === "/v1/me/player/recently-played",
    );
    expect(calls.map((call) => call.path).sort()).toEqual([
      "/v1/me/player",
      "/v1/me/player/recently-played",
    ]);
    const [first, second] = calls.sort((a, b) => a.startedAt - b.startedAt);
    // Each answer takes 300 ms: the second call began before the first ended.
    expect(second?.startedAt).toBeLessThan(
      (first?.startedAt ?? 0) + (first?.durationMs ?? 0),
    );
  });

  it("explains an empty history", async () => {
    const { page } = await dashboardFor("nothing-ever");

    expect(page.text).toContain("Nothing is playing right now");
    expect(page.text).toContain("No history yet");
  });

  it("is never cached by a browser or a shared cache", async () => {
    const { page } = await dashboardFor("track");

    expect(page.headers.get("cache-control")).toBe("private, no-store");
  });
});
