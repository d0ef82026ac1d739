/*
 * The settings that point the Worker at the fakes instead of Clerk and
 * Spotify. They are ordinary deployment settings with other values: the app
 * has no idea it is offline.
 */

/** Clerk's frontend API host for the fakes; `.invalid` never resolves. */
export const FRONTEND_API = "clerk.nowplaying.invalid";

/** Any string starting sk_ works: the fake Clerk checks it, nothing else. */
export const SECRET_KEY = "sk_test_offline_fake_key";

/**
 * A production-style key: development keys make Clerk ask the browser for
 * a dev-browser cookie, which only the real clerk-js could provide.
 */
export const PUBLISHABLE_KEY = `pk_live_${Buffer.from(`${FRONTEND_API}$`).toString("base64")}`;

export function offlineBindings(fakes: {
  clerkUrl: string;
  spotifyUrl: string;
  publicKeyPem: string;
}): Record<string, string> {
  return {
    CLERK_PUBLISHABLE_KEY: PUBLISHABLE_KEY,
    CLERK_SECRET_KEY: SECRET_KEY,
    CLERK_JWT_KEY: fakes.publicKeyPem,
    CLERK_API_URL: fakes.clerkUrl,
    SPOTIFY_API_URL: fakes.spotifyUrl,
  };
}
