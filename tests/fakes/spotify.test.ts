import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { pick, startTestFakes, type TestFakes } from "./harness.ts";

let kit: TestFakes;

before(async () => {
  kit = await startTestFakes();
});

after(async () => {
  await kit.fakes.close();
});

async function signedIn(body: Record<string, unknown> = {}) {
  const userId = await kit.createUser(body);
  return { userId, token: await kit.clerkToken(userId) };
}

describe("playback a dashboard reads", () => {
  test("a fresh user hears the first catalog track, 42 s in", async () => {
    const { token } = await signedIn();
    const player = await kit.spotify("/v1/me/player", token);
    assert.equal(player.status, 200);
    assert.equal(player.contentType, "application/json; charset=utf-8");
    assert.equal(pick(player.json, "item.name"), "Low Tide Radio");
    assert.equal(pick(player.json, "item.artists.0.name"), "Marlow Vance");
    assert.equal(pick(player.json, "progress_ms"), 42_000);
    assert.equal(pick(player.json, "is_playing"), true);
    assert.equal(pick(player.json, "currently_playing_type"), "track");
    assert.equal(pick(player.json, "device.name"), "Living Room");
    assert.equal(pick(player.json, "context.type"), "playlist");
    assert.equal(pick(player.json, "actions.disallows.resuming"), true);
    assert.equal(pick(player.json, "repeat_state"), "off");
    assert.equal(pick(player.json, "item.popularity"), undefined);
    const cover = pick(player.json, "item.album.images.0.url");
    assert.match(String(cover), /^data:image\/svg\+xml,/);
  });

  test("progress follows the injected clock", async () => {
    const { token } = await signedIn();
    kit.clock.advance(10_000);
    const player = await kit.spotify("/v1/me/player", token);
    assert.equal(pick(player.json, "progress_ms"), 52_000);
  });

  test("the next track starts when one ends and joins the history", async () => {
    const { token } = await signedIn();
    const startedAt = kit.clock.now();
    kit.clock.advance(214_000 - 42_000 + 5_000);
    const player = await kit.spotify("/v1/me/player", token);
    assert.equal(pick(player.json, "item.name"), "Frost on the Apples");
    assert.equal(pick(player.json, "progress_ms"), 5_000);
    const recent = await kit.spotify("/v1/me/player/recently-played", token);
    assert.equal(pick(recent.json, "items.0.track.name"), "Low Tide Radio");
    const endedAt = new Date(startedAt + 172_000).toISOString();
    assert.equal(pick(recent.json, "items.0.played_at"), endedAt);
  });

  test("recently played pages with limit and the next link", async () => {
    const { token } = await signedIn();
    const page = await kit.spotify(
      "/v1/me/player/recently-played?limit=2",
      token,
    );
    assert.equal(page.status, 200);
    assert.equal(pick(page.json, "limit"), 2);
    assert.equal(pick(page.json, "total"), undefined);
    assert.equal(pick(page.json, "items.0.track.name"), "Paper Lanterns");
    assert.equal(pick(page.json, "items.1.track.name"), "Sodium Glow");
    const next = new URL(String(pick(page.json, "next")));
    const older = await kit.spotify(`${next.pathname}${next.search}`, token);
    assert.equal(pick(older.json, "items.0.track.name"), "Ladder Song");
    const tooMany = await kit.spotify(
      "/v1/me/player/recently-played?limit=51",
      token,
    );
    assert.equal(tooMany.status, 400);
  });

  test("nothing-playing answers 204 with no body but keeps the history", async () => {
    const { token } = await signedIn({ spotify: "nothing-playing" });
    const player = await kit.spotify("/v1/me/player", token);
    assert.equal(player.status, 204);
    assert.equal(player.text, "");
    const recent = await kit.spotify("/v1/me/player/recently-played", token);
    assert.equal(pick(recent.json, "items.length"), 6);
  });

  test("nothing-ever has no history either", async () => {
    const { token } = await signedIn({ spotify: "nothing-ever" });
    assert.equal((await kit.spotify("/v1/me/player", token)).status, 204);
    const recent = await kit.spotify("/v1/me/player/recently-played", token);
    assert.deepEqual(pick(recent.json, "items"), []);
    assert.equal(pick(recent.json, "cursors"), null);
    assert.equal(pick(recent.json, "next"), null);
  });

  test("an episode shows only when episodes are asked for", async () => {
    const { token } = await signedIn({ spotify: "episode" });
    const bare = await kit.spotify("/v1/me/player", token);
    assert.equal(pick(bare.json, "item"), null);
    assert.equal(pick(bare.json, "currently_playing_type"), "episode");
    const full = await kit.spotify(
      "/v1/me/player?additional_types=track,episode",
      token,
    );
    assert.equal(pick(full.json, "item.type"), "episode");
    assert.equal(pick(full.json, "item.name"), "Maps Nobody Drew");
    assert.equal(pick(full.json, "item.show.name"), "The Long Way Round");
    assert.equal(pick(full.json, "item.show.publisher"), undefined);
    assert.equal(pick(full.json, "context.type"), "show");
  });

  test("an ad has no item and disallows skipping", async () => {
    const { token } = await signedIn({ spotify: "ad" });
    const player = await kit.spotify("/v1/me/player", token);
    assert.equal(pick(player.json, "currently_playing_type"), "ad");
    assert.equal(pick(player.json, "item"), null);
    assert.equal(pick(player.json, "actions.disallows.skipping_next"), true);
    const skip = await kit.spotify("/v1/me/player/next", token, {
      method: "POST",
    });
    assert.equal(skip.status, 403);
  });

  test("a local file has no ids, links or cover art", async () => {
    const { token } = await signedIn({ spotify: "local-file" });
    const player = await kit.spotify("/v1/me/player", token);
    assert.equal(pick(player.json, "item.is_local"), true);
    assert.equal(pick(player.json, "item.id"), null);
    assert.deepEqual(pick(player.json, "item.album.images"), []);
    assert.deepEqual(pick(player.json, "item.external_urls"), {});
    assert.match(String(pick(player.json, "item.uri")), /^spotify:local:/);
  });

  test("unknown content has no item", async () => {
    const { token } = await signedIn({ spotify: "unknown" });
    const player = await kit.spotify("/v1/me/player/currently-playing", token);
    assert.equal(pick(player.json, "currently_playing_type"), "unknown");
    assert.equal(pick(player.json, "item"), null);
    assert.equal(pick(player.json, "device"), undefined);
  });

  test("the queue lists what plays next", async () => {
    const { token } = await signedIn();
    const queue = await kit.spotify("/v1/me/player/queue", token);
    assert.equal(pick(queue.json, "currently_playing.name"), "Low Tide Radio");
    assert.equal(pick(queue.json, "queue.0.name"), "Frost on the Apples");
  });

  test("a device may send no volume, or say it has no volume control", async () => {
    const unknown = await signedIn({ spotify: "volume-unknown" });
    const player = await kit.spotify("/v1/me/player", unknown.token);
    assert.equal(pick(player.json, "device.volume_percent"), null);
    assert.equal(pick(player.json, "device.supports_volume"), true);
    assert.equal(pick(player.json, "item.name"), "Low Tide Radio");

    const fixed = await signedIn({ spotify: "fixed-volume" });
    const speaker = await kit.spotify("/v1/me/player", fixed.token);
    assert.equal(pick(speaker.json, "device.supports_volume"), false);
    assert.equal(pick(speaker.json, "device.volume_percent"), 100);
  });

  test("the profile leaves out what development mode drops", async () => {
    const { token } = await signedIn();
    const me = await kit.spotify("/v1/me", token);
    assert.equal(pick(me.json, "type"), "user");
    assert.equal(typeof pick(me.json, "display_name"), "string");
    assert.equal(pick(me.json, "email"), undefined);
    assert.equal(pick(me.json, "followers"), undefined);
  });
});

describe("player commands", () => {
  test("pause, then resume, skip, seek and set the volume", async () => {
    const { token } = await signedIn();
    const put = (path: string) =>
      kit.spotify(`/v1/me/player/${path}`, token, { method: "PUT" });
    assert.equal((await put("pause")).status, 204);
    let player = await kit.spotify("/v1/me/player", token);
    assert.equal(pick(player.json, "is_playing"), false);
    assert.equal(pick(player.json, "actions.disallows.pausing"), true);
    assert.equal((await put("pause")).status, 403);
    assert.equal((await put("play")).status, 204);
    const next = await kit.spotify("/v1/me/player/next", token, {
      method: "POST",
    });
    assert.equal(next.status, 204);
    assert.equal((await put("seek?position_ms=90000")).status, 204);
    assert.equal((await put("volume?volume_percent=30")).status, 204);
    player = await kit.spotify("/v1/me/player", token);
    assert.equal(pick(player.json, "item.name"), "Frost on the Apples");
    assert.equal(pick(player.json, "progress_ms"), 90_000);
    assert.equal(pick(player.json, "device.volume_percent"), 30);
    assert.equal((await put("seek")).status, 400);
  });

  test("a user without Premium gets 403 PREMIUM_REQUIRED", async () => {
    const { token } = await signedIn({ spotify: "free-account" });
    const pause = await kit.spotify("/v1/me/player/pause", token, {
      method: "PUT",
    });
    assert.equal(pause.status, 403);
    assert.equal(pick(pause.json, "error.reason"), "PREMIUM_REQUIRED");
    const player = await kit.spotify("/v1/me/player", token);
    assert.equal(player.status, 200);
  });

  test("with no active device commands get 404 NO_ACTIVE_DEVICE", async () => {
    const { token } = await signedIn({ spotify: "nothing-playing" });
    const play = await kit.spotify("/v1/me/player/play", token, {
      method: "PUT",
    });
    assert.equal(play.status, 404);
    assert.equal(pick(play.json, "error.reason"), "NO_ACTIVE_DEVICE");
  });
});

describe("failures Spotify answers with", () => {
  test("the allowlist 403 can arrive as plain text", async () => {
    const { token } = await signedIn({
      spotify: "not-allowlisted-text-registered",
    });
    const player = await kit.spotify("/v1/me/player", token);
    assert.equal(player.status, 403);
    assert.match(String(player.contentType), /^text\/plain/);
    assert.equal(player.text, "User not registered in the Developer Dashboard");
  });

  test("the allowlist 403 can arrive as JSON", async () => {
    const { token } = await signedIn({
      spotify: "not-allowlisted-json-check-settings",
    });
    const me = await kit.spotify("/v1/me", token);
    assert.equal(me.status, 403);
    assert.equal(pick(me.json, "error.status"), 403);
    assert.match(
      String(pick(me.json, "error.message")),
      /may not be registered/,
    );
  });

  test("the allowlist 403 can arrive OAuth-style, in error_description", async () => {
    const { token } = await signedIn({
      spotify: "not-allowlisted-oauth-registered",
    });
    const player = await kit.spotify("/v1/me/player", token);
    assert.equal(player.status, 403);
    assert.deepEqual(player.json, {
      error: "access_denied",
      error_description: "User not registered in the Developer Dashboard",
    });
    const owner = await signedIn({ spotify: "owner-premium-lapsed-oauth" });
    const refused = await kit.spotify("/v1/me/player", owner.token);
    assert.match(
      String(pick(refused.json, "error_description")),
      /owner of the app/,
    );
  });

  test("the allowlist 403 can carry its message beside error", async () => {
    const { token } = await signedIn({
      spotify: "not-allowlisted-outer-message-check-settings",
    });
    const me = await kit.spotify("/v1/me", token);
    assert.equal(me.status, 403);
    assert.deepEqual(pick(me.json, "error"), { status: 403 });
    assert.match(String(pick(me.json, "message")), /may not be registered/);
  });

  test("an expired first token gets 401 once; Clerk's next token works", async () => {
    const { userId, token } = await signedIn({ spotify: "token-expired-once" });
    const first = await kit.spotify("/v1/me/player", token);
    assert.equal(first.status, 401);
    assert.equal(pick(first.json, "error.message"), "The access token expired");
    const fresh = await kit.clerkToken(userId);
    assert.notEqual(fresh, token);
    assert.equal((await kit.spotify("/v1/me/player", fresh)).status, 200);
    assert.equal((await kit.spotify("/v1/me/player", token)).status, 401);
  });

  test("a sentinel token stays in every token Clerk hands out", async () => {
    const { userId, token } = await signedIn({
      spotify: "token-expired-once",
      token: "SENTINEL-4b1d",
    });
    assert.equal(token, "SENTINEL-4b1d");
    await kit.spotify("/v1/me", token);
    assert.equal(await kit.clerkToken(userId), "SENTINEL-4b1d-2");
  });

  test("a revoked token gets 401 every time", async () => {
    const { userId, token } = await signedIn({ spotify: "token-revoked" });
    const answer = await kit.spotify("/v1/me/player", token);
    assert.equal(answer.status, 401);
    assert.equal(pick(answer.json, "error.message"), "Invalid access token");
    assert.equal(await kit.clerkToken(userId), token);
  });

  test("unknown and missing tokens get 401", async () => {
    assert.equal((await kit.spotify("/v1/me/player", "nope")).status, 401);
    const missing = await kit.spotify("/v1/me/player", null);
    assert.equal(missing.status, 401);
    assert.equal(pick(missing.json, "error.message"), "No token provided");
  });

  test("rate limiting says when to come back", async () => {
    const { token } = await signedIn({ spotify: "rate-limited" });
    const answer = await kit.spotify("/v1/me/player/recently-played", token);
    assert.equal(answer.status, 429);
    assert.equal(answer.headers.get("retry-after"), "17");
    assert.equal(pick(answer.json, "error.status"), 429);
  });

  test("rate limiting may name any wait, or none", async () => {
    const waits = {
      "rate-limited-no-retry-after": null,
      "rate-limited-retry-after-0": "0",
      "rate-limited-90s": "90",
      "rate-limited-2h": "7200",
    };
    for (const [spotify, wait] of Object.entries(waits)) {
      const { token } = await signedIn({ spotify });
      const answer = await kit.spotify("/v1/me/player", token);
      assert.equal(answer.status, 429, spotify);
      assert.equal(answer.headers.get("retry-after"), wait, spotify);
    }
  });

  test("only the history can be rate limited", async () => {
    const { token } = await signedIn({ spotify: "history-rate-limited" });
    const history = await kit.spotify("/v1/me/player/recently-played", token);
    assert.equal(history.status, 429);
    assert.equal(history.headers.get("retry-after"), "17");
    assert.equal((await kit.spotify("/v1/me/player", token)).status, 200);
    assert.equal((await kit.spotify("/v1/me/player/queue", token)).status, 200);
  });

  test("outages come as 503 HTML, 502 and 500", async () => {
    const cases = [
      ["unavailable", 503, /^text\/html/],
      ["bad-gateway", 502, /^application\/json/],
      ["server-error", 500, /^application\/json/],
    ] as const;
    for (const [spotify, status, contentType] of cases) {
      const { token } = await signedIn({ spotify });
      const answer = await kit.spotify("/v1/me/player", token);
      assert.equal(answer.status, status);
      assert.match(String(answer.contentType), contentType);
    }
  });

  test("malformed JSON and HTML pages can come with 200", async () => {
    const broken = await signedIn({ spotify: "malformed" });
    const answer = await kit.spotify("/v1/me/player", broken.token);
    assert.equal(answer.status, 200);
    assert.match(String(answer.contentType), /^application\/json/);
    assert.equal(answer.json, undefined);
    const portal = await signedIn({ spotify: "html-200" });
    const page = await kit.spotify("/v1/me/player", portal.token);
    assert.match(String(page.contentType), /^text\/html/);
  });

  test("a hang never answers, and the call log says so", async () => {
    const { userId, token } = await signedIn({ spotify: "hang" });
    await assert.rejects(
      kit.spotify("/v1/me/player", token, { signal: AbortSignal.timeout(150) }),
      { name: "TimeoutError" },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    const log = await kit.control("GET", `/__fake/users/${userId}/calls`);
    const calls = pick(log.json, "calls");
    assert.ok(Array.isArray(calls));
    const last = calls.at(-1);
    assert.equal(pick(last, "path"), "/v1/me/player");
    assert.equal(pick(last, "status"), null);
  });

  test("only the queue can be forbidden", async () => {
    const { token } = await signedIn({ spotify: "queue-forbidden" });
    assert.equal((await kit.spotify("/v1/me/player/queue", token)).status, 403);
    assert.equal((await kit.spotify("/v1/me/player", token)).status, 200);
  });

  test("scenarios switch live, keeping the playback", async () => {
    const { userId, token } = await signedIn();
    const path = `/__fake/users/${userId}/scenario`;
    await kit.control("PUT", path, { spotify: "rate-limited" });
    assert.equal((await kit.spotify("/v1/me/player", token)).status, 429);
    kit.clock.advance(1_000);
    await kit.control("PUT", path, { spotify: "track" });
    const player = await kit.spotify("/v1/me/player", token);
    assert.equal(pick(player.json, "progress_ms"), 43_000);
  });

  test("a restart plays the scenario again from its first item", async () => {
    const { userId, token } = await signedIn();
    kit.clock.advance(600_000);
    const later = await kit.spotify("/v1/me/player", token);
    assert.notEqual(pick(later.json, "item.name"), "Low Tide Radio");
    const path = `/__fake/users/${userId}/scenario`;
    await kit.control("PUT", path, { spotify: "track", restart: true });
    const player = await kit.spotify("/v1/me/player", token);
    assert.equal(pick(player.json, "item.name"), "Low Tide Radio");
    assert.equal(pick(player.json, "progress_ms"), 42_000);
  });
});

test("extended quota mode keeps the fields development mode drops", async () => {
  const extended = await startTestFakes({ quotaMode: "extended" });
  try {
    const userId = await extended.createUser({ spotify: "episode" });
    const token = await extended.clerkToken(userId);
    const player = await extended.spotify(
      "/v1/me/player?additional_types=episode",
      token,
    );
    assert.equal(pick(player.json, "item.show.publisher"), "Foxglove Audio");
    const queue = await extended.spotify("/v1/me/player/queue", token);
    assert.equal(typeof pick(queue.json, "queue.2.popularity"), "number");
    const me = await extended.spotify("/v1/me", token);
    assert.equal(pick(me.json, "email"), "alex@example.com");
  } finally {
    await extended.fakes.close();
  }
});
