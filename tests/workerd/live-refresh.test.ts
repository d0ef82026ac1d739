import { describe, expect, it } from "vitest";
import { type NowPlayingRefresh, panelItemKey } from "../../app/lib/playback";
import { fetchJson, signIn, upstreamCalls } from "./app";

async function spotifyPaths(user: Awaited<ReturnType<typeof signIn>>) {
  return (await upstreamCalls(user))
    .filter((call) => call.service === "spotify")
    .map((call) => call.path);
}

describe("the dashboard's refresh", () => {
  it("reads the player once and sends the history when the item is new", async () => {
    const user = await signIn({ spotify: "track" });
    const refresh = await fetchJson("/api/now-playing", user);

    expect(refresh.status).toBe(200);
    expect(refresh.headers.get("cache-control")).toBe("private, no-store");
    expect(refresh.body).toMatchObject({
      nowPlaying: {
        status: "active",
        playback: { item: { name: "Low Tide Radio" } },
      },
      changes: { recentlyPlayed: expect.any(Array) },
    });
  });

  it("costs one Spotify call when the item has not changed", async () => {
    const user = await signIn({ spotify: "track" });
    const first = await fetchJson<NowPlayingRefresh>("/api/now-playing", user);
    const shown = panelItemKey(first.body.nowPlaying);

    const before = (await spotifyPaths(user)).length;
    const again = await fetchJson<NowPlayingRefresh>(
      `/api/now-playing?item=${encodeURIComponent(shown)}`,
      user,
    );

    expect(again.body.nowPlaying).toMatchObject({ status: "active" });
    expect(again.body.changes).toBeUndefined();
    expect((await spotifyPaths(user)).slice(before)).toEqual(["/v1/me/player"]);
  });

  it("carries no token and no Spotify wording", async () => {
    const sentinel = `SENTINEL-${crypto.randomUUID()}`;
    const user = await signIn({ spotify: "track", token: sentinel });
    const refresh = await fetchJson("/api/now-playing", user);

    expect(JSON.stringify(refresh.body)).not.toContain(sentinel);
    expect([...refresh.headers].join()).not.toContain(sentinel);
  });

  it("answers 401 with no upstream call when signed out", async () => {
    const refresh = await fetchJson("/api/now-playing");

    expect(refresh.status).toBe(401);
    expect(refresh.body).toEqual({ signedOut: true });
  });

  it("passes Retry-After on when Spotify rate-limits", async () => {
    const user = await signIn({ spotify: "rate-limited" });
    const refresh = await fetchJson("/api/now-playing", user);

    expect(refresh.status).toBe(429);
    expect(refresh.headers.get("retry-after")).toBe("17");
    expect(refresh.body).toEqual({
      failure: {
        kind: "rate-limited",
        upstream: "spotify",
        retryAfterSeconds: 17,
      },
    });
  });

  it("answers 503 when Spotify is down, so the page keeps what it has", async () => {
    const user = await signIn({ spotify: "unavailable" });
    const refresh = await fetchJson("/api/now-playing", user);

    expect(refresh.status).toBe(503);
    expect(refresh.body).toMatchObject({
      nowPlaying: { status: "unavailable", upstream: "spotify" },
    });
  });

  it("names the allowlist failure so the page can show its screen", async () => {
    const user = await signIn({
      spotify: "not-allowlisted-text-approved",
      account: { email: "river@example.com" },
    });
    const refresh = await fetchJson("/api/now-playing", user);

    expect(refresh.status).toBe(403);
    expect(refresh.body).toEqual({
      failure: {
        kind: "not-allowlisted",
        account: { email: "river@example.com", username: expect.any(String) },
      },
    });
  });
});
