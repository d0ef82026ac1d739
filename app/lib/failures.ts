/**
 * Every failure the dashboard can meet, as data its screens render. The
 * server decides the kind; the page only shows it.
 */
export type Failure =
  | {
      kind: "not-allowlisted";
      /** The Spotify account Spotify refused, when Clerk could tell us. */
      account: { email: string | null; username: string | null } | null;
    }
  | { kind: "owner-premium-lapsed" }
  | { kind: "missing-scope" }
  | { kind: "forbidden" }
  | { kind: "spotify-not-connected" }
  | { kind: "token-rejected" }
  | {
      kind: "rate-limited";
      /** Which service asked us to wait. */
      upstream: "spotify" | "clerk";
      /** null when it did not say how long: then wait the default. */
      retryAfterSeconds: number | null;
    }
  | { kind: "clerk-key-rejected" }
  | { kind: "clerk-unavailable" }
  | { kind: "config"; variable: string };

/**
 * How long to wait after a 429 that names no usable Retry-After. The rate
 * gate holds calls back this long and the screen says so.
 */
export const DEFAULT_RETRY_AFTER_SECONDS = 60;

export const FAILURE_STATUS: Record<Failure["kind"], number> = {
  "not-allowlisted": 403,
  "owner-premium-lapsed": 403,
  "missing-scope": 403,
  forbidden: 403,
  "spotify-not-connected": 403,
  "token-rejected": 401,
  "rate-limited": 429,
  "clerk-key-rejected": 500,
  "clerk-unavailable": 503,
  config: 500,
};

export function isFailure(value: unknown): value is Failure {
  return (
    typeof value === "object" &&
    value !== null &&
    "kind" in value &&
    typeof value.kind === "string" &&
    value.kind in FAILURE_STATUS
  );
}
