import * as v from "valibot";
import type {
  AllowedActions,
  Episode,
  Link,
  PlaybackContext,
  PlaybackState,
  PlayingItem,
  RecentPlay,
  SpotifyProfile,
  Track,
} from "../lib/playback";

/*
 * Spotify's JSON enters the app here and nowhere else. The schemas are
 * lenient where the real API is (null images, empty external_urls on local
 * files, missing optional fields) and strict only where the page would lie
 * without the field.
 */

/** An optional field: absent, null or of the wrong type all read as null. */
function optional<T extends v.GenericSchema>(schema: T) {
  return v.fallback(v.nullish(schema, null), null);
}

const text = optional(v.string());
const count = optional(v.number());
const externalUrls = optional(v.object({ spotify: v.optional(v.string()) }));
const images = optional(
  v.array(v.object({ url: v.string(), width: count, height: count })),
);

const namedLink = v.object({
  name: v.string(),
  external_urls: externalUrls,
  uri: text,
});

const artist = v.object({
  ...namedLink.entries,
  name: v.pipe(
    v.string(),
    v.check((name) => name.trim() !== ""),
  ),
});

/** Each artist on its own: one without a name drops out, not the list. */
const artists = v.fallback(
  v.pipe(
    v.array(v.unknown()),
    v.transform((list) =>
      list.flatMap((raw) => {
        const parsed = v.safeParse(artist, raw);
        return parsed.success ? [parsed.output] : [];
      }),
    ),
  ),
  [],
);

const trackSchema = v.object({
  type: v.literal("track"),
  name: v.string(),
  artists,
  album: optional(
    v.object({ name: text, images, external_urls: externalUrls, uri: text }),
  ),
  duration_ms: v.number(),
  explicit: v.fallback(v.boolean(), false),
  is_local: v.fallback(v.boolean(), false),
  external_urls: externalUrls,
  uri: text,
});

const episodeSchema = v.object({
  type: v.literal("episode"),
  name: v.string(),
  images,
  duration_ms: v.number(),
  external_urls: externalUrls,
  show: v.object({
    name: v.string(),
    publisher: text,
    images,
    external_urls: externalUrls,
  }),
});

const playerSchema = v.object({
  is_playing: v.fallback(v.boolean(), false),
  progress_ms: count,
  currently_playing_type: v.fallback(v.string(), "unknown"),
  item: v.unknown(),
  device: optional(
    v.object({
      name: v.string(),
      type: v.fallback(v.string(), "Unknown"),
      volume_percent: count,
      supports_volume: v.fallback(v.boolean(), true),
      is_private_session: v.fallback(v.boolean(), false),
    }),
  ),
  context: optional(
    v.object({ type: v.string(), uri: text, external_urls: externalUrls }),
  ),
  shuffle_state: v.fallback(v.boolean(), false),
  repeat_state: v.fallback(v.picklist(["off", "track", "context"]), "off"),
  actions: optional(
    v.object({ disallows: optional(v.record(v.string(), v.boolean())) }),
  ),
});

const queueSchema = v.object({ queue: v.array(v.unknown()) });

const recentlyPlayedSchema = v.object({
  items: v.array(v.object({ played_at: v.string(), track: v.unknown() })),
});

const profileSchema = v.object({
  id: v.string(),
  display_name: text,
  images,
});

export class SpotifyPayloadError extends Error {
  constructor(what: string) {
    super(`Spotify sent a ${what} this app cannot read`);
    this.name = "SpotifyPayloadError";
  }
}

export function parsePlaybackState(json: unknown): PlaybackState {
  const result = v.safeParse(playerSchema, json);
  if (!result.success) throw new SpotifyPayloadError("player state");
  const player = result.output;
  const item = parseItem(player.item, player.currently_playing_type);

  return {
    isPlaying: player.is_playing,
    progressMs: player.progress_ms,
    item,
    device: player.device && {
      name: player.device.name,
      type: player.device.type,
      // A device without volume control may still send a number.
      volumePercent: player.device.supports_volume
        ? player.device.volume_percent
        : null,
      isPrivateSession: player.device.is_private_session,
    },
    context: player.context && describeContext(player.context, item),
    shuffle: player.shuffle_state,
    repeat: player.repeat_state,
    allowed: allowedActions(player.actions?.disallows ?? {}),
  };
}

/** Spotify lists only what it disallows; anything unlisted is allowed. */
function allowedActions(disallows: Record<string, boolean>): AllowedActions {
  const allowed = (action: string) => disallows[action] !== true;
  return {
    pause: allowed("pausing"),
    resume: allowed("resuming"),
    next: allowed("skipping_next"),
    previous: allowed("skipping_prev"),
    seek: allowed("seeking"),
  };
}

/**
 * The first `limit` items that play next; an item this app cannot read is
 * left out. Spotify sends twenty or so full tracks, and reading only what
 * the page shows keeps the page light.
 */
export function parseQueue(json: unknown, limit: number): PlayingItem[] {
  const result = v.safeParse(queueSchema, json);
  if (!result.success) throw new SpotifyPayloadError("queue");
  const next: PlayingItem[] = [];
  for (const raw of result.output.queue) {
    if (next.length === limit) break;
    const item = parseItem(raw, "track");
    if (item.type === "track" || item.type === "episode") next.push(item);
  }
  return next;
}

export function parseRecentlyPlayed(json: unknown): RecentPlay[] {
  const result = v.safeParse(recentlyPlayedSchema, json);
  if (!result.success) throw new SpotifyPayloadError("play history");
  return result.output.items.flatMap(({ played_at, track }) => {
    const parsed = v.safeParse(trackSchema, track);
    return parsed.success
      ? [{ playedAt: played_at, track: toTrack(parsed.output) }]
      : [];
  });
}

export function parseProfile(json: unknown): SpotifyProfile {
  const result = v.safeParse(profileSchema, json);
  if (!result.success) throw new SpotifyPayloadError("profile");
  const { id, display_name, images } = result.output;
  return { displayName: display_name || id, imageUrl: pickImage(images, 64) };
}

function parseItem(item: unknown, playingType: string): PlayingItem {
  if (playingType === "ad") return { type: "ad" };
  const track = v.safeParse(trackSchema, item);
  if (track.success) return toTrack(track.output);
  const episode = v.safeParse(episodeSchema, item);
  if (episode.success) return toEpisode(episode.output);
  const named = v.safeParse(v.object({ name: v.string() }), item);
  return { type: "unknown", name: named.success ? named.output.name : null };
}

function toTrack(track: v.InferOutput<typeof trackSchema>): Track {
  const album = track.album;
  return {
    type: "track",
    name: track.name,
    artists: track.artists.map(toLink),
    album: album?.name
      ? { name: album.name, url: spotifyUrl(album.external_urls) }
      : null,
    imageUrl: pickImage(album?.images ?? null, 300),
    durationMs: track.duration_ms,
    url: spotifyUrl(track.external_urls),
    explicit: track.explicit,
    isLocal: track.is_local,
  };
}

function toEpisode(episode: v.InferOutput<typeof episodeSchema>): Episode {
  const { show } = episode;
  return {
    type: "episode",
    name: episode.name,
    show: {
      name: show.name,
      url: spotifyUrl(show.external_urls),
      publisher: show.publisher,
    },
    // Episodes often come with no art of their own; the show's stands in.
    imageUrl: pickImage(episode.images, 300) ?? pickImage(show.images, 300),
    durationMs: episode.duration_ms,
    url: spotifyUrl(episode.external_urls),
  };
}

function toLink(link: v.InferOutput<typeof namedLink>): Link {
  return { name: link.name, url: spotifyUrl(link.external_urls) };
}

type Urls = v.InferOutput<typeof externalUrls>;
type RawContext = v.InferOutput<typeof playerSchema>["context"];

/** Names the context when the playing item itself says what it is. */
function describeContext(
  context: NonNullable<RawContext>,
  item: PlayingItem,
): PlaybackContext {
  const names: (Link | null)[] =
    item.type === "track"
      ? [item.album, ...item.artists]
      : item.type === "episode"
        ? [item.show]
        : [];
  const id = context.uri?.split(":").at(-1);
  const match = id
    ? names.find((link) => link?.url?.endsWith(`/${id}`))
    : undefined;
  return {
    type: context.type,
    name: match?.name ?? null,
    url: spotifyUrl(context.external_urls),
  };
}

/** Only https links reach an href; anything else is dropped. */
function spotifyUrl(urls: Urls) {
  const url = urls?.spotify;
  return url && /^https:\/\//i.test(url) ? url : null;
}

const IMAGE_URL = /^(https:\/\/|data:image\/(png|jpeg|gif|webp|svg\+xml)[;,])/i;

/** The smallest image at least `size` pixels wide, else the largest. */
function pickImage(
  list: { url: string; width: number | null }[] | null,
  size: number,
) {
  const usable = (list ?? []).filter((image) => IMAGE_URL.test(image.url));
  const bySize = [...usable].sort((a, b) => (a.width ?? 0) - (b.width ?? 0));
  const fit = bySize.find((image) => (image.width ?? 0) >= size);
  return (fit ?? bySize.at(-1))?.url ?? null;
}
