import type { ClerkApi, SpotifyGrant } from "./clerk-api.server";
import { createIsolateCache } from "./isolate-cache.server";
import type { TokenSource } from "./spotify.server";

/*
 * Spotify access tokens from Clerk, kept in this isolate's memory and
 * nowhere else (never the Cache API or KV), keyed by the verified Clerk
 * user id. A token is reused until a minute before it expires, and for ten
 * minutes at most, so a token Clerk refreshed or revoked is picked up soon.
 * A token Spotify rejects leaves the cache at once.
 */

const MAX_AGE_MS = 10 * 60_000;
const EXPIRY_MARGIN_MS = 60_000;

const grants = createIsolateCache<Promise<SpotifyGrant>>(10_000);

/** The cached grant, or one Clerk call that every concurrent caller shares. */
function cachedGrant(clerk: ClerkApi, userId: string) {
  const cached = grants.get(userId);
  if (cached) return cached;

  const fetchedAt = Date.now();
  const grant = clerk.spotifyToken(userId);
  // Until Clerk answers, concurrent requests wait for this same call.
  grants.set(userId, grant, Number.POSITIVE_INFINITY);
  grant.then(
    ({ expiresAt }) => {
      const byAge = fetchedAt + MAX_AGE_MS;
      const until =
        expiresAt === null
          ? byAge
          : Math.min(byAge, expiresAt - EXPIRY_MARGIN_MS);
      grants.extend(userId, grant, until);
    },
    () => grants.delete(userId, grant),
  );
  return grant;
}

/** Replacements under way, by the token Spotify rejected. */
const renewals = new Map<string, Promise<SpotifyGrant>>();

/**
 * A grant to replace a rejected token. Every call that saw the same token
 * rejected, in any request, shares one replacement.
 */
function replaceRejected(clerk: ClerkApi, userId: string, rejected: string) {
  const under = renewals.get(rejected);
  if (under) return under;

  const renewal = (async () => {
    const cached = grants.get(userId);
    const current = await cached?.catch(() => undefined);
    // Another request has already replaced the rejected token.
    if (current && current.token !== rejected) return current;
    if (cached) grants.delete(userId, cached);
    return cachedGrant(clerk, userId);
  })();
  renewals.set(rejected, renewal);
  const settled = () => renewals.delete(rejected);
  renewal.then(settled, settled);
  return renewal;
}

/** The token source for one user during one request. */
export function clerkTokenSource(clerk: ClerkApi, userId: string) {
  let used: Promise<SpotifyGrant> | undefined;

  const grant = () => {
    used ??= cachedGrant(clerk, userId);
    return used;
  };

  const source: TokenSource = {
    get: async () => (await grant()).token,
    async renew(rejected) {
      used = replaceRejected(clerk, userId, rejected);
      return (await used).token;
    },
  };

  return { ...source, grant };
}
