import type { PlaybackState, PlayingItem } from "../lib/playback";
import type { AskedCommand, PlayerCommands } from "../lib/use-player-commands";
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
}: {
  playback: PlaybackState;
  /** Browser time of the read; null (as is `now`) until hydrated. */
  readAt: number | null;
  now: number | null;
  commands: PlayerCommands;
}) {
  const { item } = playback;
  const durationMs = "durationMs" in item ? item.durationMs : null;
  const url = "url" in item ? item.url : null;
  const asked = unconfirmed(commands.asked, readAt);
  const isPlaying = expectedPlaying(playback, asked);
  const progressMs = liveProgress(playback, asked, isPlaying, readAt, now);
  const canSeek =
    now !== null &&
    playback.allowed.seek &&
    !commands.blocked &&
    durationMs !== null;

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
                onSeek={commands.seek}
              />
            ) : (
              <ProgressBar progressMs={progressMs} durationMs={durationMs} />
            )
          ) : null}
          <PlayerControls
            isPlaying={isPlaying}
            allowed={allowedNow(playback, isPlaying)}
            commands={commands}
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

/** The listener's last command, until a read made after it arrives. */
function unconfirmed(asked: AskedCommand | null, readAt: number | null) {
  return asked && (readAt === null || asked.at > readAt) ? asked : null;
}

/** Playing or paused as the listener just asked, before Spotify confirms. */
function expectedPlaying(playback: PlaybackState, asked: AskedCommand | null) {
  if (asked?.intent === "pause") return false;
  if (asked?.intent === "play") return true;
  return playback.isPlaying;
}

/*
 * Spotify disallows resuming what plays and pausing what is paused. Once
 * the listener has flipped that before Spotify confirms, the other button
 * is the one that makes sense.
 */
function allowedNow(playback: PlaybackState, isPlaying: boolean) {
  return isPlaying === playback.isPlaying
    ? playback.allowed
    : { ...playback.allowed, pause: true, resume: true };
}

/**
 * Progress moves on between reads while playing, without a request; it
 * stops where it was at a pause and starts from a seek's position.
 */
function liveProgress(
  playback: PlaybackState,
  asked: AskedCommand | null,
  isPlaying: boolean,
  readAt: number | null,
  now: number | null,
) {
  const { progressMs, item } = playback;
  if (progressMs === null || readAt === null || now === null) {
    return progressMs;
  }
  const readProgressAt = (time: number) =>
    playback.isPlaying ? progressMs + Math.max(0, time - readAt) : progressMs;
  const playedSince = (time: number) =>
    isPlaying ? Math.max(0, now - time) : 0;

  let position = readProgressAt(now);
  if (asked?.intent === "pause") position = readProgressAt(asked.at);
  if (asked?.intent === "play" && !playback.isPlaying) {
    position = progressMs + playedSince(asked.at);
  }
  if (asked?.intent === "seek" && asked.positionMs !== null) {
    position = asked.positionMs + playedSince(asked.at);
  }
  return "durationMs" in item ? Math.min(position, item.durationMs) : position;
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
