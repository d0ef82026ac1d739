import {
  type ApiResult,
  type FakeAnswer,
  noContent,
  spotifyError,
  spotifyJson,
  spotifyUnauthorized,
} from "./answers.ts";
import { bearerToken, type FakeRequest } from "./http.ts";
import {
  currentlyPlayingBody,
  playerStateBody,
  queueBody,
  recentlyPlayedBody,
} from "./player-bodies.ts";
import {
  integerParam,
  type PlayerCommand,
  runCommand,
} from "./spotify-commands.ts";
import { profileBody } from "./spotify-profile.ts";
import {
  type EndpointGroup,
  type SpotifyFailure,
  spotifyScenarios,
} from "./spotify-scenarios.ts";
import {
  type AccessToken,
  type FakeUser,
  takeSpotifyFirstCall,
  tokenOwner,
  type World,
} from "./world.ts";

export interface SpotifyContext {
  world: World;
}

interface Call {
  request: FakeRequest;
  world: World;
  user: FakeUser;
}

interface Route {
  method: "GET" | "PUT" | "POST";
  path: string;
  group: EndpointGroup;
  /** Any one of these will do; empty means no scope is needed. */
  scopes: string[];
  answer: (call: Call) => FakeAnswer;
}

const READ_PLAYBACK = ["user-read-playback-state"];
const MODIFY_PLAYBACK = ["user-modify-playback-state"];

function renderOptions(call: Call) {
  const types = call.request.query.get("additional_types") ?? "";
  return {
    includeEpisodes: types.split(",").includes("episode"),
    quotaMode: call.world.quotaMode,
  };
}

function playerState(call: Call): FakeAnswer {
  const playing = call.user.playback.nowPlaying();
  if (!playing) return noContent();
  return spotifyJson(200, playerStateBody(playing, renderOptions(call)));
}

function currentlyPlaying(call: Call): FakeAnswer {
  const playing = call.user.playback.nowPlaying();
  if (!playing) return noContent();
  return spotifyJson(200, currentlyPlayingBody(playing, renderOptions(call)));
}

function recentlyPlayed(call: Call): FakeAnswer {
  const { request, user, world } = call;
  const limit = integerParam(request, "limit") ?? 20;
  const before = integerParam(request, "before") ?? null;
  const after = integerParam(request, "after") ?? null;
  if (Number.isNaN(limit) || limit < 1 || limit > 50) {
    return spotifyError(400, "Invalid limit");
  }
  if (Number.isNaN(before) || Number.isNaN(after)) {
    return spotifyError(400, "Invalid cursor");
  }
  if (before !== null && after !== null) {
    return spotifyError(400, "Only one of 'before' and 'after' may be given");
  }
  const endpoint = `${request.origin}/v1/me/player/recently-played`;
  const body = recentlyPlayedBody(
    user.playback.recentPlays(),
    { limit, before, after },
    endpoint,
    world.quotaMode,
  );
  return spotifyJson(200, body);
}

function queue(call: Call): FakeAnswer {
  const { playback } = call.user;
  const body = queueBody(
    playback.nowPlaying(),
    playback.upcoming(10),
    call.world.quotaMode,
  );
  return spotifyJson(200, body);
}

function command(name: PlayerCommand, method: "PUT" | "POST"): Route {
  return {
    method,
    path: `/v1/me/player/${name}`,
    group: "command",
    scopes: MODIFY_PLAYBACK,
    answer: (call) => runCommand(name, call.request, call.user),
  };
}

const routes: Route[] = [
  {
    method: "GET",
    path: "/v1/me/player",
    group: "player",
    scopes: READ_PLAYBACK,
    answer: playerState,
  },
  {
    method: "GET",
    path: "/v1/me/player/currently-playing",
    group: "player",
    scopes: ["user-read-currently-playing", ...READ_PLAYBACK],
    answer: currentlyPlaying,
  },
  {
    method: "GET",
    path: "/v1/me/player/recently-played",
    group: "recently-played",
    scopes: ["user-read-recently-played"],
    answer: recentlyPlayed,
  },
  {
    method: "GET",
    path: "/v1/me/player/queue",
    group: "queue",
    scopes: ["user-read-currently-playing", ...READ_PLAYBACK],
    answer: queue,
  },
  {
    method: "GET",
    path: "/v1/me",
    group: "profile",
    scopes: [],
    answer: (call) =>
      spotifyJson(200, profileBody(call.user, call.world.quotaMode)),
  },
  command("play", "PUT"),
  command("pause", "PUT"),
  command("seek", "PUT"),
  command("volume", "PUT"),
  command("next", "POST"),
  command("previous", "POST"),
];

function applies(failure: SpotifyFailure, group: EndpointGroup): boolean {
  return failure.endpoints === "all" || failure.endpoints.includes(group);
}

/**
 * The scenario's failure, if it hits this call; may expire the token or
 * spend a first-call failure.
 */
function scenarioFailure(
  user: FakeUser,
  token: AccessToken,
  group: EndpointGroup,
): FakeAnswer | null {
  const { failure } = spotifyScenarios[user.spotifyScenario];
  if (!failure || !applies(failure, group)) return null;
  if (failure.firstCallsOnly) {
    return takeSpotifyFirstCall(user, group) ? failure.answer : null;
  }
  if (!failure.firstTokenOnly) return failure.answer;
  if (token.generation !== 1) return null;
  token.expired = true;
  return failure.answer;
}

/** Why Spotify would refuse this caller, in the order it checks; or null. */
function refusal(
  world: World,
  route: Route,
  user: FakeUser,
  token: AccessToken,
): FakeAnswer | null {
  if (token.expiresAt <= world.now()) token.expired = true;
  if (token.expired) return spotifyUnauthorized("The access token expired");
  const failure = scenarioFailure(user, token, route.group);
  if (failure) return failure;
  const granted =
    route.scopes.length === 0 ||
    route.scopes.some((scope) => user.account.scopes.includes(scope));
  return granted ? null : spotifyError(403, "Insufficient client scope");
}

/** The slice of the Spotify Web API a now-playing dashboard uses. */
export function handleSpotifyRequest(
  request: FakeRequest,
  { world }: SpotifyContext,
): ApiResult {
  const route = routes.find(
    (candidate) =>
      candidate.path === request.path && candidate.method === request.method,
  );
  if (!route) {
    return { answer: spotifyError(404, "Service not found"), userId: null };
  }
  const value = bearerToken(request);
  const owner = value ? tokenOwner(world, value) : null;
  if (!owner) {
    const message = value ? "Invalid access token" : "No token provided";
    return { answer: spotifyUnauthorized(message), userId: null };
  }
  const { user, token } = owner;
  const answer =
    refusal(world, route, user, token) ??
    route.answer({ request, world, user });
  return { answer, userId: user.id };
}
