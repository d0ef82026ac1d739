import { useEffect, useRef, useState } from "react";
import { formatDuration } from "../lib/playback";

/** Keyboard moves, in ms: arrows 5 s, Page Up and Page Down 30 s. */
const KEY_MOVES: Record<string, number> = {
  ArrowRight: 5_000,
  ArrowUp: 5_000,
  ArrowLeft: -5_000,
  ArrowDown: -5_000,
  PageUp: 30_000,
  PageDown: -30_000,
};

/**
 * The progress bar as a slider, once the page runs JavaScript and Spotify
 * allows seeking. The thumb moves a second at a time with playback; the
 * seek is sent when the listener stops moving it. Where it was put stays
 * on screen until a read after the seek arrives (the caller's part).
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
  const [moving, setMoving] = useState<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const clamp = (ms: number) => Math.min(Math.max(ms, 0), durationMs);
  const shown = moving ?? clamp(progressMs);
  const label = `${formatDuration(shown)} of ${formatDuration(durationMs)}`;

  const moveTo = (position: number) => {
    setMoving(position);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      onSeek(position);
      setMoving(null);
    }, 400);
  };

  return (
    <div className="progress">
      <input
        type="range"
        className="seek"
        aria-label="Playback position"
        aria-valuetext={label}
        min={0}
        max={durationMs}
        step={1000}
        value={shown}
        style={{ backgroundSize: `${(shown / durationMs) * 100}% 100%, auto` }}
        onChange={(event) => moveTo(Number(event.currentTarget.value))}
        onKeyDown={(event) => {
          const move = KEY_MOVES[event.key];
          let target: number | null = move === undefined ? null : shown + move;
          if (event.key === "Home") target = 0;
          if (event.key === "End") target = durationMs;
          if (target === null) return;
          event.preventDefault();
          moveTo(clamp(target));
        }}
      />
      <div className="progress-times" aria-hidden="true">
        <span>{formatDuration(shown)}</span>
        <span>{formatDuration(durationMs)}</span>
      </div>
    </div>
  );
}
