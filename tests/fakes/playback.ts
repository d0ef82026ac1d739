import {
  episodes,
  localFile,
  minisode,
  playlistContext,
  showContext,
  tracks,
} from "./catalog.ts";
import { hostileTrack } from "./hostile-track.ts";
import type {
  DeviceObject,
  PlayableItem,
  PlaybackContext,
  TrackObject,
} from "./spotify-objects.ts";

export type PlaybackStart =
  | "track"
  | "episode"
  | "local-file"
  | "hostile-track"
  | "none";
export type Interruption = "ad" | "unknown" | null;

/** What a scenario asks the player to look like; plain data. */
export interface PlaybackSetup {
  start: PlaybackStart;
  playing: boolean;
  interruption: Interruption;
  prefilledHistory: boolean;
  /** Renames the user's device, for names a UI must render safely. */
  deviceName?: string;
  /** What the device says about its volume, for devices without one. */
  deviceVolume?: Pick<DeviceObject, "supports_volume" | "volume_percent">;
}

export interface QueueEntry {
  item: PlayableItem;
  context: PlaybackContext;
}

export interface RecentPlay {
  track: TrackObject;
  playedAt: number;
  context: PlaybackContext | null;
}

export interface NowPlaying {
  entry: QueueEntry;
  progressMs: number;
  isPlaying: boolean;
  changedAt: number;
  interruption: Interruption;
  adProgressMs: number;
  device: DeviceObject;
}

export type CommandOutcome = "done" | "no-active-device" | "restricted";

export interface Playback {
  readonly setup: PlaybackSetup;
  nowPlaying(): NowPlaying | null;
  recentPlays(): RecentPlay[];
  upcoming(count: number): QueueEntry[];
  play(): CommandOutcome;
  pause(): CommandOutcome;
  next(): CommandOutcome;
  previous(): CommandOutcome;
  seek(positionMs: number): CommandOutcome;
  setVolume(percent: number): CommandOutcome;
  interrupt(interruption: Interruption): void;
}

export const STARTING_PROGRESS_MS = 42_000;
export const AD_DURATION_MS = 30_000;
const HISTORY_LIMIT = 50;
const COUNTS_AS_PLAYED_MS = 30_000;
const RESTART_INSTEAD_OF_PREVIOUS_MS = 3_000;

const onPlaylist = (item: PlayableItem): QueueEntry => ({
  item,
  context: playlistContext,
});

/**
 * Real Spotify keeps going after a context ends (autoplay); looping the
 * catalog stands in for that so a long demo never falls silent.
 */
function sequenceFor(start: PlaybackStart): QueueEntry[] {
  const music = tracks.map(onPlaylist);
  // Like a listener's mixed queue, a short podcast now and then.
  music.splice(4, 0, { item: minisode, context: showContext });
  if (start === "episode") {
    return [
      ...episodes.map((item) => ({ item, context: showContext })),
      ...music,
    ];
  }
  if (start === "local-file") return [onPlaylist(localFile), ...music];
  if (start === "hostile-track") return [onPlaylist(hostileTrack), ...music];
  if (start === "track") return music;
  return [];
}

/** The tracks a fresh user "played" before the fake started, newest first. */
function prefilledHistory(endedAt: number): RecentPlay[] {
  const plays: RecentPlay[] = [];
  let playedAt = endedAt;
  for (const track of [...tracks].reverse().slice(0, 6)) {
    plays.push({ track, playedAt, context: playlistContext });
    playedAt -= track.duration_ms;
  }
  return plays;
}

export const defaultDevice: DeviceObject = {
  id: "5fbb3ba6aa454b5534c4ba43a8c7e8e45a63ad0e",
  is_active: true,
  is_private_session: false,
  is_restricted: false,
  name: "Living Room",
  supports_volume: true,
  type: "Speaker",
  volume_percent: 64,
};

export interface PlaybackOptions {
  now: () => number;
  setup: PlaybackSetup;
  device?: DeviceObject;
}

export function createPlayback(options: PlaybackOptions): Playback {
  const { now, setup } = options;
  const sequence = sequenceFor(setup.start);
  const device = { ...(options.device ?? defaultDevice) };
  if (setup.deviceName !== undefined) device.name = setup.deviceName;
  if (setup.deviceVolume) Object.assign(device, setup.deviceVolume);
  const startedAt = now();
  const trackStartedAt = startedAt - STARTING_PROGRESS_MS;
  const history = setup.prefilledHistory
    ? prefilledHistory(trackStartedAt)
    : [];
  let index = 0;
  let positionMs = STARTING_PROGRESS_MS;
  let anchorAt = startedAt;
  let changedAt = trackStartedAt;
  let isPlaying = setup.playing;
  let interruption = setup.interruption;
  let interruptedAt = startedAt;

  const entryAt = (position: number): QueueEntry | undefined =>
    sequence.length === 0 ? undefined : sequence[position % sequence.length];

  function remember(entry: QueueEntry, playedAt: number): void {
    if (entry.item.type !== "track") return;
    history.unshift({ track: entry.item, playedAt, context: entry.context });
    history.length = Math.min(history.length, HISTORY_LIMIT);
  }

  function moveTo(position: number, at: number): void {
    index = Math.max(0, position);
    positionMs = 0;
    anchorAt = at;
    changedAt = at;
  }

  /** Brings the simulation up to the clock: progress, and items that ended. */
  function settle(): QueueEntry | undefined {
    const at = now();
    const elapsed = at - anchorAt;
    if (!isPlaying || interruption === "ad" || elapsed <= 0) {
      anchorAt = Math.max(anchorAt, at);
      return entryAt(index);
    }
    let position = positionMs + elapsed;
    let entry = entryAt(index);
    while (entry && position >= entry.item.duration_ms) {
      position -= entry.item.duration_ms;
      const endedAt = at - position;
      remember(entry, endedAt);
      index += 1;
      changedAt = endedAt;
      entry = entryAt(index);
    }
    positionMs = position;
    anchorAt = at;
    return entry;
  }

  function command(
    allowedDuringAd: boolean,
    act: (entry: QueueEntry) => CommandOutcome,
  ): CommandOutcome {
    const entry = settle();
    if (!entry) return "no-active-device";
    if (interruption === "ad" && !allowedDuringAd) return "restricted";
    return act(entry);
  }

  return {
    setup,
    nowPlaying() {
      const entry = settle();
      if (!entry) return null;
      return {
        entry,
        progressMs: Math.floor(positionMs),
        isPlaying,
        changedAt: interruption === "ad" ? interruptedAt : changedAt,
        interruption,
        adProgressMs: (now() - interruptedAt) % AD_DURATION_MS,
        device: { ...device },
      };
    },
    recentPlays() {
      settle();
      return [...history];
    },
    upcoming(count) {
      const entry = settle();
      if (!entry) return [];
      return Array.from({ length: count }, (_, offset) =>
        entryAt(index + offset + 1),
      ).filter((next) => next !== undefined);
    },
    play: () =>
      command(true, () => {
        if (isPlaying) return "restricted";
        isPlaying = true;
        changedAt = now();
        return "done";
      }),
    pause: () =>
      command(true, () => {
        if (!isPlaying) return "restricted";
        isPlaying = false;
        changedAt = now();
        return "done";
      }),
    next: () =>
      command(false, (entry) => {
        if (positionMs >= COUNTS_AS_PLAYED_MS) remember(entry, now());
        moveTo(index + 1, now());
        return "done";
      }),
    previous: () =>
      command(false, () => {
        const restart = positionMs > RESTART_INSTEAD_OF_PREVIOUS_MS;
        moveTo(restart ? index : index - 1, now());
        return "done";
      }),
    seek: (target) =>
      command(false, (entry) => {
        if (target >= entry.item.duration_ms) {
          remember(entry, now());
          moveTo(index + 1, now());
          return "done";
        }
        positionMs = Math.max(0, target);
        changedAt = now();
        return "done";
      }),
    setVolume: (percent) =>
      command(true, () => {
        device.volume_percent = percent;
        return "done";
      }),
    interrupt(next) {
      settle();
      if (next === "ad" && interruption !== "ad") interruptedAt = now();
      interruption = next;
    },
  };
}
