import type { ControlProblem, Intent } from "../lib/controls";
import type { AllowedActions } from "../lib/playback";
import type { PlayerCommands } from "../lib/use-player-commands";

const BLOCKED_REASON: Partial<Record<ControlProblem, string>> = {
  "premium-required": "Controls need Spotify Premium.",
  "missing-scope": "Reconnect Spotify to allow controls.",
  "token-rejected": "Reconnect Spotify to use controls.",
};

const REASON_ID = "controls-reason";

/**
 * Previous, play or pause, next: a form that works without JavaScript and
 * stays on the page with it. Spotify's `actions.disallows` decides which
 * buttons are live; a lasting refusal disables them all, with the reason.
 * While a command is on its way the buttons keep their focus and ignore
 * presses rather than being disabled.
 */
export function PlayerControls({
  isPlaying,
  allowed,
  commands,
}: {
  isPlaying: boolean;
  allowed: AllowedActions;
  commands: PlayerCommands;
}) {
  const reason = commands.blocked ? BLOCKED_REASON[commands.blocked] : null;
  const button = (action: keyof AllowedActions) => ({
    disabled: Boolean(reason) || !allowed[action],
    busy: commands.pending,
    describedBy: reason ? REASON_ID : undefined,
  });

  return (
    <commands.Form
      method="post"
      className="controls"
      onSubmit={commands.onSubmit}
    >
      <ControlButton
        intent="previous"
        label="Previous"
        icon="M6 5h2v14H6zM20 5v14L9 12z"
        {...button("previous")}
      />
      {isPlaying ? (
        <ControlButton
          intent="pause"
          label="Pause"
          icon="M7 5h4v14H7zm6 0h4v14h-4z"
          {...button("pause")}
          main
        />
      ) : (
        <ControlButton
          intent="play"
          label="Play"
          icon="M8 5v14l11-7z"
          {...button("resume")}
          main
        />
      )}
      <ControlButton
        intent="next"
        label="Next"
        icon="M16 5h2v14h-2zM4 5v14l11-7z"
        {...button("next")}
      />
      {reason ? (
        <p id={REASON_ID} className="muted controls-reason">
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
  busy,
  describedBy,
  main = false,
}: {
  intent: Intent;
  label: string;
  /** An SVG path on a 24-unit square. */
  icon: string;
  /** Spotify rules it out, or a lasting refusal does. */
  disabled: boolean;
  /** A command is on its way: focusable, but presses are ignored. */
  busy: boolean;
  describedBy: string | undefined;
  main?: boolean;
}) {
  return (
    <button
      type="submit"
      name="intent"
      value={intent}
      className={main ? "control control-main" : "control"}
      disabled={disabled}
      aria-disabled={busy && !disabled ? true : undefined}
      aria-describedby={describedBy}
    >
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
        <path d={icon} fill="currentColor" />
      </svg>
      <span className="visually-hidden">{label}</span>
    </button>
  );
}
