import type {
  PlaybackState,
  PlayingItem,
  RecentPlay,
  SpotifyProfile,
} from "../lib/playback";
import type { Logger } from "./log.server";
import { closeGate, secondsUntilOpen } from "./rate-gate.server";
import {
  parsePlaybackState,
  parseProfile,
  parseQueue,
  parseRecentlyPlayed,
  SpotifyPayloadError,
} from "./spotify-schema.server";
import {
  fetchBounded,
  parseJson,
  retryAfterSeconds,
  type UpstreamResponse,
  UpstreamTransportError,
} from "./upstream.server";

export type SpotifyFailureKind =
  | "not-allowlisted"
  | "owner-premium-lapsed"
  | "missing-scope"
  | "premium-required"
  | "no-active-device"
  | "forbidden"
  | "token-rejected"
  | "rate-limited"
  | "unavailable";

export class SpotifyError extends Error {
  readonly kind: SpotifyFailureKind;
  readonly retryAfterSeconds: number | undefined;

  constructor(kind: SpotifyFailureKind, retryAfter?: number) {
    super(`Spotify: ${kind}`);
    this.name = "SpotifyError";
    this.kind = kind;
    this.retryAfterSeconds = retryAfter;
  }
}

/** Where the access token comes from, and how to replace a rejected one. */
export type TokenSource = {
  get(): Promise<string>;
  renew(rejected: string): Promise<string>;
};

export type SpotifyClientOptions = {
  apiUrl: string;
  tokens: TokenSource;
  /** Whose calls a 429 holds back: one user's, in this isolate. */
  rateGate: string;
  log: Logger;
  fetch?: typeof fetch;
  timeoutMs?: number;
  signal?: AbortSignal;
};

const MAX_BODY_BYTES = 1024 * 1024;

export type PlayerCommand =
  | { intent: "play" | "pause" | "next" | "previous" }
  | { intent: "seek"; positionMs: number };

const COMMANDS: Record<
  PlayerCommand["intent"],
  { method: "PUT" | "POST"; path: string }
> = {
  play: { method: "PUT", path: "/v1/me/player/play" },
  pause: { method: "PUT", path: "/v1/me/player/pause" },
  next: { method: "POST", path: "/v1/me/player/next" },
  previous: { method: "POST", path: "/v1/me/player/previous" },
  seek: { method: "PUT", path: "/v1/me/player/seek" },
};

export function createSpotifyClient(options: SpotifyClientOptions) {
  const { apiUrl, tokens, rateGate, log, timeoutMs = 4000, signal } = options;
  const fetcher = options.fetch ?? fetch;

  async function send(method: string, path: string, token: string) {
    return fetchBounded(
      fetcher,
      `${apiUrl}${path}`,
      {
        method,
        headers: { Authorization: `Bearer ${token}` },
        // Spotify wants a length on bodiless PUTs and POSTs.
        body: method === "GET" ? undefined : "",
      },
      { timeoutMs, maxBytes: MAX_BODY_BYTES, signal },
    );
  }

  /**
   * Calls Spotify and reads its answer with `read`: null stands for "no
   * content". A rejected token is replaced once; Spotify did nothing with
   * the rejected call, so repeating it is safe even for commands. While
   * Spotify's Retry-After runs, nothing is sent at all.
   */
  async function call<T>(
    operation: string,
    path: string,
    read: (json: unknown) => T,
    method = "GET",
  ): Promise<T> {
    const wait = secondsUntilOpen(rateGate);
    if (wait > 0) throw new SpotifyError("rate-limited", wait);

    const started = Date.now();
    try {
      let token = await tokens.get();
      let response = await send(method, path, token);
      if (response.status === 401) {
        token = await tokens.renew(token);
        response = await send(method, path, token);
      }
      return read(readBody(response));
    } catch (error) {
      const failure = toSpotifyError(error);
      if (!failure) throw error;
      if (failure.kind === "rate-limited") {
        closeGate(rateGate, failure.retryAfterSeconds);
      }
      log.upstreamFailure({
        upstream: "spotify",
        operation,
        kind: failure.kind,
        cause: causeOf(error),
        status: error instanceof StatusError ? error.status : null,
        durationMs: Date.now() - started,
      });
      throw failure;
    }
  }

  return {
    playbackState(): Promise<PlaybackState | null> {
      const path = "/v1/me/player?additional_types=episode";
      return call("player", path, (json) =>
        json === null ? null : parsePlaybackState(json),
      );
    },

    recentlyPlayed(limit = 10): Promise<RecentPlay[]> {
      const path = `/v1/me/player/recently-played?limit=${limit}`;
      return call("recently-played", path, (json) =>
        json === null ? [] : parseRecentlyPlayed(json),
      );
    },

    profile(): Promise<SpotifyProfile> {
      return call("profile", "/v1/me", parseProfile);
    },

    /** Spotify's queue has no limit of its own; `limit` trims it here. */
    queue(limit: number): Promise<PlayingItem[]> {
      return call("queue", "/v1/me/player/queue", (json) =>
        json === null ? [] : parseQueue(json, limit),
      );
    },

    async command(command: PlayerCommand): Promise<void> {
      const { method, path } = COMMANDS[command.intent];
      const query =
        command.intent === "seek"
          ? `?position_ms=${Math.max(0, Math.round(command.positionMs))}`
          : "";
      const operation = `command-${command.intent}`;
      await call(operation, `${path}${query}`, () => undefined, method);
    },
  };
}

export type SpotifyClient = ReturnType<typeof createSpotifyClient>;

/** A non-2xx answer, before it is given a kind. */
class StatusError extends Error {
  readonly status: number;
  readonly response: UpstreamResponse;

  constructor(response: UpstreamResponse) {
    super(`Spotify answered ${response.status}`);
    this.status = response.status;
    this.response = response;
  }
}

function readBody(response: UpstreamResponse) {
  if (response.status < 200 || response.status > 299) {
    throw new StatusError(response);
  }
  if (response.status === 204 || !response.body.trim()) return null;
  const json = parseJson(response.body);
  if (json === undefined) throw new SpotifyPayloadError("body");
  return json;
}

/** Why an answer was unusable, for the log: never its content. */
function causeOf(error: unknown) {
  if (error instanceof UpstreamTransportError) return error.failure;
  if (error instanceof SpotifyPayloadError) return "malformed";
  if (error instanceof StatusError) return "status";
  return "other";
}

function toSpotifyError(error: unknown): SpotifyError | undefined {
  if (error instanceof SpotifyError) return error;
  if (error instanceof UpstreamTransportError) {
    return new SpotifyError("unavailable");
  }
  if (error instanceof SpotifyPayloadError) {
    return new SpotifyError("unavailable");
  }
  if (!(error instanceof StatusError)) return undefined;

  const { status, response } = error;
  if (status === 401) return new SpotifyError("token-rejected");
  if (status === 403) return new SpotifyError(classifyForbidden(response.body));
  if (status === 404 && /NO_ACTIVE_DEVICE/.test(response.body)) {
    return new SpotifyError("no-active-device");
  }
  if (status === 429) {
    return new SpotifyError(
      "rate-limited",
      retryAfterSeconds(response.headers),
    );
  }
  return new SpotifyError("unavailable");
}

/**
 * Spotify's 403s differ only in their wording, sent as JSON (in
 * `error.message`, a top-level `message` or an OAuth `error_description`)
 * or as plain text. The wordings come from Spotify's docs and from what
 * developers reported; each place is tried in turn, the raw body last.
 */
export function classifyForbidden(body: string): SpotifyFailureKind {
  const { texts, reason } = describeError(body);
  if (reason === "PREMIUM_REQUIRED") return "premium-required";
  for (const text of [...texts, body]) {
    const kind = kindFromWording(text);
    if (kind) return kind;
  }
  return "forbidden";
}

function kindFromWording(text: string): SpotifyFailureKind | undefined {
  if (/owner of the app/i.test(text)) return "owner-premium-lapsed";
  if (/not registered|not approved for app|may not be registered/i.test(text)) {
    return "not-allowlisted";
  }
  if (/insufficient client scope|scope/i.test(text)) return "missing-scope";
  if (/premium required/i.test(text)) return "premium-required";
  return undefined;
}

/** The human-readable parts of a JSON error body, and Spotify's reason. */
function describeError(body: string) {
  const json = parseJson(body);
  if (!json || typeof json !== "object") return { texts: [], reason: "" };
  const error = "error" in json ? json.error : undefined;
  const inner = error && typeof error === "object" ? error : {};
  const texts = [
    "message" in inner ? inner.message : undefined,
    "message" in json ? json.message : undefined,
    "error_description" in json ? json.error_description : undefined,
    error,
  ].filter((text) => typeof text === "string");
  const reason = "reason" in inner ? String(inner.reason) : "";
  return { texts, reason };
}
