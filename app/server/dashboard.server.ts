import type { LoaderFunctionArgs } from "@remix-run/cloudflare";
import type { KnownBlock } from "../lib/controls";
import {
  type NowPlayingPanel,
  type NowPlayingRefresh,
  type PlaybackState,
  type PlayingItem,
  panelItemKey,
  type RecentPlay,
  type SpotifyProfile,
  UP_NEXT_LENGTH,
} from "../lib/playback";
import type { Session } from "./auth.server";
import { createIsolateCache } from "./isolate-cache.server";
import { failureOf, outcomeOf } from "./outcomes.server";
import { fail, failureInit, type RequestServices } from "./request.server";
import {
  createSpotifyClient,
  type SpotifyClient,
  SpotifyError,
} from "./spotify.server";
import { clerkTokenSource } from "./tokens.server";

export type Dashboard = {
  nowPlaying: NowPlayingPanel;
  /** null when the history could not be read. */
  recentlyPlayed: RecentPlay[] | null;
  /** What plays next; null when Spotify would not say (it may need Premium). */
  queue: PlayingItem[] | null;
  /** Why no player command can work, when that is known up front. */
  controlsBlocked: KnownBlock | null;
  /** Streams in after the page; null when Spotify would not say. */
  profile: Promise<SpotifyProfile | null>;
  /** When Spotify was read, in Unix milliseconds. */
  readAt: number;
};

type Args = Pick<LoaderFunctionArgs, "request">;

/** Display names and avatars change rarely; the page shows them for free. */
const PROFILE_MAX_AGE_MS = 10 * 60_000;
const profiles = createIsolateCache<SpotifyProfile>(10_000);

async function cachedProfile(spotify: SpotifyClient, userId: string) {
  const cached = profiles.get(userId);
  if (cached) return cached;
  try {
    const profile = await spotify.profile();
    profiles.set(userId, profile, Date.now() + PROFILE_MAX_AGE_MS);
    return profile;
  } catch {
    return null;
  }
}

/** A Spotify client for the signed-in user, with tokens from Clerk. */
export function spotifyFor(
  { request }: Args,
  { config, log, clerk }: RequestServices,
  { userId }: Session,
) {
  const tokens = clerkTokenSource(clerk, userId);
  const spotify = createSpotifyClient({
    apiUrl: config.spotifyApiUrl,
    tokens,
    rateGate: `spotify:${userId}`,
    log,
    signal: request.signal,
  });
  const lookup = { clerk, userId, tokens };
  return { spotify, lookup };
}

/**
 * The signed-in user's dashboard. The session and the failures that make
 * the dashboard meaningless end the request with their own screen; an
 * upstream that is merely down leaves a panel that says so.
 */
export async function loadDashboard(
  args: Args,
  services: RequestServices,
  session: Session,
) {
  const { spotify, lookup } = spotifyFor(args, services, session);

  const profile = cachedProfile(spotify, session.userId);
  const [playback, recent, queue] = await Promise.allSettled([
    spotify.playbackState(),
    spotify.recentlyPlayed(),
    spotify.queue(UP_NEXT_LENGTH),
  ]);

  const failure = await failureOf([playback, recent], lookup);
  if (failure) fail(failure);

  return {
    nowPlaying: nowPlayingPanel(playback),
    recentlyPlayed: recent.status === "fulfilled" ? recent.value : null,
    queue: queue.status === "fulfilled" ? queue.value : null,
    controlsBlocked: await knownBlock(lookup.tokens, queue),
    profile,
    readAt: Date.now(),
  } satisfies Dashboard;
}

const CONTROL_SCOPE = "user-modify-playback-state";

/**
 * What keeps every player command from working, read from what the page
 * already has: the scopes Clerk lists with the token, and the queue, which
 * Spotify refuses free accounts as it refuses their commands.
 */
async function knownBlock(
  tokens: ReturnType<typeof clerkTokenSource>,
  queue: PromiseSettledResult<unknown>,
): Promise<KnownBlock | null> {
  const grant = await tokens.grant().catch(() => null);
  if (grant?.scopes && !grant.scopes.includes(CONTROL_SCOPE)) {
    return "missing-scope";
  }
  const refusal = queue.status === "rejected" ? queue.reason : null;
  const premium =
    refusal instanceof SpotifyError && refusal.kind === "premium-required";
  return premium ? "premium-required" : null;
}

/**
 * One Spotify call per refresh: the player. The history and the queue are
 * read again only when the item differs from the one the browser shows.
 */
export async function refreshNowPlaying(
  args: Args,
  services: RequestServices,
  session: Session,
  knownItem: string | null,
): Promise<Response> {
  const { spotify, lookup } = spotifyFor(args, services, session);
  const headers = { "Cache-Control": "private, no-store" };

  const [playback] = await Promise.allSettled([spotify.playbackState()]);
  const failure = await failureOf([playback], lookup);
  if (failure) return Response.json({ failure }, failureInit(failure));

  const nowPlaying = nowPlayingPanel(playback);
  if (nowPlaying.status === "unavailable") {
    return Response.json(
      { nowPlaying, readAt: Date.now() },
      { status: 503, headers },
    );
  }

  const refresh: NowPlayingRefresh = { nowPlaying, readAt: Date.now() };
  if (panelItemKey(nowPlaying) !== knownItem) {
    const [recent, queue] = await Promise.allSettled([
      spotify.recentlyPlayed(),
      spotify.queue(UP_NEXT_LENGTH),
    ]);
    refresh.changes = {
      recentlyPlayed: recent.status === "fulfilled" ? recent.value : null,
      queue: queue.status === "fulfilled" ? queue.value : null,
    };
  }
  return Response.json(refresh, { headers });
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
