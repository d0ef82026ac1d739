import type { LoaderFunctionArgs } from "@remix-run/cloudflare";
import type { Failure } from "../lib/failures";
import type {
  NowPlayingPanel,
  PlaybackState,
  RecentPlay,
  SpotifyProfile,
} from "../lib/playback";
import type { Session } from "./auth.server";
import { type ClerkApi, ClerkError } from "./clerk-api.server";
import { fail, type RequestServices } from "./request.server";
import { createSpotifyClient, SpotifyError } from "./spotify.server";
import { clerkTokenSource } from "./tokens.server";

export type Dashboard = {
  nowPlaying: NowPlayingPanel;
  /** null when the history could not be read. */
  recentlyPlayed: RecentPlay[] | null;
  /** Streams in after the page; null when Spotify would not say. */
  profile: Promise<SpotifyProfile | null>;
  /** When Spotify was read, in Unix milliseconds. */
  readAt: number;
};

/**
 * The signed-in user's dashboard. The session and the failures that make
 * the dashboard meaningless end the request with their own screen; an
 * upstream that is merely down leaves a panel that says so.
 */
export async function loadDashboard(
  args: LoaderFunctionArgs,
  { config, log, clerk }: RequestServices,
  { userId }: Session,
) {
  const tokens = clerkTokenSource(clerk, userId);
  const spotify = createSpotifyClient({
    apiUrl: config.spotifyApiUrl,
    tokens,
    log,
    signal: args.request.signal,
  });

  const profile = spotify.profile().catch(() => null);
  const [playback, recent] = await Promise.allSettled([
    spotify.playbackState(),
    spotify.recentlyPlayed(),
  ]);

  const failure = worstFailure([
    playback.status === "rejected" && outcomeOf(playback.reason, true),
    recent.status === "rejected" && outcomeOf(recent.reason, false),
  ]);
  if (failure) {
    await failWith(failure, { clerk, userId, tokens });
  }

  return {
    nowPlaying: nowPlayingPanel(playback),
    recentlyPlayed: recent.status === "fulfilled" ? recent.value : null,
    profile,
    readAt: Date.now(),
  } satisfies Dashboard;
}

type Outcome = { failure: Failure } | { unavailable: "spotify" | "clerk" };

/** What a failed call means for the page; `essential` for the player. */
function outcomeOf(reason: unknown, essential: boolean): Outcome {
  if (reason instanceof ClerkError) {
    switch (reason.kind) {
      case "spotify-not-connected":
        return { failure: { kind: "spotify-not-connected" } };
      case "key-rejected":
        return { failure: { kind: "clerk-key-rejected" } };
      case "rate-limited":
        return { failure: rateLimited(reason.retryAfterSeconds) };
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
        return essential
          ? { failure: { kind: "forbidden" } }
          : { unavailable: "spotify" };
      case "rate-limited":
        return { failure: rateLimited(reason.retryAfterSeconds) };
      case "unavailable":
        return { unavailable: "spotify" };
    }
  }
  throw reason;
}

function rateLimited(retryAfterSeconds: number | undefined): Failure {
  return { kind: "rate-limited", retryAfterSeconds: retryAfterSeconds ?? null };
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

function worstFailure(outcomes: (Outcome | false)[]) {
  const failures = outcomes.flatMap((outcome) =>
    outcome && "failure" in outcome ? [outcome.failure] : [],
  );
  return failures.sort(
    (a, b) => SEVERITY.indexOf(a.kind) - SEVERITY.indexOf(b.kind),
  )[0];
}

async function failWith(
  failure: Failure,
  lookup: {
    clerk: ClerkApi;
    userId: string;
    tokens: ReturnType<typeof clerkTokenSource>;
  },
): Promise<never> {
  if (failure.kind === "not-allowlisted") {
    const { externalAccountId } = await lookup.tokens.grant();
    const account = await lookup.clerk
      .spotifyAccount(lookup.userId, externalAccountId)
      .catch(() => null);
    return fail({ ...failure, account });
  }
  if (failure.kind === "rate-limited" && failure.retryAfterSeconds !== null) {
    return fail(failure, { "Retry-After": String(failure.retryAfterSeconds) });
  }
  return fail(failure);
}

function nowPlayingPanel(
  playback: PromiseSettledResult<PlaybackState | null>,
): NowPlayingPanel {
  if (playback.status === "fulfilled") {
    return playback.value
      ? { status: "active", playback: playback.value }
      : { status: "idle" };
  }
  const outcome = outcomeOf(playback.reason, true);
  return {
    status: "unavailable",
    upstream: "unavailable" in outcome ? outcome.unavailable : "spotify",
  };
}
