import type { ClerkApi, SpotifyGrant } from "./clerk-api.server";
import type { TokenSource } from "./spotify.server";

/**
 * Spotify tokens for one user during one request, from Clerk. Concurrent
 * callers share one Clerk call, and a token Spotify rejected is replaced
 * once however many calls saw it rejected.
 */
export function clerkTokenSource(clerk: ClerkApi, userId: string) {
  let current: Promise<SpotifyGrant> | undefined;
  const renewals = new Map<string, Promise<SpotifyGrant>>();

  const grant = () => {
    current ??= clerk.spotifyToken(userId);
    return current;
  };

  const source: TokenSource = {
    get: async () => (await grant()).token,
    async renew(rejected) {
      let renewal = renewals.get(rejected);
      if (!renewal) {
        renewal = clerk.spotifyToken(userId);
        renewals.set(rejected, renewal);
        current = renewal;
      }
      return (await renewal).token;
    },
  };

  return { ...source, grant };
}
