import { album, artist, track } from "./catalog.ts";
import { HOSTILE_NAMES } from "./hostile-names.ts";
import type { TrackObject } from "./spotify-objects.ts";

const band = artist(HOSTILE_NAMES.artist);

/** Plays first in `hostile-names`; everything after it is the usual loop. */
export const hostileTrack: TrackObject = track({
  name: HOSTILE_NAMES.track,
  album: album({
    name: HOSTILE_NAMES.album,
    artists: [band],
    albumType: "album",
    releaseDate: "2025-04-18",
    totalTracks: 12,
    colour: "#37474f",
  }),
  durationMs: 201_000,
  trackNumber: 7,
  popularity: 33,
});
