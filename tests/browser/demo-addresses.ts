/*
 * Global setup starts one demo stack and hands its addresses to the test
 * workers through environment variables, which the workers inherit.
 */

const VARIABLES = {
  appUrl: "NOW_PLAYING_APP_URL",
  clerkUrl: "NOW_PLAYING_FAKE_CLERK_URL",
  spotifyUrl: "NOW_PLAYING_FAKE_SPOTIFY_URL",
  signInUrl: "NOW_PLAYING_SIGN_IN_URL",
  switcherUrl: "NOW_PLAYING_SWITCHER_URL",
} as const;

export interface DemoAddresses {
  /** The Worker under `wrangler dev`, on localhost. */
  appUrl: string;
  /** The fake Clerk, whose control API creates users and sessions. */
  clerkUrl: string;
  /** The fake Spotify Web API, which tests can play and skip on directly. */
  spotifyUrl: string;
  /** The fake Clerk's stand-in for Clerk's sign-in and Spotify's consent. */
  signInUrl: string;
  /** The fake Clerk's page that puts the demo user in any scenario. */
  switcherUrl: string;
}

export function shareDemoAddresses(addresses: DemoAddresses) {
  process.env[VARIABLES.appUrl] = addresses.appUrl;
  process.env[VARIABLES.clerkUrl] = addresses.clerkUrl;
  process.env[VARIABLES.spotifyUrl] = addresses.spotifyUrl;
  process.env[VARIABLES.signInUrl] = addresses.signInUrl;
  process.env[VARIABLES.switcherUrl] = addresses.switcherUrl;
}

export function readDemoAddresses(): DemoAddresses {
  return {
    appUrl: required(VARIABLES.appUrl),
    clerkUrl: required(VARIABLES.clerkUrl),
    spotifyUrl: required(VARIABLES.spotifyUrl),
    signInUrl: required(VARIABLES.signInUrl),
    switcherUrl: required(VARIABLES.switcherUrl),
  };
}

function required(variable: string) {
  const value = process.env[variable];
  if (!value) {
    throw new Error(`${variable} is not set: run through playwright.config.ts`);
  }
  return value;
}
