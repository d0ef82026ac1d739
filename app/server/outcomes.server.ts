import type { Failure } from "../lib/failures";
import { type ClerkApi, ClerkError } from "./clerk-api.server";
import { SpotifyError } from "./spotify.server";
import type { clerkTokenSource } from "./tokens.server";

/** What one failed call means: a failure screen, or an unavailable panel. */
export type Outcome =
  | { failure: Failure }
  | { unavailable: "spotify" | "clerk" };

/**
 * Reads a rejected call. `essential` is for the player: a refusal there
 * leaves nothing to show, while the history or queue just goes missing.
 * Anything that is neither a Clerk nor a Spotify failure is rethrown.
 */
export function outcomeOf(reason: unknown, essential: boolean): Outcome {
  if (reason instanceof ClerkError) {
    switch (reason.kind) {
      case "spotify-not-connected":
        return { failure: { kind: "spotify-not-connected" } };
      case "key-rejected":
        return { failure: { kind: "clerk-key-rejected" } };
      case "rate-limited":
        return { failure: rateLimited("clerk", reason.retryAfterSeconds) };
      case "unavailable":
        return { unavailable: "clerk" };
    }
  }
  if (reason instanceof SpotifyError) {
    switch (reason.kind) {
      case "not-allowlisted":
        return { failure: { kind: "not-allowlisted", account: null } };
      case "owner-premium-lapsed":
      case "token-rejected":
        return { failure: { kind: reason.kind } };
      case "missing-scope":
        return essential
          ? { failure: { kind: "missing-scope" } }
          : { unavailable: "spotify" };
      case "forbidden":
      case "premium-required":
      case "no-active-device":
        return essential
          ? { failure: { kind: "forbidden" } }
          : { unavailable: "spotify" };
      case "rate-limited":
        // The gate is closed either way, so later calls wait; only the
        // player's 429 leaves the page with nothing to show.
        return essential
          ? { failure: rateLimited("spotify", reason.retryAfterSeconds) }
          : { unavailable: "spotify" };
      case "unavailable":
        return { unavailable: "spotify" };
    }
  }
  throw reason;
}

function rateLimited(
  upstream: "spotify" | "clerk",
  retryAfterSeconds: number | undefined,
): Failure {
  return {
    kind: "rate-limited",
    upstream,
    retryAfterSeconds: retryAfterSeconds ?? null,
  };
}

/** When calls fail differently, the screen shows the one to act on first. */
const SEVERITY: Failure["kind"][] = [
  "clerk-key-rejected",
  "spotify-not-connected",
  "owner-premium-lapsed",
  "not-allowlisted",
  "token-rejected",
  "missing-scope",
  "forbidden",
  "rate-limited",
];

type Settled = PromiseSettledResult<unknown>;

/**
 * The failure a set of calls adds up to, if any; the first call is the
 * essential one. The allowlist failure names the refused account.
 */
export async function failureOf(
  [essential, ...others]: Settled[],
  lookup: {
    clerk: ClerkApi;
    userId: string;
    tokens: ReturnType<typeof clerkTokenSource>;
  },
): Promise<Failure | undefined> {
  const outcomes = [
    essential?.status === "rejected" && outcomeOf(essential.reason, true),
    ...others.map(
      (other) => other.status === "rejected" && outcomeOf(other.reason, false),
    ),
  ];
  const [failure] = outcomes
    .flatMap((outcome) =>
      outcome && "failure" in outcome ? [outcome.failure] : [],
    )
    .sort((a, b) => SEVERITY.indexOf(a.kind) - SEVERITY.indexOf(b.kind));

  if (failure?.kind !== "not-allowlisted") return failure;
  const { externalAccountId } = await lookup.tokens.grant();
  const account = await lookup.clerk
    .spotifyAccount(lookup.userId, externalAccountId)
    .catch(() => null);
  return { ...failure, account };
}
