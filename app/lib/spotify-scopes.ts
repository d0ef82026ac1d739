/**
 * The Spotify permissions the dashboard needs. The README lists the same
 * ones for Clerk's Spotify connection; the account page asks for them again
 * when a user's connection lacks any.
 */
export const SPOTIFY_SCOPES = [
  "user-read-playback-state",
  "user-read-currently-playing",
  "user-read-recently-played",
  "user-modify-playback-state",
];
