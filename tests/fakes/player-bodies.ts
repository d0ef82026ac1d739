import type { NowPlaying, QueueEntry, RecentPlay } from "./playback.ts";
import {
  type PresentedItem,
  type PresentedTrack,
  presentItem,
  presentTrack,
  type QuotaMode,
} from "./presentation.ts";
import type { DeviceObject, PlaybackContext } from "./spotify-objects.ts";

type Disallows = Partial<Record<string, true>>;

export interface CurrentlyPlayingBody {
  timestamp: number;
  context: PlaybackContext | null;
  progress_ms: number | null;
  item: PresentedItem | null;
  currently_playing_type: "track" | "episode" | "ad" | "unknown";
  actions: { disallows: Disallows };
  is_playing: boolean;
}

export interface PlayerStateBody extends CurrentlyPlayingBody {
  device: DeviceObject;
  shuffle_state: boolean;
  smart_shuffle: boolean;
  repeat_state: "off" | "track" | "context";
}

export interface RenderOptions {
  includeEpisodes: boolean;
  quotaMode: QuotaMode;
}

const AD_DISALLOWS: Disallows = {
  resuming: true,
  seeking: true,
  skipping_next: true,
  skipping_prev: true,
  toggling_repeat_context: true,
  toggling_repeat_track: true,
  toggling_shuffle: true,
  transferring_playback: true,
};

function disallows(playing: NowPlaying): Disallows {
  if (playing.interruption === "ad") return AD_DISALLOWS;
  return playing.isPlaying ? { resuming: true } : { pausing: true };
}

/** Ads and unknown content never carry an item; episodes only on request. */
export function currentlyPlayingBody(
  playing: NowPlaying,
  options: RenderOptions,
): CurrentlyPlayingBody {
  const { entry, interruption } = playing;
  const type = interruption ?? entry.item.type;
  const showItem =
    interruption === null &&
    (entry.item.type === "track" || options.includeEpisodes);
  return {
    timestamp: playing.changedAt,
    context: interruption === "ad" ? null : entry.context,
    progress_ms:
      interruption === "ad" ? playing.adProgressMs : playing.progressMs,
    item: showItem ? presentItem(entry.item, options.quotaMode) : null,
    currently_playing_type: type,
    actions: { disallows: disallows(playing) },
    is_playing: playing.isPlaying,
  };
}

export function playerStateBody(
  playing: NowPlaying,
  options: RenderOptions,
): PlayerStateBody {
  return {
    device: playing.device,
    shuffle_state: false,
    smart_shuffle: false,
    repeat_state: "off",
    ...currentlyPlayingBody(playing, options),
  };
}

export interface QueueBody {
  currently_playing: PresentedItem | null;
  queue: PresentedItem[];
}

export function queueBody(
  playing: NowPlaying | null,
  upcoming: QueueEntry[],
  quotaMode: QuotaMode,
): QueueBody {
  const visible = playing && playing.interruption === null;
  return {
    currently_playing: visible
      ? presentItem(playing.entry.item, quotaMode)
      : null,
    queue: upcoming.map((next) => presentItem(next.item, quotaMode)),
  };
}

export interface RecentlyPlayedQuery {
  limit: number;
  before: number | null;
  after: number | null;
}

export interface RecentlyPlayedBody {
  items: {
    track: PresentedTrack;
    played_at: string;
    context: PlaybackContext | null;
  }[];
  next: string | null;
  cursors: { after: string; before: string } | null;
  limit: number;
  href: string;
}

function pageOf(plays: RecentPlay[], query: RecentlyPlayedQuery): RecentPlay[] {
  const { after, before, limit } = query;
  if (after !== null) {
    return plays.filter((play) => play.playedAt > after).slice(-limit);
  }
  const older =
    before === null ? plays : plays.filter((p) => p.playedAt < before);
  return older.slice(0, limit);
}

/** `plays` newest first, as the simulation keeps them. */
export function recentlyPlayedBody(
  plays: RecentPlay[],
  query: RecentlyPlayedQuery,
  endpoint: string,
  quotaMode: QuotaMode,
): RecentlyPlayedBody {
  const page = pageOf(plays, query);
  const newest = page[0];
  const oldest = page[page.length - 1];
  const hasOlder =
    oldest !== undefined &&
    plays.some((play) => play.playedAt < oldest.playedAt);
  const params = new URLSearchParams({ limit: String(query.limit) });
  if (query.before !== null) params.set("before", String(query.before));
  if (query.after !== null) params.set("after", String(query.after));
  return {
    items: page.map((play) => ({
      track: presentTrack(play.track, quotaMode),
      played_at: new Date(play.playedAt).toISOString(),
      context: play.context,
    })),
    next:
      hasOlder && oldest
        ? `${endpoint}?before=${oldest.playedAt}&limit=${query.limit}`
        : null,
    cursors:
      newest && oldest
        ? { after: String(newest.playedAt), before: String(oldest.playedAt) }
        : null,
    limit: query.limit,
    href: `${endpoint}?${params}`,
  };
}
