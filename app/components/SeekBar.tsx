import { useEffect, useRef, useState } from "react";
import { formatDuration } from "../lib/playback";

/**
 * The progress bar as a slider, once the page runs JavaScript and Spotify
 * allows seeking. Arrow keys move 5 s; the seek is sent when the listener
 * stops moving it.
 */
export function SeekBar({
  progressMs,
  durationMs,
  onSeek,
}: {
  progressMs: number;
  durationMs: number;
  onSeek: (positionMs: number) => void;
}) {
  const [dragging, setDragging] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const shown = dragging ?? Math.min(Math.max(progressMs, 0), durationMs);
  const label = `${formatDuration(shown)} of ${formatDuration(durationMs)}`;

  return (
    <div className="progress">
      <input
        type="range"
        className="seek"
        aria-label="Playback position"
        aria-valuetext={label}
        min={0}
        max={durationMs}
        step={5000}
        value={shown}
        style={{ backgroundSize: `${(shown / durationMs) * 100}% 100%, auto` }}
        onChange={(event) => {
          const position = Number(event.currentTarget.value);
          setDragging(position);
          clearTimeout(timer.current);
          timer.current = setTimeout(() => {
            onSeek(position);
            setDragging(null);
          }, 400);
        }}
      />
      <div className="progress-times" aria-hidden="true">
        <span>{formatDuration(shown)}</span>
        <span>{formatDuration(durationMs)}</span>
      </div>
    </div>
  );
}
