import type { NowPlayingPanel } from "./playback";

/*
 * When the dashboard reads Spotify again. A playing item is re-read just
 * after it should end, so a track change shows within a second or so, but
 * never later than a short cap: the listener may skip or pause elsewhere.
 * Slower when paused or idle; Spotify's own Retry-After always wins.
 */

export const PLAYING_CAP_MS = 15_000;
export const PAUSED_MS = 30_000;
export const IDLE_MS = 60_000;
export const AFTER_COMMAND_MS = 700;
const MIN_MS = 1_000;
const BACKOFF_START_MS = 15_000;
const BACKOFF_MAX_MS = 120_000;

/** Spreads refreshes out so many open tabs do not arrive in step. */
export function jitter(random = Math.random) {
  return 250 + Math.round(random() * 500);
}

export function delayAfterRead(
  panel: NowPlayingPanel,
  progressMs: number | null,
  random = Math.random,
) {
  if (panel.status !== "active") return IDLE_MS;
  const { playback } = panel;
  if (!playback.isPlaying) return PAUSED_MS;
  const duration =
    "durationMs" in playback.item ? playback.item.durationMs : null;
  if (duration === null || progressMs === null) return PLAYING_CAP_MS;
  const untilEnd = duration - progressMs + jitter(random);
  return Math.min(Math.max(untilEnd, MIN_MS), PLAYING_CAP_MS);
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
