import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { setTimeout as delay } from "node:timers/promises";
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

function rawSpotify(path: string, token: string, signal?: AbortSignal) {
  return fetch(`${kit.fakes.spotifyUrl}${path}`, {
    headers: { Authorization: `Bearer ${token}` },
    signal,
  });
}

/** The status logged for the user's last call, once the fake has one. */
async function lastLoggedStatus(userId: string): Promise<unknown> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const log = await kit.control("GET", `/__fake/users/${userId}/calls`);
    const calls = pick(log.json, "calls");
    assert.ok(Array.isArray(calls));
    if (calls.length > 0) return pick(calls.at(-1), "status");
    await delay(25);
  }
  throw new Error("the fake logged no call");
}

/** fetch fails with a TypeError whose cause is the socket's reset. */
async function assertReset(path: string, token: string): Promise<void> {
  await assert.rejects(kit.spotify(path, token), (error: unknown) => {
    assert.ok(error instanceof TypeError, String(error));
    assert.equal(pick(error.cause, "code"), "ECONNRESET");
    return true;
  });
}

describe("Spotify answers that break on the wire", () => {
  test("a slow body keeps trickling spaces and never ends", async () => {
    const { userId, token } = await signedIn({ spotify: "slow-body" });
    const controller = new AbortController();
    const response = await rawSpotify(
      "/v1/me/player",
      token,
      controller.signal,
    );
    assert.equal(response.status, 200);
    assert.equal(
      response.headers.get("content-type"),
      "application/json; charset=utf-8",
    );
    assert.ok(response.body);
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let received = "";
    const startedAt = performance.now();
    for (let chunk = 0; chunk < 4; chunk += 1) {
      const { done, value } = await reader.read();
      assert.equal(done, false);
      received += decoder.decode(value, { stream: true });
    }
    assert.ok(performance.now() - startedAt >= 400, "bytes come slowly");
    assert.match(received, /^\{\n {2}"device" : {4,}$/);
    controller.abort();
    await assert.rejects(reader.read(), { name: "AbortError" });
    await delay(50);
    assert.equal(await lastLoggedStatus(userId), null);
  });

  test("a connection reset comes with no answer at all", async () => {
    const { userId, token } = await signedIn({ spotify: "connection-reset" });
    await assertReset("/v1/me/player", token);
    await assertReset("/v1/me/player/queue", token);
    await assertReset("/v1/me/player/queue", token);
    assert.equal(await lastLoggedStatus(userId), null);
  });

  test("a huge body is 10 MB of valid JSON, sent in chunks", async () => {
    const { userId, token } = await signedIn({ spotify: "huge-body" });
    const response = await rawSpotify("/v1/me/player/recently-played", token);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get("content-length"), null);
    assert.equal(response.headers.get("transfer-encoding"), "chunked");
    const text = await response.text();
    assert.equal(text.length, 10 * 1024 * 1024);
    const body: unknown = JSON.parse(text);
    const padding = pick(body, "padding");
    assert.equal(typeof padding, "string");
    assert.ok(String(padding).length > 10_000_000);
    assert.equal(await lastLoggedStatus(userId), 200);
  });

  test("a client may walk away from the huge body halfway", async () => {
    const { token } = await signedIn({ spotify: "huge-body" });
    const controller = new AbortController();
    const response = await rawSpotify("/v1/me", token, controller.signal);
    assert.ok(response.body);
    const reader = response.body.getReader();
    assert.equal((await reader.read()).done, false);
    controller.abort();
    const me = await signedIn();
    assert.equal((await kit.spotify("/v1/me", me.token)).status, 200);
  });
});

describe("Spotify failures that go away when retried", () => {
  test("flaky-503 fails each endpoint's first call, then plays", async () => {
    const { token } = await signedIn({ spotify: "flaky-503" });
    const first = await kit.spotify("/v1/me/player", token);
    assert.equal(first.status, 503);
    assert.match(String(first.contentType), /^text\/html/);
    const retry = await kit.spotify("/v1/me/player", token);
    assert.equal(retry.status, 200);
    assert.equal(pick(retry.json, "item.name"), "Low Tide Radio");
    const samePlayerGroup = "/v1/me/player/currently-playing";
    assert.equal((await kit.spotify(samePlayerGroup, token)).status, 200);
    assert.equal((await kit.spotify("/v1/me/player/queue", token)).status, 503);
    assert.equal((await kit.spotify("/v1/me/player/queue", token)).status, 200);
  });

  test("flaky-503-retry-after asks for a second's wait, then plays", async () => {
    const { token } = await signedIn({ spotify: "flaky-503-retry-after" });
    const first = await kit.spotify("/v1/me/player", token);
    assert.equal(first.status, 503);
    assert.equal(first.headers.get("retry-after"), "1");
    const retry = await kit.spotify("/v1/me/player", token);
    assert.equal(retry.status, 200);
    assert.equal(pick(retry.json, "item.name"), "Low Tide Radio");
  });

  test("reset-once resets each endpoint's first call, then plays", async () => {
    const { userId, token } = await signedIn({ spotify: "reset-once" });
    await assertReset("/v1/me/player", token);
    assert.equal(await lastLoggedStatus(userId), null);
    const retry = await kit.spotify("/v1/me/player", token);
    assert.equal(retry.status, 200);
    assert.equal(pick(retry.json, "item.name"), "Low Tide Radio");
    await assertReset("/v1/me", token);
    assert.equal((await kit.spotify("/v1/me", token)).status, 200);
  });

  test("switching into a first-call scenario rearms its failures", async () => {
    const { userId, token } = await signedIn({ spotify: "flaky-503" });
    assert.equal((await kit.spotify("/v1/me/player", token)).status, 503);
    assert.equal((await kit.spotify("/v1/me/player", token)).status, 200);
    await kit.control("PUT", `/__fake/users/${userId}/scenario`, {
      spotify: "flaky-503",
    });
    assert.equal((await kit.spotify("/v1/me/player", token)).status, 503);
  });
});

describe("names a dashboard must show as text", () => {
  test("hostile-names plays a track whose names are hostile", async () => {
    const { token } = await signedIn({ spotify: "hostile-names" });
    const player = await kit.spotify("/v1/me/player", token);
    assert.equal(player.status, 200);
    const track = String(pick(player.json, "item.name"));
    const artist = String(pick(player.json, "item.artists.0.name"));
    const album = String(pick(player.json, "item.album.name"));
    const device = String(pick(player.json, "device.name"));
    assert.ok(track.includes("<img src=x onerror=alert(1)>"));
    assert.ok(track.includes("</script>"));
    assert.ok(artist.startsWith("\u202E"));
    assert.match(artist, /[\u0600-\u06FF]/);
    assert.match(artist, /[\u0590-\u05FF]/);
    assert.ok(artist.includes("\u{1F469}\u200D\u{1F3A4}"));
    assert.equal(album.length, 500);
    assert.ok(device.includes("<b onmouseover=alert(1)>"));
    assert.ok(device.includes("\u{1F50A}"));
    for (const name of [track, artist, album, device]) {
      assert.ok(player.text.includes(JSON.stringify(name)), name);
    }
    assert.ok(player.text.includes("</script><script>"));
  });

  test("hostile-names leaves the history and the queue as usual", async () => {
    const { token } = await signedIn({ spotify: "hostile-names" });
    const recent = await kit.spotify("/v1/me/player/recently-played", token);
    assert.equal(pick(recent.json, "items.0.track.name"), "Paper Lanterns");
    const queue = await kit.spotify("/v1/me/player/queue", token);
    assert.equal(pick(queue.json, "queue.0.name"), "Low Tide Radio");
  });
});

test("clerk-flaky fails the first token request, then succeeds", async () => {
  const userId = await kit.createUser({ clerk: "clerk-flaky" });
  const path = `/v1/users/${userId}/oauth_access_tokens/oauth_spotify`;
  const first = await kit.clerk(`${path}?paginated=true`);
  assert.equal(first.status, 500);
  assert.equal(pick(first.json, "errors.0.code"), "internal_clerk_error");
  const retry = await kit.clerk(`${path}?paginated=true`);
  assert.equal(retry.status, 200);
  assert.equal(typeof pick(retry.json, "data.0.token"), "string");
});

test("the new scenarios are listed with descriptions", async () => {
  const answer = await kit.control("GET", "/__fake/scenarios");
  const described = (service: string, name: string) => {
    const list = pick(answer.json, service);
    assert.ok(Array.isArray(list));
    const entry = list.find((candidate) => pick(candidate, "name") === name);
    return pick(entry, "description");
  };
  for (const name of [
    "slow-body",
    "connection-reset",
    "huge-body",
    "flaky-503",
    "reset-once",
    "flaky-503-retry-after",
    "history-rate-limited",
    "volume-unknown",
    "fixed-volume",
    "hostile-names",
  ]) {
    assert.equal(typeof described("spotify", name), "string", name);
  }
  for (const name of [
    "clerk-flaky",
    "token-list-bare",
    "token-list-null-first",
  ]) {
    assert.equal(typeof described("clerk", name), "string", name);
  }
});
