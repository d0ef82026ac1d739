import type { NowPlayingPanel } from "../lib/playback";
import type { Staleness } from "../lib/use-live-dashboard";

const UPSTREAM_NAME = { spotify: "Spotify", clerk: "Clerk" } as const;

/**
 * How old the data on screen is and, when it is older than it should be,
 * which service is behind it. `shown` is what the player panel shows.
 */
export function Freshness({
  readAt,
  now,
  staleness,
  shown,
}: {
  readAt: number | null;
  now: number | null;
  staleness: Staleness;
  shown: NowPlayingPanel["status"];
}) {
  const age = readAt !== null && now !== null ? Math.max(0, now - readAt) : 0;
  const when = ago(age);
  if (staleness.kind === "fresh") {
    return <p className="freshness muted">Updated {when}</p>;
  }

  const cause =
    staleness.kind === "rate-limited"
      ? "Spotify asked for a pause"
      : `${UPSTREAM_NAME[staleness.upstream]} unavailable`;
  return (
    <p className="freshness freshness-stale">
      {cause}, {onScreen(shown, when)}
    </p>
  );
}

function onScreen(shown: NowPlayingPanel["status"], when: string) {
  switch (shown) {
    case "active":
      return `showing what was playing ${when}`;
    case "idle":
      return `nothing was playing ${when}`;
    case "unavailable":
      return "trying again by itself";
  }
}

function ago(ms: number) {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 5) return "just now";
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  return minutes === 1 ? "1 min ago" : `${minutes} min ago`;
}
