import type {
  AlbumObject,
  EpisodeObject,
  PlayableItem,
  ShowObject,
  TrackObject,
} from "./spotify-objects.ts";

/**
 * Development-mode apps (almost every self-hosted install since Feb 2026) get
 * tracks, albums and shows without these fields; extended quota gets them.
 */
export type QuotaMode = "development" | "extended";

type WithoutMarkets<T> = Omit<T, "available_markets"> & {
  available_markets?: string[];
};

export type PresentedAlbum = WithoutMarkets<AlbumObject>;

export type PresentedTrack = Omit<
  TrackObject,
  "album" | "available_markets" | "popularity"
> & {
  album: PresentedAlbum;
  available_markets?: string[];
  popularity?: number;
};

export type PresentedShow = Omit<
  ShowObject,
  "available_markets" | "publisher"
> & {
  available_markets?: string[];
  publisher?: string;
};

export type PresentedEpisode = Omit<EpisodeObject, "show"> & {
  show: PresentedShow;
};

export type PresentedItem = PresentedTrack | PresentedEpisode;

function presentAlbum(album: AlbumObject, mode: QuotaMode): PresentedAlbum {
  const { available_markets, ...rest } = album;
  return mode === "extended" ? album : rest;
}

export function presentTrack(
  track: TrackObject,
  mode: QuotaMode,
): PresentedTrack {
  const { available_markets, popularity, album, ...rest } = track;
  const presented = { ...rest, album: presentAlbum(album, mode) };
  return mode === "extended"
    ? { ...presented, available_markets, popularity }
    : presented;
}

function presentShow(show: ShowObject, mode: QuotaMode): PresentedShow {
  const { available_markets, publisher, ...rest } = show;
  return mode === "extended" ? show : rest;
}

export function presentItem(
  item: PlayableItem,
  mode: QuotaMode,
): PresentedItem {
  if (item.type === "track") return presentTrack(item, mode);
  return { ...item, show: presentShow(item.show, mode) };
}
