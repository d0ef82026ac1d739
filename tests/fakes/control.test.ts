import assert from "node:assert/strict";
import { connect } from "node:net";
import { after, before, test } from "node:test";
import { NEVER_ANSWERS } from "./answers.ts";
import { call, pick, startTestFakes, type TestFakes } from "./harness.ts";

let kit: TestFakes;

before(async () => {
  kit = await startTestFakes();
});

after(async () => {
  await kit.fakes.close();
});

test("lists every scenario with a description", async () => {
  const answer = await kit.control("GET", "/__fake/scenarios");
  const spotify = pick(answer.json, "spotify");
  assert.ok(Array.isArray(spotify));
  const names = spotify.map((entry) => pick(entry, "name"));
  for (const name of [
    "track",
    "nothing-ever",
    "not-allowlisted-json-approved",
    "hang",
  ]) {
    assert.ok(names.includes(name), name);
  }
  assert.equal(typeof pick(spotify[0], "description"), "string");
  assert.equal(pick(answer.json, "clerk.0.name"), "connected");
});

test("both servers answer the control API from one world", async () => {
  const created = await call(`${kit.fakes.clerkUrl}/__fake/users`, {
    method: "POST",
    body: JSON.stringify({ userId: "user_shared" }),
  });
  assert.equal(created.status, 201);
  const seen = await kit.control("GET", "/__fake/users/user_shared");
  assert.equal(pick(seen.json, "userId"), "user_shared");
  assert.equal(
    pick(seen.json, "account.email"),
    pick(created.json, "account.email"),
  );
});

test("rejects bad input without falling over", async () => {
  const badJson = await call(`${kit.fakes.spotifyUrl}/__fake/users`, {
    method: "POST",
    body: "{nope",
  });
  assert.equal(badJson.status, 400);
  const badName = await kit.control("POST", "/__fake/users", {
    spotify: "jazz",
  });
  assert.equal(badName.status, 400);
  assert.match(String(pick(badName.json, "error")), /spotify/);
  await kit.control("POST", "/__fake/users", { userId: "user_twice" });
  const twice = await kit.control("POST", "/__fake/users", {
    userId: "user_twice",
  });
  assert.equal(twice.status, 409);
  const unknown = await kit.control("GET", "/__fake/nothing-here");
  assert.equal(unknown.status, 404);
  assert.equal(unknown.contentType, "application/json");
  const health = await kit.control("GET", "/__fake/health");
  assert.equal(pick(health.json, "ok"), true);
});

test("survives a request that is not HTTP at all", async () => {
  const { port } = new URL(kit.fakes.spotifyUrl);
  await new Promise<void>((resolve) => {
    const socket = connect(Number(port), "127.0.0.1", () => {
      socket.end("BLAH / NOT-HTTP\r\n\r\n");
    });
    socket.on("close", () => resolve());
    socket.on("error", () => resolve());
  });
  const health = await kit.control("GET", "/__fake/health");
  assert.equal(health.status, 200);
});

test("keeps a call log per user that can be cleared", async () => {
  const userId = await kit.createUser();
  const token = await kit.clerkToken(userId);
  await kit.spotify("/v1/me/player?additional_types=episode", token);
  const path = `/__fake/users/${userId}/calls`;
  const log = await kit.control("GET", path);
  assert.equal(pick(log.json, "calls.0.service"), "clerk");
  assert.equal(pick(log.json, "calls.1.service"), "spotify");
  assert.equal(pick(log.json, "calls.1.path"), "/v1/me/player");
  assert.equal(pick(log.json, "calls.1.query.additional_types"), "episode");
  assert.equal(pick(log.json, "calls.1.status"), 200);
  assert.equal(typeof pick(log.json, "calls.1.durationMs"), "number");
  assert.equal((await kit.control("DELETE", path)).status, 204);
  const cleared = await kit.control("GET", path);
  assert.deepEqual(pick(cleared.json, "calls"), []);
});

test("moves the clock over HTTP for tests that cannot reach it", async () => {
  const userId = await kit.createUser();
  const token = await kit.clerkToken(userId);
  await kit.control("POST", "/__fake/clock", { advanceMs: 8_000 });
  const player = await kit.spotify("/v1/me/player", token);
  assert.equal(pick(player.json, "progress_ms"), 50_000);
});

test("never answers under its never-answers base URL", async () => {
  const url = `${kit.fakes.clerkUrl}${NEVER_ANSWERS}/v1/jwks`;
  await assert.rejects(
    fetch(url, { signal: AbortSignal.timeout(300) }),
    (error: Error) => error.name === "TimeoutError",
  );
  const health = await kit.control("GET", "/__fake/health");
  assert.equal(health.status, 200);
});

test("answers browser preflights", async () => {
  const answer = await call(`${kit.fakes.spotifyUrl}/__fake/users/x/scenario`, {
    method: "OPTIONS",
  });
  assert.equal(answer.status, 204);
  assert.equal(answer.headers.get("access-control-allow-origin"), "*");
});

test("adds latency to API answers but not to control routes", async () => {
  const slow = await startTestFakes({ latencyMs: 120 });
  try {
    const started = performance.now();
    await slow.control("GET", "/__fake/health");
    assert.ok(performance.now() - started < 100);
    const timed = performance.now();
    await slow.clerk("/v1/jwks");
    assert.ok(performance.now() - timed >= 115);
  } finally {
    await slow.fakes.close();
  }
});
