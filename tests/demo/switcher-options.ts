import type {
  ClerkScenarioName,
  SpotifyScenarioName,
} from "../fakes/scenarios.ts";

/** One button on the scenario switcher: what the demo user's world becomes. */
export interface DemoOption {
  label: string;
  spotify: SpotifyScenarioName;
  clerk: ClerkScenarioName;
}

export const playbackOptions: DemoOption[] = [
  { label: "A track is playing", spotify: "track", clerk: "connected" },
  { label: "Paused", spotify: "paused", clerk: "connected" },
  { label: "A podcast episode", spotify: "episode", clerk: "connected" },
  { label: "Nothing playing", spotify: "nothing-playing", clerk: "connected" },
  { label: "An ad", spotify: "ad", clerk: "connected" },
  { label: "A local file", spotify: "local-file", clerk: "connected" },
];

export const failureOptions: DemoOption[] = [
  {
    label: "Not on the app's allowlist",
    spotify: "not-allowlisted-json-registered",
    clerk: "connected",
  },
  {
    label: "Owner's Premium lapsed",
    spotify: "owner-premium-lapsed",
    clerk: "connected",
  },
  { label: "Missing scope", spotify: "missing-scope", clerk: "connected" },
  {
    label: "No Spotify connection",
    spotify: "track",
    clerk: "no-connection",
  },
  { label: "Token revoked", spotify: "token-revoked", clerk: "connected" },
  { label: "Rate limited", spotify: "rate-limited", clerk: "connected" },
  { label: "Spotify down", spotify: "unavailable", clerk: "connected" },
  { label: "Clerk down", spotify: "track", clerk: "clerk-down" },
];

export const demoOptions = [...playbackOptions, ...failureOptions];
