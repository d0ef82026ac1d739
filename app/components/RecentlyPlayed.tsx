import type { RecentPlay } from "../lib/playback";
import { CoverArt } from "./CoverArt";
import { LinkList, SpotifyLink } from "./LinkList";

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

/** How long before `now` something was played, in words. */
function playedAgo(playedAt: string, now: number) {
  const seconds = Math.round((Date.parse(playedAt) - now) / 1000);
  if (Number.isNaN(seconds)) return null;
  if (seconds > -60) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes > -60) return relative.format(minutes, "minute");
  const hours = Math.round(minutes / 60);
  if (hours > -24) return relative.format(hours, "hour");
  return relative.format(Math.round(hours / 24), "day");
}

export function RecentlyPlayed({
  plays,
  now,
}: {
  plays: RecentPlay[] | null;
  /**
   * The server's clock when the list was read, moved on by the browser's
   * since: the plays' times are the server's, and the ages keep growing.
   */
  now: number;
}) {
  return (
    <section className="card" aria-labelledby="recent-title">
      <h2 id="recent-title" className="section-title">
        Recently played
      </h2>
      {plays === null ? (
        <p className="muted">
          Spotify did not send your listening history just now.
        </p>
      ) : plays.length === 0 ? (
        <p className="muted">
          No history yet. Spotify lists a track here once it has played for more
          than 30 seconds.
        </p>
      ) : (
        <ol className="recent">
          {plays.map(({ playedAt, track }) => (
            <li key={playedAt} className="recent-item">
              <CoverArt
                src={track.imageUrl}
                alt={
                  track.imageUrl
                    ? `Cover of ${track.album?.name ?? track.name}`
                    : "No cover art"
                }
                size={48}
              />
              <div className="recent-text">
                <p className="recent-title">
                  <SpotifyLink link={{ name: track.name, url: track.url }} />
                </p>
                <p className="muted">
                  <LinkList links={track.artists} />
                </p>
              </div>
              <time className="muted recent-time" dateTime={playedAt}>
                {playedAgo(playedAt, now)}
              </time>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
