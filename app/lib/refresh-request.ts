import type { NowPlayingRefresh } from "./playback";

/** The service that did not answer when the dashboard could not refresh. */
export type Upstream = "spotify" | "clerk";

/** What one refresh came back with, as the page acts on it. */
export type RefreshOutcome =
  | { kind: "read"; refresh: NowPlayingRefresh }
  | { kind: "rate-limited"; retryAfterSeconds: number | null }
  | { kind: "unavailable"; upstream: Upstream }
  /** Signed out, or refused: a reload lets the server render why. */
  | { kind: "reload" };

/**
 * A fresh Clerk session token: the token, null when Clerk says there is
 * no session, undefined when Clerk did not answer in time.
 */
export type SessionRenewal = () => Promise<string | null | undefined>;

const SPOTIFY_DOWN: RefreshOutcome = {
  kind: "unavailable",
  upstream: "spotify",
};

/**
 * One refresh through the JSON route. A 401 for the session first asks
 * Clerk for a new session token and tries once more: Clerk's tokens live a
 * minute, and a tab back from the background may send one that clerk-js
 * has not yet renewed.
 */
export async function requestRefresh(
  url: string,
  signal: AbortSignal,
  renewSession: SessionRenewal,
): Promise<RefreshOutcome> {
  let response = await get(url, signal);
  if (response?.status === 401 && (await saysSignedOut(response))) {
    const token = await renewSession();
    if (token === null) return { kind: "reload" };
    // Without an answer from Clerk the cookie may still have been renewed.
    response = await get(url, signal, token);
  }
  return outcomeOf(response);
}

/** Clerk's getToken, given `waitMs` to answer: offline it never settles. */
export function renewWithin(
  getToken: () => Promise<string | null>,
  waitMs: number,
): Promise<string | null | undefined> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), waitMs);
    const settle = (token: string | null | undefined) => {
      clearTimeout(timer);
      resolve(token);
    };
    Promise.resolve()
      .then(getToken)
      .then(settle, () => settle(undefined));
  });
}

async function get(url: string, signal: AbortSignal, token?: string) {
  if (signal.aborted) return null;
  const headers = new Headers({ accept: "application/json" });
  if (token) headers.set("authorization", `Bearer ${token}`);
  try {
    return await fetch(url, { headers, signal });
  } catch {
    return null;
  }
}

async function outcomeOf(response: Response | null): Promise<RefreshOutcome> {
  if (!response) return SPOTIFY_DOWN;
  const { status, headers } = response;
  if (status === 401 || status === 403) return { kind: "reload" };
  if (status === 429) {
    return {
      kind: "rate-limited",
      retryAfterSeconds: secondsOf(headers.get("retry-after")),
    };
  }
  const body = await readJson(response);
  if (response.ok) {
    // Anything else with a 200 came from something between (a proxy, a
    // cut-off connection): an outage like any other.
    return isRefresh(body) ? { kind: "read", refresh: body } : SPOTIFY_DOWN;
  }
  return { kind: "unavailable", upstream: upstreamOf(body) };
}

/** A 401 for the session, rather than for Spotify's own token. */
async function saysSignedOut(response: Response) {
  const body = await readJson(response);
  return isRecord(body) && body.signedOut === true;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return await response.json();
  } catch {
    return null;
  }
}

function secondsOf(retryAfter: string | null) {
  const seconds = Number(retryAfter);
  return retryAfter && Number.isFinite(seconds) && seconds > 0 ? seconds : null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

/*
 * The route's own reply, told apart from whatever else can arrive with a
 * 200. The server built it from its parsed types, so its outline is enough.
 */
function isRefresh(body: unknown): body is NowPlayingRefresh {
  if (!isRecord(body) || typeof body.readAt !== "number") return false;
  const { nowPlaying, changes } = body;
  return (
    isRecord(nowPlaying) &&
    (nowPlaying.status === "active" || nowPlaying.status === "idle") &&
    (nowPlaying.status !== "active" || isRecord(nowPlaying.playback)) &&
    (changes === undefined || isRecord(changes))
  );
}

/** The route names Clerk when it was Clerk that did not answer. */
function upstreamOf(body: unknown): Upstream {
  if (!isRecord(body)) return "spotify";
  const { nowPlaying, failure } = body;
  if (isRecord(nowPlaying) && nowPlaying.upstream === "clerk") return "clerk";
  if (isRecord(failure) && failure.kind === "clerk-unavailable") return "clerk";
  return "spotify";
}
