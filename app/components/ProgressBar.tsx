import { formatDuration } from "../lib/playback";

export function ProgressBar({
  progressMs,
  durationMs,
}: {
  progressMs: number;
  durationMs: number;
}) {
  const elapsed = Math.min(Math.max(progressMs, 0), durationMs);
  const percent = durationMs > 0 ? (elapsed / durationMs) * 100 : 0;
  const label = `${formatDuration(elapsed)} of ${formatDuration(durationMs)}`;

  return (
    <div className="progress">
      <div
        className="progress-track"
        role="progressbar"
        aria-label="Playback position"
        aria-valuemin={0}
        aria-valuemax={Math.round(durationMs / 1000)}
        aria-valuenow={Math.round(elapsed / 1000)}
        aria-valuetext={label}
      >
        <div className="progress-fill" style={{ width: `${percent}%` }} />
      </div>
      <div className="progress-times" aria-hidden="true">
        <span>{formatDuration(elapsed)}</span>
        <span>{formatDuration(durationMs)}</span>
      </div>
    </div>
  );
}
