/** Spotify Web API objects as the real API spells them (snake_case). */

export interface ExternalUrls {
  spotify?: string;
}

export interface SpotifyImage {
  url: string;
  height: number | null;
  width: number | null;
}

export interface ArtistRef {
  external_urls: ExternalUrls;
  href: string | null;
  id: string | null;
  name: string;
  type: "artist";
  uri: string | null;
}

export interface AlbumObject {
  album_type: "album" | "single" | "compilation" | null;
  artists: ArtistRef[];
  available_markets: string[];
  external_urls: ExternalUrls;
  href: string | null;
  id: string | null;
  images: SpotifyImage[];
  name: string;
  release_date: string | null;
  release_date_precision: "year" | "month" | "day" | null;
  total_tracks: number;
  type: "album";
  uri: string | null;
}

export interface TrackObject {
  album: AlbumObject;
  artists: ArtistRef[];
  available_markets: string[];
  disc_number: number;
  duration_ms: number;
  explicit: boolean;
  external_ids: { isrc?: string };
  external_urls: ExternalUrls;
  href: string | null;
  id: string | null;
  is_local: boolean;
  name: string;
  popularity: number;
  preview_url: string | null;
  track_number: number;
  type: "track";
  uri: string;
}

export interface ShowObject {
  available_markets: string[];
  copyrights: { text: string; type: string }[];
  description: string;
  explicit: boolean;
  external_urls: ExternalUrls;
  href: string;
  html_description: string;
  id: string;
  images: SpotifyImage[];
  is_externally_hosted: boolean;
  languages: string[];
  media_type: "audio";
  name: string;
  publisher: string;
  total_episodes: number;
  type: "show";
  uri: string;
}

export interface EpisodeObject {
  audio_preview_url: string | null;
  description: string;
  duration_ms: number;
  explicit: boolean;
  external_urls: ExternalUrls;
  href: string;
  html_description: string;
  id: string;
  images: SpotifyImage[];
  is_externally_hosted: boolean;
  is_playable: boolean;
  language: string;
  languages: string[];
  name: string;
  release_date: string;
  release_date_precision: "day";
  resume_point: { fully_played: boolean; resume_position_ms: number };
  show: ShowObject;
  type: "episode";
  uri: string;
}

export type PlayableItem = TrackObject | EpisodeObject;

export interface PlaybackContext {
  external_urls: ExternalUrls;
  href: string;
  type: "playlist" | "album" | "artist" | "show";
  uri: string;
}

export interface DeviceObject {
  id: string;
  is_active: boolean;
  is_private_session: boolean;
  is_restricted: boolean;
  name: string;
  supports_volume: boolean;
  type: "Computer" | "Smartphone" | "Speaker";
  /** null on some devices, and meaningless when supports_volume is false. */
  volume_percent: number | null;
}
