import type { ControlProblem } from "../lib/controls";
import type { PlaybackState, PlayingItem } from "../lib/playback";
import type { PlayerCommands } from "../lib/use-player-commands";
import { CoverArt } from "./CoverArt";
import { LinkList, SpotifyLink } from "./LinkList";
import { PlaybackDetails } from "./PlaybackDetails";
import { PlayerControls } from "./PlayerControls";
import { ProgressBar } from "./ProgressBar";
import { SeekBar } from "./SeekBar";

export function NowPlayingCard({
  playback,
  readAt,
  now,
  commands,
  blocked,
}: {
  playback: PlaybackState;
  /** Browser time of the read; null (as is `now`) until hydrated. */
  readAt: number | null;
  now: number | null;
  commands: PlayerCommands;
  blocked: ControlProblem | null;
}) {
  const { item } = playback;
  const durationMs = "durationMs" in item ? item.durationMs : null;
  const url = "url" in item ? item.url : null;
  const isPlaying = expectedPlaying(playback, commands, readAt);
  const progressMs = liveProgress(playback, isPlaying, readAt, now);
  const canSeek =
    now !== null && playback.allowed.seek && !blocked && durationMs !== null;

  return (
    <section className="card now-playing" aria-labelledby="now-playing-title">
      <p className="eyebrow">
        <span className={isPlaying ? "status status-live" : "status"} />
        {isPlaying ? "Playing now" : "Paused"}
      </p>
      <div className="now-playing-body">
        <CoverArt
          src={"imageUrl" in item ? item.imageUrl : null}
          alt={coverDescription(item)}
          size={240}
        />
        <div className="now-playing-text">
          <ItemDescription item={item} />
          {durationMs !== null && progressMs !== null ? (
            canSeek ? (
              <SeekBar
                progressMs={progressMs}
                durationMs={durationMs}
                onSeek={(positionMs) =>
                  commands.submit(
                    { intent: "seek", positionMs },
                    { method: "post" },
                  )
                }
              />
            ) : (
              <ProgressBar progressMs={progressMs} durationMs={durationMs} />
            )
          ) : null}
          <PlayerControls
            isPlaying={isPlaying}
            allowed={playback.allowed}
            commands={commands}
            blocked={blocked}
          />
          {url ? (
            <a
              className="button button-primary"
              href={url}
              target="_blank"
              rel="noreferrer"
            >
              Open in Spotify
            </a>
          ) : null}
        </div>
      </div>
      <PlaybackDetails playback={playback} />
    </section>
  );
}

/** Playing or paused as the listener just asked, before Spotify confirms. */
function expectedPlaying(
  playback: PlaybackState,
  commands: PlayerCommands,
  readAt: number | null,
) {
  const asked =
    commands.pending ??
    (commands.accepted && readAt !== null && commands.accepted.at > readAt
      ? commands.accepted.intent
      : null);
  if (asked === "pause") return false;
  if (asked === "play") return true;
  return playback.isPlaying;
}

/** Progress moves on between reads while playing, without a request. */
function liveProgress(
  playback: PlaybackState,
  isPlaying: boolean,
  readAt: number | null,
  now: number | null,
) {
  const { progressMs, item } = playback;
  if (progressMs === null || !playback.isPlaying || !isPlaying) {
    return progressMs;
  }
  if (readAt === null || now === null) return progressMs;
  const elapsed = progressMs + Math.max(0, now - readAt);
  return "durationMs" in item ? Math.min(elapsed, item.durationMs) : elapsed;
}

function ItemDescription({ item }: { item: PlayingItem }) {
  switch (item.type) {
    case "track":
      return (
        <>
          <h1 id="now-playing-title" className="title">
            {item.name}
            {item.explicit ? <span className="badge">Explicit</span> : null}
            {item.isLocal ? <span className="badge">Local file</span> : null}
          </h1>
          {item.artists.length > 0 ? (
            <p className="byline">
              <LinkList links={item.artists} />
            </p>
          ) : null}
          {item.album ? (
            <p className="muted">
              <SpotifyLink link={item.album} />
            </p>
          ) : null}
        </>
      );
    case "episode":
      return (
        <>
          <h1 id="now-playing-title" className="title">
            {item.name}
            <span className="badge">Podcast</span>
          </h1>
          <p className="byline">
            <SpotifyLink link={item.show} />
          </p>
          {item.show.publisher ? (
            <p className="muted">{item.show.publisher}</p>
          ) : null}
        </>
      );
    case "ad":
      return (
        <>
          <h1 id="now-playing-title" className="title">
            An advertisement
          </h1>
          <p className="muted">
            Spotify is playing an ad. Your music continues after it.
          </p>
        </>
      );
    case "unknown":
      return (
        <>
          <h1 id="now-playing-title" className="title">
            {item.name ?? "Something Spotify does not describe"}
          </h1>
          <p className="muted">
            Spotify did not say what kind of item this is, so there are no more
            details to show.
          </p>
        </>
      );
  }
}

function coverDescription(item: PlayingItem) {
  switch (item.type) {
    case "track":
      if (!item.imageUrl) return "No cover art";
      return item.album
        ? `Cover of ${item.album.name}`
        : `Cover of ${item.name}`;
    case "episode":
      return item.imageUrl ? `Artwork for ${item.show.name}` : "No artwork";
    case "ad":
      return "Advertisement";
    case "unknown":
      return "No artwork";
  }
}
