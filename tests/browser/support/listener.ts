import { SECRET_KEY } from "../../support/offline-settings.ts";

/*
 * What the listener does in their own Spotify app, done straight against
 * the fakes: the app under test only sees the result on its next read.
 */

async function spotifyToken(clerkUrl: string, userId: string) {
  const response = await fetch(
    `${clerkUrl}/v1/users/${userId}/oauth_access_tokens/oauth_spotify?paginated=true`,
    { headers: { Authorization: `Bearer ${SECRET_KEY}` } },
  );
  const body: unknown = await response.json();
  const token =
    typeof body === "object" &&
    body !== null &&
    "data" in body &&
    Array.isArray(body.data)
      ? body.data[0]?.token
      : undefined;
  if (typeof token !== "string")
    throw new Error("the fake Clerk sent no token");
  return token;
}

/** Moves the listener's playback to `positionMs` in the current item. */
export async function seekInSpotify(
  fakes: { clerkUrl: string; spotifyUrl: string },
  userId: string,
  positionMs: number,
) {
  const token = await spotifyToken(fakes.clerkUrl, userId);
  const response = await fetch(
    `${fakes.spotifyUrl}/v1/me/player/seek?position_ms=${positionMs}`,
    { method: "PUT", headers: { Authorization: `Bearer ${token}` } },
  );
  if (response.status !== 204) {
    throw new Error(`the fake Spotify refused the seek: ${response.status}`);
  }
}
