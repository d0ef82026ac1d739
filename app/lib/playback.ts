/**
 * The dashboard's view of Spotify, after parsing. Only what the page shows:
 * no ids beyond links, no tokens, nothing the browser should not hold.
 */
export type Link = { name: string; url: string | null };

export type Track = {
  type: "track";
  name: string;
  artists: Link[];
  album: Link | null;
  imageUrl: string | null;
  durationMs: number;
  url: string | null;
  explicit: boolean;
  isLocal: boolean;
};

export type Episode = {
  type: "episode";
  name: string;
  show: Link & { publisher: string | null };
  imageUrl: string | null;
  durationMs: number;
  url: string | null;
};

/** Ads carry no item; `unknown` covers anything Spotify adds later. */
export type PlayingItem =
  | Track
  | Episode
  | { type: "ad" }
  | { type: "unknown"; name: string | null };

export type Device = {
  name: string;
  type: string;
  /** null when the device sends none or has no volume control. */
  volumePercent: number | null;
  isPrivateSession: boolean;
};

export type PlaybackContext = {
  type: string;
  name: string | null;
  url: string | null;
};

/** Which player commands Spotify allows right now (`actions.disallows`). */
export type AllowedActions = {
  pause: boolean;
  resume: boolean;
  next: boolean;
  previous: boolean;
  seek: boolean;
};

export type PlaybackState = {
  isPlaying: boolean;
  progressMs: number | null;
  item: PlayingItem;
  device: Device | null;
  context: PlaybackContext | null;
  shuffle: boolean;
  repeat: "off" | "track" | "context";
  allowed: AllowedActions;
};

export type RecentPlay = { playedAt: string; track: Track };

/** The player card: what plays, nothing, or why it cannot be shown. */
export type NowPlayingPanel =
  | { status: "active"; playback: PlaybackState }
  | { status: "idle" }
  | { status: "unavailable"; upstream: "spotify" | "clerk" };

/** What the browser's refresh receives; no token, nothing personal beyond. */
export type NowPlayingRefresh = {
  nowPlaying: NowPlayingPanel;
  readAt: number;
  /** Sent only when the item changed since the browser's last read. */
  changes?: {
    recentlyPlayed: RecentPlay[] | null;
    queue: PlayingItem[] | null;
  };
};

/** How much of Spotify's queue the dashboard shows under "Up next". */
export const UP_NEXT_LENGTH = 5;

export type SpotifyProfile = { displayName: string; imageUrl: string | null };

/** Tells one item from another, to notice when the track changes. */
export function itemKey(item: PlayingItem) {
  switch (item.type) {
    case "track":
    case "episode":
      return `${item.type}:${item.url ?? item.name}:${item.durationMs}`;
    case "unknown":
      return `unknown:${item.name ?? ""}`;
    case "ad":
      return "ad";
  }
}

/** The key the browser sends back on refresh, so both sides agree. */
export function panelItemKey(panel: NowPlayingPanel) {
  return panel.status === "active"
    ? itemKey(panel.playback.item)
    : panel.status;
}

export function formatDuration(ms: number) {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = String(totalSeconds % 60).padStart(2, "0");
  return hours > 0
    ? `${hours}:${String(minutes).padStart(2, "0")}:${seconds}`
    : `${minutes}:${seconds}`;
}
