import { describe, expect, it } from "vitest";
import { APP_ORIGIN, openPage, signIn, upstreamCalls } from "./app";

const sameSite = { origin: APP_ORIGIN };

async function commandCalls(user: Awaited<ReturnType<typeof signIn>>) {
  return (await upstreamCalls(user))
    .filter((call) => call.service === "spotify" && call.method !== "GET")
    .map((call) => `${call.method} ${call.path}`);
}

/** The player buttons in a page, as `value: disabled?` pairs. */
function controlStates(html: string) {
  return [...html.matchAll(/<button[^>]*name="intent"[^>]*>/g)].map(
    ([tag]) => `${/value="(\w+)"/.exec(tag)?.[1]}: ${/ disabled=""/.test(tag)}`,
  );
}

const READ_SCOPES = [
  "user-read-playback-state",
  "user-read-currently-playing",
  "user-read-recently-played",
];

describe("controls Spotify would refuse anyway", () => {
  it("are on for an account that can use them", async () => {
    const user = await signIn({ spotify: "track" });
    const page = await openPage("/", { user });

    expect(controlStates(page.html)).toEqual([
      "previous: false",
      "pause: false",
      "next: false",
    ]);
    expect(page.text).not.toContain("Reconnect Spotify to allow controls");
  });

  it("are off, with the reason, when the connection lacks the control scope", async () => {
    const user = await signIn({
      spotify: "track",
      account: { scopes: READ_SCOPES },
    });
    const page = await openPage("/", { user });

    expect(page.status).toBe(200);
    expect(controlStates(page.html)).toEqual([
      "previous: true",
      "pause: true",
      "next: true",
    ]);
    expect(page.text).toContain("Reconnect Spotify to allow controls.");
  });

  it("are off, with the reason, for a free account", async () => {
    const user = await signIn({ spotify: "free-account" });
    const page = await openPage("/", { user });

    expect(page.status).toBe(200);
    expect(
      controlStates(page.html).every((state) => state.endsWith("true")),
    ).toBe(true);
    expect(page.text).toContain("Controls need Spotify Premium.");
  });
});

describe("player controls", () => {
  it("pause, then play, work as plain form posts", async () => {
    const user = await signIn({ spotify: "track" });

    const paused = await openPage("/?index", {
      user,
      headers: sameSite,
      form: { intent: "pause" },
    });
    expect(paused.status).toBe(200);
    expect(paused.text).toContain("Paused");

    const playing = await openPage("/?index", {
      user,
      headers: sameSite,
      form: { intent: "play" },
    });
    expect(playing.text).toContain("Playing now");
    expect(await commandCalls(user)).toEqual([
      "PUT /v1/me/player/pause",
      "PUT /v1/me/player/play",
    ]);
  });

  it("skips to the next track", async () => {
    const user = await signIn({ spotify: "track" });
    const page = await openPage("/dashboard", {
      user,
      headers: sameSite,
      form: { intent: "next" },
    });

    expect(page.status).toBe(200);
    expect(page.text).toContain("Frost on the Apples");
  });

  it("seeks within the track", async () => {
    const user = await signIn({ spotify: "paused" });
    const page = await openPage("/?index", {
      user,
      headers: sameSite,
      form: { intent: "seek", positionMs: "120000" },
    });

    expect(page.html).toMatch(/aria-valuetext="2:00 of 3:34"/);
  });

  it("says Premium is required when Spotify refuses a free account", async () => {
    const user = await signIn({ spotify: "free-account" });
    const page = await openPage("/?index", {
      user,
      headers: sameSite,
      form: { intent: "next" },
    });

    expect(page.status).toBe(403);
    expect(page.text).toContain("Spotify Premium");
  });

  it("says there is no active device", async () => {
    const user = await signIn({ spotify: "nothing-playing" });
    const page = await openPage("/?index", {
      user,
      headers: sameSite,
      form: { intent: "play" },
    });

    expect(page.status).toBe(409);
    expect(page.text).toContain("No Spotify device is active");
  });

  it("asks to reconnect when the control scope is missing", async () => {
    const user = await signIn({
      spotify: "track",
      account: { scopes: READ_SCOPES },
    });
    const page = await openPage("/?index", {
      user,
      headers: sameSite,
      form: { intent: "pause" },
    });

    expect(page.status).toBe(403);
    expect(page.text).toContain("permission to control playback");
    expect(page.html).toMatch(/href="\/account"/);
  });

  it("refuses a cross-site post and changes nothing", async () => {
    const user = await signIn({ spotify: "track" });
    const page = await openPage("/?index", {
      user,
      headers: { origin: "https://evil.example" },
      form: { intent: "pause" },
    });

    expect(page.status).toBe(403);
    expect(await commandCalls(user)).toEqual([]);
  });

  it.each(["cross-site", "same-site"])(
    "refuses a post with no Origin that the browser says is %s",
    async (site) => {
      const user = await signIn({ spotify: "track" });
      const page = await openPage("/?index", {
        user,
        headers: { "sec-fetch-site": site },
        form: { intent: "pause" },
      });

      expect(page.status).toBe(403);
      expect(await commandCalls(user)).toEqual([]);
    },
  );

  it.each([
    ["the browser says it is same-origin", { "sec-fetch-site": "same-origin" }],
    ["no browser says where it came from", {}],
  ])("runs a post with no Origin when %s", async (_, headers) => {
    const user = await signIn({ spotify: "track" });
    const page = await openPage("/?index", {
      user,
      headers,
      form: { intent: "pause" },
    });

    expect(page.status).toBe(200);
    expect(await commandCalls(user)).toEqual(["PUT /v1/me/player/pause"]);
  });

  it("tells a form post when Spotify may be asked again", async () => {
    const user = await signIn({ spotify: "rate-limited" });
    const page = await openPage("/?index", {
      user,
      headers: sameSite,
      form: { intent: "pause" },
    });

    expect(page.status).toBe(429);
    expect(page.headers.get("retry-after")).toMatch(/^1[0-7]$/);
  });

  it("tells the page's script when Spotify may be asked again", async () => {
    const user = await signIn({ spotify: "rate-limited" });
    const answer = await openPage("/dashboard.data", {
      user,
      headers: { ...sameSite, accept: "*/*", "sec-fetch-dest": "empty" },
      form: { intent: "next" },
    });

    expect(answer.headers.get("retry-after")).toBe("17");
    expect(await commandCalls(user)).toEqual(["POST /v1/me/player/next"]);
  });

  it("rejects a command it does not know", async () => {
    const user = await signIn({ spotify: "track" });
    const page = await openPage("/?index", {
      user,
      headers: sameSite,
      form: { intent: "shuffle-everything" },
    });

    expect(page.status).toBe(400);
    expect(await commandCalls(user)).toEqual([]);
  });
});
