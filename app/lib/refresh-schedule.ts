import type { NowPlayingPanel } from "./playback";

/*
 * When the dashboard reads Spotify again. A playing item is re-read just
 * after it should end, so a track change shows within a second or so, but
 * never later than a short cap: the listener may skip or pause elsewhere.
 * Slower when paused or idle; Spotify's own Retry-After always wins. Every
 * delay carries a little jitter so many open tabs do not arrive in step.
 */

export const PLAYING_CAP_MS = 15_000;
export const PAUSED_MS = 30_000;
export const IDLE_MS = 60_000;
export const AFTER_COMMAND_MS = 700;
const MIN_MS = 1_000;
const STILL_AT_END_START_MS = 2_000;
const BACKOFF_START_MS = 15_000;
const BACKOFF_MAX_MS = 120_000;

/** Spreads refreshes out so many open tabs do not arrive in step. */
export function jitter(random = Math.random) {
  return 250 + Math.round(random() * 500);
}

/** Whether a read found the playing item at, or within a second of, its end. */
export function isAtItemEnd(panel: NowPlayingPanel, progressMs: number | null) {
  if (panel.status !== "active" || !panel.playback.isPlaying) return false;
  const { item } = panel.playback;
  if (!("durationMs" in item) || progressMs === null) return false;
  return item.durationMs - progressMs < MIN_MS;
}

/**
 * Reads in a row that found the same item at its end. Spotify sometimes
 * keeps reporting an item that has finished; asking every second then
 * would cost sixty calls a minute.
 */
export type ItemEndWatch = { itemKey: string; reads: number };

export function watchItemEnd(
  previous: ItemEndWatch | null,
  itemKey: string,
  atEnd: boolean,
): ItemEndWatch | null {
  if (!atEnd) return null;
  const reads = previous?.itemKey === itemKey ? previous.reads + 1 : 1;
  return { itemKey, reads };
}

/**
 * `readsAtEnd` counts the reads in a row, this one included, that found
 * this same item at its end: from the second on, the wait doubles from 2 s.
 */
export function delayAfterRead(
  panel: NowPlayingPanel,
  progressMs: number | null,
  readsAtEnd = 0,
  random = Math.random,
) {
  const spread = jitter(random);
  if (panel.status !== "active") return IDLE_MS + spread;
  const { playback } = panel;
  if (!playback.isPlaying) return PAUSED_MS + spread;
  // The cap is a promise: its jitter comes off it, never on top.
  const cap = PLAYING_CAP_MS - spread;
  const duration =
    "durationMs" in playback.item ? playback.item.durationMs : null;
  if (duration === null || progressMs === null) return cap;
  if (readsAtEnd >= 2) {
    const wait = STILL_AT_END_START_MS * 2 ** (readsAtEnd - 2);
    return Math.min(wait + spread, cap);
  }
  return Math.min(Math.max(duration - progressMs, MIN_MS) + spread, cap);
}

export function delayAfterRateLimit(
  retryAfterSeconds: number | null,
  random = Math.random,
) {
  return (retryAfterSeconds ?? 60) * 1000 + jitter(random);
}

/** 15 s, 30 s, 60 s, then every 2 min while Spotify stays down. */
export function delayAfterOutage(failures: number, random = Math.random) {
  const backoff = BACKOFF_START_MS * 2 ** Math.max(0, failures - 1);
  return Math.min(backoff, BACKOFF_MAX_MS) + jitter(random);
}
