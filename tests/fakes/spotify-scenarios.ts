import {
  type FakeAnswer,
  HTML,
  hang,
  reply,
  reset,
  SPOTIFY_JSON,
  spotifyError,
  spotifyOAuthError,
  spotifyOuterMessage,
  spotifyPaddedJson,
  spotifyTrickle,
  spotifyUnauthorized,
  textReply,
} from "./answers.ts";
import { HOSTILE_NAMES } from "./hostile-names.ts";
import type { PlaybackSetup } from "./playback.ts";

export type EndpointGroup =
  | "player"
  | "recently-played"
  | "queue"
  | "profile"
  | "command";

export interface SpotifyFailure {
  answer: FakeAnswer;
  endpoints: EndpointGroup[] | "all";
  /** Only Clerk's first token gets the answer; it then counts as expired. */
  firstTokenOnly: boolean;
  /**
   * Only the user's first call to each group gets the answer; later calls
   * play on as `track` does. Absent means every call.
   */
  firstCallsOnly?: boolean;
}

export interface SpotifyScenario {
  description: string;
  playback: PlaybackSetup;
  failure: SpotifyFailure | null;
}

const playingTrack: PlaybackSetup = {
  start: "track",
  playing: true,
  interruption: null,
  prefilledHistory: true,
};

function playing(
  description: string,
  setup: Partial<PlaybackSetup> = {},
): SpotifyScenario {
  return {
    description,
    playback: { ...playingTrack, ...setup },
    failure: null,
  };
}

function failing(
  description: string,
  answer: FakeAnswer,
  failure: Partial<Omit<SpotifyFailure, "answer">> = {},
): SpotifyScenario {
  return {
    description,
    playback: playingTrack,
    failure: { answer, endpoints: "all", firstTokenOnly: false, ...failure },
  };
}

const ALLOWLIST_WORDINGS = {
  registered: "User not registered in the Developer Dashboard",
  approved: "User not approved for app",
  "check-settings":
    "Check settings on developer.spotify.com/dashboard, the user may not be registered.",
} as const;

/** How a 403's wording is wrapped; Spotify is not consistent about it. */
type RefusalShape = "text" | "json" | "oauth" | "outer-message";

const SHAPE_NAMES: Record<RefusalShape, string> = {
  text: "plain text",
  json: "JSON",
  oauth: "OAuth-style JSON (error_description)",
  "outer-message": "JSON with the message beside error",
};

function refusal(shape: RefusalShape, message: string): FakeAnswer {
  switch (shape) {
    case "text":
      return textReply(403, message);
    case "json":
      return spotifyError(403, message);
    case "oauth":
      return spotifyOAuthError(403, "access_denied", message);
    case "outer-message":
      return spotifyOuterMessage(403, message);
  }
}

function allowlist(
  wording: keyof typeof ALLOWLIST_WORDINGS,
  shape: RefusalShape,
): SpotifyScenario {
  const message = ALLOWLIST_WORDINGS[wording];
  return failing(
    `Development-mode allowlist 403 as ${SHAPE_NAMES[shape]}: "${message}"`,
    refusal(shape, message),
  );
}

function rateLimited(retryAfter: string | null): SpotifyScenario {
  const headers: Record<string, string> =
    retryAfter === null ? {} : { "Retry-After": retryAfter };
  return failing(
    retryAfter === null
      ? "429 without Retry-After"
      : `429 with Retry-After: ${retryAfter}`,
    spotifyError(429, "API rate limit exceeded", undefined, headers),
  );
}

const OWNER_PREMIUM =
  "Active premium subscription required for the owner of the app";

const UNAVAILABLE_PAGE =
  "<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head>" +
  "<body><h1>Service Unavailable</h1><p>Try again in a little while.</p>" +
  "</body></html>";

const PORTAL_PAGE =
  "<!DOCTYPE html><html><head><title>Harbour Cafe Wi-Fi</title></head>" +
  "<body><h1>Welcome to Harbour Cafe Wi-Fi</h1>" +
  "<p>Accept the terms to get online.</p></body></html>";

const TRUNCATED_PLAYER =
  '{\n  "device" : {\n    "id" : "5fbb3ba6aa454b5534c4ba43a8c7e8e45a63ad0e",' +
  '\n    "is_active" : true,\n    "name" : "Living Ro';

const PLAYER_OPENING = '{\n  "device" : ';
const TEN_MEGABYTES = 10 * 1024 * 1024;

export const spotifyScenarios = {
  track: playing("A track is playing"),
  paused: playing("A track is paused", { playing: false }),
  episode: playing("A podcast episode is playing", { start: "episode" }),
  ad: playing("An ad is playing: item null, most actions disallowed", {
    interruption: "ad",
  }),
  "local-file": playing("A local file is playing", { start: "local-file" }),
  unknown: playing("Something Spotify calls 'unknown' is playing", {
    interruption: "unknown",
  }),
  "nothing-playing": playing("No active device: 204; history has items", {
    start: "none",
  }),
  "nothing-ever": playing("No active device and no history at all", {
    start: "none",
    prefilledHistory: false,
  }),
  "free-account": failing(
    "No Premium: player commands and the queue get 403 PREMIUM_REQUIRED",
    spotifyError(
      403,
      "Player command failed: Premium required",
      "PREMIUM_REQUIRED",
    ),
    { endpoints: ["command", "queue"] },
  ),
  "not-allowlisted-text-registered": allowlist("registered", "text"),
  "not-allowlisted-json-registered": allowlist("registered", "json"),
  "not-allowlisted-text-approved": allowlist("approved", "text"),
  "not-allowlisted-json-approved": allowlist("approved", "json"),
  "not-allowlisted-text-check-settings": allowlist("check-settings", "text"),
  "not-allowlisted-json-check-settings": allowlist("check-settings", "json"),
  "not-allowlisted-oauth-registered": allowlist("registered", "oauth"),
  "not-allowlisted-outer-message-check-settings": allowlist(
    "check-settings",
    "outer-message",
  ),
  "owner-premium-lapsed": failing(
    "The app owner's Premium lapsed: 403 JSON on every call",
    spotifyError(403, OWNER_PREMIUM),
  ),
  "owner-premium-lapsed-text": failing(
    "The app owner's Premium lapsed: 403 plain text on every call",
    textReply(403, OWNER_PREMIUM),
  ),
  "owner-premium-lapsed-oauth": failing(
    "The app owner's Premium lapsed: 403 OAuth-style, in error_description",
    refusal("oauth", OWNER_PREMIUM),
  ),
  "missing-scope": failing(
    "403 JSON 'Insufficient client scope': reconnect with more scopes",
    spotifyError(403, "Insufficient client scope"),
  ),
  forbidden: failing(
    "403 plain 'Forbidden' on every call",
    textReply(403, "Forbidden"),
  ),
  "queue-forbidden": failing(
    "Only the queue answers 403 plain 'Forbidden' (endpoint removed)",
    textReply(403, "Forbidden"),
    { endpoints: ["queue"] },
  ),
  "token-expired-once": failing(
    "The first access token gets 401 'expired'; Clerk's next token works",
    spotifyUnauthorized("The access token expired"),
    { firstTokenOnly: true },
  ),
  "token-revoked": failing(
    "Every token gets 401 'Invalid access token': reconnect Spotify",
    spotifyUnauthorized("Invalid access token"),
  ),
  "rate-limited": rateLimited("17"),
  "rate-limited-no-retry-after": rateLimited(null),
  "rate-limited-retry-after-0": rateLimited("0"),
  "rate-limited-90s": rateLimited("90"),
  "rate-limited-2h": rateLimited("7200"),
  "history-rate-limited": failing(
    "Only recently played answers 429 with Retry-After: 17",
    spotifyError(429, "API rate limit exceeded", undefined, {
      "Retry-After": "17",
    }),
    { endpoints: ["recently-played"] },
  ),
  unavailable: failing(
    "503 with an HTML page",
    textReply(503, UNAVAILABLE_PAGE, HTML),
  ),
  "bad-gateway": failing("502 JSON", spotifyError(502, "Bad gateway.")),
  "server-error": failing("500 JSON", spotifyError(500, "Server error.")),
  hang: failing("Accepts the request and never answers", hang),
  malformed: failing(
    "200 application/json with a truncated body",
    reply(200, TRUNCATED_PLAYER, { "Content-Type": SPOTIFY_JSON }),
  ),
  "html-200": failing(
    "200 with an HTML page (a captive portal)",
    textReply(200, PORTAL_PAGE, HTML),
  ),
  "slow-body": failing(
    "200 JSON that starts, then trickles a space every 200 ms, never ending",
    spotifyTrickle(PLAYER_OPENING, 200),
  ),
  "connection-reset": failing(
    "The connection is reset before any answer",
    reset,
  ),
  "huge-body": failing(
    "200 JSON of 10 MB (one long padding string), streamed in chunks",
    spotifyPaddedJson(TEN_MEGABYTES),
  ),
  "flaky-503": failing(
    "The first call to each endpoint answers 503 HTML; retries work",
    textReply(503, UNAVAILABLE_PAGE, HTML),
    { firstCallsOnly: true },
  ),
  "flaky-503-retry-after": failing(
    "The first call to each endpoint answers 503 with Retry-After: 1",
    reply(503, UNAVAILABLE_PAGE, { "Content-Type": HTML, "Retry-After": "1" }),
    { firstCallsOnly: true },
  ),
  "reset-once": failing(
    "The first call to each endpoint is reset; retries work",
    reset,
    { firstCallsOnly: true },
  ),
  "volume-unknown": playing(
    "A track plays on a device that sends volume_percent null",
    { deviceVolume: { supports_volume: true, volume_percent: null } },
  ),
  "fixed-volume": playing(
    "A track plays on a device without volume control (supports_volume false)",
    { deviceVolume: { supports_volume: false, volume_percent: 100 } },
  ),
  "hostile-names": playing(
    "Markup, </script>, RTL, emoji and 500-char names on track and device",
    { start: "hostile-track", deviceName: HOSTILE_NAMES.device },
  ),
} satisfies Record<string, SpotifyScenario>;

export type SpotifyScenarioName = keyof typeof spotifyScenarios;

export function isSpotifyScenarioName(
  name: string,
): name is SpotifyScenarioName {
  return Object.hasOwn(spotifyScenarios, name);
}
