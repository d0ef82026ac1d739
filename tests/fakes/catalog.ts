import { coverImages } from "./cover-art.ts";
import { stableId } from "./ids.ts";
import type {
  AlbumObject,
  ArtistRef,
  EpisodeObject,
  PlaybackContext,
  ShowObject,
  TrackObject,
} from "./spotify-objects.ts";

const API = "https://api.spotify.com/v1";
const OPEN = "https://open.spotify.com";
const MARKETS = ["CA", "DE", "FR", "GB", "IE", "NL", "US"];

function links(kind: string, id: string) {
  return {
    external_urls: { spotify: `${OPEN}/${kind}/${id}` },
    href: `${API}/${kind}s/${id}`,
    id,
    uri: `spotify:${kind}:${id}`,
  };
}

export function artist(name: string): ArtistRef {
  return {
    ...links("artist", stableId(`artist:${name}`)),
    name,
    type: "artist",
  };
}

interface AlbumSpec {
  name: string;
  artists: ArtistRef[];
  albumType: "album" | "single";
  releaseDate: string;
  totalTracks: number;
  colour: string;
}

export function album(spec: AlbumSpec): AlbumObject {
  return {
    ...links("album", stableId(`album:${spec.name}`)),
    album_type: spec.albumType,
    artists: spec.artists,
    available_markets: MARKETS,
    images: coverImages(spec.name, spec.colour),
    name: spec.name,
    release_date: spec.releaseDate,
    release_date_precision: "day",
    total_tracks: spec.totalTracks,
    type: "album",
  };
}

interface TrackSpec {
  name: string;
  album: AlbumObject;
  durationMs: number;
  trackNumber: number;
  popularity: number;
  explicit?: boolean;
  artists?: ArtistRef[];
}

let isrcSerial = 0;

export function track(spec: TrackSpec): TrackObject {
  isrcSerial += 1;
  return {
    ...links("track", stableId(`track:${spec.name}`)),
    album: spec.album,
    artists: spec.artists ?? spec.album.artists,
    available_markets: MARKETS,
    disc_number: 1,
    duration_ms: spec.durationMs,
    explicit: spec.explicit ?? false,
    external_ids: { isrc: `QZNWP26${String(isrcSerial).padStart(5, "0")}` },
    is_local: false,
    name: spec.name,
    popularity: spec.popularity,
    preview_url: null,
    track_number: spec.trackNumber,
    type: "track",
  };
}

const marlow = artist("Marlow Vance");
const orchards = artist("The Quiet Orchards");
const juno = artist("Juno Okafor");
const delta = artist("Delta Static");

const harbour = album({
  name: "Harbour Lights",
  artists: [marlow],
  albumType: "album",
  releaseDate: "2021-05-14",
  totalTracks: 11,
  colour: "#1f6f8b",
});
const orchardHours = album({
  name: "Orchard Hours",
  artists: [orchards],
  albumType: "album",
  releaseDate: "2019-09-27",
  totalTracks: 9,
  colour: "#8a5a2b",
});
const nightBus = album({
  name: "Night Bus Home",
  artists: [juno],
  albumType: "single",
  releaseDate: "2023-11-03",
  totalTracks: 1,
  colour: "#5b2a86",
});
const neon = album({
  name: "Neon Cartography",
  artists: [delta],
  albumType: "album",
  releaseDate: "2024-02-09",
  totalTracks: 10,
  colour: "#c2185b",
});

/** Played in this order by a fresh user; the first is what is playing. */
export const tracks: readonly TrackObject[] = [
  track({
    name: "Low Tide Radio",
    album: harbour,
    durationMs: 214_000,
    trackNumber: 1,
    popularity: 61,
  }),
  track({
    name: "Frost on the Apples",
    album: orchardHours,
    durationMs: 198_000,
    trackNumber: 3,
    popularity: 47,
  }),
  track({
    name: "Night Bus Home",
    album: nightBus,
    durationMs: 176_000,
    trackNumber: 1,
    popularity: 72,
    artists: [juno, marlow],
  }),
  track({
    name: "Gridlines",
    album: neon,
    durationMs: 252_000,
    trackNumber: 2,
    popularity: 55,
  }),
  track({
    name: "Signal Fires",
    album: harbour,
    durationMs: 187_500,
    trackNumber: 4,
    popularity: 58,
  }),
  track({
    name: "Ladder Song",
    album: orchardHours,
    durationMs: 229_000,
    trackNumber: 6,
    popularity: 39,
    explicit: true,
  }),
  track({
    name: "Sodium Glow",
    album: neon,
    durationMs: 163_000,
    trackNumber: 5,
    popularity: 50,
  }),
  track({
    name: "Paper Lanterns",
    album: harbour,
    durationMs: 241_000,
    trackNumber: 9,
    popularity: 44,
  }),
];

const showId = stableId("show:The Long Way Round");

export const show: ShowObject = {
  ...links("show", showId),
  available_markets: MARKETS,
  copyrights: [],
  description: "Two friends take the slow road to places nobody visits.",
  explicit: false,
  html_description:
    "<p>Two friends take the slow road to places nobody visits.</p>",
  images: coverImages("Long Way", "#2e7d32"),
  is_externally_hosted: false,
  languages: ["en"],
  media_type: "audio",
  name: "The Long Way Round",
  publisher: "Foxglove Audio",
  total_episodes: 48,
  type: "show",
};

function episode(
  name: string,
  releaseDate: string,
  durationMs: number,
): EpisodeObject {
  const description = `${name}: another detour, another story.`;
  return {
    ...links("episode", stableId(`episode:${name}`)),
    audio_preview_url: null,
    description,
    duration_ms: durationMs,
    explicit: false,
    html_description: `<p>${description}</p>`,
    images: show.images,
    is_externally_hosted: false,
    is_playable: true,
    language: "en",
    languages: ["en"],
    name,
    release_date: releaseDate,
    release_date_precision: "day",
    resume_point: { fully_played: false, resume_position_ms: 0 },
    show,
    type: "episode",
  };
}

export const episodes: readonly EpisodeObject[] = [
  episode("Maps Nobody Drew", "2026-10-02", 1_864_000),
  episode("The Ferry That Waits", "2026-10-16", 2_412_000),
];

/** A short bonus episode the music loop plays now and then. */
export const minisode: EpisodeObject = episode(
  "Detour in Brief: The Lighthouse Steps",
  "2026-11-20",
  204_000,
);

const localArtist: ArtistRef = {
  external_urls: {},
  href: null,
  id: null,
  name: "Sam Ridley",
  type: "artist",
  uri: null,
};

/** Local files have no ids, links or art; the uri carries the names. */
export const localFile: TrackObject = {
  album: {
    album_type: null,
    artists: [],
    available_markets: [],
    external_urls: {},
    href: null,
    id: null,
    images: [],
    name: "Voice Memos",
    release_date: null,
    release_date_precision: null,
    total_tracks: 0,
    type: "album",
    uri: null,
  },
  artists: [localArtist],
  available_markets: [],
  disc_number: 0,
  duration_ms: 163_000,
  explicit: false,
  external_ids: {},
  external_urls: {},
  href: null,
  id: null,
  is_local: true,
  name: "Kitchen Demo (take 3)",
  popularity: 0,
  preview_url: null,
  track_number: 0,
  type: "track",
  uri: "spotify:local:Sam+Ridley:Voice+Memos:Kitchen+Demo+%28take+3%29:163",
};

const playlistId = stableId("playlist:Sunday Slow Burn");

export const playlistContext: PlaybackContext = {
  external_urls: { spotify: `${OPEN}/playlist/${playlistId}` },
  href: `${API}/playlists/${playlistId}`,
  type: "playlist",
  uri: `spotify:playlist:${playlistId}`,
};

export const showContext: PlaybackContext = {
  external_urls: show.external_urls,
  href: show.href,
  type: "show",
  uri: show.uri,
};
