import type { Staleness } from "../lib/use-live-dashboard";

/** How old the data on screen is, and why when it is older than it should be. */
export function Freshness({
  readAt,
  now,
  staleness,
}: {
  readAt: number | null;
  now: number | null;
  staleness: Staleness;
}) {
  const age = readAt !== null && now !== null ? Math.max(0, now - readAt) : 0;
  const when = ago(age);

  switch (staleness.kind) {
    case "fresh":
      return <p className="freshness muted">Updated {when}</p>;
    case "unavailable":
      return (
        <p className="freshness freshness-stale">
          Spotify unavailable, showing what was playing {when}
        </p>
      );
    case "rate-limited":
      return (
        <p className="freshness freshness-stale">
          Spotify asked for a pause, showing what was playing {when}
        </p>
      );
  }
}

function ago(ms: number) {
  const seconds = Math.floor(ms / 1000);
  if (seconds < 5) return "just now";
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  return minutes === 1 ? "1 min ago" : `${minutes} min ago`;
}
