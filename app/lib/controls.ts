/** The player commands the dashboard offers. */
export type Intent = "play" | "pause" | "next" | "previous" | "seek";

/** Why a player command did not happen. */
export type ControlProblem =
  | "premium-required"
  | "no-active-device"
  | "missing-scope"
  | "not-allowed"
  | "rate-limited"
  | "token-rejected"
  | "unavailable"
  | "bad-request";

export type ControlResult =
  | { ok: true; intent: Intent }
  | {
      ok: false;
      intent: Intent | null;
      problem: ControlProblem;
      retryAfterSeconds: number | null;
    };

/** Problems that stay true until the user does something elsewhere. */
export const LASTING_PROBLEMS: ControlProblem[] = [
  "premium-required",
  "missing-scope",
  "token-rejected",
];

/** A refusal every command would meet, known before one is tried. */
export type KnownBlock = Extract<
  ControlProblem,
  "premium-required" | "missing-scope"
>;
