import assert from "node:assert/strict";
import { test } from "node:test";
import type { NowPlayingPanel, PlaybackState } from "../../app/lib/playback.ts";
import {
  delayAfterOutage,
  delayAfterRateLimit,
  delayAfterRead,
  IDLE_MS,
  isAtItemEnd,
  PAUSED_MS,
  PLAYING_CAP_MS,
  watchItemEnd,
} from "../../app/lib/refresh-schedule.ts";

const DURATION_MS = 214_000;

function playing(isPlaying = true): NowPlayingPanel {
  const playback: PlaybackState = {
    isPlaying,
    progressMs: 0,
    item: {
      type: "track",
      name: "Low Tide Radio",
      artists: [],
      album: null,
      imageUrl: null,
      durationMs: DURATION_MS,
      url: null,
      explicit: false,
      isLocal: false,
    },
    device: null,
    context: null,
    shuffle: false,
    repeat: "off",
    allowed: {
      pause: true,
      resume: false,
      next: true,
      previous: true,
      seek: true,
    },
  };
  return { status: "active", playback };
}

const lowest = () => 0;
const highest = () => 1;

/** The delays with the lowest and the highest jitter. */
const spreadOf = (
  delay: (random: () => number) => number,
): [number, number] => [delay(lowest), delay(highest)];

test("a playing track is read again just after it should end", () => {
  const [soonest, latest] = spreadOf((random) =>
    delayAfterRead(playing(), DURATION_MS - 4_000, 0, random),
  );
  assert.ok(soonest > 4_000 && latest < 5_000, `${soonest}..${latest}`);
});

test("a long track is read again within the cap, never after it", () => {
  const waits = spreadOf((random) =>
    delayAfterRead(playing(), 10_000, 0, random),
  );
  assert.ok(Math.max(...waits) <= PLAYING_CAP_MS, `${waits}`);
  assert.notEqual(waits[0], waits[1], "the cap is spread too");
});

test("paused and idle dashboards are spread out as well", () => {
  const [pausedSoonest, pausedLatest] = spreadOf((random) =>
    delayAfterRead(playing(false), 10_000, 0, random),
  );
  assert.ok(pausedSoonest >= PAUSED_MS && pausedLatest > pausedSoonest);
  const [idleSoonest, idleLatest] = spreadOf((random) =>
    delayAfterRead({ status: "idle" }, null, 0, random),
  );
  assert.ok(idleSoonest >= IDLE_MS && idleLatest > idleSoonest);
});

test("a track still at its end read after read backs off up to the cap", () => {
  const panel = playing();
  let watch = null;
  const waits: number[] = [];
  for (let read = 0; read < 6; read += 1) {
    watch = watchItemEnd(
      watch,
      "track:low-tide",
      isAtItemEnd(panel, DURATION_MS),
    );
    waits.push(delayAfterRead(panel, DURATION_MS, watch?.reads, lowest));
  }
  assert.deepEqual(
    waits.map((wait) => Math.floor(wait / 1000)),
    [1, 2, 4, 8, 14, 14],
  );
});

test("a new item at its end starts the count again", () => {
  const first = watchItemEnd(null, "track:a", true);
  const again = watchItemEnd(first, "track:a", true);
  assert.equal(again?.reads, 2);
  assert.equal(watchItemEnd(again, "track:b", true)?.reads, 1);
  assert.equal(watchItemEnd(again, "track:a", false), null);
});

test("a track with time left is not at its end", () => {
  assert.equal(isAtItemEnd(playing(), DURATION_MS - 5_000), false);
  assert.equal(isAtItemEnd(playing(), DURATION_MS + 300), true);
  assert.equal(isAtItemEnd(playing(false), DURATION_MS), false);
});

test("Retry-After decides the wait after a 429", () => {
  const wait = delayAfterRateLimit(17, lowest);
  assert.ok(wait > 17_000 && wait < 18_000);
  assert.ok(delayAfterRateLimit(null, lowest) > 60_000);
});

test("an outage doubles the wait from 15 s up to 2 min", () => {
  const waits = [1, 2, 3, 4, 5].map((failures) =>
    Math.floor(delayAfterOutage(failures, lowest) / 1000),
  );
  assert.deepEqual(waits, [15, 30, 60, 120, 120]);
});
