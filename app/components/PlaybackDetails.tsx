import type { Device, PlaybackContext } from "../lib/playback";

const CONTEXT_NAMES: Record<string, string> = {
  playlist: "a playlist",
  album: "an album",
  artist: "an artist",
  show: "a show",
  collection: "your Liked Songs",
};

/** Where the sound comes out, and what Spotify is playing from. */
export function PlaybackDetails({
  device,
  context,
}: {
  device: Device | null;
  context: PlaybackContext | null;
}) {
  if (!device && !context) return null;
  return (
    <dl className="details">
      {device ? (
        <div>
          <dt>Device</dt>
          <dd>
            {device.name} <span className="muted">({device.type})</span>
            {device.volumePercent !== null ? (
              <span className="muted">, volume {device.volumePercent}%</span>
            ) : null}
            {device.isPrivateSession ? (
              <span className="muted">, private session</span>
            ) : null}
          </dd>
        </div>
      ) : null}
      {context ? (
        <div>
          <dt>Playing from</dt>
          <dd>
            <ContextName context={context} />
          </dd>
        </div>
      ) : null}
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
