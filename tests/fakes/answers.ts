/** What a fake says back: plain data, so scenarios can hold canned ones. */
export interface CannedReply {
  kind: "reply";
  status: number;
  /** A list sends the header once per value, as Set-Cookie needs. */
  headers: Record<string, string | string[]>;
  body: string;
}

/** Accept the request and never answer, until the client gives up. */
export interface Hang {
  kind: "hang";
}

/** Starts a body, then adds `drip` every interval until the client leaves. */
export interface Trickle {
  kind: "trickle";
  status: number;
  headers: Record<string, string>;
  opening: string;
  drip: string;
  intervalMs: number;
}

/** Drops the connection without a word: the client sees a reset. */
export interface Reset {
  kind: "reset";
}

/**
 * A valid JSON object padded to `bytes`, written chunk by chunk so the fake
 * never holds the whole body, and with no Content-Length to judge it by.
 */
export interface PaddedJson {
  kind: "padded-json";
  status: number;
  headers: Record<string, string>;
  bytes: number;
}

export type FakeAnswer = CannedReply | Hang | Trickle | Reset | PaddedJson;

export const hang: Hang = { kind: "hang" };

export const reset: Reset = { kind: "reset" };

export interface ApiResult {
  answer: FakeAnswer;
  /** Whose call log the request belongs in, when known. */
  userId: string | null;
}

export const SPOTIFY_JSON = "application/json; charset=utf-8";
export const TEXT = "text/plain; charset=utf-8";
export const HTML = "text/html; charset=utf-8";
/** Exactly this: with a charset the Clerk SDK hands back the raw string. */
export const CLERK_JSON = "application/json";

export function reply(
  status: number,
  body: string,
  headers: Record<string, string> = {},
): CannedReply {
  return { kind: "reply", status, headers, body };
}

export function noContent(): CannedReply {
  return reply(204, "");
}

/** Spotify pretty-prints its JSON, errors included. */
export function spotifyJson(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): CannedReply {
  return reply(status, JSON.stringify(value, null, 2), {
    "Content-Type": SPOTIFY_JSON,
    ...headers,
  });
}

export function spotifyError(
  status: number,
  message: string,
  reason?: string,
  headers: Record<string, string> = {},
): CannedReply {
  const error = reason ? { status, message, reason } : { status, message };
  return spotifyJson(status, { error }, headers);
}

/**
 * The OAuth-style refusal some Spotify 403s take: `error` is a code and
 * the wording is in `error_description`.
 */
export function spotifyOAuthError(
  status: number,
  code: string,
  description: string,
): CannedReply {
  return spotifyJson(status, { error: code, error_description: description });
}

/** A refusal whose message sits beside `error` rather than inside it. */
export function spotifyOuterMessage(
  status: number,
  message: string,
): CannedReply {
  return spotifyJson(status, { error: { status }, message });
}

export function textReply(
  status: number,
  body: string,
  contentType = TEXT,
): CannedReply {
  return reply(status, body, { "Content-Type": contentType });
}

export function clerkJson(
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
): CannedReply {
  return reply(status, JSON.stringify(value), {
    "Content-Type": CLERK_JSON,
    ...headers,
  });
}

/** Spotify's 401, with the WWW-Authenticate header it sends alongside. */
export function spotifyUnauthorized(message: string): CannedReply {
  return spotifyError(401, message, undefined, {
    "WWW-Authenticate": `Bearer realm="spotify", error="invalid_token", error_description="${message}"`,
  });
}

/** A Spotify JSON body that begins and then only ever adds whitespace. */
export function spotifyTrickle(opening: string, intervalMs: number): Trickle {
  return {
    kind: "trickle",
    status: 200,
    headers: { "Content-Type": SPOTIFY_JSON },
    opening,
    drip: " ",
    intervalMs,
  };
}

export function spotifyPaddedJson(bytes: number): PaddedJson {
  return {
    kind: "padded-json",
    status: 200,
    headers: { "Content-Type": SPOTIFY_JSON },
    bytes,
  };
}

/**
 * A base path under which the fakes answer no request at all, for a
 * setting such as CLERK_API_URL when what it reaches has no user to give
 * a scenario.
 */
export const NEVER_ANSWERS = "/__fake/never-answers";
