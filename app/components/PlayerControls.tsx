import type { ControlProblem, Intent } from "../lib/controls";
import type { AllowedActions } from "../lib/playback";
import type { PlayerCommands } from "../lib/use-player-commands";

const BLOCKED_REASON: Partial<Record<ControlProblem, string>> = {
  "premium-required": "Controls need Spotify Premium.",
  "missing-scope": "Reconnect Spotify to allow controls.",
  "token-rejected": "Reconnect Spotify to use controls.",
};

/**
 * Previous, play or pause, next: a form that works without JavaScript and
 * stays on the page with it. Spotify's `actions.disallows` decides which
 * buttons are live; a lasting refusal disables them all, with the reason.
 */
export function PlayerControls({
  isPlaying,
  allowed,
  commands,
  blocked,
}: {
  isPlaying: boolean;
  allowed: AllowedActions;
  commands: PlayerCommands;
  blocked: ControlProblem | null;
}) {
  const reason = blocked ? BLOCKED_REASON[blocked] : undefined;
  const off = (action: keyof AllowedActions) =>
    Boolean(reason) || !allowed[action] || commands.pending !== null;

  return (
    <commands.Form
      method="post"
      className="controls"
      aria-describedby={reason ? "controls-reason" : undefined}
    >
      <ControlButton
        intent="previous"
        label="Previous"
        icon="M6 5h2v14H6zM20 5v14L9 12z"
        disabled={off("previous")}
      />
      {isPlaying ? (
        <ControlButton
          intent="pause"
          label="Pause"
          icon="M7 5h4v14H7zm6 0h4v14h-4z"
          disabled={off("pause")}
          main
        />
      ) : (
        <ControlButton
          intent="play"
          label="Play"
          icon="M8 5v14l11-7z"
          disabled={off("resume")}
          main
        />
      )}
      <ControlButton
        intent="next"
        label="Next"
        icon="M16 5h2v14h-2zM4 5v14l11-7z"
        disabled={off("next")}
      />
      {reason ? (
        <p id="controls-reason" className="muted controls-reason">
          {reason}
        </p>
      ) : null}
    </commands.Form>
  );
}

function ControlButton({
  intent,
  label,
  icon,
  disabled,
  main = false,
}: {
  intent: Intent;
  label: string;
  /** An SVG path on a 24-unit square. */
  icon: string;
  disabled: boolean;
  main?: boolean;
}) {
  return (
    <button
      type="submit"
      name="intent"
      value={intent}
      className={main ? "control control-main" : "control"}
      disabled={disabled}
    >
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
        <path d={icon} fill="currentColor" />
      </svg>
      <span className="visually-hidden">{label}</span>
    </button>
  );
}
