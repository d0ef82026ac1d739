import * as v from "valibot";
import type { Logger } from "./log.server";
import { closeGate, secondsUntilOpen } from "./rate-gate.server";
import {
  fetchBounded,
  parseJson,
  retryAfterSeconds,
  UpstreamTransportError,
} from "./upstream.server";

/*
 * The three Clerk Backend API calls this app makes, with the same requests
 * as @clerk/backend's users.getUserOauthAccessToken, users.getUser and
 * sessions.revokeSession. Written out so every call has a deadline that
 * covers the body and a size cap, which the SDK's client cannot take.
 */

export type ClerkFailureKind =
  | "spotify-not-connected"
  | "rate-limited"
  | "key-rejected"
  | "unavailable";

export class ClerkError extends Error {
  readonly kind: ClerkFailureKind;
  readonly retryAfterSeconds: number | undefined;

  constructor(kind: ClerkFailureKind, retryAfter?: number) {
    super(`Clerk: ${kind}`);
    this.name = "ClerkError";
    this.kind = kind;
    this.retryAfterSeconds = retryAfter;
  }
}

export type SpotifyGrant = {
  token: string;
  externalAccountId: string | null;
  /** Unix milliseconds; null when Clerk does not say. */
  expiresAt: number | null;
  /** What the user granted this app; null when Clerk does not say. */
  scopes: string[] | null;
};

export type SpotifyAccount = { email: string | null; username: string | null };

/**
 * Clerk answers `{data, total_count}` when asked for pages, and has sent a
 * bare array too. Entries are read one by one: one without a token (a
 * connection Clerk cannot refresh) must not hide a working one.
 */
const tokenList = v.union([
  v.array(v.unknown()),
  v.pipe(
    v.object({ data: v.array(v.unknown()) }),
    v.transform(({ data }) => data),
  ),
]);

const tokenEntry = v.object({
  token: v.pipe(v.string(), v.nonEmpty()),
  external_account_id: v.fallback(v.nullish(v.string()), null),
  expires_at: v.fallback(v.nullish(v.number()), null),
  scopes: v.fallback(v.nullish(v.array(v.string())), null),
});

function firstGrant(entries: unknown[]) {
  for (const entry of entries) {
    const parsed = v.safeParse(tokenEntry, entry);
    if (parsed.success) return parsed.output;
  }
  return undefined;
}

const userSchema = v.object({
  external_accounts: v.fallback(
    v.array(
      v.object({
        id: v.nullish(v.string()),
        provider: v.nullish(v.string()),
        email_address: v.nullish(v.string()),
        username: v.nullish(v.string()),
      }),
    ),
    [],
  ),
});

export type ClerkApiOptions = {
  apiUrl: string;
  secretKey: string;
  log: Logger;
  fetch?: typeof fetch;
  timeoutMs?: number;
};

const API_VERSION = "2025-11-10";
/** How long any call to Clerk may take, its body included. */
export const CLERK_TIMEOUT_MS = 3000;
const MAX_BODY_BYTES = 256 * 1024;

export function createClerkApi(options: ClerkApiOptions) {
  const { apiUrl, secretKey, log, timeoutMs = CLERK_TIMEOUT_MS } = options;
  const fetcher = options.fetch ?? fetch;

  /**
   * One Backend API call. `userId` names whose calls a 429 holds back until
   * Retry-After has passed; nothing is sent to Clerk meanwhile.
   */
  async function call(
    operation: string,
    method: string,
    path: string,
    userId?: string,
  ) {
    const gate = userId && `clerk:${userId}`;
    const wait = gate ? secondsUntilOpen(gate) : 0;
    if (wait > 0) throw new ClerkError("rate-limited", wait);

    const started = Date.now();
    let status: number | null = null;
    try {
      const response = await fetchBounded(
        fetcher,
        `${apiUrl}/v1${path}`,
        {
          method,
          headers: {
            Authorization: `Bearer ${secretKey}`,
            "Clerk-API-Version": API_VERSION,
          },
        },
        { timeoutMs, maxBytes: MAX_BODY_BYTES },
      );
      status = response.status;
      if (status >= 200 && status <= 299) {
        const json = parseJson(response.body);
        if (json !== undefined) return json;
        throw new ClerkError("unavailable");
      }
      throw failureFor(status, retryAfterSeconds(response.headers));
    } catch (error) {
      const failure =
        error instanceof ClerkError
          ? error
          : error instanceof UpstreamTransportError
            ? new ClerkError("unavailable")
            : undefined;
      if (!failure) throw error;
      if (gate && failure.kind === "rate-limited") {
        closeGate(gate, failure.retryAfterSeconds);
      }
      log.upstreamFailure({
        upstream: "clerk",
        operation,
        kind: failure.kind,
        cause:
          error instanceof UpstreamTransportError
            ? error.failure
            : status !== null && status < 300
              ? "malformed"
              : "status",
        status,
        durationMs: Date.now() - started,
      });
      throw failure;
    }
  }

  return {
    /** The user's Spotify access token; Clerk refreshes it when expired. */
    async spotifyToken(userId: string): Promise<SpotifyGrant> {
      const path = `/users/${encodeURIComponent(userId)}/oauth_access_tokens/oauth_spotify?paginated=true`;
      const result = v.safeParse(
        tokenList,
        await call("oauth-token", "GET", path, userId),
      );
      if (!result.success) throw new ClerkError("unavailable");

      const grant = firstGrant(result.output);
      if (!grant) throw new ClerkError("spotify-not-connected");
      return {
        token: grant.token,
        externalAccountId: grant.external_account_id ?? null,
        expiresAt: unixMilliseconds(grant.expires_at),
        scopes: grant.scopes ?? null,
      };
    },

    /** Which Spotify account the user signed in with, for error screens. */
    async spotifyAccount(
      userId: string,
      externalAccountId: string | null,
    ): Promise<SpotifyAccount | null> {
      const path = `/users/${encodeURIComponent(userId)}`;
      const result = v.safeParse(
        userSchema,
        await call("user", "GET", path, userId),
      );
      if (!result.success) return null;

      const accounts = result.output.external_accounts.filter((account) =>
        account.provider?.endsWith("spotify"),
      );
      const account =
        accounts.find((candidate) => candidate.id === externalAccountId) ??
        accounts[0];
      if (!account) return null;
      return {
        email: account.email_address || null,
        username: account.username || null,
      };
    },

    async revokeSession(sessionId: string): Promise<void> {
      const path = `/sessions/${encodeURIComponent(sessionId)}/revoke`;
      await call("revoke-session", "POST", path);
    },
  };
}

export type ClerkApi = ReturnType<typeof createClerkApi>;

/**
 * Clerk documents `expires_at` only as a Unix timestamp. Seconds and
 * milliseconds are told apart by size: as seconds, 10^11 is 5138 AD.
 */
function unixMilliseconds(value: number | null | undefined) {
  if (value === null || value === undefined || value <= 0) return null;
  return value < 1e11 ? value * 1000 : value;
}

function failureFor(status: number, retryAfter: number | undefined) {
  if (status === 429) return new ClerkError("rate-limited", retryAfter);
  if (status === 401 || status === 403) return new ClerkError("key-rejected");
  if (status >= 400 && status <= 499) {
    return new ClerkError("spotify-not-connected");
  }
  return new ClerkError("unavailable");
}
