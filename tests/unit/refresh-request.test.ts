import assert from "node:assert/strict";
import { createServer, type IncomingHttpHeaders } from "node:http";
import { after, before, test } from "node:test";
import { renewWithin, requestRefresh } from "../../app/lib/refresh-request.ts";

/*
 * The page's refresh against a real HTTP server standing in for the
 * Worker's route: each test queues the answers it gives, in order, and
 * reads back the requests it received.
 */

type Answer = {
  status: number;
  body: string;
  headers?: Record<string, string>;
};

const json = (status: number, value: unknown, headers = {}): Answer => ({
  status,
  body: JSON.stringify(value),
  headers: { "content-type": "application/json", ...headers },
});

const REFRESH = {
  nowPlaying: { status: "idle" },
  readAt: 1_767_000_000_000,
};

let answers: Answer[] = [];
let received: IncomingHttpHeaders[] = [];
const server = createServer((request, response) => {
  received.push(request.headers);
  const answer = answers.shift() ?? json(500, { unexpected: true });
  response.writeHead(answer.status, answer.headers);
  response.end(answer.body);
});
let url = "";

before(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") {
    throw new Error("the stand-in route is not on a TCP port");
  }
  url = `http://127.0.0.1:${address.port}/api/now-playing?item=idle`;
});
after(() => server.close());

function answering(...queued: Answer[]) {
  answers = queued;
  received = [];
}

const never = () => new Promise<string | null>(() => {});
const noRenewal = () => Promise.reject(new Error("Clerk was not asked"));

test("a reply from the route is a read", async () => {
  answering(json(200, REFRESH));
  const outcome = await requestRefresh(
    url,
    new AbortController().signal,
    noRenewal,
  );
  assert.deepEqual(outcome, { kind: "read", refresh: REFRESH });
  assert.equal(received[0]?.accept, "application/json");
});

test("an unreadable 200 is an outage, not a failure of the page", async () => {
  answering({
    status: 200,
    body: "<!DOCTYPE html><title>Harbour Cafe Wi-Fi</title>",
    headers: { "content-type": "text/html" },
  });
  const outcome = await requestRefresh(
    url,
    new AbortController().signal,
    noRenewal,
  );
  assert.deepEqual(outcome, { kind: "unavailable", upstream: "spotify" });
});

test("a 503 names the service that did not answer", async () => {
  answering(
    json(503, { nowPlaying: { status: "unavailable", upstream: "clerk" } }),
    json(503, { failure: { kind: "clerk-unavailable" } }),
    { status: 503, body: "Service Unavailable" },
  );
  const signal = new AbortController().signal;
  const upstreams = [];
  for (let asked = 0; asked < 3; asked += 1) {
    upstreams.push(await requestRefresh(url, signal, noRenewal));
  }
  assert.deepEqual(upstreams, [
    { kind: "unavailable", upstream: "clerk" },
    { kind: "unavailable", upstream: "clerk" },
    { kind: "unavailable", upstream: "spotify" },
  ]);
});

test("a 429 carries its Retry-After", async () => {
  answering(json(429, { failure: {} }, { "retry-after": "17" }));
  const outcome = await requestRefresh(
    url,
    new AbortController().signal,
    noRenewal,
  );
  assert.deepEqual(outcome, { kind: "rate-limited", retryAfterSeconds: 17 });
});

test("a signed-out 401 tries again with the token Clerk renews", async () => {
  answering(json(401, { signedOut: true }), json(200, REFRESH));
  const outcome = await requestRefresh(
    url,
    new AbortController().signal,
    async () => "renewed-session-token",
  );
  assert.equal(outcome.kind, "read");
  assert.equal(received[0]?.authorization, undefined);
  assert.equal(received[1]?.authorization, "Bearer renewed-session-token");
});

test("with no answer from Clerk it tries once more on its cookie", async () => {
  answering(json(401, { signedOut: true }), json(401, { signedOut: true }));
  const outcome = await requestRefresh(
    url,
    new AbortController().signal,
    async () => undefined,
  );
  assert.deepEqual(outcome, { kind: "reload" });
  assert.equal(received.length, 2);
  assert.equal(received[1]?.authorization, undefined);
});

test("Clerk saying there is no session reloads without asking again", async () => {
  answering(json(401, { signedOut: true }));
  const outcome = await requestRefresh(
    url,
    new AbortController().signal,
    async () => null,
  );
  assert.deepEqual(outcome, { kind: "reload" });
  assert.equal(received.length, 1);
});

test("Spotify refusing its token reloads at once, without Clerk", async () => {
  answering(json(401, { failure: { kind: "token-rejected" } }));
  const outcome = await requestRefresh(
    url,
    new AbortController().signal,
    noRenewal,
  );
  assert.deepEqual(outcome, { kind: "reload" });
  assert.equal(received.length, 1);
});

test("Clerk is given a few seconds, then counts as no answer", async () => {
  assert.equal(await renewWithin(never, 20), undefined);
  assert.equal(await renewWithin(async () => "token", 1_000), "token");
  assert.equal(await renewWithin(async () => null, 1_000), null);
  const failing = () => Promise.reject(new Error("clerk-js failed"));
  assert.equal(await renewWithin(failing, 1_000), undefined);
});
