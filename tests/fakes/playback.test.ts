import assert from "node:assert/strict";
import { test } from "node:test";
import { minisode, tracks } from "./catalog.ts";
import { manualClock } from "./harness.ts";
import { createPlayback, type PlaybackSetup } from "./playback.ts";

const playing: PlaybackSetup = {
  start: "track",
  playing: true,
  interruption: null,
  prefilledHistory: false,
};

function player(setup: Partial<PlaybackSetup> = {}) {
  const clock = manualClock();
  const playback = createPlayback({
    now: clock.now,
    setup: { ...playing, ...setup },
  });
  return { clock, playback };
}

const nowPlaying = (playback: ReturnType<typeof createPlayback>) => {
  const state = playback.nowPlaying();
  assert.ok(state);
  return state;
};

test("a paused player does not move", () => {
  const { clock, playback } = player({ playing: false });
  clock.advance(60_000);
  assert.equal(nowPlaying(playback).progressMs, 42_000);
});

test("a long wait plays through several tracks and loops the catalog", () => {
  const { clock, playback } = player();
  const music = tracks.reduce((sum, t) => sum + t.duration_ms, 0);
  clock.advance(music + minisode.duration_ms);
  const state = nowPlaying(playback);
  assert.equal(state.entry.item.name, "Low Tide Radio");
  assert.equal(state.progressMs, 42_000);
  // The short episode played too, but history lists tracks only.
  assert.equal(playback.recentPlays().length, tracks.length);
});

test("a short podcast episode plays after the fourth track", () => {
  const { clock, playback } = player();
  const firstFour = tracks
    .slice(0, 4)
    .reduce((sum, t) => sum + t.duration_ms, 0);
  clock.advance(firstFour - 42_000 + 1_000);
  assert.equal(nowPlaying(playback).entry.item.type, "episode");
});

test("skipping before 30 s does not count as a play", () => {
  const { playback } = player();
  playback.seek(10_000);
  playback.next();
  assert.equal(playback.recentPlays().length, 0);
  assert.equal(nowPlaying(playback).entry.item.name, "Frost on the Apples");
});

test("previous restarts a track past 3 s, else goes back one", () => {
  const { playback } = player();
  playback.next();
  playback.previous();
  assert.equal(nowPlaying(playback).entry.item.name, "Low Tide Radio");
  playback.seek(60_000);
  playback.previous();
  const state = nowPlaying(playback);
  assert.equal(state.entry.item.name, "Low Tide Radio");
  assert.equal(state.progressMs, 0);
});

test("seeking past the end plays the next item", () => {
  const { playback } = player();
  playback.seek(10_000_000);
  assert.equal(nowPlaying(playback).entry.item.name, "Frost on the Apples");
});

test("with nothing started every command finds no device", () => {
  const { playback } = player({ start: "none" });
  assert.equal(playback.nowPlaying(), null);
  assert.equal(playback.play(), "no-active-device");
  assert.equal(playback.setVolume(10), "no-active-device");
});

test("an ad freezes the music underneath", () => {
  const { clock, playback } = player({ interruption: "ad" });
  clock.advance(20_000);
  const state = nowPlaying(playback);
  assert.equal(state.progressMs, 42_000);
  assert.equal(state.adProgressMs, 20_000);
  assert.equal(playback.next(), "restricted");
});
