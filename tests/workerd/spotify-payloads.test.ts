import { afterEach, describe, expect, it, vi } from "vitest";
import { classifyForbidden } from "../../app/server/spotify.server";
import {
  parsePlaybackState,
  parseProfile,
  parseRecentlyPlayed,
} from "../../app/server/spotify-schema.server";
import {
  fetchBounded,
  UpstreamTransportError,
} from "../../app/server/upstream.server";

const track = {
  type: "track",
  name: "Song",
  duration_ms: 200_000,
  artists: [
    {
      name: "Band",
      external_urls: { spotify: "https://open.spotify.com/artist/1" },
    },
  ],
  album: {
    name: "Record",
    images: [
      { url: "https://i.scdn.co/image/640", width: 640, height: 640 },
      { url: "https://i.scdn.co/image/300", width: 300, height: 300 },
      { url: "https://i.scdn.co/image/64", width: 64, height: 64 },
    ],
    external_urls: { spotify: "https://open.spotify.com/album/2" },
  },
  external_urls: { spotify: "https://open.spotify.com/track/3" },
};

const player = (overrides: Record<string, unknown>) => ({
  is_playing: true,
  progress_ms: 1000,
  currently_playing_type: "track",
  item: track,
  device: { name: "Phone", type: "Smartphone", volume_percent: 50 },
  ...overrides,
});

describe("reading Spotify's player state", () => {
  it("picks the 300 px cover and keeps the links", () => {
    const state = parsePlaybackState(player({}));

    expect(state.item).toMatchObject({
      type: "track",
      imageUrl: "https://i.scdn.co/image/300",
      url: "https://open.spotify.com/track/3",
      artists: [{ name: "Band", url: "https://open.spotify.com/artist/1" }],
    });
  });

  it("accepts a track with no images, no album links and null fields", () => {
    const state = parsePlaybackState(
      player({
        progress_ms: null,
        device: null,
        context: null,
        shuffle_state: null,
        repeat_state: "something-new",
        item: {
          ...track,
          album: { name: "Record", images: null, external_urls: {} },
          artists: [{ name: "Band", external_urls: {} }],
          external_urls: {},
        },
      }),
    );

    expect(state.progressMs).toBeNull();
    expect(state.device).toBeNull();
    expect(state.repeat).toBe("off");
    expect(state.item).toMatchObject({ imageUrl: null, url: null });
  });

  it("drops links and images that are not https", () => {
    const state = parsePlaybackState(
      player({
        item: {
          ...track,
          external_urls: { spotify: "javascript:alert(1)" },
          album: {
            ...track.album,
            images: [{ url: "http://x/y.jpg", width: 300 }],
          },
        },
      }),
    );

    expect(state.item).toMatchObject({ url: null, imageUrl: null });
  });

  it("reads an item it does not know as unknown, keeping its name", () => {
    const state = parsePlaybackState(
      player({
        currently_playing_type: "audiobook",
        item: { type: "chapter", name: "Chapter 1" },
      }),
    );

    expect(state.item).toEqual({ type: "unknown", name: "Chapter 1" });
  });

  it("names an album context from the playing track", () => {
    const state = parsePlaybackState(
      player({
        context: {
          type: "album",
          uri: "spotify:album:2",
          external_urls: { spotify: "https://open.spotify.com/album/2" },
        },
      }),
    );

    expect(state.context).toEqual({
      type: "album",
      name: "Record",
      url: "https://open.spotify.com/album/2",
    });
  });

  it("keeps the artists that have a name when one has none", () => {
    const state = parsePlaybackState(
      player({
        item: {
          ...track,
          artists: [
            { name: null, external_urls: {} },
            { external_urls: {} },
            { name: "  ", external_urls: {} },
            ...track.artists,
            { name: "Guest", external_urls: {} },
          ],
        },
      }),
    );

    expect(state.item).toMatchObject({
      artists: [
        { name: "Band", url: "https://open.spotify.com/artist/1" },
        { name: "Guest", url: null },
      ],
    });
  });

  it("reads a player state without is_playing as paused", () => {
    const { is_playing: _, ...withoutFlag } = player({});
    const state = parsePlaybackState(withoutFlag);

    expect(state.isPlaying).toBe(false);
    expect(state.item).toMatchObject({ type: "track", name: "Song" });
  });

  it("shows no volume for a device without volume control", () => {
    const device = { name: "Cast", type: "Speaker", volume_percent: 100 };
    const fixed = parsePlaybackState(
      player({ device: { ...device, supports_volume: false } }),
    );
    const unsaid = parsePlaybackState(player({ device }));

    expect(fixed.device).toMatchObject({ name: "Cast", volumePercent: null });
    expect(unsaid.device).toMatchObject({ volumePercent: 100 });
  });

  it.each([
    ["an empty list", []],
    ["no list", null],
    ["only unusable links", [{ url: "http://x/y.jpg", width: 300 }]],
  ])("shows the show's art for an episode with %s of its own", (_, images) => {
    const episode = {
      type: "episode",
      name: "Pilot",
      duration_ms: 1_800_000,
      images,
      external_urls: {},
      show: {
        name: "The Show",
        images: [{ url: "https://i.scdn.co/image/show", width: 640 }],
        external_urls: {},
      },
    };
    const state = parsePlaybackState(
      player({ currently_playing_type: "episode", item: episode }),
    );

    expect(state.item).toMatchObject({
      type: "episode",
      imageUrl: "https://i.scdn.co/image/show",
    });
  });

  it("refuses a body that is not a player state", () => {
    expect(() => parsePlaybackState({ error: "nope" })).toThrow();
    expect(() => parsePlaybackState(null)).toThrow();
  });
});

describe("reading the history and profile", () => {
  it("skips history entries it cannot read instead of failing", () => {
    const plays = parseRecentlyPlayed({
      items: [
        { played_at: "2026-12-01T10:00:00Z", track },
        { played_at: "2026-12-01T09:00:00Z", track: { type: "track" } },
      ],
    });

    expect(plays).toHaveLength(1);
  });

  it("falls back to the user id when there is no display name or picture", () => {
    expect(
      parseProfile({ id: "listener", display_name: null, images: [] }),
    ).toEqual({
      displayName: "listener",
      imageUrl: null,
    });
  });
});

describe("telling Spotify's 403s apart", () => {
  it.each([
    ["User not registered in the Developer Dashboard", "not-allowlisted"],
    ["User not approved for app", "not-allowlisted"],
    [
      "Check settings on developer.spotify.com/dashboard, the user may not be registered.",
      "not-allowlisted",
    ],
    [
      "Active premium subscription required for the owner of the app",
      "owner-premium-lapsed",
    ],
    ["Insufficient client scope", "missing-scope"],
    ["Forbidden", "forbidden"],
    ["", "forbidden"],
  ])("reads %j as %s, as text and as JSON", (message, kind) => {
    expect(classifyForbidden(message)).toBe(kind);
    expect(
      classifyForbidden(JSON.stringify({ error: { status: 403, message } })),
    ).toBe(kind);
  });

  it.each([
    [
      "an OAuth-style body",
      {
        error: "access_denied",
        error_description: "User not registered in the Developer Dashboard",
      },
      "not-allowlisted",
    ],
    [
      "a message beside error",
      { error: { status: 403 }, message: "User not approved for app" },
      "not-allowlisted",
    ],
    [
      "the owner's Premium in error_description",
      {
        error: "forbidden",
        error_description:
          "Active premium subscription required for the owner of the app",
      },
      "owner-premium-lapsed",
    ],
    [
      "a wording only in an unexpected field",
      { error: { status: 403 }, detail: "Insufficient client scope" },
      "missing-scope",
    ],
    ["an OAuth code alone", { error: "access_denied" }, "forbidden"],
  ])("reads %s", (_, body, kind) => {
    expect(classifyForbidden(JSON.stringify(body))).toBe(kind);
  });

  it("reads PREMIUM_REQUIRED from the reason", () => {
    const body = JSON.stringify({
      error: {
        status: 403,
        message: "Player command failed: Premium required",
        reason: "PREMIUM_REQUIRED",
      },
    });
    expect(classifyForbidden(body)).toBe("premium-required");
  });
});

describe("reading an upstream body", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const limits = { timeoutMs: 500, maxBytes: 1024 };
  const answer = (body: BodyInit, headers: HeadersInit) => async () =>
    new Response(body, { headers });

  it("decodes the charset the server declares", async () => {
    const latin1 = new Uint8Array([0x42, 0x65, 0x79, 0x6f, 0x6e, 0x63, 0xe9]);
    const response = await fetchBounded(
      answer(latin1, { "content-type": "text/plain; charset=ISO-8859-1" }),
      "https://upstream.test/",
      {},
      limits,
    );

    expect(response.body).toBe("Beyoncé");
  });

  it("drops a byte-order mark before JSON", async () => {
    const response = await fetchBounded(
      answer('\uFEFF{"ok":true}', {
        "content-type": "application/json; charset=utf-8",
      }),
      "https://upstream.test/",
      {},
      limits,
    );

    expect(JSON.parse(response.body)).toEqual({ ok: true });
  });

  it("refuses a body over the size cap", async () => {
    await expect(
      fetchBounded(
        answer("x".repeat(2048), {}),
        "https://upstream.test/",
        {},
        limits,
      ),
    ).rejects.toMatchObject({ failure: "too-large" });
  });

  it("leaves no abort listener behind after a repeated read", async () => {
    const added = vi.spyOn(EventTarget.prototype, "addEventListener");
    const removed = vi.spyOn(EventTarget.prototype, "removeEventListener");
    const answers = [
      new Response("busy", { status: 503 }),
      new Response('{"ok":true}'),
    ];
    const busyThenFine = async () => answers.shift() ?? new Response(null);

    const response = await fetchBounded(
      busyThenFine,
      "https://upstream.test/",
      {},
      { ...limits, timeoutMs: 2000, signal: new AbortController().signal },
    );

    expect(response).toMatchObject({ status: 200, attempts: 2 });
    const abortListeners = (spy: typeof added) =>
      spy.mock.calls.flatMap(([type, listener]) =>
        type === "abort" ? [listener] : [],
      );
    expect(abortListeners(added).length).toBeGreaterThan(0);
    expect(abortListeners(removed)).toEqual(
      expect.arrayContaining(abortListeners(added)),
    );
  });

  it("gives up on a body that never finishes", async () => {
    const endless = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("{"));
      },
    });
    const error = await fetchBounded(
      answer(endless, {}),
      "https://upstream.test/",
      {},
      { ...limits, timeoutMs: 100 },
    ).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(UpstreamTransportError);
    expect(error).toMatchObject({ failure: "timeout" });
  });
});
