import type { PlaybackContext, PlaybackState } from "../lib/playback";

const CONTEXT_NAMES: Record<string, string> = {
  playlist: "a playlist",
  album: "an album",
  artist: "an artist",
  show: "a show",
  collection: "your Liked Songs",
};

const REPEAT: Record<PlaybackState["repeat"], string> = {
  off: "Off",
  track: "This track",
  context: "On",
};

/** Where the sound comes out, what Spotify plays from, shuffle and repeat. */
export function PlaybackDetails({ playback }: { playback: PlaybackState }) {
  const { device, context } = playback;
  return (
    <dl className="details">
      <div>
        <dt>Device</dt>
        {device ? (
          <dd>
            {device.name} <span className="muted">({device.type})</span>
            {device.volumePercent !== null ? (
              <span className="muted">, volume {device.volumePercent}%</span>
            ) : null}
            {device.isPrivateSession ? (
              <span className="muted">, private session</span>
            ) : null}
          </dd>
        ) : (
          <dd>No active device</dd>
        )}
      </div>
      {context ? (
        <div>
          <dt>Playing from</dt>
          <dd>
            <ContextName context={context} />
          </dd>
        </div>
      ) : null}
      <div>
        <dt>Shuffle and repeat</dt>
        <dd>
          Shuffle {playback.shuffle ? "on" : "off"}, repeat{" "}
          {REPEAT[playback.repeat].toLowerCase()}
        </dd>
      </div>
    </dl>
  );
}

function ContextName({ context }: { context: PlaybackContext }) {
  const label =
    context.name ?? CONTEXT_NAMES[context.type] ?? `a ${context.type}`;
  return context.url ? (
    <a href={context.url} target="_blank" rel="noreferrer">
      {label}
    </a>
  ) : (
    label
  );
}
